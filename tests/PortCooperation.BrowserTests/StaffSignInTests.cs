using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Playwright;
using PortCooperation.BrowserTests.Infrastructure;
using PortCooperation.Web.Infrastructure.Operations;

namespace PortCooperation.BrowserTests;

/// <summary>
/// An administrator made by the create-admin command signs in through the form in Chromium and lands on the
/// dashboard; the sign-in page in its error state, the dashboard and the two-factor enrolment page have no
/// axe-core violations (docs/quality.md A1).
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class StaffSignInTests(BrowserApp app)
{
    private const string Password = "harbour master logbook 19";

    [Fact]
    public async Task CreatedAdministrator_SignsInThroughTheForm_AndLandsOnTheDashboard()
    {
        var email = await CreateAdministratorAsync("browser-admin");
        var page = await app.NewPageAsync(new BrowserNewContextOptions { BypassCSP = true });
        await page.GotoAsync("/Admin");
        page.Url.ShouldContain("/Identity/Account/Login");

        await page.GetByLabel("E-mail address").FillAsync(email);
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync("not the password at all");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        (await page.Locator("#error-summary").IsVisibleAsync()).ShouldBeTrue();
        var loginViolations = await Axe.ViolationsAsync(page);

        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.WaitForURLAsync("**/Admin");
        (await page.Locator("h1").InnerTextAsync()).ShouldBe("Dashboard");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Path.GetTempPath(), "portal-staff-dashboard.png"), FullPage = true });
        var dashboardViolations = await Axe.ViolationsAsync(page);

        loginViolations.ShouldBeEmpty(string.Join(Environment.NewLine, loginViolations));
        dashboardViolations.ShouldBeEmpty(string.Join(Environment.NewLine, dashboardViolations));
    }

    [Fact]
    public async Task TwoFactorEnrolmentPage_InItsErrorState_HasNoAxeViolations()
    {
        var email = await CreateAdministratorAsync("browser-2fa");
        var page = await app.NewPageAsync(new BrowserNewContextOptions { BypassCSP = true });
        await page.GotoAsync("/Identity/Account/Login");
        await page.GetByLabel("E-mail address").FillAsync(email);
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.WaitForURLAsync("**/Admin");

        await page.GotoAsync("/Identity/TwoFactor/Enable");
        (await page.Locator("#shared-key").GetAttributeAsync("data-key")).ShouldNotBeNullOrEmpty();
        await page.GetByLabel("Type the six-digit code the app shows:").FillAsync("000000");
        await page.GetByRole(AriaRole.Button, new() { Name = "Verify and turn on" }).ClickAsync();
        (await page.Locator("#error-summary").IsVisibleAsync()).ShouldBeTrue();
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Path.GetTempPath(), "portal-2fa-enrol.png"), FullPage = true });
        var violations = await Axe.ViolationsAsync(page);

        violations.ShouldBeEmpty(string.Join(Environment.NewLine, violations));
    }

    /// <summary>Runs the create-admin command against the running app's database, the password given as from PORTAL_ADMIN_PASSWORD.</summary>
    private async Task<string> CreateAdministratorAsync(string name)
    {
        var email = $"{name}-{Guid.NewGuid():N}@example.org";
        await using var scope = app.Services.CreateAsyncScope();
        var passwords = new PasswordSource(() => Password, interactive: false, TextReader.Null, TextWriter.Null);
        var command = new CreateAdminCommand(scope.ServiceProvider, NullLogger.Instance, passwords, TextWriter.Null, TextWriter.Null);
        (await command.RunAsync(["--email", email])).ShouldBe(0);
        return email;
    }
}
