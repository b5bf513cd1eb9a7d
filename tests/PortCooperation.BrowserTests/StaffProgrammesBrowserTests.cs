using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using PortCooperation.BrowserTests.Infrastructure;
using PortCooperation.Web.Domain;

namespace PortCooperation.BrowserTests;

/// <summary>
/// The staff screens of programmes, port systems, speaking engagements and entered participation: axe-core finds nothing on each list, edit
/// form (also with its errors) and detail page, at desktop and phone widths, and no page scrolls sideways on a phone.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class StaffProgrammesBrowserTests(BrowserApp app)
{
    private const string Password = "harbour crane anchor 1987";

    [Theory]
    [InlineData(1280)]
    [InlineData(375)]
    public async Task ProgrammePortSystemAndEngagementScreens_HaveNoAxeViolations(int width)
    {
        var email = $"programmes.editor.{width}@example.org";
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            var user = new ApplicationUser { UserName = email, Email = email, EmailConfirmed = true };
            (await users.CreateAsync(user, Password)).Succeeded.ShouldBeTrue();
            (await users.AddToRoleAsync(user, Roles.Editor)).Succeeded.ShouldBeTrue();
        }

        var page = await app.NewPageAsync(new BrowserNewContextOptions { BypassCSP = true, ViewportSize = new ViewportSize { Width = width, Height = 900 } });
        await page.GotoAsync("/Identity/Account/Login");
        await page.Locator("#Email").FillAsync(email);
        await page.Locator("#Password").FillAsync(Password);
        await page.Locator("main button[type=submit]").ClickAsync();
        await page.WaitForURLAsync("**/Admin");

        foreach (var screen in new[] { "Programmes", "PortSystems", "SpeakingEngagements", "Participation" })
        {
            await page.GotoAsync($"/Admin/{screen}");
            (await page.Locator("#records tbody tr").CountAsync()).ShouldBeGreaterThan(0, $"{screen}: the demo data should list something");
            await CheckAsync(page, $"{screen}-list", width);

            await page.Locator("#records tbody tr:first-child td:first-child a").ClickAsync();
            await page.WaitForURLAsync("**/Details/**");
            await CheckAsync(page, $"{screen}-detail", width);

            await page.Locator("#edit-record").ClickAsync();
            await page.WaitForURLAsync("**/Edit/**");
            await CheckAsync(page, $"{screen}-edit", width);

            if (screen == "Participation")
            {
                // Participation is edited, never created: a refused edit shows the errors.
                await page.Locator("#f-ReportedMemberStates").FillAsync("999");
            }
            else
            {
                await page.GotoAsync($"/Admin/{screen}/Create");
            }

            // The participation grid repeats its Save button above the grid; either one saves the whole form.
            await page.Locator("#record-form button[type=submit]").Last.ClickAsync();
            (await page.Locator("#error-summary").IsVisibleAsync()).ShouldBeTrue($"{screen}: an empty form should be refused");
            await CheckAsync(page, $"{screen}-errors", width);
        }
    }

    private static async Task CheckAsync(IPage page, string name, int width)
    {
        Directory.CreateDirectory(StaffActivitiesTests.ScreenshotFolder);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(StaffActivitiesTests.ScreenshotFolder, $"admin-{name}-{width}.png"), FullPage = true });
        var violations = await Axe.ViolationsAsync(page);
        violations.ShouldBeEmpty($"{name} at {width}px: {string.Join(Environment.NewLine, violations)}");
        (await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth")).ShouldBeTrue($"{name} scrolls sideways at {width}px");
    }
}
