using Microsoft.Playwright;
using PortCooperation.BrowserTests.Infrastructure;

namespace PortCooperation.BrowserTests;

/// <summary>The activity pages in Chromium over the seeded demo data (2027 upcoming activities, 2020 cancellations).</summary>
[Collection(BrowserCollection.Name)]
public sealed class ActivitiesBrowserTests(BrowserApp app)
{
    private const string Detail = "/activities/demo-webinar-cybersecurity-port-community-systems-2027";
    private const string CancelledDetail = "/activities/v-hemispheric-conference-sustainable-management-2020";

    [Fact]
    public async Task Calendar_BrowseToTheNextMonth_AndOpenAnActivity()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/activities/calendar?year=2027&month=2");
        (await page.Locator("#month-heading").InnerTextAsync()).ShouldBe("February 2027");

        await page.Locator("#next-month").ClickAsync();
        (await page.Locator("#month-heading").InnerTextAsync()).ShouldBe("March 2027");
        await page.Locator("#calendar-grid").GetByRole(AriaRole.Link, new() { Name = "Cybersecurity for Port Community Systems" }).ClickAsync();

        (await page.Locator("h1").InnerTextAsync()).ShouldBe("Cybersecurity for Port Community Systems");
        page.Url.ShouldEndWith(Detail);
        // The script fills in the visitor's own time zone next to the activity's zone and UTC.
        (await page.Locator(".visitor-time").IsVisibleAsync()).ShouldBeTrue();
    }

    [Theory]
    [InlineData("America/Sao_Paulo", "", "In your time zone (UTC\u22123): Wednesday 10 March 2027, 13:00 – 14:30")]
    [InlineData("Asia/Kolkata", "?culture=es", "En su zona horaria (UTC+5:30): miércoles 10 de marzo de 2027, 21:30 – 23:00")]
    public async Task Detail_ShowsTheTimeInTheVisitorsZone_WrittenLikeTheServersLines(string zone, string query, string expected)
    {
        // 16:00–17:30 UTC. The line is written by js/activity-time.js from the page's own .NET patterns and names.
        var page = await app.NewPageAsync(new BrowserNewContextOptions { TimezoneId = zone });
        await page.GotoAsync(Detail + query);

        // Recent ICU versions put a narrow no-break space before AM/PM (as on the server's lines); older ones a space.
        (await page.Locator(".visitor-time").InnerTextAsync()).Replace('\u202F', ' ').ShouldBe(expected);
    }

    [Fact]
    public async Task Calendar_BrowseBackAndForth_WithoutJavaScript()
    {
        var page = await app.NewPageAsync(new BrowserNewContextOptions { JavaScriptEnabled = false });
        await page.GotoAsync("/activities/calendar?year=2027&month=1");

        await page.Locator("#previous-month").ClickAsync();
        (await page.Locator("#month-heading").InnerTextAsync()).ShouldBe("December 2026");
        await page.Locator("#next-month").ClickAsync();
        await page.Locator("#next-month").ClickAsync();
        (await page.Locator("#month-heading").InnerTextAsync()).ShouldBe("February 2027");
        page.Url.ShouldContain("month=2");
    }

    [Fact]
    public async Task List_FilterByKind_WorksWithoutJavaScript()
    {
        var page = await app.NewPageAsync(new BrowserNewContextOptions { JavaScriptEnabled = false });
        await page.GotoAsync("/activities");

        await page.Locator("#filter-kind").SelectOptionAsync("Course");
        await page.GetByRole(AriaRole.Button, new() { Name = "Apply filters" }).ClickAsync();

        page.Url.ShouldContain("kind=Course");
        var kinds = await page.Locator(".activity-card .tag--kind").AllInnerTextsAsync();
        kinds.Count.ShouldBeGreaterThan(0);
        kinds.ShouldAllBe(k => k == "Online course");
    }

    [Theory]
    [InlineData("/activities")]
    [InlineData("/activities?culture=es")]
    [InlineData("/activities/calendar?year=2027&month=3")]
    [InlineData(Detail)]
    [InlineData(Detail + "?culture=es")]
    [InlineData(CancelledDetail)]
    public async Task ActivityPage_HasNoAxeViolations(string url)
    {
        var page = await app.NewPageAsync(new BrowserNewContextOptions { BypassCSP = true });
        await page.GotoAsync(url);

        var violations = await Axe.ViolationsAsync(page);

        violations.ShouldBeEmpty(string.Join(Environment.NewLine, violations));
    }

    [Theory]
    [InlineData("/activities")]
    [InlineData("/activities/calendar?year=2027&month=3")]
    [InlineData(Detail + "?culture=es")]
    [InlineData(CancelledDetail)]
    public async Task ActivityPage_At320PixelsWide_NothingScrollsSideways(string url)
    {
        var page = await app.NewPageAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 320, Height = 640 } });
        await page.GotoAsync(url);

        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");

        overflow.ShouldBeLessThanOrEqualTo(0);
    }
}
