using System.Net;
using System.Text;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using PortCooperation.IntegrationTests.Web;
using PortCooperation.Web.Domain;
using StaffPaths = PortCooperation.Web.Infrastructure.IdentityServiceCollectionExtensions;

namespace PortCooperation.IntegrationTests.Security;

/// <summary>
/// docs/quality.md S5 through the real forms: staff without two-factor sign-in are sent to enrol before any staff
/// page; enrolment shows the key and an otpauth link, turns on with a code computed here (RFC 6238) and
/// shows ten recovery codes once; later sign-ins need a code from the app or an unused recovery code.
/// Enforcement is on as in production (the Testing environment turns it off for the other tests).
/// </summary>
public sealed class TwoFactorTests : IClassFixture<TwoFactorTests.Fixture>
{
    private const string EnablePath = "/Identity/TwoFactor/Enable";
    private const string SecondStepPath = "/Identity/Account/LoginWith2fa";
    private const string ResetPath = "/Identity/TwoFactor/Reset";
    private readonly WebFactory _factory;

    public TwoFactorTests(Fixture fixture) => _factory = fixture.Factory;

    /// <summary>The app's clock is the real one here: authenticator codes depend on the time.</summary>
    public sealed class Fixture : IDisposable
    {
        public WebFactory Factory { get; } = new(DateTimeOffset.UtcNow, new Dictionary<string, string?> { ["Security:RequireTwoFactorForStaff"] = "true" });

        public void Dispose() => Factory.Dispose();
    }

    [Fact]
    public void TheTestsTotp_MatchesTheRfc6238TestVectors()
    {
        var key = Encoding.ASCII.GetBytes("12345678901234567890");

        Totp.Code(key, 59 / 30, 8).ShouldBe("94287082");
        Totp.Code(key, 1111111109 / 30, 8).ShouldBe("07081804");
        Totp.Code(key, 2000000000 / 30, 8).ShouldBe("69279037");
    }

    [Theory]
    [InlineData(Roles.Administrator)]
    [InlineData(Roles.Editor)]
    public async Task StaffWithoutTwoFactor_AreSentToEnrol_BeforeAnyStaffPage(string role)
    {
        var client = await _factory.SignedInClientAsync($"{role.ToLowerInvariant()}-no-2fa@example.org", role);

        using var response = await client.GetAsync("/Admin/Dashboard/Index?tab=1");

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var location = response.Headers.Location!.OriginalString;
        location.ShouldStartWith(EnablePath);
        location.ShouldContain("ReturnUrl=" + Uri.EscapeDataString("/Admin/Dashboard/Index?tab=1"), Case.Insensitive);
    }

    [Fact]
    public async Task Enrolment_ShowsTheKeyAndAnOtpauthLink_TurnsOnWithTheAppsCode_AndShowsTenRecoveryCodes()
    {
        const string email = "enrol@example.org";
        var client = await _factory.SignedInClientAsync(email, Roles.Editor);

        var page = await PageAsync(client, EnablePath + "?returnUrl=%2FAdmin");
        var key = page.QuerySelector("#shared-key")!.GetAttribute("data-key")!;
        var link = page.QuerySelector("#authenticator-uri")!.GetAttribute("href")!;
        link.ShouldStartWith("otpauth://totp/PortCooperation:");
        link.ShouldContain("secret=" + key);
        link.ShouldContain("issuer=PortCooperation");
        WebTestData.Squash(page.QuerySelector("#shared-key")!.TextContent).Replace(" ", "", StringComparison.Ordinal).ShouldBe(key, StringCompareShould.IgnoreCase);

        using var enabled = await PostFormAsync(client, EnablePath + "?returnUrl=%2FAdmin", new() { ["Code"] = Totp.Code(key, DateTimeOffset.UtcNow), ["ReturnUrl"] = "/Admin", ["PendingKey"] = PendingKey(page) });

        enabled.StatusCode.ShouldBe(HttpStatusCode.OK);
        var codes = (await ParseAsync(enabled)).QuerySelectorAll("#recovery-codes li").Select(li => li.TextContent.Trim()).ToList();
        codes.Count.ShouldBe(10);
        codes.Distinct().Count().ShouldBe(10);
        (await UserAsync(email)).TwoFactorEnabled.ShouldBeTrue();
        using var dashboard = await client.GetAsync("/Admin");
        dashboard.StatusCode.ShouldBe(HttpStatusCode.OK, "enrolled in this session, the staff area opens");
    }

