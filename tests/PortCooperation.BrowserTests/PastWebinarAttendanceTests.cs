using Microsoft.Playwright;
using PortCooperation.BrowserTests.Infrastructure;

namespace PortCooperation.BrowserTests;

/// <summary>
/// The secretariat's routine in Chromium: a past webinar entered in one save, the Zoom and Teams attendance reports
/// the product ships as samples uploaded, previewed and confirmed, and the executive report of the webinar's year
/// counting the people the files hold. Everything is typed or clicked; the POSTs the browser sends are counted.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class PastWebinarAttendanceTests(BrowserApp app)
{
    /// <summary>A year without demo data, so the report's webinar figures are this webinar's alone.</summary>
    private const int Year = 2024;

    [Fact]
    public async Task APastWebinar_AndItsZoomAndTeamsReports_ReachTheReport_WithOneFormSaveAndTheImportsPreviewAndConfirm()
    {
        // Axe is an injected script: the page's CSP would refuse it.
        var page = await app.SignedInEditorAsync(new BrowserNewContextOptions { BypassCSP = true, ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        var posts = new List<string>();
        page.Request += (_, request) =>
        {
            if (request.Method == "POST")
            {
                posts.Add(new Uri(request.Url).AbsolutePath);
            }
        };

        await page.GetByRole(AriaRole.Link, new() { Name = "Activities", Exact = true }).First.ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "New activity" }).ClickAsync();
        var title = "Port community systems in practice " + Guid.NewGuid().ToString("N")[..6];
        await WebinarForm.FillAsync(page, title, new DateTime(Year, 3, 1, 9, 0, 0, DateTimeKind.Utc));
        await page.GetByLabel("It has already taken place").CheckAsync();
        await page.GetByLabel("Publish it in the same save").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();

        (await page.Locator("#activity-status").InnerTextAsync()).ShouldBe("Held");
        (await page.Locator("#publication-state").InnerTextAsync()).ShouldContain("Published");

        var activityId = page.Url.Split('/')[^1].Split('?')[0];
        await page.Locator("#attendance-import-link").ClickAsync();
        await page.Locator("#i-file").SetInputFilesAsync(
            [SampleFiles.PathFor("zoom-webinar-attendee-report.csv"), SampleFiles.PathFor("teams-attendance-report.csv")]);
        await page.Locator("#import-form button[type=submit]").ClickAsync();

        // Five attendees in the Zoom report, three in Teams, Ana Pérez in both (and twice in Zoom): seven people.
        (await page.Locator("#import-rows tbody tr").CountAsync()).ShouldBe(7);
        (await page.Locator("#import-staff tbody tr").CountAsync()).ShouldBe(4, "host, panelist, organizer and presenter are left out");
        (await page.Locator("[data-count=member-states]").InnerTextAsync()).ShouldEndWith(": 4");
        await page.Locator("#import-confirm button[type=submit]").ClickAsync();
        string.Join(" ", await page.Locator("[role=status]").AllInnerTextsAsync()).ShouldContain("Attendees recorded: 7.");

        await page.GetByRole(AriaRole.Link, new() { Name = "Report", Exact = true }).ClickAsync();
        await page.Locator("#period").SelectOptionAsync("year");
        await page.Locator("#periodYear").FillAsync(Year.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.GetByRole(AriaRole.Button, new() { Name = "Produce the report" }).ClickAsync();

        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Screenshots.PathFor("past-webinar-report"), FullPage = true });
        (await page.Locator("tr[data-figure='webinars.participants']").GetAttributeAsync("data-current")).ShouldBe("7");
        (await page.Locator("tr[data-figure='webinars.memberstates']").GetAttributeAsync("data-current")).ShouldBe("4");

        // One save for the webinar, then the import's preview and confirmation: nothing else was posted.
        var import = $"/Admin/Activities/{activityId}/Registrations/Import";
        posts.Count.ShouldBeLessThanOrEqualTo(4, "at most 2 form submissions plus the import's preview and confirm");
        posts.ShouldBe(["/Admin/Activities/Create", import, import + "/Confirm"]);

        // The same two reports again: everyone is already counted, the preview names the earlier import of each file.
        await page.GotoAsync(import);
        await page.Locator("#i-file").SetInputFilesAsync(
            [SampleFiles.PathFor("zoom-webinar-attendee-report.csv"), SampleFiles.PathFor("teams-attendance-report.csv")]);
        await page.Locator("#import-form button[type=submit]").ClickAsync();
        (await page.Locator("[data-earlier-import]").CountAsync()).ShouldBe(2);
        (await page.Locator("#import-earlier tbody tr").CountAsync()).ShouldBe(2);
        (await page.Locator("#import-rows tbody tr[data-outcome=NewAttendee]").CountAsync()).ShouldBe(0);
        (await page.Locator("#import-confirm button[type=submit]").IsDisabledAsync()).ShouldBeTrue();
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Screenshots.PathFor("past-webinar-import-again"), FullPage = true });
        (await Axe.ViolationsAsync(page)).ShouldBeEmpty();
    }
}
