using System.Net;
using PortCooperation.IntegrationTests.Security;
using PortCooperation.Web.Domain;
using static PortCooperation.IntegrationTests.Web.WebTestData;

namespace PortCooperation.IntegrationTests.Web;

/// <summary>
/// The output cache answers before localisation and authentication run (docs/quality.md P2), so it must work out the
/// page's language itself and keep signed-in staff out: these tests show each language gets its own entry however
/// the language is asked for, and a request with the sign-in cookie neither reads nor fills the cache.
/// </summary>
public sealed class OutputCacheKeyTests
{
    private const string EnglishHeading = "Port cooperation across the Americas";
    private const string SpanishHeading = "Cooperación portuaria en las Américas";

    [Theory]
    [InlineData("es-MX,es;q=0.9", SpanishHeading)]
    [InlineData("fr-FR,es;q=0.8", SpanishHeading)]
    [InlineData("de-DE", EnglishHeading)]
    [InlineData("en-GB,en;q=0.9", EnglishHeading)]
    public async Task AcceptLanguage_PicksTheEntryOfTheLanguageThePageIsIn(string acceptLanguage, string heading)
    {
        using var factory = new WebFactory();
        var english = factory.NewClient();
        var spanish = factory.NewClient();
        spanish.DefaultRequestHeaders.AcceptLanguage.ParseAdd("es");
        // Both languages are in the cache before the request under test.
        (await HeadingAsync(english, "/")).ShouldBe(EnglishHeading);
        (await HeadingAsync(spanish, "/")).ShouldBe(SpanishHeading);

        var visitor = factory.NewClient();
        visitor.DefaultRequestHeaders.TryAddWithoutValidation("Accept-Language", acceptLanguage);
        factory.SqlCommands.Reset();

        (await HeadingAsync(visitor, "/")).ShouldBe(heading);
        factory.SqlCommands.Count.ShouldBe(0, "the page came from the cache");
    }

    [Fact]
    public async Task TheLanguageCookie_BeatsAcceptLanguage_AndTheQueryStringBeatsBoth()
    {
        using var factory = new WebFactory();
        var client = factory.NewClient();
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        (await HeadingAsync(client, "/")).ShouldBe(EnglishHeading);

        using var switched = await client.GetAsync("/language/es?returnUrl=%2F");
        switched.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await HeadingAsync(client, "/")).ShouldBe(SpanishHeading);
        (await HeadingAsync(client, "/?culture=en")).ShouldBe(EnglishHeading);
        (await HeadingAsync(client, "/")).ShouldBe(SpanishHeading);
    }

    [Fact]
    public async Task SignedInStaff_NeitherReadNorFillTheCache()
    {
        using var factory = new WebFactory();
        await factory.AddAsync(NewActivity("Cached for visitors", WebFactory.DefaultNow.UtcDateTime.AddDays(2)));
        var anonymous = factory.NewClient();
        (await HeadingAsync(anonymous, "/activities")).ShouldNotBeEmpty();

        await factory.CreateUserAsync("editor-cache@example.org", StaffSession.Password, Roles.Editor);
        var staff = factory.NewClient();
        await staff.SignInAsync("editor-cache@example.org");

        factory.SqlCommands.Reset();
        using (var first = await staff.GetAsync("/activities"))
        {
            first.StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        factory.SqlCommands.Count.ShouldBeGreaterThan(0, "a signed-in request is not answered from the visitors' entry");

        // Nor did the signed-in request leave an entry behind for a new page: the next visitor still runs it.
        factory.SqlCommands.Reset();
        using (var staffOnly = await staff.GetAsync("/activities?kind=Webinar"))
        {
            staffOnly.StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        var staffQueries = factory.SqlCommands.Count;
        factory.SqlCommands.Reset();
        using (var visitor = await anonymous.GetAsync("/activities?kind=Webinar"))
        {
            visitor.StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        staffQueries.ShouldBeGreaterThan(0);
        factory.SqlCommands.Count.ShouldBeGreaterThan(0, "the visitor's page was not stored by the signed-in request");
        factory.SqlCommands.Reset();
        using (var again = await anonymous.GetAsync("/activities?kind=Webinar"))
        {
            again.StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        factory.SqlCommands.Count.ShouldBe(0, "visitors' requests are cached as before");
    }

    private static async Task<string> HeadingAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(url);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, url);
        var page = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
        return Squash(page.QuerySelector("h1")?.TextContent);
    }
}
