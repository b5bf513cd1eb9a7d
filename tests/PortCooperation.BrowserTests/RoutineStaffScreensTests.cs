using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using PortCooperation.BrowserTests.Infrastructure;
using PortCooperation.Web.Data;
using PortCooperation.Web.Domain;

namespace PortCooperation.BrowserTests;

/// <summary>
/// The staff screens of the secretariat's routine (attendance import, CSV import of awards, the activity form with
/// its past-activity options, the executive report with a scope, the dashboard's warnings, the scholarship list with
/// filters) at a desktop (1280 px) and a phone (375 px) width, in English and Spanish: axe finds nothing and nothing
/// scrolls sideways. Screenshots go to $REPORT_SCREENSHOTS (default: the system temp folder, report-screenshots).
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class RoutineStaffScreensTests(BrowserApp app)
{
    [Theory]
    [InlineData("en", 1280)]
    [InlineData("en", 375)]
    [InlineData("es", 1280)]
    [InlineData("es", 375)]
    public async Task TheRoutineStaffScreens_HaveNoAxeViolations_AndFitTheScreen(string language, int width)
    {
        // Read only: which demo webinar to preview an attendance file for, and Peru's id for the list filter.
        var (webinarId, peruId) = await DemoRecordsAsync();
        var page = await app.SignedInEditorAsync(new BrowserNewContextOptions
        {
            // Accept-Language picks the language of every page, posted previews included; axe is an injected script.
            Locale = language == "es" ? "es-ES" : "en-GB", BypassCSP = true, ViewportSize = new ViewportSize { Width = width, Height = 900 },
        });
        var violations = new List<string>();

        async Task CheckAsync(string name)
        {
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Screenshots.PathFor($"routine-{name}-{language}-{width}"), FullPage = true });
            violations.AddRange((await Axe.ViolationsAsync(page)).Select(v => $"{name}: {v}"));
            await PageWidth.ShouldNotScrollSidewaysAsync(page, name);
        }

        await page.GotoAsync("/Admin");
        (await page.Locator("#report-warnings li").CountAsync()).ShouldBeGreaterThan(0);
        await CheckAsync("dashboard");

        await page.GotoAsync($"/Admin/Activities/{webinarId}/Registrations/Import");
        await CheckAsync("attendance-upload");
        await page.Locator("#i-file").SetInputFilesAsync([SampleFiles.PathFor("zoom-webinar-attendee-report.csv"), SampleFiles.PathFor("teams-attendance-report.csv")]);
        await page.Locator("#import-form button[type=submit]").ClickAsync();
        (await page.Locator("#import-rows tbody tr").CountAsync()).ShouldBe(7);
        await CheckAsync("attendance-preview");

        await page.GotoAsync("/Admin/Imports?kind=awards");
        await CheckAsync("awards-upload");
        await UploadAwardsAsync(page, "Ana Torres,F,PE,,Port management,1500.50,2024-05-31\r\nBruno Díaz,hombre,BR,,Port management,900,2024-06-01\r\n");
        (await page.Locator("#import-lines tbody tr").CountAsync()).ShouldBe(2);
        (await page.Locator("#confirm-form").CountAsync()).ShouldBe(1);
        await CheckAsync("awards-preview");
        await page.GotoAsync("/Admin/Imports?kind=awards");
        await UploadAwardsAsync(page, "Ana Torres,Robot,XX,,Port management,12abc,31/05/2024\r\n");
        (await page.Locator("#import-errors tbody tr").CountAsync()).ShouldBeGreaterThan(0);
        await CheckAsync("awards-preview-errors");

        await page.GotoAsync("/Admin/Activities/Create");
        (await page.Locator("#past-activity input[type=checkbox]").CountAsync()).ShouldBe(2);
        (await page.Locator("#f-TimeZoneId optgroup").CountAsync()).ShouldBeGreaterThan(1);
        await CheckAsync("activity-form");

        await page.GotoAsync("/Admin/Reports?period=year&periodYear=2020&scope=region&region=SouthAmerica");
        (await page.Locator("tr[data-figure]").CountAsync()).ShouldBeGreaterThan(0);
        await CheckAsync("report-region");

        await page.GotoAsync("/Admin/ScholarshipAwards?year=2019");
        // A demo programme (other tests in the collection may add courses, which are listed first).
        await page.Locator("select[name=course]").SelectOptionAsync(new SelectOptionValue { Label = "Diploma in Port Management and Governance" });
        await page.Locator("select[name=country]").SelectOptionAsync(peruId.ToString(CultureInfo.InvariantCulture));
        await page.Locator("form.staff-filters button[type=submit]").ClickAsync();
        await page.WaitForURLAsync("**country=*");
        (await page.Locator("#award-totals").CountAsync()).ShouldBe(1);
        await CheckAsync("scholarships-filtered");

        violations.ShouldBeEmpty(string.Join(Environment.NewLine, violations));
    }

    private static async Task UploadAwardsAsync(IPage page, string rows)
    {
        await page.Locator("#f-file").SetInputFilesAsync(new FilePayload
        {
            Name = "awards.csv", MimeType = "text/csv",
            Buffer = Encoding.UTF8.GetBytes("RecipientName,Gender,Country,Course,ProgrammeName,AmountUsd,AwardedOn\r\n" + rows),
        });
        await page.Locator("#import-form button[type=submit]").ClickAsync();
    }

    private async Task<(int WebinarId, int PeruId)> DemoRecordsAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var webinar = await db.Activities.Where(a => a.Kind == ActivityKind.Webinar && a.Status == ActivityStatus.Held).OrderBy(a => a.Id).Select(a => a.Id).FirstAsync();
        var peru = await db.Countries.Where(c => c.Code == "PE").Select(c => c.Id).SingleAsync();
        return (webinar, peru);
    }
}
