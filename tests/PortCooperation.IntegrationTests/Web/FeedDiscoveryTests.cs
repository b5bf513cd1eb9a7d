using System.ServiceModel.Syndication;
using System.Xml;
using AngleSharp.Html.Dom;
using Ical.Net;
using static PortCooperation.IntegrationTests.Web.WebTestData;

namespace PortCooperation.IntegrationTests.Web;

/// <summary>
/// Browsers and feed readers given any public page find the activities calendar and the library feed from the
/// page's head, and what they find parses with independent readers (Ical.Net, .NET's Atom reader).
/// </summary>
public sealed class FeedDiscoveryTests
{
    [Fact]
    public async Task HomePage_AnnouncesBothFeeds_AndEachParses()
    {
        using var factory = new WebFactory();
        var start = WebFactory.DefaultNow.UtcDateTime.AddDays(10);
        await factory.AddAsync(
            NewActivity("Webinar on port community systems", start),
            Library.LibraryTestData.NewDocument("Crew change protocols"));
        var client = factory.CreateClient();

        var home = await client.GetDocumentAsync("/");

        var calendarHref = Alternate(home, "text/calendar");
        var calendar = Calendar.Load(await client.GetStringAsync(new Uri(client.BaseAddress!, calendarHref)))!;
        var webinar = calendar.Events.Single(e => e.Summary == "Webinar on port community systems");
        webinar.Start!.AsUtc.ShouldBe(start);

        var feedHref = Alternate(home, "application/atom+xml");
        using var feedXml = XmlReader.Create(await client.GetStreamAsync(new Uri(client.BaseAddress!, feedHref)));
        var feed = SyndicationFeed.Load(feedXml);
        feed.Items.Select(i => i.Title.Text).ShouldContain("Crew change protocols");
    }

    [Theory]
    [InlineData("/library", "en", "Activities calendar (iCalendar)")]
    [InlineData("/member-states?culture=es", "es", "Calendario de actividades (iCalendar)")]
    public async Task EveryPublicPage_AnnouncesTheFeeds_TitledInItsLanguage(string url, string language, string calendarTitle)
    {
        using var factory = new WebFactory();

        var page = await factory.CreateClient().GetDocumentAsync(url);

        page.DocumentElement.GetAttribute("lang").ShouldBe(language);
        Link(page, "text/calendar").GetAttribute("title").ShouldBe(calendarTitle);
        Link(page, "application/atom+xml").GetAttribute("title").ShouldNotBeNullOrWhiteSpace();
    }

    private static string Alternate(IHtmlDocument page, string type) => Link(page, type).GetAttribute("href")!;

    private static AngleSharp.Dom.IElement Link(IHtmlDocument page, string type) =>
        page.Head!.QuerySelectorAll($"link[rel=alternate][type='{type}']").ShouldHaveSingleItem();
}
