using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using PortCooperation.BrowserTests.Infrastructure;
using PortCooperation.Web.Domain;

namespace PortCooperation.BrowserTests;

/// <summary>The staff record screens (organisations, countries): axe-core finds nothing on a list, an edit form with errors and a detail page.</summary>
[Collection(BrowserCollection.Name)]
public sealed class StaffRecordsBrowserTests(BrowserApp app)
{
    [Fact]
    public async Task OrganisationListFormAndDetail_HaveNoAxeViolations_AndACreateWorksByClicking()
    {
        const string email = "records.editor@example.org";
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            var user = new ApplicationUser { UserName = email, Email = email, EmailConfirmed = true };
            (await users.CreateAsync(user, "harbour crane anchor 1987")).Succeeded.ShouldBeTrue();
            (await users.AddToRoleAsync(user, Roles.Editor)).Succeeded.ShouldBeTrue();
        }

        var page = await app.NewPageAsync(new BrowserNewContextOptions { BypassCSP = true, ViewportSize = new ViewportSize { Width = 1366, Height = 900 } });
        await page.GotoAsync("/Identity/Account/Login");
        await page.Locator("#Email").FillAsync(email);
        await page.Locator("#Password").FillAsync("harbour crane anchor 1987");
        await page.Locator("main button[type=submit]").ClickAsync();
        await page.WaitForURLAsync("**/Admin");

        await page.GotoAsync("/Admin/Organisations");
        await ShotAsync(page, "admin-organisations-list");
        await NoViolationsAsync(page, "organisation list");

        await page.GetByRole(AriaRole.Link, new() { Name = "New record" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        (await page.Locator("#error-summary").IsVisibleAsync()).ShouldBeTrue();
        await ShotAsync(page, "admin-organisation-form-errors");
        await NoViolationsAsync(page, "organisation form with errors");

        var name = "Browser harbour board " + Guid.NewGuid().ToString("N")[..6];
        await page.GetByLabel("Name (English)").FillAsync(name);
        await page.GetByLabel("Name (Spanish)").FillAsync("Junta portuaria de prueba");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        (await page.GetByRole(AriaRole.Status).InnerTextAsync()).ShouldContain("created");
        (await page.Locator("h1").InnerTextAsync()).ShouldBe(name);
        await ShotAsync(page, "admin-organisation-detail");
        await NoViolationsAsync(page, "organisation detail");

        await page.GotoAsync("/Admin/Countries");
        await NoViolationsAsync(page, "country list");
        await page.GotoAsync("/Admin/Imports?kind=awards");
        await ShotAsync(page, "admin-import-awards");
        await NoViolationsAsync(page, "import page");
    }

    private static async Task NoViolationsAsync(IPage page, string what)
    {
        var violations = await Axe.ViolationsAsync(page);
        violations.ShouldBeEmpty($"{what}: {string.Join(Environment.NewLine, violations)}");
    }

    private static async Task ShotAsync(IPage page, string name)
    {
        Directory.CreateDirectory(StaffActivitiesTests.ScreenshotFolder);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(StaffActivitiesTests.ScreenshotFolder, name + ".png"), FullPage = true });
    }
}
