using System.Globalization;
using Microsoft.Extensions.Options;
using PortCooperation.Web.Domain;
using PortCooperation.Web.Services.Content;
using PortCooperation.Web.Services.Mail;

namespace PortCooperation.Web.Services.Accounts;

/// <summary>
/// The two mails of staff accounts, as outbox rows added to the caller's context (saved in the caller's
/// transaction): the invitation with its link to set a password, and the password-reset link. Each is in the
/// account's language, in plain text and HTML, and says until when the link works.
/// </summary>
public sealed partial class AccountMailComposer(MailLinks links, IOptions<AccountOptions> accountOptions, TimeProvider clock)
{
    public OutboxMessage Invitation(ApplicationUser user, string token, string role) =>
        Compose(MailKind.Invitation, user, links.InvitationAcceptance(user.Id, token), accountOptions.Value.InvitationLifetime, text => text[$"Accounts_Role_{role}"]);

    public OutboxMessage PasswordReset(ApplicationUser user, string token) =>
        Compose(MailKind.PasswordReset, user, links.PasswordReset(user.Id, token), accountOptions.Value.PasswordResetLifetime, _ => "");

    private OutboxMessage Compose(MailKind kind, ApplicationUser user, string link, TimeSpan lifetime, Func<MailText, string> argument)
    {
        var text = new MailText(user.Language ?? "en");
        var now = clock.GetUtcNow().UtcDateTime;
        var prefix = $"Accounts_Mail_{kind}_";
        var subject = text[prefix + "Subject"];
        var (plain, html) = new MailLayout(text)
            .Paragraph(text.Format("Accounts_Mail_Greeting", user.DisplayName ?? user.Email ?? ""))
            .Paragraph(text.Format(prefix + "Body", argument(text)))
            .Link(text[prefix + "LinkText"], link, text.Format("Accounts_Mail_Expires", DateStyle.DateTime(now.Add(lifetime), "UTC", text.Culture)))
            .Paragraph(text["RegistrationMail_Signature"])
            .Render(subject, text[prefix + "NotYou"]);
        return new OutboxMessage
        {
            IdempotencyKey = string.Create(CultureInfo.InvariantCulture, $"{kind}:account:{user.Id}:{Guid.NewGuid():N}"),
            CreatedAtUtc = now,
            NextAttemptAtUtc = now,
            ToAddress = user.Email ?? "",
            ToName = user.DisplayName,
            Subject = subject,
            BodyText = plain,
            BodyHtml = html,
            Status = OutboxStatus.Pending,
        };
    }

    /// <summary>The mail's text with the token of account links replaced by "…" (for display to staff); other mails unchanged.</summary>
    public static string WithoutLinkTokens(string idempotencyKey, string body) =>
        idempotencyKey.StartsWith(nameof(MailKind.Invitation) + ":", StringComparison.Ordinal)
        || idempotencyKey.StartsWith(nameof(MailKind.PasswordReset) + ":", StringComparison.Ordinal)
            ? TokenInLink().Replace(body, "token=…")
            : body;

    [System.Text.RegularExpressions.GeneratedRegex("token=[^\\s&\"<]+")]
    private static partial System.Text.RegularExpressions.Regex TokenInLink();
}
