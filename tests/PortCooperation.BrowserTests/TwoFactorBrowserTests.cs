using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using PortCooperation.BrowserTests.Infrastructure;
using PortCooperation.IntegrationTests.Security;
using PortCooperation.Web.Data;
using PortCooperation.Web.Domain;

namespace PortCooperation.BrowserTests;

/// <summary>The app as in production: staff must use two-factor sign-in (the shared browser app turns it off).</summary>
public sealed class TwoFactorBrowserApp() : BrowserApp(new Dictionary<string, string?> { ["Security:RequireTwoFactorForStaff"] = "true" });

[CollectionDefinition(Name)]
public sealed class TwoFactorBrowserCollection : ICollectionFixture<TwoFactorBrowserApp>
{
    public const string Name = "browser-2fa";
}

/// <summary>
/// The browser flow with two-factor sign-in required: a staff member enrols an authenticator, signs in
/// with password and a code computed here (RFC 6238, from the shared key the page shows), creates a webinar
/// with a partner, publishes it and sees it on the public calendar. And an invitation in the browser: an
/// Administrator invites, the colleague opens the mailed link, sets a password and must enrol before anything
/// else. axe-core checks every account page on the way (docs/quality.md A1).
/// </summary>
[Collection(TwoFactorBrowserCollection.Name)]
public sealed partial class TwoFactorBrowserTests(TwoFactorBrowserApp app)
{
    private const string Password = "quayside bollard mooring 44";

    [Fact]
    public async Task StaffMember_SignsInWithTwoFactor_CreatesAWebinarWithAPartner_PublishesIt_AndSeesItOnThePublicCalendar()
    {
        const string email = "twofactor.editor@example.org";
        await CreateAccountAsync(email, Roles.Editor);
        var page = await NewPageAsync();
        var key = await SignInAndEnrolAsync(page, email);

        // Sign out and in again: now the password alone is not enough.
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await page.GotoAsync("/Identity/Account/Login");
        await page.Locator("#Email").FillAsync(email);
        await page.Locator("#Password").FillAsync(Password);
        await page.Locator("main button[type=submit]").ClickAsync();
        await page.WaitForURLAsync("**/Identity/Account/LoginWith2fa**");
        await AssertNoAxeViolationsAsync(page, "second sign-in step");
        await page.Locator("#Code").FillAsync(Totp.Code(key, DateTimeOffset.UtcNow));
        await page.Locator("main button[type=submit]").ClickAsync();
        await page.WaitForURLAsync("**/Admin");
        (await page.Locator("h1").InnerTextAsync()).ShouldBe("Dashboard");

        await page.GotoAsync("/Admin/Activities");
        await page.GetByRole(AriaRole.Link, new() { Name = "New activity" }).ClickAsync();
        var title = "Two-factor webinar " + Guid.NewGuid().ToString("N")[..6];
        var starts = DateTime.UtcNow.AddHours(2);
        await WebinarForm.FillAsync(page, title, starts);
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        (await page.GetByRole(AriaRole.Status).InnerTextAsync()).ShouldContain("created as a draft");
        await page.GetByRole(AriaRole.Button, new() { Name = "Publish now" }).ClickAsync();
        (await page.GetByRole(AriaRole.Status).InnerTextAsync()).ShouldContain("is published");

        await page.GotoAsync(string.Create(CultureInfo.InvariantCulture, $"/activities/calendar?year={starts.Year}&month={starts.Month}"));
        (await page.Locator("main").InnerTextAsync()).ShouldContain(title);
    }

