using System.Net;
using Microsoft.Extensions.DependencyInjection;
using PortCooperation.IntegrationTests.Mail;
using PortCooperation.IntegrationTests.Security;
using PortCooperation.IntegrationTests.Web;
using PortCooperation.Web.Domain;
using PortCooperation.Web.Services.Mail;
using static PortCooperation.IntegrationTests.Registrations.RegistrationTestKit;

namespace PortCooperation.IntegrationTests.Admin;

/// <summary>
/// The account mails delivered by the real outbox dispatcher to a real SMTP server on loopback, and their links
/// followed: the invitation, and "forgot password" (same answer for every address, link works once, expires),
/// with the lockout it lifts.
/// </summary>
public sealed class AccountsMailTests
{
    private static WebFactory Factory(SmtpSink sink) => new(settings: Settings(sink.AppSettings()));

    private static async Task<IReadOnlyList<ReceivedMail>> DeliverAsync(WebFactory factory, SmtpSink sink)
    {
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<OutboxDispatcher>().DeliverDueAsync(CancellationToken.None);
        }

        return sink.Messages();
    }

    private static async Task<HttpResponseMessage> ForgotAsync(HttpClient client, string email) =>
        await client.SubmitAsync("/Identity/Password/Forgot", "#forgot-form", new() { ["Email"] = email });

    [Fact]
    public async Task TheInvitation_ArrivesByMail_InTheInviteesLanguage_AndItsLinkOpensTheAccountOnce()
    {
        await using var sink = new SmtpSink();
        await sink.StartAsync();
        using var factory = Factory(sink);
        var admin = await factory.SignedInStaffAsync("mail-admin@example.org", Roles.Administrator);

        using (await admin.InviteAsync("carmen@example.org", Roles.Administrator, "es", "Carmen Ruiz")) { }
        var mail = (await DeliverAsync(factory, sink)).ShouldHaveSingleItem();
        mail.ShouldBeWellFormed();

        mail.To.ShouldBe(["carmen@example.org"]);
        mail.Subject.ShouldBe("Su invitación al área del personal del Portal de Cooperación Portuaria");
        mail.Text!.ShouldContain("como Administrador/a");
        mail.Html!.ShouldContain("lang=\"es\"");
        mail.Html!.ShouldContain("Aceptar la invitaci&#243;n");
        var link = AccountsKit.LinkIn(mail.Text);
        mail.Html!.ShouldContain(WebUtility.HtmlEncode("https://portal.example.org" + link));
        var invitee = factory.NewClient();
        using (var accepted = await invitee.SetPasswordAsync(link, AccountsKit.NewPassword))
        {
            accepted.Headers.Location!.OriginalString.ShouldBe("/Admin");
        }

        using (var accounts = await invitee.GetAsync("/Admin/Accounts"))
        {
            accounts.StatusCode.ShouldBe(HttpStatusCode.OK, "invited as Administrator");
        }

        await factory.NewClient().ShouldBeRefusedLinkAsync(link);
    }

    [Fact]
    public async Task ForgotPassword_AnswersTheSameForEveryAddress_MailsOnlyRealAccounts_AndTheLinkWorksOnce()
    {
        await using var sink = new SmtpSink();
        await sink.StartAsync();
        using var factory = Factory(sink);
        await factory.CreateUserAsync("forgetful@example.org", StaffSession.Password, Roles.Editor);
        var disabled = await factory.CreateUserAsync("disabled-forgetful@example.org", StaffSession.Password, Roles.Editor);
        await factory.WithDbAsync(async db => { db.Users.Single(u => u.Id == disabled.Id).IsDisabled = true; await db.SaveChangesAsync(); });
        var client = factory.NewClient();
        (await client.PageAsync("/Identity/Account/Login")).QuerySelector("#forgot-link")!.GetAttribute("href").ShouldBe("/Identity/Password/Forgot");

        using var known = await ForgotAsync(client, "forgetful@example.org");
        using var unknown = await ForgotAsync(client, "nobody@example.org");
        using var off = await ForgotAsync(client, "disabled-forgetful@example.org");

        foreach (var response in new[] { known, unknown, off })
        {
            response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
            response.Headers.Location!.OriginalString.ShouldBe("/Identity/Password/Sent");
        }

        (await client.PageAsync("/Identity/Password/Sent")).QuerySelector("h1")!.TextContent.ShouldBe("Check your mail");
        var mail = (await DeliverAsync(factory, sink)).ShouldHaveSingleItem("only the active account gets a mail");
        mail.To.ShouldBe(["forgetful@example.org"]);
        mail.Subject.ShouldBe("Choose a new password for the Port Cooperation Portal");
        var link = AccountsKit.LinkIn(mail.Text);
        link.ShouldStartWith("/Identity/Password/Reset?user=");

        using (var tooShort = await client.SetPasswordAsync(link, "short one"))
        {
            (await AccountsKit.ParseAsync(tooShort)).QuerySelector("#Password-error")!.TextContent.Trim().ShouldBe("The password must be at least 12 characters long.");
        }

        using var reset = await client.SetPasswordAsync(link, AccountsKit.NewPassword);

        reset.Headers.Location!.OriginalString.ShouldBe("/Identity/Account/Login");
        (await client.PageAsync("/Identity/Account/Login")).QuerySelector("#accounts-message")!.TextContent.ShouldContain("Your password was changed");
        using (var old = await factory.NewClient().PostLoginAsync("forgetful@example.org", StaffSession.Password))
        {
            old.StatusCode.ShouldBe(HttpStatusCode.OK, "the old password no longer works");
        }

        (await factory.SignedInAsync("forgetful@example.org", AccountsKit.NewPassword)).ShouldNotBeNull();
        await factory.NewClient().ShouldBeRefusedLinkAsync(link);
    }

    [Fact]
    public async Task AResetLink_ExpiresAfterTwoHours()
    {
        await using var sink = new SmtpSink();
        await sink.StartAsync();
        using var factory = Factory(sink);
        await factory.CreateUserAsync("slow@example.org", StaffSession.Password, Roles.Editor);
        using (await ForgotAsync(factory.NewClient(), "slow@example.org")) { }
        var link = AccountsKit.LinkIn((await DeliverAsync(factory, sink)).Single().Text);

        factory.Clock.Now = factory.Now.AddHours(1).AddMinutes(59);
        (await factory.NewClient().PageAsync(link)).QuerySelector("#set-password-form").ShouldNotBeNull();
        factory.Clock.Now = factory.Now.AddHours(2).AddMinutes(1);

        await factory.NewClient().ShouldBeRefusedLinkAsync(link);
    }

    [Fact]
    public async Task ALockedAccount_SaysSo_AndAPasswordResetByMailLiftsTheLock()
    {
        await using var sink = new SmtpSink();
        await sink.StartAsync();
        using var factory = Factory(sink);
        await factory.CreateUserAsync("locked-out@example.org", StaffSession.Password, Roles.Editor);
        var client = factory.NewClient();
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            using (await client.PostLoginAsync("locked-out@example.org", "wrong guess number " + attempt)) { }
        }

        using var locked = await client.PostLoginAsync("locked-out@example.org", StaffSession.Password);
        locked.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await AccountsKit.ParseAsync(locked)).QuerySelector("#error-summary")!.TextContent.ShouldContain("After 5 failed attempts an account is locked for 15 minutes.");
        var admin = await factory.SignedInStaffAsync("lock-admin@example.org", Roles.Administrator);
        var row = (await admin.PageAsync("/Admin/Accounts?q=locked-out")).QuerySelector("#accounts tbody tr")!;
        row.QuerySelector("[data-locked]")!.GetAttribute("data-locked").ShouldBe("yes");

        using (await ForgotAsync(client, "locked-out@example.org")) { }
        var link = AccountsKit.LinkIn((await DeliverAsync(factory, sink)).Single().Text);
        using (await client.SetPasswordAsync(link, AccountsKit.NewPassword)) { }

        (await factory.SignedInAsync("locked-out@example.org", AccountsKit.NewPassword)).ShouldNotBeNull("the reset ends the lockout");
    }
}
