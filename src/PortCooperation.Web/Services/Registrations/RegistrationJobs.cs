using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PortCooperation.Web.Data;
using PortCooperation.Web.Domain;
using PortCooperation.Web.Infrastructure.Telemetry;
using PortCooperation.Web.Services.Mail;

namespace PortCooperation.Web.Services.Registrations;

public static class RegistrationJobServiceCollectionExtensions
{
    /// <summary>
    /// The time-driven registration work run before each outbox delivery round (reminders, after-event mails,
    /// retention) and the change notices staff edits of an activity cause.
    /// </summary>
    public static IServiceCollection AddPortalRegistrationJobs(this IServiceCollection services)
    {
        services.AddScoped<ActivityChangeNotices>();
        services.AddScoped<ReminderJob>();
        services.AddScoped<AfterEventJob>();
        services.AddScoped<RetentionJob>();
        services.AddScoped<IPeriodicJob>(sp => sp.GetRequiredService<ReminderJob>());
        services.AddScoped<IPeriodicJob>(sp => sp.GetRequiredService<AfterEventJob>());
        services.AddScoped<IPeriodicJob>(sp => sp.GetRequiredService<RetentionJob>());
        return services;
    }
}

/// <summary>
/// Queues mails for registrations whose moment has come. Each mail has an idempotency key that the outbox holds
/// unique, so a job run twice, or by two app instances at once, queues each mail once.
/// </summary>
public abstract class TimedMailJob(PortalDbContext db, RegistrationMailComposer mail, PortalMetrics metrics, ILogger logger) : IPeriodicJob
{
    protected PortalDbContext Db => db;

    public abstract Task<int> RunAsync(CancellationToken cancellationToken);

    Task IPeriodicJob.RunAsync(CancellationToken cancellationToken) => RunAsync(cancellationToken);

    /// <summary>Queues one <paramref name="kind"/> mail per registration that has none with the same key yet; returns how many.</summary>
    protected async Task<int> QueueAsync(MailKind kind, IReadOnlyList<Registration> registrations, Func<Registration, string> discriminator, CancellationToken cancellationToken)
    {
        if (registrations.Count == 0)
        {
            return 0;
        }

        var keyed = registrations.Select(r => (Registration: r, Key: RegistrationMailComposer.Key(kind, r.Id, discriminator(r)))).ToList();
        var keys = keyed.Select(k => k.Key).ToList();
        var existing = (await db.OutboxMessages.AsNoTracking().Where(m => keys.Contains(m.IdempotencyKey)).Select(m => m.IdempotencyKey).ToListAsync(cancellationToken)).ToHashSet();
        var queued = 0;
        foreach (var (registration, _) in keyed.Where(k => !existing.Contains(k.Key)))
        {
            if (await db.TryQueueAsync(mail.Compose(kind, registration, registration.Activity!, discriminator(registration)), cancellationToken))
            {
                queued++;
            }
        }

        metrics.JobDone(kind.ToString(), queued);
        if (queued > 0)
        {
            logger.LogInformation("{Count} {Kind} mails queued", queued, kind);
        }

        return queued;
    }
}

/// <summary>
/// The reminder: <see cref="RegistrationOptions.ReminderLeadTime"/> before the start, one mail to
/// every confirmed registrant of a planned or postponed activity, with the join link and the .ics. Never for a
/// registration made after the reminder moment (that person just got their confirmation). The key carries the start
/// time, so a postponed activity reminds again before its new date, but never twice for the same date.
/// </summary>
public sealed class ReminderJob(PortalDbContext db, RegistrationMailComposer mail, TimeProvider clock, IOptions<RegistrationOptions> options, PortalMetrics metrics, ILogger<ReminderJob> logger)
    : TimedMailJob(db, mail, metrics, logger)
{
    public override async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var lead = options.Value.ReminderLeadTime;
        var now = clock.GetUtcNow().UtcDateTime;
        var horizon = now + lead;
        var candidates = await Db.Registrations.AsNoTracking().Include(r => r.Activity)
            .Where(r => r.Status == RegistrationStatus.Confirmed && r.AnonymisedAtUtc == null
                && (r.Activity!.Status == ActivityStatus.Planned || r.Activity.Status == ActivityStatus.Postponed)
                && r.Activity.StartsAtUtc > now && r.Activity.StartsAtUtc <= horizon)
            .OrderBy(r => r.Id)
            .ToListAsync(cancellationToken);
        var due = candidates.Where(r => r.ConsentGivenAtUtc < r.Activity!.StartsAtUtc - lead).ToList();
        return await QueueAsync(MailKind.Reminder, due, r => r.Activity!.StartsAtUtc.ToString("yyyyMMdd'T'HHmm'Z'", CultureInfo.InvariantCulture), cancellationToken);
    }
}

