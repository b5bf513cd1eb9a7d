using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PortCooperation.Web.Data;
using PortCooperation.Web.Domain;
using PortCooperation.Web.Services.Audit;
using PortCooperation.Web.Services.Mail;

namespace PortCooperation.Web.Services.Staff;

public enum CustomMessageOutcome
{
    Queued,
    AlreadyQueued,
}

/// <summary>
/// A message staff write to a filtered group of an activity's registrants (e.g. confirmed but did not attend): the
/// staff's subject and text, followed by each registrant's private link in their language; one outbox row per
/// recipient, keyed by the form's send id so a double submission queues nothing twice. The audit log records who
/// sent how many mails to which group, never an address or the text.
/// </summary>
public sealed class CustomMessageService(
    PortalDbContext db, RegistrationAdminReader reader, IOptions<MailOptions> options, TimeProvider clock, IHttpContextAccessor http)
{
    public const int MaxSubject = 200;
    public const int MaxBody = 10_000;

    private IQueryable<Registration> Recipients(int activityId, RegistrationListFilter filter) =>
        // People recorded from a platform's report never gave the portal their address for mail: they are not written to.
        reader.Filtered(activityId, filter).Where(r => r.AnonymisedAtUtc == null && r.Email != "" && r.Status != RegistrationStatus.Attendee);

    public Task<int> CountAsync(int activityId, RegistrationListFilter filter, CancellationToken cancellationToken) =>
        Recipients(activityId, filter).CountAsync(cancellationToken);

    public async Task<(CustomMessageOutcome Outcome, int Count)> QueueAsync(
        int activityId, RegistrationListFilter filter, string subject, string body, Guid sendId, CancellationToken cancellationToken)
    {
        var suffix = ":" + sendId.ToString("N");
        var already = await db.OutboxMessages.CountAsync(m => m.IdempotencyKey.StartsWith(MailKind.Custom + ":") && m.IdempotencyKey.EndsWith(suffix), cancellationToken);
        if (already > 0)
        {
            return (CustomMessageOutcome.AlreadyQueued, already);
        }

        var recipients = await Recipients(activityId, filter)
            .Select(r => new { r.Id, r.Email, r.FullName, r.Language, r.AccessToken })
            .ToListAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var baseUrl = options.Value.PublicBaseUrl.TrimEnd('/');
        foreach (var r in recipients)
        {
            var text = new MailText(r.Language);
            var manageUrl = $"{baseUrl}/registrations/{r.AccessToken}";
            var plain = new StringBuilder()
                .AppendLine(text.Format("RegistrationMail_Greeting", r.FullName)).AppendLine()
                .AppendLine(body).AppendLine()
                .AppendLine(text["RegistrationMail_ManageLinkText"] + ": " + manageUrl).AppendLine()
                .AppendLine(text["RegistrationMail_Signature"]).AppendLine(text["RegistrationMail_Footer"]);
            var paragraphs = string.Concat(body.Replace("\r\n", "\n", StringComparison.Ordinal).Split("\n\n")
                .Select(p => "<p>" + WebUtility.HtmlEncode(p).Replace("\n", "<br>", StringComparison.Ordinal) + "</p>"));
            var html = new StringBuilder()
                .Append("<!DOCTYPE html><html lang=\"").Append(text.Culture.TwoLetterISOLanguageName).Append("\"><head><meta charset=\"utf-8\"><title>")
                .Append(WebUtility.HtmlEncode(subject)).Append("</title></head><body style=\"font-family:Arial,sans-serif;color:#1b1b1b;line-height:1.5\">")
                .Append("<p>").Append(WebUtility.HtmlEncode(text.Format("RegistrationMail_Greeting", r.FullName))).Append("</p>")
                .Append(paragraphs)
                .Append("<p><a href=\"").Append(WebUtility.HtmlEncode(manageUrl)).Append("\">").Append(WebUtility.HtmlEncode(text["RegistrationMail_ManageLinkText"])).Append("</a></p>")
                .Append("<p>").Append(WebUtility.HtmlEncode(text["RegistrationMail_Signature"])).Append("<br><small>")
                .Append(WebUtility.HtmlEncode(text["RegistrationMail_Footer"])).Append("</small></p></body></html>");
            db.OutboxMessages.Add(new OutboxMessage
            {
                IdempotencyKey = $"{MailKind.Custom}:registration:{r.Id}{suffix}",
                CreatedAtUtc = now,
                NextAttemptAtUtc = now,
                ToAddress = r.Email,
                ToName = r.FullName,
                Subject = subject,
                BodyText = plain.ToString(),
                BodyHtml = html.ToString(),
                RegistrationId = r.Id,
                Status = OutboxStatus.Pending,
            });
        }

        db.AuditEntries.Add(RequestAudit.Entry(http.HttpContext, now, AuditActions.Update, nameof(Activity), activityId.ToString(System.Globalization.CultureInfo.InvariantCulture), new()
        {
            ["CustomMessage"] = [null, $"{recipients.Count} mails queued (group: {filter.Status ?? "all"}{(string.IsNullOrWhiteSpace(filter.Q) ? "" : ", searched")})"],
        }));
        await db.SaveChangesAsync(cancellationToken);
        return (CustomMessageOutcome.Queued, recipients.Count);
    }
}
