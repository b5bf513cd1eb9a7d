using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using PortCooperation.BrowserTests.Infrastructure;
using PortCooperation.Web.Data;
using PortCooperation.Web.Domain;

namespace PortCooperation.BrowserTests;

/// <summary>
/// In Chromium: the cookie notice placed by /js/analytics-consent.js on a cached public page (accessible,
/// gone once the visitor chooses, the choice kept in the one cookie), and the staff analytics page. Screenshots go
/// to $REPORT_SCREENSHOTS (default: the system temp folder, report-screenshots).
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class AnalyticsBrowserTests(BrowserApp app)
{
    private static string Shot(string name)
    {
        var folder = Environment.GetEnvironmentVariable("REPORT_SCREENSHOTS") ?? Path.Combine(Path.GetTempPath(), "report-screenshots");
        Directory.CreateDirectory(folder);
        return Path.Combine(folder, name + ".png");
    }

    [Fact]
    public async Task CookieNotice_IsAccessible_AndDisappearsOnceTheVisitorChooses()
    {
        var page = await app.NewPageAsync(new BrowserNewContextOptions { BypassCSP = true, ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        await page.GotoAsync("/");
        // The test app runs with analytics off (no script in the layout); add the same file a live page loads.
        await page.AddScriptTagAsync(new PageAddScriptTagOptions { Url = "/js/analytics-consent.js" });
        var notice = page.Locator("[data-consent-notice]");
        await notice.WaitForAsync();
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Shot("analytics-notice") });

        (await Axe.ViolationsAsync(page)).ShouldBeEmpty();
        (await notice.Locator("h2").InnerTextAsync()).ShouldBe("May we count your return visits?");

        await notice.Locator("button[value=accept]").ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/");
        var cookie = (await page.Context.CookiesAsync()).Single(c => c.Name == "pc_analytics");
        cookie.Value.ShouldStartWith("yes.");
        // The script asks for the notice synchronously when it runs, so once it has run a request would already be on record.
        var asked = new List<string>();
        page.Request += (_, request) => asked.Add(request.Url);
        await page.AddScriptTagAsync(new PageAddScriptTagOptions { Url = "/js/analytics-consent.js" });
        asked.ShouldContain(u => u.Contains("/js/analytics-consent.js", StringComparison.Ordinal), "the script itself was loaded and run");
        asked.ShouldNotContain(u => u.Contains("/analytics/consent/notice", StringComparison.Ordinal), "a visitor who chose is not asked again");
        (await page.Locator("[data-consent-notice]").CountAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task CookieNotice_FollowsThePageLanguage_AndStaysSmallerThanThePageLead()
    {
        // A page reached as ?culture=es (no language cookie) is Spanish, so its notice must be too. And the notice,
        // which arrives after the first paint, must not be the largest text on a phone: it would become the page's
        // Largest Contentful Paint (bench/README "Lighthouse").
        var page = await app.NewPageAsync(new BrowserNewContextOptions { BypassCSP = true, ViewportSize = new ViewportSize { Width = 412, Height = 823 } });
        await page.GotoAsync("/library?culture=es");
        await page.AddScriptTagAsync(new PageAddScriptTagOptions { Url = "/js/analytics-consent.js" });
        var notice = page.Locator("[data-consent-notice]");
        await notice.WaitForAsync();

        (await notice.Locator("h2").InnerTextAsync()).ShouldBe("¿Podemos contar sus visitas recurrentes?");
        var areas = await page.EvaluateAsync<double[]>(@"() => ['.consent-notice__text', '.page-banner__lead'].map(s => {
            const r = document.querySelector(s).getBoundingClientRect(); return r.width * r.height; })");
        areas[0].ShouldBeLessThan(areas[1] * 0.8, "the notice text must stay well below the lead paragraph's area");
        (await Axe.ViolationsAsync(page)).ShouldBeEmpty();
    }

    [Fact]
    public async Task ConsentPage_WorksWithoutJavaScript_AndHasNoAxeViolations()
    {
        var page = await app.NewPageAsync(new BrowserNewContextOptions { BypassCSP = true, JavaScriptEnabled = false, ViewportSize = new ViewportSize { Width = 320, Height = 800 } });
        await page.GotoAsync("/analytics/consent?returnUrl=/statistics");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Shot("analytics-consent-320"), FullPage = true });
        (await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth")).ShouldBeLessThanOrEqualTo(0);

        await page.ClickAsync("button[value=decline]");

        new Uri(page.Url).AbsolutePath.ShouldBe("/statistics");
        (await page.Context.CookiesAsync()).Single(c => c.Name == "pc_analytics").Value.ShouldBe("no");
        var withScripts = await app.NewPageAsync(new BrowserNewContextOptions { BypassCSP = true });
        await withScripts.GotoAsync("/analytics/consent");
        (await Axe.ViolationsAsync(withScripts)).ShouldBeEmpty();
    }

    [Fact]
    public async Task StaffAnalyticsPage_ShowsTheFigures_AndHasNoAxeViolations()
    {
        var page = await app.SignedInEditorAsync(new BrowserNewContextOptions { BypassCSP = true, ViewportSize = new ViewportSize { Width = 1280, Height = 900 } }, async (services, _) =>
        {
            var db = services.GetRequiredService<PortalDbContext>();
            string[] paths = ["/", "/statistics", "/activities", "/library", "/member-states/pe"];
            string?[] referrers = [null, "www.google.com", "www.imo.org", null];
            string?[] countries = ["PE", "MX", "BR", "AR", null, "PE"];
            for (var i = 0; i < 120; i++)
            {
                var at = new DateTime(2031, 6, 1 + i % 20, 14 + i % 6, i % 60, 0, DateTimeKind.Utc);
                db.PageViews.Add(new PageView
                {
                    OccurredAtUtc = at, Day = DateOnly.FromDateTime(at), Path = paths[i % paths.Length],
                    VisitorKey = $"v{i % 37}-{at:yyyyMMdd}", SessionKey = $"s{i % 37}-{at:yyyyMMddHH}",
                    VisitorKind = (VisitorKind)(i % 3), ReferrerHost = referrers[i % referrers.Length], CountryCode = countries[i % countries.Length],
                    Language = "en", IsDemo = true,
                });
            }

            await db.SaveChangesAsync();
        });

        await page.GotoAsync("/Admin/Analytics?from=2031-06-01&to=2031-06-30");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Shot("analytics-staff"), FullPage = true });

        (await page.Locator("#analytics-totals [data-figure='views'] dd").InnerTextAsync()).ShouldBe("120");
        (await page.Locator("#analytics-days tbody tr").CountAsync()).ShouldBe(20);
        (await Axe.ViolationsAsync(page)).ShouldBeEmpty();
    }
}
