using Microsoft.Playwright;
using PortCooperation.BrowserTests.Infrastructure;

namespace PortCooperation.BrowserTests;

/// <summary>
/// The executive report in Chromium: signed in through the form, on screen and as printed on A4 (print media), in
/// English and Spanish. Screenshots and PDFs go to $REPORT_SCREENSHOTS (default: the system temp folder) for a person
/// to look at; the assertions check what printing must hide and that the document fits the A4 width.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ReportPrintTests(BrowserApp app)
{
    private const string Q2Of2020 = "/Admin/Reports?period=quarter&periodYear=2020&periodQuarter=2";

    private static string OutputFolder()
    {
        var folder = Environment.GetEnvironmentVariable("REPORT_SCREENSHOTS") ?? Path.Combine(Path.GetTempPath(), "report-screenshots");
        Directory.CreateDirectory(folder);
        return folder;
    }

    /// <summary>A full-page screenshot plus the page cut into slices a person can read at full size.</summary>
    private static async Task ShootAsync(IPage page, string name, int width)
    {
        var folder = OutputFolder();
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, $"{name}.png"), FullPage = true });
        var height = await page.EvaluateAsync<int>("() => document.documentElement.scrollHeight");
        for (var (y, i) = (0, 1); y < height; y += 1100, i++)
        {
            await page.ScreenshotAsync(new PageScreenshotOptions
            {
                Path = Path.Combine(folder, $"{name}-part{i}.png"),
                FullPage = true,
                Clip = new Clip { X = 0, Y = y, Width = width, Height = Math.Min(1100, height - y) },
            });
        }
    }

    private Task<IPage> SignedInPageAsync(BrowserNewContextOptions? options = null) => app.SignedInEditorAsync(options);

    [Theory]
    [InlineData("en")]
    [InlineData("es")]
    public async Task Report_OnScreenAndPrintedOnA4(string language)
    {
        var page = await SignedInPageAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        var response = await page.GotoAsync($"{Q2Of2020}&culture={language}");
        response!.Status.ShouldBe(200);
        var folder = OutputFolder();
        await ShootAsync(page, $"report-screen-{language}", 1280);

        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });
        // 210 mm at 96 dpi minus the 16 mm margins: what a printed A4 page leaves for the content.
        await page.SetViewportSizeAsync(673, 1000);
        await ShootAsync(page, $"report-print-{language}", 673);
        var pdf = await page.PdfAsync(new PagePdfOptions { Path = Path.Combine(folder, $"report-{language}.pdf"), PreferCSSPageSize = true });

        (await page.Locator("form.report-form").IsVisibleAsync()).ShouldBeFalse();
        (await page.Locator("body > header").IsVisibleAsync()).ShouldBeFalse();
        (await page.Locator(".report-actions").IsVisibleAsync()).ShouldBeFalse();
        (await page.Locator("#report-title").IsVisibleAsync()).ShouldBeTrue();
        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        overflow.ShouldBeLessThanOrEqualTo(0);
        pdf.Length.ShouldBeGreaterThan(10_000);
        // Every page of the PDF is A4 (210 × 297 mm = 594.96 × 841.92 points), and the quarter fits on a few pages.
        var boxes = System.Text.RegularExpressions.Regex.Matches(System.Text.Encoding.Latin1.GetString(pdf), @"/MediaBox \[0 0 ([0-9.]+) ([0-9.]+)\]");
        boxes.Count.ShouldBeInRange(2, 8);
        boxes.ShouldAllBe(b => b.Groups[1].Value.StartsWith("594.9", StringComparison.Ordinal) && b.Groups[2].Value.StartsWith("841.9", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Report_HasNoAxeViolations()
    {
        var page = await SignedInPageAsync(new BrowserNewContextOptions { BypassCSP = true });
        await page.GotoAsync(Q2Of2020);

        var violations = await Axe.ViolationsAsync(page);

        violations.ShouldBeEmpty();
    }
}
