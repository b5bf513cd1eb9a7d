using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;
using PortCooperation.IntegrationTests.Web;
using PortCooperation.Web.Domain;
using StaffPaths = PortCooperation.Web.Infrastructure.IdentityServiceCollectionExtensions;

namespace PortCooperation.IntegrationTests.Security;

/// <summary>
/// docs/quality.md S6 (cookie flags over HTTPS), S7 (headers per kind of page) and S14 (probes for files that must
/// never be served), read from real responses of the app.
/// </summary>
public sealed partial class CookieAndHeaderTests : IClassFixture<SharedWebFactory>
{
    private readonly WebFactory _factory;

    public CookieAndHeaderTests(SharedWebFactory fixture) => _factory = fixture.Factory;

    [Fact]
    public async Task SignIn_OverHttps_SetsOnlyHostPrefixedSecureHttpOnlySameSiteCookies()
    {
        await _factory.CreateUserAsync("cookies@example.org", StaffSession.Password, Roles.Editor);
        var client = _factory.NewClient();

        using var form = await client.GetAsync(StaffPaths.LoginPath);
        using var signIn = await client.PostLoginAsync("cookies@example.org", StaffSession.Password);

        signIn.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var cookies = SetCookies(form).Concat(SetCookies(signIn)).ToList();
        cookies.ShouldContain(c => c.StartsWith("__Host-portal-af=", StringComparison.Ordinal));
        var auth = cookies.Where(c => c.StartsWith("__Host-portal-auth=", StringComparison.Ordinal)).ShouldHaveSingleItem();
        auth.ShouldContain("samesite=lax", Case.Insensitive);
        foreach (var cookie in cookies)
        {
            var attributes = cookie.Split(';', StringSplitOptions.TrimEntries).Skip(1).Select(a => a.ToLowerInvariant()).ToList();
            cookie.ShouldStartWith("__Host-");
            attributes.ShouldContain("secure", cookie);
            attributes.ShouldContain("httponly", cookie);
            attributes.ShouldContain("path=/", cookie);
            attributes.ShouldContain(a => a.StartsWith("samesite=", StringComparison.Ordinal) && a != "samesite=none", cookie);
            attributes.ShouldNotContain(a => a.StartsWith("domain=", StringComparison.Ordinal), cookie);
        }
    }

    [Fact]
    public async Task PublicPage_HasStrictCspWithoutNonce_FrameAncestorsNone_Nosniff_ReferrerPolicy()
    {
        var client = _factory.NewClient();
        using var first = await client.GetAsync("/");
        using var replayed = await client.GetAsync("/");

        first.StatusCode.ShouldBe(HttpStatusCode.OK);
        ShouldHaveBaselineHeaders(first);
        Header(first, "Cache-Control").ShouldNotContain("no-store");
        // Public pages carry no inline or nonce-marked script, so the policy allows scripts from the portal's own
        // origin only and names no nonce — the same on the page rendered and on its replay from the output cache.
        var csp = Header(first, "Content-Security-Policy");
        csp.ShouldContain("script-src 'self';");
        csp.ShouldNotContain("nonce-");
        Header(replayed, "Content-Security-Policy").ShouldBe(csp);
        var page = new HtmlParser().ParseDocument(await first.Content.ReadAsStringAsync());
        page.QuerySelectorAll("script").ShouldAllBe(s => s.HasAttribute("src") && !s.HasAttribute("nonce"));
    }

    [Fact]
    public async Task StaffPage_IsNoStore_AndItsScriptsCarryThisResponsesNonce()
    {
        var client = await _factory.SignedInClientAsync("headers-admin@example.org", Roles.Administrator);

        using var first = await client.GetAsync("/Admin");
        using var second = await client.GetAsync("/Admin");

        first.StatusCode.ShouldBe(HttpStatusCode.OK);
        ShouldHaveBaselineHeaders(first);
        Header(first, "Cache-Control").ShouldContain("no-store");
        var nonce = Nonce(first);
        var page = new HtmlParser().ParseDocument(await first.Content.ReadAsStringAsync());
        var scripts = page.QuerySelectorAll("script").ToList();
        scripts.ShouldNotBeEmpty();
        nonce.Length.ShouldBeGreaterThanOrEqualTo(22, "16 random bytes in base64");
        scripts.ShouldAllBe(s => s.GetAttribute("nonce") == nonce);
        Nonce(second).ShouldNotBe(nonce, "a nonce is used once");
    }

    [Fact]
    public async Task SignInPage_IsNoStore()
    {
        using var response = await _factory.NewClient().GetAsync(StaffPaths.LoginPath);

        ShouldHaveBaselineHeaders(response);
        Header(response, "Cache-Control").ShouldContain("no-store");
    }

