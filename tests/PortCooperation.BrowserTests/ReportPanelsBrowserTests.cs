using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using PortCooperation.BrowserTests.Infrastructure;
using PortCooperation.Web.Data;
using PortCooperation.Web.Domain;
using PortCooperation.Web.Services.Analytics;

namespace PortCooperation.BrowserTests;

/// <summary>
/// In Chromium, at a desktop (1280 px) and a phone (375 px) width, in English and Spanish: the report screen's
/// subscription panel (a subscribed editor: status, the four fields, update and unsubscribe) and the staff analytics
/// page with its country column (names beside ISO codes). axe finds nothing and nothing scrolls sideways.
/// Screenshots go to $REPORT_SCREENSHOTS (default: the system temp folder, report-screenshots) for a person to look at.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ReportPanelsBrowserTests(BrowserApp app)
{
    private const string March2033 = "from=2033-03-01&to=2033-03-31";

    private static string Shot(string name)
    {
        var folder = Environment.GetEnvironmentVariable("REPORT_SCREENSHOTS") ?? Path.Combine(Path.GetTempPath(), "report-screenshots");
        Directory.CreateDirectory(folder);
        return Path.Combine(folder, name + ".png");
    }

    /// <summary>
    /// An editor subscribed to the quarterly report of South America in Spanish, signed in at the given width (CSP
    /// bypassed: staff pages allow only nonced scripts, and axe and the scroll check are injected scripts).
    /// </summary>
    private Task<IPage> SubscribedEditorAsync(int width) =>
        app.SignedInEditorAsync(new BrowserNewContextOptions { BypassCSP = true, ViewportSize = new ViewportSize { Width = width, Height = 900 } }, async (services, user) =>
        {
            var db = services.GetRequiredService<PortalDbContext>();
            db.ReportSubscriptions.Add(new ReportSubscription { UserId = user.Id, Language = "es", Region = Region.SouthAmerica });
            await db.SaveChangesAsync();
        });

    /// <summary>March 2033: views from Peru, Mexico, Brazil, an unknown code and no country, on long paths.</summary>
    private async Task SeedViewsAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        if (db.PageViews.Any(v => v.Day == new DateOnly(2033, 3, 2)))
        {
            return;
        }

        string?[] countries = ["PE", "PE", "MX", "BR", "ZZ", null];
        for (var i = 0; i < 60; i++)
        {
            var at = new DateTime(2033, 3, 2 + i % 20, 15, i % 60, 0, DateTimeKind.Utc);
            var day = AnalyticsClock.Day(at);
            db.PageViews.Add(new PageView
            {
                OccurredAtUtc = at, Day = day, Path = i % 4 == 0 ? "/library/documents/port-community-systems-and-single-windows-in-the-americas" : "/activities",
                VisitorKey = $"panel{i % 9}-{day:yyyyMMdd}", SessionKey = $"panel-s{i % 9}", VisitorKind = (VisitorKind)(i % 3),
                ReferrerHost = i % 5 == 0 ? "www.a-rather-long-referring-host-name.example.org" : null, CountryCode = countries[i % countries.Length], Language = "en",
            });
        }

        await db.SaveChangesAsync();
    }

    [Theory]
    [InlineData("en", 1280)]
    [InlineData("en", 375)]
    [InlineData("es", 1280)]
    [InlineData("es", 375)]
    public async Task SubscriptionPanel_IsAccessible_AndFitsTheScreen(string language, int width)
    {
        var page = await SubscribedEditorAsync(width);

        (await page.GotoAsync($"/Admin/Reports?period=quarter&periodYear=2020&periodQuarter=2&culture={language}"))!.Status.ShouldBe(200);

        var panel = page.Locator("#subscription");
        await panel.ScrollIntoViewIfNeededAsync();
        await panel.ScreenshotAsync(new LocatorScreenshotOptions { Path = Shot($"report-subscription-{language}-{width}") });
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Shot($"report-page-{language}-{width}"), FullPage = true });
        (await panel.Locator("[data-subscribed]").GetAttributeAsync("data-subscribed")).ShouldBe("true");
        // The panel takes the scope of the report shown (everything) instead of repeating the scope selectors.
        (await panel.Locator("input[name=Scope]").InputValueAsync()).ShouldBe("all");
        (await panel.Locator("#subscription-language").InputValueAsync()).ShouldBe("es");
        (await panel.Locator("button[type=submit]").CountAsync()).ShouldBe(2, "update and unsubscribe");
        (await page.Locator("h1").CountAsync()).ShouldBe(1);
        (await PageWidth.SidewaysScrollAsync(page)).ShouldBeLessThanOrEqualTo(0, await PageWidth.WiderThanTheScreenAsync(page));
        (await Axe.ViolationsAsync(page)).ShouldBeEmpty();
    }

    [Theory]
    [InlineData("en", 1280, "Peru", "Mexico")]
    [InlineData("en", 375, "Peru", "Mexico")]
    [InlineData("es", 1280, "Perú", "México")]
    [InlineData("es", 375, "Perú", "México")]
    public async Task AnalyticsPage_NamesCountries_IsAccessible_AndFitsTheScreen(string language, int width, string peru, string mexico)
    {
        await SeedViewsAsync();
        var page = await SubscribedEditorAsync(width);

        (await page.GotoAsync($"/Admin/Analytics?{March2033}&culture={language}"))!.Status.ShouldBe(200);

        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Shot($"analytics-page-{language}-{width}"), FullPage = true });
        await page.Locator("#analytics-countries").ScreenshotAsync(new LocatorScreenshotOptions { Path = Shot($"analytics-countries-{language}-{width}") });
        await page.Locator("#analytics-days").ScreenshotAsync(new LocatorScreenshotOptions { Path = Shot($"analytics-days-{language}-{width}") });
        (await page.Locator("#analytics-totals [data-figure='views'] dd").InnerTextAsync()).ShouldBe("60");
        (await page.Locator("#analytics-countries tr[data-key='PE'] th").InnerTextAsync()).ShouldStartWith(peru);
        (await page.Locator("#analytics-countries tr[data-key='MX'] th").InnerTextAsync()).ShouldStartWith(mexico);
        (await page.Locator("#analytics-countries tr[data-key='ZZ'] th").InnerTextAsync()).Trim().ShouldBe("ZZ");
        (await page.Locator("h1").CountAsync()).ShouldBe(1);
        (await PageWidth.SidewaysScrollAsync(page)).ShouldBeLessThanOrEqualTo(0, await PageWidth.WiderThanTheScreenAsync(page));
        (await Axe.ViolationsAsync(page)).ShouldBeEmpty();
    }
}
