using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using PortCooperation.Web.Domain;

namespace PortCooperation.BrowserTests.Infrastructure;

/// <summary>A new staff account made through the app's UserManager, signed in through the login form in a new page.</summary>
public static class StaffSignIn
{
    public const string Password = "quay bollard fender 2031";

    /// <summary>
    /// A confirmed account with <see cref="Password"/> in <paramref name="role"/>; <paramref name="change"/> sets more
    /// before it is saved, <paramref name="arrange"/> may add records for the saved user (e.g. a report subscription).
    /// </summary>
    public static async Task CreateStaffAsync(this BrowserApp app, string email, string role, Action<ApplicationUser>? change = null,
        Func<IServiceProvider, ApplicationUser, Task>? arrange = null)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = new ApplicationUser { UserName = email, Email = email, EmailConfirmed = true };
        change?.Invoke(user);
        (await users.CreateAsync(user, Password)).Succeeded.ShouldBeTrue();
        (await users.AddToRoleAsync(user, role)).Succeeded.ShouldBeTrue();
        if (arrange is not null)
        {
            await arrange(scope.ServiceProvider, user);
        }
    }

    public static async Task<IPage> SignedInStaffPageAsync(this BrowserApp app, string email, string role, BrowserNewContextOptions? options,
        Func<IServiceProvider, ApplicationUser, Task>? arrange = null)
    {
        await app.CreateStaffAsync(email, role, arrange: arrange);
        var page = await app.NewPageAsync(options);
        await page.GotoAsync("/Identity/Account/Login");
        await page.Locator("#Email").FillAsync(email);
        await page.Locator("#Password").FillAsync(Password);
        await page.Locator("main button[type=submit]").ClickAsync();
        await page.WaitForURLAsync("**/Admin");
        return page;
    }
}