    [Fact]
    public async Task StaffAddressAnsweredByTheStatusPage_IsStillNoStore()
    {
        // The 404 page is re-executed under /Error/404: the headers follow the address the visitor asked for.
        var client = await _factory.SignedInClientAsync("headers-admin-404@example.org", Roles.Administrator);

        using var response = await client.GetAsync("/Admin/Activities/Edit/987654");

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        ShouldHaveBaselineHeaders(response);
        Header(response, "Cache-Control").ShouldContain("no-store");
    }

    [Theory]
    [InlineData("/no-such-page", HttpStatusCode.NotFound)]
    [InlineData("/Error/500", HttpStatusCode.InternalServerError)]
    public async Task ErrorPages_HaveTheHeadersToo(string url, HttpStatusCode status)
    {
        using var response = await _factory.NewClient().GetAsync(url);

        response.StatusCode.ShouldBe(status);
        ShouldHaveBaselineHeaders(response);
    }

    [Fact]
    public async Task StaticFile_HasNosniff_AndTheCsp()
    {
        using var response = await _factory.NewClient().GetAsync("/css/site.css");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsByteArrayAsync()).Length.ShouldBeGreaterThan(1000, "the stylesheet itself, not an empty answer");
        ShouldHaveBaselineHeaders(response);
    }

    [Theory]
    [InlineData("https://portal.example.org/", true)]
    [InlineData("https://localhost/", false)]
    [InlineData("https://127.0.0.1/", false)]
    [InlineData("http://portal.example.org/", false)]
    public async Task Hsts_OneYearWithSubdomains_OnlyOverHttps_AndNotOnLocalhost(string url, bool expected)
    {
        using var response = await _factory.NewClient().GetAsync(new Uri(url));

        if (expected)
        {
            var hsts = Header(response, "Strict-Transport-Security");
            var maxAge = long.Parse(MaxAge().Match(hsts).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
            maxAge.ShouldBeGreaterThanOrEqualTo(31_536_000);
            hsts.ShouldContain("includeSubDomains");
        }
        else
        {
            response.Headers.Contains("Strict-Transport-Security").ShouldBeFalse();
        }
    }

    [Fact]
    public async Task Hsts_IsOff_InDevelopment()
    {
        using var development = new WebFactory { EnvironmentName = "Development" };

        using var response = await development.NewClient().GetAsync(new Uri("https://portal.example.org/"));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Headers.Contains("Strict-Transport-Security").ShouldBeFalse();
    }

    [Theory]
    [InlineData("/.git/config")]
    [InlineData("/.git/HEAD")]
    [InlineData("/.env")]
    [InlineData("/appsettings.json")]
    [InlineData("/appsettings.Development.json")]
    [InlineData("/APPSETTINGS.Production.JSON")]
    [InlineData("/css/../appsettings.json")]
    public async Task ProbesForSecretFiles_Get404(string url)
    {
        using var response = await _factory.NewClient().GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        body.ShouldNotContain("ConnectionStrings");
        body.ShouldNotContain("Serilog");
    }

    [Theory]
    [InlineData("TRACE", "/")]
    [InlineData("TRACE", "/Admin")]
    [InlineData("TRACK", "/")]
    public async Task TraceAndTrack_Get405(string method, string url)
    {
        using var response = await _factory.NewClient().SendAsync(new HttpRequestMessage(new HttpMethod(method), url));

        response.StatusCode.ShouldBe(HttpStatusCode.MethodNotAllowed);
    }

    private static void ShouldHaveBaselineHeaders(HttpResponseMessage response)
    {
        var csp = Header(response, "Content-Security-Policy");
        csp.ShouldContain("frame-ancestors 'none'");
        csp.ShouldContain("default-src 'self'");
        csp.ShouldContain("object-src 'none'");
        csp.ShouldNotContain("unsafe-inline");
        csp.ShouldNotContain("unsafe-eval");
        csp.ShouldContain("script-src 'self'");
        Header(response, "X-Content-Type-Options").ShouldBe("nosniff");
        Header(response, "Referrer-Policy").ShouldBe("strict-origin-when-cross-origin");
    }

    private static string Nonce(HttpResponseMessage response)
    {
        var match = NonceSource().Match(Header(response, "Content-Security-Policy"));
        match.Success.ShouldBeTrue("the CSP script-src should name a nonce");
        return match.Groups[1].Value;
    }

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values)
            ? string.Join(", ", values)
            : "";

    private static IEnumerable<string> SetCookies(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var values) ? values : [];

    [GeneratedRegex(@"script-src [^;]*'nonce-([A-Za-z0-9+/=]+)'")]
    private static partial Regex NonceSource();

    [GeneratedRegex(@"max-age=(\d+)")]
    private static partial Regex MaxAge();
}
