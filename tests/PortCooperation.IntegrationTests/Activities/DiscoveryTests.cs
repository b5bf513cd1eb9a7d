using System.Net;
using System.Text;
using System.Xml.Linq;
using PortCooperation.IntegrationTests.Security;
using PortCooperation.IntegrationTests.Web;
using PortCooperation.Web.Domain;
using static PortCooperation.IntegrationTests.Web.WebTestData;

namespace PortCooperation.IntegrationTests.Activities;

/// <summary>The read-only checks (robots.txt, canonical and alternate links of pages without content) share one empty app.</summary>
public sealed class DiscoveryTests(SharedWebFactory shared) : IClassFixture<SharedWebFactory>
{
    private static readonly DateTime Now = WebFactory.DefaultNow.UtcDateTime;
    private static readonly XNamespace Sitemap = "http://www.sitemaps.org/schemas/sitemap/0.9";
    private static readonly XNamespace Xhtml = "http://www.w3.org/1999/xhtml";

    /// <summary>Physical lines of an iCalendar body, checked for CRLF endings and the 75-octet limit.</summary>
    private static string[] CheckedLines(string body)
    {
        body.ShouldStartWith("BEGIN:VCALENDAR\r\n");
        body.ShouldEndWith("END:VCALENDAR\r\n");
        body.Replace("\r\n", "", StringComparison.Ordinal).ShouldNotContain('\n');
        var lines = body[..^2].Split("\r\n");
        lines.ShouldAllBe(l => Encoding.UTF8.GetByteCount(l) <= 75);
        return lines;
    }

    private static string[] Unfolded(string body) => body.Replace("\r\n ", "", StringComparison.Ordinal)[..^2].Split("\r\n");

    [Fact]
    public async Task IcsFeed_ListsUpcomingPublicActivities_ValidLinesAndEscaping()
    {
        using var factory = new WebFactory();
        await factory.AddAsync(
            NewActivity("Gestión portuaria; riesgos, señales y más — un título largo que obliga a plegar la línea", Now.AddDays(5), a =>
            {
                a.Slug = "long-title";
                a.TitleEs = "Gestión portuaria; riesgos, señales y más — un título largo que obliga a plegar la línea";
            }),
            NewActivity("Cancelled upcoming", Now.AddDays(6), a => { a.Slug = "cancelled-upcoming"; a.Status = ActivityStatus.Cancelled; }),
            NewActivity("Past webinar", Now.AddDays(-6), a => a.Slug = "past-webinar"),
            NewActivity("Draft webinar", Now.AddDays(6), a => { a.Slug = "draft-webinar"; a.PublicationState = PublicationState.Draft; }));

        using var response = await factory.CreateClient().GetAsync("/activities.ics?culture=es");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/calendar");
        var body = await response.Content.ReadAsStringAsync();

        CheckedLines(body).Count(l => l == "BEGIN:VEVENT").ShouldBe(2);
        var lines = Unfolded(body);
        lines.ShouldContain(@"SUMMARY;LANGUAGE=es:Gestión portuaria\; riesgos\, señales y más — un título largo que obliga a plegar la línea");
        lines.ShouldContain("URL:https://localhost/activities/long-title");
        lines.ShouldContain("STATUS:CANCELLED");
        lines.ShouldContain("LOCATION;LANGUAGE=es:En línea");
        body.ShouldNotContain("Past webinar");
        body.ShouldNotContain("Draft webinar");
    }

    [Fact]
    public async Task IcsDownload_IsOneEvent_WithStableUidAndSequence()
    {
        using var factory = new WebFactory();
        var activity = NewActivity("Webinar", new DateTime(2032, 3, 10, 15, 0, 0, DateTimeKind.Utc), a => a.Slug = "webinar");
        await factory.AddAsync(activity);

        using var response = await factory.CreateClient().GetAsync("/activities/webinar.ics");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentDisposition!.FileNameStar.ShouldBe("webinar.ics");
        var lines = CheckedLines(await response.Content.ReadAsStringAsync());

        lines.Count(l => l == "BEGIN:VEVENT").ShouldBe(1);
        lines.ShouldContain("METHOD:PUBLISH");
        lines.ShouldContain($"UID:activity-{activity.Id}@portcooperation");
        lines.ShouldContain("DTSTART:20320310T150000Z");
        lines.ShouldContain("DTEND:20320310T170000Z");
        lines.ShouldContain("DTSTAMP:20320301T120000Z");
        lines.ShouldContain($"SEQUENCE:{activity.Version}");
    }

