using Microsoft.EntityFrameworkCore;
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
    PortalDbContext db, RegistrationAdminReader reader, MailLinks links, TimeProvider clock, IHttpContextAccessor http)
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
        foreach (var r in recipients)
        {
            var text = new MailText(r.Language);
            var (plain, html) = new MailLayout(text)
                .Paragraph(text.Format("RegistrationMail_Greeting", r.FullName))
                .FreeText(body)
                .Link(text["RegistrationMail_ManageLinkText"], links.Registration(r.AccessToken))
                .Paragraph(text["RegistrationMail_Signature"])
                .Render(subject, text["RegistrationMail_Footer"]);
            db.OutboxMessages.Add(new OutboxMessage
            {
                IdempotencyKey = $"{MailKind.Custom}:registration:{r.Id}{suffix}",
                CreatedAtUtc = now,
                NextAttemptAtUtc = now,
                ToAddress = r.Email,
                ToName = r.FullName,
                Subject = subject,
                BodyText = plain,
                BodyHtml = html,
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
