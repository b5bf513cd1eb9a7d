using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using PortCooperation.BrowserTests.Infrastructure;
using PortCooperation.Web.Domain;

namespace PortCooperation.BrowserTests;

/// <summary>
/// The staff navigation bar at phone widths: every link reachable, nothing wider than the screen at
/// 320 px, targets large enough, axe 0, without JavaScript.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class StaffNavigationTests(BrowserApp app)
{
    private const string Password = "wharf gantry tide table 8";

    [Theory]
    [InlineData(320)]
    [InlineData(375)]
    public async Task TheStaffNavigation_FitsAPhone_WithoutHorizontalScroll(int width)
    {
        var email = $"nav{width}@example.org";
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            var user = new ApplicationUser { UserName = email, Email = email, EmailConfirmed = true };
            (await users.CreateAsync(user, Password)).Succeeded.ShouldBeTrue();
            (await users.AddToRoleAsync(user, Roles.Administrator)).Succeeded.ShouldBeTrue();
        }

        var page = await app.NewPageAsync(new BrowserNewContextOptions { BypassCSP = true, JavaScriptEnabled = false, ViewportSize = new ViewportSize { Width = width, Height = 800 } });
        await page.GotoAsync("/Identity/Account/Login");
        await page.Locator("#Email").FillAsync(email);
        await page.Locator("#Password").FillAsync(Password);
        await page.Locator("main button[type=submit]").ClickAsync();
        await page.WaitForURLAsync("**/Admin");

        foreach (var path in new[] { "/Admin", "/Admin/Accounts", "/Admin/Accounts/Invite", "/Admin/Activities" })
        {
            await page.GotoAsync(path);
            var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
            overflow.ShouldBeLessThanOrEqualTo(0, $"{path} scrolls sideways at {width} px");
            (await page.Locator(".staff-menu__links").IsVisibleAsync()).ShouldBeFalse("the menu starts closed");
            await page.Locator(".staff-menu > summary").ClickAsync();
            var links = page.Locator(".staff-menu__links a");
            (await links.CountAsync()).ShouldBeGreaterThan(10);
            (await page.Locator(".staff-menu button[type=submit]").IsVisibleAsync()).ShouldBeTrue("sign out is in the menu");
            foreach (var link in await links.AllAsync())
            {
                (await link.IsVisibleAsync()).ShouldBeTrue($"{await link.InnerTextAsync()} on {path}");
                var box = (await link.BoundingBoxAsync())!;
                (box.X + box.Width).ShouldBeLessThanOrEqualTo(width, $"{await link.InnerTextAsync()} sticks out on {path}");
            }
        }

        Directory.CreateDirectory(StaffActivitiesTests.ScreenshotFolder);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(StaffActivitiesTests.ScreenshotFolder, $"staff-nav-{width}-open.png") });

        // axe-core runs as a script: the same page in a context with JavaScript, menu closed and open.
        var scripted = await app.NewPageAsync(new BrowserNewContextOptions { BypassCSP = true, StorageState = await page.Context.StorageStateAsync(), ViewportSize = new ViewportSize { Width = width, Height = 800 } });
        await scripted.GotoAsync("/Admin/Accounts");
        await scripted.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(StaffActivitiesTests.ScreenshotFolder, $"staff-nav-{width}.png") });
        var violations = (await Axe.ViolationsAsync(scripted)).ToList();
        await scripted.Locator(".staff-menu > summary").ClickAsync();
        violations.AddRange(await Axe.ViolationsAsync(scripted));
        violations.ShouldBeEmpty(string.Join(Environment.NewLine, violations));
    }
}
