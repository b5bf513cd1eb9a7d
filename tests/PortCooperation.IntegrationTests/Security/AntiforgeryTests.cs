using System.Net;
using PortCooperation.IntegrationTests.Web;
using PortCooperation.Web.Domain;
using StaffPaths = PortCooperation.Web.Infrastructure.IdentityServiceCollectionExtensions;

namespace PortCooperation.IntegrationTests.Security;

/// <summary>
/// docs/quality.md S2: every state-changing endpoint the app maps (enumerated, no hand-kept list) refuses a request
/// without an antiforgery token with 400, for anonymous visitors and for signed-in staff alike.
/// </summary>
public sealed class AntiforgeryTests : IDisposable
{
    /// <summary>
    /// Endpoints allowed to accept unsafe requests without a token, each with the reason. Adding
    /// [IgnoreAntiforgeryToken] anywhere else fails <see cref="OnlyDocumentedEndpoints_IgnoreAntiforgery"/>.
    /// </summary>
    private static readonly Dictionary<string, string> _documentedExceptions = new(StringComparer.OrdinalIgnoreCase)
    {
        // The exception handler and the status-code pages re-execute a failed request with its own method, so a
        // POST that failed is re-executed as a POST to these; they only render the error page and change nothing.
        ["Home.Error"] = "exception handler target (re-executed with the failed request's method)",
        ["Home.HttpStatus"] = "status-code page target (re-executed with the failed request's method)",
    };

    private readonly WebFactory _factory = new();

    [Fact]
    public void OnlyDocumentedEndpoints_IgnoreAntiforgery()
    {
        var ignoring = EndpointCatalogue.Requests(_factory.Services).Where(r => r.IsUnsafe() && r.IgnoresAntiforgery).Select(r => r.Name);

        ignoring.Where(name => !_documentedExceptions.ContainsKey(name)).ShouldBeEmpty();
    }

    [Fact]
    public async Task EveryUnsafeEndpoint_WithoutAToken_Is400_ForAnonymousVisitors()
    {
        var client = _factory.NewClient();
        await client.FormTokenAsync(StaffPaths.LoginPath); // the antiforgery cookie alone is not enough
        var requests = UnsafeRequests().Where(r => !r.RequiresAuthorization).ToList();
        requests.ShouldContain(r => r.Path == StaffPaths.LoginPath);

        var failures = await PostAllWithoutTokenAsync(client, requests);

        failures.ShouldBeEmpty();
    }

    [Fact]
    public async Task EveryUnsafeEndpoint_WithoutAToken_Is400_ForSignedInAdministrators()
    {
        var client = await _factory.SignedInClientAsync("antiforgery-admin@example.org", Roles.Administrator);
        var requests = UnsafeRequests();
        requests.ShouldContain(r => r.Path == StaffPaths.LogoutPath);

        var failures = await PostAllWithoutTokenAsync(client, requests);

        failures.ShouldBeEmpty();
        using var stillSignedIn = await client.GetAsync("/Admin");
        stillSignedIn.StatusCode.ShouldBe(HttpStatusCode.OK, "a token-less POST to Logout must not sign out");
    }

    [Fact]
    public async Task ATokenFromTheForm_IsAccepted()
    {
        await _factory.CreateUserAsync("antiforgery-control@example.org", StaffSession.Password, Roles.Editor);

        using var response = await _factory.NewClient().PostLoginAsync("antiforgery-control@example.org", StaffSession.Password);

        // Signed in, not sent back to the form: the redirect leaves the sign-in page and the session cookie is issued.
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.ShouldNotStartWith(StaffPaths.LoginPath, Case.Insensitive);
        response.Headers.GetValues("Set-Cookie").ShouldContain(c => c.Contains("portal-auth=", StringComparison.Ordinal));
    }

    public void Dispose() => _factory.Dispose();

    private List<EndpointRequest> UnsafeRequests() =>
        [.. EndpointCatalogue.Requests(_factory.Services).Where(r => r.IsUnsafe() && !_documentedExceptions.ContainsKey(r.Name))];

    private static async Task<List<string>> PostAllWithoutTokenAsync(HttpClient client, IEnumerable<EndpointRequest> requests)
    {
        var failures = new List<string>();
        foreach (var request in requests)
        {
            var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["Id"] = "1", ["Email"] = "probe@example.org" });
            using var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(request.Method), request.Path) { Content = form });
            if (response.StatusCode != HttpStatusCode.BadRequest)
            {
                failures.Add($"{request}: {(int)response.StatusCode}");
            }
        }

        return failures;
    }
}
