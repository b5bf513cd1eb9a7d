using System.Globalization;
using System.Net;
using AngleSharp.Html.Dom;
using PortCooperation.IntegrationTests.Admin;
using PortCooperation.IntegrationTests.Reports;
using PortCooperation.Web.Domain;

namespace PortCooperation.IntegrationTests.Analytics;

/// <summary>/Admin/Analytics for any period, and the report's "portal usage" section from the same reader.</summary>
public sealed class AnalyticsPageTests : IDisposable
{
    private readonly AnalyticsFactory _app = new();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task AnalyticsPage_ShowsVisitorsPerDay_NewReturningUnknown_SessionsPagesReferrersCountries()
    {
        await SeedAsync();
        using var staff = await _app.StaffClientAsync();

        var page = await staff.PageAsync("/Admin/Analytics?from=2032-02-01&to=2032-02-29");

        Figure(page, "views").ShouldBe(9);
        Figure(page, "visitors").ShouldBe(5, "visitor A on two days counts twice, B once, C once, D once");
        Figure(page, "returning").ShouldBe(2);
        Figure(page, "new").ShouldBe(1);
        Figure(page, "unknown").ShouldBe(2);
        Figure(page, "sessions").ShouldBe(6);
        page.QuerySelector("#analytics-pages tr[data-key='/'] td:last-child")!.TextContent.ShouldBe("4");
        page.QuerySelector("#analytics-referrers tr[data-key='www.example.org'] td:last-child")!.TextContent.ShouldBe("2");
        page.QuerySelector("#analytics-countries tbody tr:first-child")!.GetAttribute("data-key").ShouldBe("PE");
        page.QuerySelectorAll("#analytics-days tbody tr").Select(r => r.GetAttribute("data-day")).ShouldBe(["2032-02-03", "2032-02-04"]);
        page.QuerySelector("#analytics-days tr[data-day='2032-02-03'] td")!.TextContent.ShouldBe("3");
    }

    [Fact]
    public async Task ReportUsageFigures_EqualTheAnalyticsPage_ForTheSamePeriod()
    {
        await SeedAsync();
        using var staff = await _app.StaffClientAsync();

        var analytics = await staff.PageAsync("/Admin/Analytics?from=2032-02-01&to=2032-02-29");
        var report = await staff.PageAsync("/Admin/Reports?period=custom&from=2032-02-01&to=2032-02-29");

        ReportPage.Current(report, "usage.views").ShouldBe(Figure(analytics, "views"));
        ReportPage.Current(report, "usage.visitors").ShouldBe(Figure(analytics, "visitors"));
        ReportPage.Current(report, "usage.sessions").ShouldBe(Figure(analytics, "sessions"));
        ReportPage.Current(report, "usage.returning").ShouldBe(Figure(analytics, "returning"));
        ReportPage.Current(report, "usage.views").ShouldBe(9);
        // The previous period (January) has the one older view.
        ReportPage.Previous(report, "usage.views").ShouldBe(1);
        var january = await staff.PageAsync("/Admin/Analytics?from=2032-01-01&to=2032-01-31");
        Figure(january, "views").ShouldBe(1);
    }

    [Fact]
    public async Task ViewsRecordedThroughThePublicSite_AppearOnThePage_InSpanishToo()
    {
        using (var visitor = _app.Visitor("203.0.113.5"))
        {
            await visitor.GetAsync("/");
            await visitor.GetAsync("/statistics");
        }

        await _app.FlushAsync();
        using var staff = await _app.StaffClientAsync();

        var page = await staff.PageAsync("/Admin/Analytics?culture=es");

        page.QuerySelector("h1")!.TextContent.ShouldBe("Analítica del portal");
        Figure(page, "views").ShouldBe(2);
        Figure(page, "visitors").ShouldBe(1);
        page.QuerySelector("#analytics-from")!.GetAttribute("value").ShouldBe("2032-02-10", "the last 30 days by default");
    }

    [Theory]
    [InlineData("from=2032-03-01&to=2032-02-01")]
    [InlineData("from=not-a-date")]
    [InlineData("from=1990-01-01&to=2032-01-01")]
    public async Task BadPeriods_Are400WithAMessage(string query)
    {
        using var staff = await _app.StaffClientAsync();

        using var response = await staff.GetAsync("/Admin/Analytics?" + query);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).ShouldContain("id=\"analytics-error\"");
    }

    private static decimal Figure(IHtmlDocument page, string key) =>
        decimal.Parse(page.QuerySelector($"#analytics-totals [data-figure='{key}'] dd")!.TextContent.Replace(",", "").Replace(".", ""), CultureInfo.InvariantCulture);

    /// <summary>February 2032 (Washington days): A unknown then returning on the 3rd, returning on the 4th; B new; C and D unknown.</summary>
    private Task SeedAsync() => _app.WithDbAsync(async db =>
    {
        PageView View(string time, string visitor, string session, VisitorKind kind, string path = "/", string? referrer = null, string? country = null)
        {
            var at = DateTime.Parse(time, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);
            return new PageView
            {
                OccurredAtUtc = at, Day = PortCooperation.Web.Services.Analytics.AnalyticsClock.Day(at), Path = path,
                VisitorKey = visitor, SessionKey = session, VisitorKind = kind, ReferrerHost = referrer, CountryCode = country, Language = "en",
            };
        }

        db.PageViews.AddRange(
            View("2032-01-20T15:00:00Z", "old", "s0", VisitorKind.Unknown),
            View("2032-02-03T15:00:00Z", "a-03", "s1", VisitorKind.Unknown, referrer: "www.example.org", country: "PE"),
            View("2032-02-03T15:05:00Z", "a-03", "s1", VisitorKind.Returning, "/statistics", country: "PE"),
            View("2032-02-03T18:00:00Z", "b-03", "s2", VisitorKind.New, "/activities", "www.example.org", "PE"),
            View("2032-02-03T19:00:00Z", "c-03", "s3", VisitorKind.Unknown, country: "MX"),
            View("2032-02-04T15:00:00Z", "a-04", "s4", VisitorKind.Returning, country: "PE"),
            View("2032-02-04T16:00:00Z", "a-04", "s5", VisitorKind.Returning, "/statistics", country: "PE"),
            View("2032-02-04T16:10:00Z", "a-04", "s5", VisitorKind.Returning, "/library", country: "PE"),
            View("2032-02-04T20:00:00Z", "d-04", "s6", VisitorKind.Unknown),
            View("2032-02-04T20:01:00Z", "d-04", "s6", VisitorKind.Unknown, "/library"),
            // After the end of 29 February in Washington (05:00 UTC on 1 March): not in the period.
            View("2032-03-01T05:30:00Z", "e-01", "s7", VisitorKind.Unknown));
        await db.SaveChangesAsync();
    });
}