/// <summary>
/// The after-event mail: <see cref="RegistrationOptions.AfterEventDelay"/> after an activity that was not cancelled
/// ends, one thank-you mail to each registrant marked as attended. Attendance imported later still gets its mail,
/// up to <see cref="RegistrationOptions.AfterEventWindow"/> after the end; older activities are left alone.
/// </summary>
public sealed class AfterEventJob(PortalDbContext db, RegistrationMailComposer mail, TimeProvider clock, IOptions<RegistrationOptions> options, PortalMetrics metrics, ILogger<AfterEventJob> logger)
    : TimedMailJob(db, mail, metrics, logger)
{
    public override async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var endedBefore = now - options.Value.AfterEventDelay;
        var endedAfter = now - options.Value.AfterEventWindow;
        var attended = await Db.Registrations.AsNoTracking().Include(r => r.Activity)
            .Where(r => r.Attended == true && r.AnonymisedAtUtc == null && r.Status != RegistrationStatus.Attendee
                && r.Activity!.Status != ActivityStatus.Cancelled
                && r.Activity.EndsAtUtc <= endedBefore && r.Activity.EndsAtUtc > endedAfter)
            .OrderBy(r => r.Id)
            .ToListAsync(cancellationToken);
        return await QueueAsync(MailKind.AfterEvent, attended, _ => "once", cancellationToken);
    }
}

/// <summary>
/// Retention: <see cref="RegistrationOptions.RetentionDays"/> after an activity ends, the personal data of its
/// registrants is erased by the same <see cref="RegistrationService.AnonymiseAsync"/> a registrant's own deletion uses
/// (country, gender, status and attendance stay for the statistics).
/// </summary>
public sealed class RetentionJob(PortalDbContext db, RegistrationService registrations, TimeProvider clock, IOptions<RegistrationOptions> options, PortalMetrics metrics, ILogger<RetentionJob> logger)
    : IPeriodicJob
{
    private const int BatchSize = 500;

    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var cutoff = clock.GetUtcNow().UtcDateTime.AddDays(-options.Value.RetentionDays);
        var due = await db.Registrations.AsNoTracking()
            .Where(r => r.AnonymisedAtUtc == null && r.Activity!.EndsAtUtc <= cutoff)
            .OrderBy(r => r.Id).Select(r => r.Id).Take(BatchSize)
            .ToListAsync(cancellationToken);
        var anonymised = 0;
        foreach (var id in due)
        {
            if (await registrations.AnonymiseAsync(id, cancellationToken))
            {
                anonymised++;
            }
        }

        metrics.JobDone("Retention", anonymised);
        if (anonymised > 0)
        {
            logger.LogInformation("Retention: personal data of {Count} registrations anonymised", anonymised);
        }

        return anonymised;
    }

    Task IPeriodicJob.RunAsync(CancellationToken cancellationToken) => RunAsync(cancellationToken);
}

/// <summary>
/// Staff moved or cancelled an activity: every active registrant (confirmed, pending, waiting list) gets a change
/// notice with an updated .ics (same UID, SEQUENCE = the activity's new version) or a cancellation notice with a
/// METHOD:CANCEL .ics. The mails are written in the same transaction as the change itself (R4).
/// </summary>
public sealed class ActivityChangeNotices(PortalDbContext db, RegistrationMailComposer mail, TimeProvider clock)
{
    /// <summary>Saves the context's changes to <paramref name="activity"/>, with the notices they call for in the same transaction.</summary>
    public async Task SaveChangesAsync(Activity activity, CancellationToken cancellationToken)
    {
        var entry = db.Entry(activity);
        var kind = entry.State == EntityState.Modified ? NoticeFor(entry) : null;
        if (kind is null)
        {
            await db.SaveChangesAsync(cancellationToken);
            return;
        }

        var statusChanged = entry.Property(a => a.Status).OriginalValue != activity.Status;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        var registrants = await db.Registrations.AsNoTracking()
            .Where(r => r.ActivityId == activity.Id && r.AnonymisedAtUtc == null
                && (r.Status == RegistrationStatus.Confirmed || r.Status == RegistrationStatus.Pending || r.Status == RegistrationStatus.Waitlisted))
            .OrderBy(r => r.Id)
            .ToListAsync(cancellationToken);
        var version = "v" + activity.Version.ToString(CultureInfo.InvariantCulture);
        foreach (var registration in registrants)
        {
            var reason = statusChanged
                ? Content.LocalizedText.Pick(activity.StatusReasonEn, activity.StatusReasonEs, new MailText(registration.Language).Culture).Text
                : null;
            db.OutboxMessages.Add(mail.Compose(kind.Value, registration, activity, version, string.IsNullOrWhiteSpace(reason) ? null : reason));
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>A cancellation, or new dates, of an activity that has not ended yet; otherwise no notice.</summary>
    private MailKind? NoticeFor(Microsoft.EntityFrameworkCore.ChangeTracking.EntityEntry<Activity> entry)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var activity = entry.Entity;
        var wasStatus = entry.Property(a => a.Status).OriginalValue;
        var wasEnds = entry.Property(a => a.EndsAtUtc).OriginalValue;
        if (activity.Status == ActivityStatus.Cancelled)
        {
            return wasStatus != ActivityStatus.Cancelled && wasEnds > now ? MailKind.ActivityCancelled : null;
        }

        var moved = entry.Property(a => a.StartsAtUtc).OriginalValue != activity.StartsAtUtc || wasEnds != activity.EndsAtUtc;
        return moved && (wasEnds > now || activity.EndsAtUtc > now) ? MailKind.ActivityChanged : null;
    }
}
