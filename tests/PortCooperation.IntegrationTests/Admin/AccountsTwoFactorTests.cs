using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using PortCooperation.IntegrationTests.Security;
using PortCooperation.IntegrationTests.Web;
using PortCooperation.Web.Domain;

namespace PortCooperation.IntegrationTests.Admin;

/// <summary>
/// With two-factor sign-in required (as in production): an invited colleague who has just set a password is
/// sent to enrol an authenticator before any staff page opens, and later sign-ins ask for the code.
/// </summary>
public sealed class AccountsTwoFactorTests
{
    [Fact]
    public async Task AnInvitedColleague_MustEnrolTwoFactor_BeforeReachingTheStaffArea()
    {
        // The real clock: authenticator codes depend on the time.
        using var factory = new WebFactory(DateTimeOffset.UtcNow, new Dictionary<string, string?> { ["Security:RequireTwoFactorForStaff"] = "true" });
        var admin = await EnrolledAdministratorAsync(factory, "tf-admin@example.org");
        using (await admin.InviteAsync("tf-new@example.org")) { }
        var link = await factory.OutboxLinkAsync("tf-new@example.org");
        var invitee = factory.NewClient();

        using var accepted = await invitee.SetPasswordAsync(link, AccountsKit.NewPassword);
        using var staffArea = await invitee.GetAsync(accepted.Headers.Location!.OriginalString);

        staffArea.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        staffArea.Headers.Location!.OriginalString.ShouldStartWith("/Identity/TwoFactor/Enable");
        using (var list = await invitee.GetAsync("/Admin/Activities"))
        {
            list.Headers.Location!.OriginalString.ShouldStartWith("/Identity/TwoFactor/Enable", Case.Sensitive, "no staff page before enrolment");
        }

        // The form that showed the key is the one submitted: it carries that key until enrolment stores it.
        var enrolment = await invitee.PageAsync("/Identity/TwoFactor/Enable");
        var key = enrolment.QuerySelector("#shared-key")!.GetAttribute("data-key")!;
        using (var enrolled = await invitee.SubmitAsync(enrolment, "form[action='/Identity/TwoFactor/Enable']", new() { ["Code"] = Totp.Code(key, DateTimeOffset.UtcNow) }, "/Identity/TwoFactor/Enable"))
        {
            enrolled.StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        using (var dashboard = await invitee.GetAsync("/Admin"))
        {
            dashboard.StatusCode.ShouldBe(HttpStatusCode.OK, "enrolled: the staff area opens");
        }

        using var passwordOnly = await factory.NewClient().PostLoginAsync("tf-new@example.org", AccountsKit.NewPassword);
        passwordOnly.Headers.Location!.OriginalString.ShouldStartWith("/Identity/Account/LoginWith2fa", Case.Insensitive, "later sign-ins need the code too");
    }

    /// <summary>An Administrator with an authenticator already enrolled, signed in with password and code.</summary>
    private static async Task<HttpClient> EnrolledAdministratorAsync(WebFactory factory, string email)
    {
        var user = await factory.CreateUserAsync(email, StaffSession.Password, Roles.Administrator);
        string key;
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            var stored = (await users.FindByIdAsync(user.Id))!;
            await users.ResetAuthenticatorKeyAsync(stored);
            await users.SetTwoFactorEnabledAsync(stored, true);
            key = (await users.GetAuthenticatorKeyAsync(stored))!;
        }

        var client = factory.NewClient();
        using (await client.PostLoginAsync(email, StaffSession.Password)) { }
        using var second = await client.SubmitAsync("/Identity/Account/LoginWith2fa", "form", new() { ["Code"] = Totp.Code(key, DateTimeOffset.UtcNow) });
        second.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        return client;
    }
}
