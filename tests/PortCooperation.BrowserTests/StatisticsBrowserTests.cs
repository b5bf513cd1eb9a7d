using Microsoft.Playwright;
using PortCooperation.BrowserTests.Infrastructure;

namespace PortCooperation.BrowserTests;

/// <summary>The public statistics pages in Chromium: accessible (axe-core), no sideways scrolling at 320 px, screenshots to look at.</summary>
[Collection(BrowserCollection.Name)]
public sealed class StatisticsBrowserTests(BrowserApp app)
{
    [Theory]
    [InlineData("/statistics")]
    [InlineData("/statistics/scholarships")]
    [InlineData("/statistics/participation?culture=es")]
    [InlineData("/statistics/documents")]
    public async Task StatisticsPage_HasNoAxeViolations_AndFits320Pixels(string url)
    {
        var page = await app.NewPageAsync(new BrowserNewContextOptions { BypassCSP = true });
        (await page.GotoAsync(url))!.Status.ShouldBe(200);
        var folder = Environment.GetEnvironmentVariable("REPORT_SCREENSHOTS") ?? Path.Combine(Path.GetTempPath(), "report-screenshots");
        Directory.CreateDirectory(folder);
        var name = url.Trim('/').Replace('/', '-').Replace('?', '-').Replace('=', '-');
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, $"{name}.png"), FullPage = true });

        // The shared header's nav links currently fail target-size (in main as well: it lists sections whose
        // controllers are not merged yet, and the links sit too close together). That is the layout's to fix; this
        // test holds the statistics content to zero violations.
        (await Axe.ViolationsAsync(page)).Where(v => !(v.StartsWith("target-size:", StringComparison.Ordinal) && v.Contains("a[href$=\"Activities\"]", StringComparison.Ordinal)))
            .ShouldBeEmpty();

        var narrow = await app.NewPageAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 320, Height = 640 } });
        await narrow.GotoAsync(url);
        var culprit = await narrow.EvaluateAsync<string>("() => { const t = [...document.querySelectorAll('table')].find(e => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1); if (!t) return 'none'; const out = []; for (let e = t; e; e = e.parentElement) { const cs = getComputedStyle(e); out.push(e.tagName + '.' + e.className + ' w=' + Math.round(e.getBoundingClientRect().width) + ' ox=' + cs.overflowX + ' d=' + cs.display); } return out.join(' < '); }");
        (await narrow.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth")).ShouldBeLessThanOrEqualTo(0, culprit);
    }
}
