using System.Net;
using PortCooperation.IntegrationTests.Web;
using PortCooperation.Web.Domain;
using StaffPaths = PortCooperation.Web.Infrastructure.IdentityServiceCollectionExtensions;

namespace PortCooperation.IntegrationTests.Security;

/// <summary>
/// docs/quality.md S1 for every staff endpoint the app maps, found by enumerating its EndpointDataSource (no
/// hand-kept list): anonymous visitors are sent to the sign-in page, signed-in accounts without a staff role
/// get 403, staff get through.
/// </summary>
public sealed class StaffAreaAccessTests : IClassFixture<SharedWebFactory>
{
    private readonly SharedWebFactory _fixture;

    public StaffAreaAccessTests(SharedWebFactory fixture) => _fixture = fixture;

    private IReadOnlyList<EndpointRequest> Protected =>
        [.. EndpointCatalogue.Requests(_fixture.Factory.Services).Where(r => r.IsAdminArea || r.RequiresAuthorization)];

    [Fact]
    public void TheEnumeration_FindsTheStaffArea_AndEveryAdminEndpointRequiresAuthorization()
    {
        var all = EndpointCatalogue.Requests(_fixture.Factory.Services);

        Protected.ShouldContain(r => r.Method == "GET" && r.Path == "/Admin/Dashboard/Index");
        all.ShouldContain(r => r.Method == "POST" && r.Path == StaffPaths.LoginPath);
        all.Where(r => r.IsAdminArea && !r.RequiresAuthorization).ShouldBeEmpty("every Admin-area endpoint must require authorization");
    }

    [Fact]
    public async Task EveryProtectedEndpoint_SendsAnonymousVisitors_ToTheLoginPage()
    {
        var client = _fixture.Factory.NewClient();
        var failures = new List<string>();

        foreach (var request in Protected)
        {
            using var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(request.Method), request.Path) { Content = FormFor(request) });
            if (!response.IsRedirectToLogin())
            {
                failures.Add($"{request}: {(int)response.StatusCode} {response.Headers.Location}");
            }
        }

        failures.ShouldBeEmpty();
    }

    [Fact]
    public async Task EveryProtectedEndpoint_Gives403_ToASignedInAccountWithoutAStaffRole()
    {
        var client = await _fixture.Factory.SignedInClientAsync("no-role@example.org");
        var failures = new List<string>();

        foreach (var request in Protected)
        {
            using var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(request.Method), request.Path) { Content = FormFor(request) });
            if (response.StatusCode != HttpStatusCode.Forbidden)
            {
                failures.Add($"{request}: {(int)response.StatusCode} {response.Headers.Location}");
            }
        }

        failures.ShouldBeEmpty();
    }

    [Theory]
    [InlineData(Roles.Administrator)]
    [InlineData(Roles.Editor)]
    public async Task Staff_ReachTheDashboard(string role)
    {
        var client = await _fixture.Factory.SignedInClientAsync($"{role.ToLowerInvariant()}-dashboard@example.org", role);

        using var response = await client.GetAsync("/Admin");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).ShouldContain("<h1");
    }

    [Fact]
    public async Task AnonymousVisitor_AfterSigningIn_ReturnsToThePageAskedFor()
    {
        await _fixture.Factory.CreateUserAsync("return-url@example.org", StaffSession.Password, Roles.Editor);
        var client = _fixture.Factory.NewClient();
        using var challenge = await client.GetAsync("/Admin/Dashboard/Index");
        challenge.IsRedirectToLogin().ShouldBeTrue();

        using var signIn = await client.PostLoginAsync("return-url@example.org", StaffSession.Password, "/Admin/Dashboard/Index");

        signIn.Headers.Location!.OriginalString.ShouldBe("/Admin/Dashboard/Index");
    }

    [Fact]
    public async Task SignIn_RefusesAReturnUrlToAnotherSite()
    {
        await _fixture.Factory.CreateUserAsync("open-redirect@example.org", StaffSession.Password, Roles.Editor);

        using var signIn = await _fixture.Factory.NewClient().PostLoginAsync("open-redirect@example.org", StaffSession.Password, "https://evil.example/phish");

        signIn.Headers.Location!.OriginalString.ShouldBe("/Admin");
    }

    private static FormUrlEncodedContent? FormFor(EndpointRequest request) =>
        request.IsUnsafe() ? new FormUrlEncodedContent(new Dictionary<string, string> { ["probe"] = "1" }) : null;
}