    [Fact]
    public async Task AnEnrolledSession_NeitherSeesTheKeyAgain_NorGetsNewRecoveryCodes_WithoutThePassword()
    {
        const string email = "enrolled-session@example.org";
        var client = await _factory.SignedInClientAsync(email, Roles.Editor);
        var page = await PageAsync(client, EnablePath);
        var key = page.QuerySelector("#shared-key")!.GetAttribute("data-key")!;
        using (var enabled = await PostFormAsync(client, EnablePath, new() { ["Code"] = Totp.Code(key, DateTimeOffset.UtcNow), ["PendingKey"] = PendingKey(page) }))
        {
            enabled.StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        using (var again = await client.GetAsync(EnablePath))
        {
            var html = await again.Content.ReadAsStringAsync();
            html.ShouldNotContain(key, Case.Insensitive, "the enrolled key is never shown again");
            html.ShouldNotContain(WebTestData.Squash(string.Join(' ', key.Chunk(4).Select(c => new string(c)))), Case.Insensitive);
        }

        using (var minted = await PostFormAsync(client, EnablePath, new() { ["Code"] = Totp.Code(key, DateTimeOffset.UtcNow) }))
        {
            (await ParseAsync(minted)).QuerySelectorAll("#recovery-codes li").ShouldBeEmpty("a code from the app alone mints no recovery codes");
        }

        (await RecoveryCodesLeftAsync(email)).ShouldBe(10);

        using (var wrong = await PostFormAsync(client, EnablePath, ResetPath, new() { ["Password"] = "not my password at all" }))
        {
            (await wrong.Content.ReadAsStringAsync()).ShouldNotContain(key, Case.Insensitive);
        }

        (await UserAsync(email)).TwoFactorEnabled.ShouldBeTrue("a wrong password changes nothing");

        using (var reset = await PostFormAsync(client, EnablePath, ResetPath, new() { ["Password"] = StaffSession.Password }))
        {
            reset.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        var newKey = (await PageAsync(client, EnablePath)).QuerySelector("#shared-key")!.GetAttribute("data-key")!;
        newKey.ShouldNotBe(key, "with the password, enrolment starts again with a new key");
        (await UserAsync(email)).TwoFactorEnabled.ShouldBeFalse();
    }

    [Fact]
    public async Task Enrolment_WithAWrongCode_StaysOff_AndSaysSo()
    {
        const string email = "wrong-enrol@example.org";
        var client = await _factory.SignedInClientAsync(email, Roles.Editor);
        var page = await PageAsync(client, EnablePath);
        var key = page.QuerySelector("#shared-key")!.GetAttribute("data-key")!;
        var wrong = Totp.Code(key, DateTimeOffset.UtcNow.AddHours(-1));

        using var response = await PostFormAsync(client, EnablePath, new() { ["Code"] = wrong, ["PendingKey"] = PendingKey(page) });

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var again = await ParseAsync(response);
        again.QuerySelector("#error-summary a[href='#Code']").ShouldNotBeNull();
        again.QuerySelector("#Code")!.GetAttribute("aria-invalid").ShouldBe("true");
        again.QuerySelector("#shared-key")!.GetAttribute("data-key").ShouldBe(key, "the key stays the same until enrolment succeeds");
        (await UserAsync(email)).TwoFactorEnabled.ShouldBeFalse();
    }

    [Fact]
    public async Task SignIn_WithTwoFactorOn_AsksForTheCode_AndTheStaffAreaStaysClosedUntilItComes()
    {
        const string email = "second-step@example.org";
        var key = await EnrolledAccountAsync(email);
        var client = _factory.NewClient();

        using var password = await client.PostLoginAsync(email, StaffSession.Password, "/Admin");
        password.Headers.Location!.OriginalString.ShouldStartWith(SecondStepPath);
        using var tooEarly = await client.GetAsync("/Admin");
        tooEarly.IsRedirectToLogin().ShouldBeTrue("a password alone does not sign in");

        using var wrong = await PostFormAsync(client, SecondStepPath, new() { ["Code"] = Totp.Code(key, DateTimeOffset.UtcNow.AddHours(-2)), ["ReturnUrl"] = "/Admin" });
        wrong.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await ParseAsync(wrong)).QuerySelector("#error-summary").ShouldNotBeNull();

        using var right = await PostFormAsync(client, SecondStepPath, new() { ["Code"] = Totp.Code(key, DateTimeOffset.UtcNow), ["ReturnUrl"] = "/Admin" });
        right.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        right.Headers.Location!.OriginalString.ShouldBe("/Admin");
        using var dashboard = await client.GetAsync("/Admin");
        dashboard.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task ARecoveryCode_SignsInOnce()
    {
        const string email = "recovery@example.org";
        await EnrolledAccountAsync(email);
        string recoveryCode;
        await using (var scope = _factory.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            recoveryCode = (await users.GenerateNewTwoFactorRecoveryCodesAsync((await users.FindByEmailAsync(email))!, 10))!.First();
        }

        var first = _factory.NewClient();
        using (await first.PostLoginAsync(email, StaffSession.Password)) { }
        using var used = await PostFormAsync(first, SecondStepPath, new() { ["Code"] = recoveryCode });
        var second = _factory.NewClient();
        using (await second.PostLoginAsync(email, StaffSession.Password)) { }
        using var reused = await PostFormAsync(second, SecondStepPath, new() { ["Code"] = recoveryCode });

        used.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        reused.StatusCode.ShouldBe(HttpStatusCode.OK, "a recovery code works once");
    }

    [Fact]
    public async Task TheSecondStep_WithoutAPasswordFirst_GoesBackToSignIn()
    {
        using var response = await _factory.NewClient().GetAsync(SecondStepPath);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.ShouldStartWith(StaffPaths.LoginPath);
    }

    [Fact]
    public async Task Production_RequiresTwoFactorForStaff_ByDefault()
    {
        using var production = new WebFactory(DateTimeOffset.UtcNow) { EnvironmentName = "Production" };
        var client = await production.SignedInClientAsync("production-staff@example.org", Roles.Administrator);

        using var response = await client.GetAsync("/Admin");

        response.Headers.Location!.OriginalString.ShouldStartWith(EnablePath);
    }

    /// <summary>An Editor who enrolled through the form; returns the shared key.</summary>
    private async Task<string> EnrolledAccountAsync(string email)
    {
        var client = await _factory.SignedInClientAsync(email, Roles.Editor);
        var page = await PageAsync(client, EnablePath);
        var key = page.QuerySelector("#shared-key")!.GetAttribute("data-key")!;
        using var enabled = await PostFormAsync(client, EnablePath, new() { ["Code"] = Totp.Code(key, DateTimeOffset.UtcNow), ["PendingKey"] = PendingKey(page) });
        enabled.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await UserAsync(email)).TwoFactorEnabled.ShouldBeTrue();
        return key;
    }

    /// <summary>The enrolment page carries the key it shows, protected, until the POST stores it (a GET writes nothing).</summary>
    private static string PendingKey(IHtmlDocument page) => page.QuerySelector("input[name=PendingKey]")!.GetAttribute("value")!;

    private async Task<ApplicationUser> UserAsync(string email)
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByEmailAsync(email))!;
    }

    private async Task<int> RecoveryCodesLeftAsync(string email)
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        return await users.CountRecoveryCodesAsync((await users.FindByEmailAsync(email))!);
    }

    /// <summary>Posts <paramref name="fields"/> to <paramref name="action"/> with the antiforgery token of the page at <paramref name="url"/>.</summary>
    private static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string url, string action, Dictionary<string, string> fields)
    {
        fields[StaffSession.AntiforgeryField] = await client.FormTokenAsync(url);
        return await client.PostAsync(action, new FormUrlEncodedContent(fields));
    }

    private static async Task<IHtmlDocument> PageAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(url);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, $"GET {url}");
        return await ParseAsync(response);
    }

    /// <summary>Posts <paramref name="fields"/> with the antiforgery token of the form at <paramref name="url"/>.</summary>
    private static Task<HttpResponseMessage> PostFormAsync(HttpClient client, string url, Dictionary<string, string> fields) =>
        PostFormAsync(client, url, url.Split('?')[0], fields);

    private static async Task<IHtmlDocument> ParseAsync(HttpResponseMessage response) =>
        new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
}
