using System.Globalization;
using System.Net;
using System.Text;
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
public sealed partial class AccountMailComposer(IOptions<MailOptions> mailOptions, IOptions<AccountOptions> accountOptions, TimeProvider clock)
{
    public const string InvitationPath = "/Identity/Invitation/Accept";
    public const string ResetPath = "/Identity/Password/Reset";

    public OutboxMessage Invitation(ApplicationUser user, string token, string role) =>
        Compose(MailKind.Invitation, user, InvitationPath, token, accountOptions.Value.InvitationLifetime, text => text[$"Accounts_Role_{role}"]);

    public OutboxMessage PasswordReset(ApplicationUser user, string token) =>
        Compose(MailKind.PasswordReset, user, ResetPath, token, accountOptions.Value.PasswordResetLifetime, _ => "");

    /// <summary>A link in a mail: the public base address, the page, the account and the token.</summary>
    public string Link(string path, string userId, string token) =>
        $"{mailOptions.Value.PublicBaseUrl.TrimEnd('/')}{path}?user={Uri.EscapeDataString(userId)}&token={Uri.EscapeDataString(token)}";

    private OutboxMessage Compose(MailKind kind, ApplicationUser user, string path, string token, TimeSpan lifetime, Func<MailText, string> argument)
    {
        var text = new MailText(user.Language ?? "en");
        var now = clock.GetUtcNow().UtcDateTime;
        var link = Link(path, user.Id, token);
        var prefix = $"Accounts_Mail_{kind}_";
        var subject = text[prefix + "Subject"];
        var lead = text.Format(prefix + "Body", argument(text));
        var expires = text.Format("Accounts_Mail_Expires", DateStyle.DateTime(now.Add(lifetime), "UTC", text.Culture));
        var greeting = text.Format("Accounts_Mail_Greeting", user.DisplayName ?? user.Email ?? "");
        var linkText = text[prefix + "LinkText"];
        var notYou = text[prefix + "NotYou"];

        var plain = new StringBuilder()
            .AppendLine(greeting).AppendLine()
            .AppendLine(lead).AppendLine()
            .AppendLine(linkText + ": " + link).AppendLine(expires).AppendLine()
            .AppendLine(notYou).AppendLine()
            .AppendLine(text["RegistrationMail_Signature"]);
        var html = new StringBuilder()
            .Append("<!DOCTYPE html><html lang=\"").Append(text.Culture.TwoLetterISOLanguageName).Append("\"><head><meta charset=\"utf-8\"><title>")
            .Append(E(subject)).Append("</title></head><body style=\"font-family:Arial,sans-serif;color:#1b1b1b;line-height:1.5\">")
            .Append("<p>").Append(E(greeting)).Append("</p><p>").Append(E(lead)).Append("</p>")
            .Append("<p><a href=\"").Append(E(link)).Append("\">").Append(E(linkText)).Append("</a><br>").Append(E(expires)).Append("</p>")
            .Append("<p><small>").Append(E(notYou)).Append("</small></p>")
            .Append("<p>").Append(E(text["RegistrationMail_Signature"])).Append("</p></body></html>");
        return new OutboxMessage
        {
            IdempotencyKey = string.Create(CultureInfo.InvariantCulture, $"{kind}:account:{user.Id}:{Guid.NewGuid():N}"),
            CreatedAtUtc = now,
            NextAttemptAtUtc = now,
            ToAddress = user.Email ?? "",
            ToName = user.DisplayName,
            Subject = subject,
            BodyText = plain.ToString(),
            BodyHtml = html.ToString(),
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

    private static string E(string value) => WebUtility.HtmlEncode(value);
}
