using System.Globalization;
using Microsoft.Playwright;
using PortCooperation.BrowserTests.Infrastructure;
using PortCooperation.Web.Domain;

namespace PortCooperation.BrowserTests;

/// <summary>A staff member creates a webinar with a partner, publishes it and finds it on the public home page.</summary>
[Collection(BrowserCollection.Name)]
public sealed class StaffActivitiesTests(BrowserApp app)
{
    /// <summary>Where the screenshots of the staff screens go, to be looked at.</summary>
    public static readonly string ScreenshotFolder = Path.Combine(Path.GetTempPath(), "portal-screenshots");

    [Fact]
    public async Task StaffMember_CreatesAWebinarWithAPartner_PublishesIt_AndSeesItOnTheHomePage()
    {
        var page = await SignedInStaffPageAsync("webinar.editor@example.org");
        await page.GotoAsync("/Admin/Activities");
        await ScreenshotAsync(page, "admin-activities-list");
        await AssertNoAxeViolationsAsync(page, "activity list");

        await page.GetByRole(AriaRole.Link, new() { Name = "New activity" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        (await page.Locator("#error-summary").IsVisibleAsync()).ShouldBeTrue();
        await ScreenshotAsync(page, "admin-activity-form-errors");
        await AssertNoAxeViolationsAsync(page, "edit form with errors");

        var title = "Browser test webinar " + Guid.NewGuid().ToString("N")[..6];
        var starts = DateTime.UtcNow.AddHours(2);
        await WebinarForm.FillAsync(page, title, starts);
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();

        (await page.GetByRole(AriaRole.Status).InnerTextAsync()).ShouldContain("created as a draft");
        await ScreenshotAsync(page, "admin-activity-form");
        await AssertNoAxeViolationsAsync(page, "edit form");

        await page.GetByRole(AriaRole.Button, new() { Name = "Publish now" }).ClickAsync();
        (await page.GetByRole(AriaRole.Status).InnerTextAsync()).ShouldContain("is published");

        await page.GotoAsync("/");
        (await page.Locator("#upcoming-activities").InnerTextAsync()).ShouldContain(title);
    }

    [Fact]
    public async Task AuditLog_HasNoAxeViolations()
    {
        var page = await SignedInStaffPageAsync("audit.reader@example.org");
        await page.GotoAsync("/Admin/Audit");
        await AssertNoAxeViolationsAsync(page, "audit log");
    }

    private Task<IPage> SignedInStaffPageAsync(string email) =>
        app.SignedInStaffPageAsync(email, Roles.Editor, new BrowserNewContextOptions { BypassCSP = true, ViewportSize = new ViewportSize { Width = 1366, Height = 900 } });

    private static async Task AssertNoAxeViolationsAsync(IPage page, string what)
    {
        var violations = await Axe.ViolationsAsync(page);
        violations.ShouldBeEmpty($"{what}: {string.Join(Environment.NewLine, violations)}");
    }

    private static async Task ScreenshotAsync(IPage page, string name)
    {
        Directory.CreateDirectory(ScreenshotFolder);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotFolder, name + ".png"), FullPage = true });
    }
}