    [Fact]
    public async Task AnAdministrator_InvitesAColleague_WhoSetsAPassword_AndMustEnrolBeforeTheStaffArea()
    {
        const string admin = "twofactor.admin@example.org";
        const string invitee = "invited.colleague@example.org";
        await CreateAccountAsync(admin, Roles.Administrator);
        var page = await NewPageAsync();
        await SignInAndEnrolAsync(page, admin);

        await page.GotoAsync("/Admin/Accounts");
        await AssertNoAxeViolationsAsync(page, "accounts list");
        await page.GetByRole(AriaRole.Link, new() { Name = "Invite a colleague" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Send the invitation" }).ClickAsync();
        (await page.Locator("#error-summary").IsVisibleAsync()).ShouldBeTrue();
        await AssertNoAxeViolationsAsync(page, "invitation form with errors");
        await page.GetByLabel("E-mail address").FillAsync(invitee);
        await page.GetByLabel("Name").FillAsync("Invited Colleague");
        await page.GetByLabel("Spanish").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Send the invitation" }).ClickAsync();
        (await page.GetByRole(AriaRole.Status).InnerTextAsync()).ShouldContain("Invitation sent to " + invitee);
        await page.Locator($"#accounts a:text-is('{invitee}')").ClickAsync();
        await AssertNoAxeViolationsAsync(page, "account page with an open invitation");

        var colleague = await NewPageAsync(locale: "es-ES");
        await colleague.GotoAsync(await InvitationLinkAsync(invitee));
        (await colleague.Locator("h1").InnerTextAsync()).ShouldBe("Aceptar la invitación");
        await colleague.Locator("#Password").FillAsync("short");
        await colleague.Locator("#ConfirmPassword").FillAsync("short");
        await colleague.Locator("main button[type=submit]").ClickAsync();
        (await colleague.Locator("#Password-error").InnerTextAsync()).ShouldContain("al menos 12 caracteres");
        await AssertNoAxeViolationsAsync(colleague, "accept page with errors (es)");
        await colleague.Locator("#Password").FillAsync(Password);
        await colleague.Locator("#ConfirmPassword").FillAsync(Password);
        await colleague.Locator("main button[type=submit]").ClickAsync();

        await colleague.WaitForURLAsync("**/Identity/TwoFactor/Enable**");
        (await colleague.Locator("#shared-key").GetAttributeAsync("data-key")).ShouldNotBeNullOrEmpty();
    }

    [Fact]
    public async Task ForgotPassword_AndAnUnusableLink_HaveNoAxeViolations_InBothLanguages()
    {
        foreach (var locale in new[] { "en-GB", "es-ES" })
        {
            var page = await NewPageAsync(locale: locale);
            await page.GotoAsync("/Identity/Account/Login");
            await page.Locator("#forgot-link").ClickAsync();
            await page.Locator("#forgot-form button[type=submit]").ClickAsync();
            (await page.Locator("#error-summary").IsVisibleAsync()).ShouldBeTrue();
            await AssertNoAxeViolationsAsync(page, $"forgot-password form with errors ({locale})");
            await page.Locator("#Email").FillAsync("nobody@example.org");
            await page.Locator("#forgot-form button[type=submit]").ClickAsync();
            await page.WaitForURLAsync("**/Identity/Password/Sent");
            await AssertNoAxeViolationsAsync(page, $"reset mail sent ({locale})");
            await page.GotoAsync("/Identity/Password/Reset?user=x&token=y");
            (await page.Locator("#link-invalid").IsVisibleAsync()).ShouldBeTrue();
            await AssertNoAxeViolationsAsync(page, $"unusable link ({locale})");
        }
    }

    /// <summary>Signs in with the password, is sent to enrol, enrols with a code computed from the page's key; returns the key.</summary>
    private static async Task<string> SignInAndEnrolAsync(IPage page, string email)
    {
        await page.GotoAsync("/Identity/Account/Login");
        await page.Locator("#Email").FillAsync(email);
        await page.Locator("#Password").FillAsync(Password);
        await page.Locator("main button[type=submit]").ClickAsync();
        await page.WaitForURLAsync("**/Identity/TwoFactor/Enable**");
        var key = (await page.Locator("#shared-key").GetAttributeAsync("data-key"))!;
        await page.Locator("#Code").FillAsync(Totp.Code(key, DateTimeOffset.UtcNow));
        await page.Locator("main button[type=submit]").ClickAsync();
        (await page.Locator("#recovery-codes li").CountAsync()).ShouldBe(10);
        await page.Locator("main a.btn-primary").ClickAsync();
        await page.WaitForURLAsync("**/Admin");
        return key;
    }

    private async Task CreateAccountAsync(string email, string role)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = new ApplicationUser { UserName = email, Email = email, EmailConfirmed = true };
        (await users.CreateAsync(user, Password)).Succeeded.ShouldBeTrue();
        (await users.AddToRoleAsync(user, role)).Succeeded.ShouldBeTrue();
    }

    /// <summary>The link of the invitation mail, read from the outbox where the dispatcher reads it, made relative to this app.</summary>
    private async Task<string> InvitationLinkAsync(string email)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var body = await db.OutboxMessages.Where(m => m.ToAddress == email).OrderByDescending(m => m.Id).Select(m => m.BodyText).FirstAsync();
        return AccountLink().Match(body).Groups[1].Value;
    }

    private Task<IPage> NewPageAsync(string locale = "en-GB") =>
        app.NewPageAsync(new BrowserNewContextOptions { BypassCSP = true, Locale = locale, ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });

    private static async Task AssertNoAxeViolationsAsync(IPage page, string what)
    {
        var violations = await Axe.ViolationsAsync(page);
        violations.ShouldBeEmpty($"{what}: {string.Join(Environment.NewLine, violations)}");
    }

    [GeneratedRegex(@"https?://[^/\s]+(/Identity/Invitation/Accept\?\S+)")]
    private static partial Regex AccountLink();
}
