using System.Net;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using PortCooperation.IntegrationTests.Web;
using PortCooperation.Web.Domain;
using PortCooperation.Web.Infrastructure.Security;
using StaffPaths = PortCooperation.Web.Infrastructure.IdentityServiceCollectionExtensions;

namespace PortCooperation.IntegrationTests.Security;

/// <summary>
/// docs/quality.md S10: sign-in (per client and e-mail address) and search are rate limited by the named policies, with
/// limits from configuration; a refused request gets 429, Retry-After and the friendly page in the visitor's
/// language (registration is limited inside its form: RegistrationLimitTests). The limits are set low here; the
/// Testing environment keeps them high.
/// </summary>
public sealed class RateLimitTests
{
    [Fact]
    public async Task SignIn_AfterTheLimitForOneAddress_Is429WithRetryAfter_OtherAddressesStillTry()
    {
        using var factory = new WebFactory(settings: Limits("Login", permits: 3, seconds: 300));
        await factory.CreateUserAsync("limited@example.org", StaffSession.Password, Roles.Editor);
        var client = factory.NewClient();

        for (var attempt = 1; attempt <= 3; attempt++)
        {
            using var allowed = await client.PostLoginAsync("limited@example.org", "wrong guess " + attempt);
            allowed.StatusCode.ShouldBe(HttpStatusCode.OK, $"attempt {attempt} is within the limit");
        }

        using var refused = await client.PostLoginAsync("Limited@Example.org ", StaffSession.Password);
        using var otherAddress = await client.PostLoginAsync("someone-else@example.org", "wrong guess");

        refused.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        var retryAfter = int.Parse(refused.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture);
        retryAfter.ShouldBeInRange(1, 300);
        (await HeadingAsync(refused)).ShouldBe("Too many requests");
        otherAddress.StatusCode.ShouldBe(HttpStatusCode.OK);
        using var form = await client.GetAsync(StaffPaths.LoginPath);
        form.StatusCode.ShouldBe(HttpStatusCode.OK, "showing the form is not limited");
    }

    [Fact]
    public async Task SignIn_OverManyAddressesFromOneClient_IsLimitedToo()
    {
        using var factory = new WebFactory(settings: Limits("LoginPerClient", permits: 4, seconds: 300));
        var client = factory.NewClient();

        for (var address = 1; address <= 4; address++)
        {
            using var allowed = await client.PostLoginAsync($"sprayed-{address}@example.org", "Summer2026!summer");
            allowed.StatusCode.ShouldBe(HttpStatusCode.OK, $"address {address} is within the limit");
        }

        using var refused = await client.PostLoginAsync("sprayed-5@example.org", "Summer2026!summer");

        refused.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests, "one password tried over many addresses is limited per client");
    }

    [Theory]
    [InlineData("Search", "/test-only/search?q=port", "GET")]
    public async Task NamedPolicies_Refuse_OverTheirLimit_WithAFriendlyLocalisedPage(string policy, string url, string method)
    {
        using var factory = new WebFactory(settings: Limits(policy, permits: 2, seconds: 60));
        using var app = WithProbeEndpoints(factory);
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost") });
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("es");

        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? last = null;
        for (var i = 0; i < 3; i++)
        {
            last?.Dispose();
            last = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), url));
            statuses.Add(last.StatusCode);
        }

        statuses.ShouldBe([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests]);
        last!.Headers.Contains("Retry-After").ShouldBeTrue();
        (await HeadingAsync(last)).ShouldBe("Demasiadas solicitudes");
        last.Dispose();
    }

    [Fact]
    public async Task LibrarySearch_IsLimited_ButBrowsingTheLibraryIsNot()
    {
        using var factory = new WebFactory(settings: Limits("Search", permits: 2, seconds: 60));
        var client = factory.NewClient();

        var browsing = new List<HttpStatusCode>();
        var searching = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            // A distinct query string each time, so the output cache never answers in place of the page.
            using var browse = await client.GetAsync($"/library?page={i + 1}");
            browsing.Add(browse.StatusCode);
            using var search = await client.GetAsync($"/library?q=port{i}");
            searching.Add(search.StatusCode);
        }

        browsing.ShouldAllBe(status => status == HttpStatusCode.OK);
        searching.ShouldBe([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests]);
    }

    [Fact]
    public async Task TheTestingEnvironment_KeepsLimitsOutOfTheWayOfOtherTests()
    {
        using var factory = new WebFactory();
        using var app = WithProbeEndpoints(factory);
        var client = app.CreateClient();

        for (var i = 0; i < 100; i++)
        {
            using var response = await client.GetAsync("/test-only/search?q=port");
            response.StatusCode.ShouldBe(HttpStatusCode.OK);
        }
    }

    private static Dictionary<string, string?> Limits(string policy, int permits, int seconds) => new()
    {
        [$"RateLimiting:{policy}:PermitLimit"] = permits.ToString(System.Globalization.CultureInfo.InvariantCulture),
        [$"RateLimiting:{policy}:WindowSeconds"] = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    private static async Task<string> HeadingAsync(HttpResponseMessage response)
    {
        var page = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
        return WebTestData.Squash(page.QuerySelector("h1")?.TextContent);
    }

    private static WebApplicationFactory<Program> WithProbeEndpoints(WebFactory factory) =>
        factory.WithWebHostBuilder(builder => builder.ConfigureTestServices(services =>
            services.AddControllersWithViews().AddApplicationPart(typeof(RateLimitProbeController).Assembly)));
}

/// <summary>A stand-in for the library search endpoint, added only by <see cref="RateLimitTests"/>.</summary>
[IgnoreAntiforgeryToken]
public sealed class RateLimitProbeController : Controller
{
    [HttpGet("/test-only/search")]
    [EnableRateLimiting(RateLimitPolicies.Search)]
    public IActionResult Search() => Content("results");
}