    [Fact]
    public async Task Sitemap_IsWellFormed_ListsPublicUrlsOnly_WithLanguageAlternates()
    {
        using var factory = new WebFactory();
        await factory.WithDbAsync(db => CountryAsync(db, "PE", "Peru", "Perú"));
        await factory.AddAsync(
            NewActivity("Public", Now.AddDays(5), a => a.Slug = "public-activity"),
            NewActivity("Draft", Now.AddDays(5), a => { a.Slug = "draft-activity"; a.PublicationState = PublicationState.Draft; }),
            new BestPracticeDocument { Slug = "public-document", TitleEn = "Doc", PublicationState = PublicationState.Published },
            new BestPracticeDocument { Slug = "draft-document", TitleEn = "Draft doc", PublicationState = PublicationState.Draft },
            new DocumentCollection { Slug = "covid-19", TitleEn = "COVID-19", PublicationState = PublicationState.Published },
            new DocumentCollection { Slug = "hidden-collection", TitleEn = "Hidden", PublicationState = PublicationState.Draft },
            new Organisation { Slug = "apn-peru", NameEn = "APN" });

        using var response = await factory.CreateClient().GetAsync("/sitemap.xml");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/xml");
        var xml = XDocument.Parse(await response.Content.ReadAsStringAsync());

        var urls = xml.Root!.Elements(Sitemap + "url").ToList();
        var locs = urls.Select(u => u.Element(Sitemap + "loc")!.Value).ToList();
        locs.ShouldContain("https://localhost/?culture=en");
        locs.ShouldContain("https://localhost/activities?culture=es");
        locs.ShouldContain("https://localhost/activities/public-activity?culture=en");
        locs.ShouldContain("https://localhost/library/public-document?culture=en");
        locs.ShouldContain("https://localhost/library/collections/covid-19?culture=es");
        locs.ShouldContain("https://localhost/member-states/pe?culture=en");
        locs.ShouldContain("https://localhost/partners/apn-peru?culture=en");
        locs.ShouldContain("https://localhost/port-network?culture=en");
        string.Join(' ', locs).ShouldNotContain("draft");
        string.Join(' ', locs).ShouldNotContain("hidden");
        locs.Count.ShouldBe(locs.Distinct().Count());
        var activity = urls.First(u => u.Element(Sitemap + "loc")!.Value == "https://localhost/activities/public-activity?culture=en");
        activity.Elements(Xhtml + "link").Select(l => (l.Attribute("hreflang")!.Value, l.Attribute("href")!.Value)).ShouldBe([
            ("en", "https://localhost/activities/public-activity?culture=en"),
            ("es", "https://localhost/activities/public-activity?culture=es"),
            ("x-default", "https://localhost/activities/public-activity"),
        ]);
        activity.Element(Sitemap + "lastmod")!.Value.ShouldMatch(@"^\d{4}-\d{2}-\d{2}$");
    }

    [Fact]
    public async Task Robots_AllowsPublic_DisallowsStaffAndLanguage_PointsToSitemap()
    {
        using var response = await shared.Factory.CreateClient().GetAsync("/robots.txt");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/plain");
        var lines = (await response.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.ShouldBe(["User-agent: *", "Allow: /", "Disallow: /Admin", "Disallow: /Identity", "Disallow: /language", "Sitemap: https://localhost/sitemap.xml"]);
    }

    [Theory]
    [InlineData("/", "en")]
    [InlineData("/activities?kind=Webinar", "en")]
    [InlineData("/activities/calendar?culture=es", "es")]
    public async Task PublicPages_HaveCanonicalAndHreflangAlternates(string url, string language)
    {
        var page = await shared.Factory.CreateClient().GetDocumentAsync(url);

        var path = url.Split('?')[0];
        var kept = url.Contains("kind=", StringComparison.Ordinal) ? "?kind=Webinar" : "";
        var sep = kept.Length == 0 ? "?" : "&";
        // A page asked for in a named language is its own canonical; the bare address (x-default) is its own too.
        var canonical = url.Contains("culture=", StringComparison.Ordinal) ? $"https://localhost{path}{kept}{sep}culture={language}" : $"https://localhost{path}{kept}";
        page.QuerySelector("link[rel=canonical]")!.GetAttribute("href").ShouldBe(canonical);
        page.QuerySelectorAll("link[rel=alternate][hreflang]").Select(l => (l.GetAttribute("hreflang"), l.GetAttribute("href"))).ShouldBe([
            ("en", $"https://localhost{path}{kept}{sep}culture=en"),
            ("es", $"https://localhost{path}{kept}{sep}culture=es"),
            ("x-default", $"https://localhost{path}{kept}"),
        ]);
    }
}
