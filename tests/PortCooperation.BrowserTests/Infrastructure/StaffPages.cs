using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using PortCooperation.Web.Domain;

namespace PortCooperation.BrowserTests.Infrastructure;

/// <summary>Staff pages for the executive report's and the analytics' browser tests: a new editor, signed in through the form.</summary>
public static class StaffPages
{
    /// <summary>
    /// A page whose context (own cookies) is signed in as a new editor; <paramref name="arrange"/> may add records for
    /// that user (e.g. a report subscription) before the sign-in.
    /// </summary>
    public static async Task<IPage> SignedInEditorAsync(this BrowserApp app, BrowserNewContextOptions? options = null, Func<IServiceProvider, ApplicationUser, Task>? arrange = null)
    {
        var email = $"editor-{Guid.NewGuid():N}@example.org";
        var password = $"Editor-{Guid.NewGuid():N}";
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            var user = new ApplicationUser { UserName = email, Email = email, EmailConfirmed = true };
            (await users.CreateAsync(user, password)).Succeeded.ShouldBeTrue();
            (await users.AddToRoleAsync(user, Roles.Editor)).Succeeded.ShouldBeTrue();
            if (arrange is not null)
            {
                await arrange(scope.ServiceProvider, user);
            }
        }

        var page = await app.NewPageAsync(options);
        await page.GotoAsync("/Identity/Account/Login");
        await page.FillAsync("#Email", email);
        await page.FillAsync("#Password", password);
        await page.ClickAsync("form[action*='Login'] button[type=submit]");
        await page.WaitForURLAsync("**/Admin**");
        return page;
    }
}
