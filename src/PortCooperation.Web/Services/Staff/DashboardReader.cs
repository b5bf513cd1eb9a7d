using Microsoft.EntityFrameworkCore;
using PortCooperation.Web.Data;
using PortCooperation.Web.Domain;
using PortCooperation.Web.Services.Audit;
using PortCooperation.Web.Services.Content;

namespace PortCooperation.Web.Services.Staff;

/// <summary>The counts the staff dashboard shows, each the size of a filtered staff list.</summary>
public sealed class DashboardCounts
{
    public int DraftActivities { get; init; }

    public int DraftDocuments { get; init; }

    public int ScheduledActivities { get; init; }

    public int ScheduledDocuments { get; init; }

    public int UpcomingWithoutPartners { get; init; }

    public int PendingRegistrations { get; init; }

    public int UndeliveredMails { get; init; }
}

/// <summary>
/// What needs the secretariat's attention, in two SQL commands whatever the size of the tables: every count as a
/// scalar subquery of one SELECT (over the always-seeded topics table, one row), and the newest audit entries.
/// </summary>
public sealed class DashboardReader(PortalDbContext db, TimeProvider clock)
{
    public const int RecentAuditEntries = 8;

    public async Task<DashboardCounts> CountsAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var scheduledActivities = db.Activities.Scheduled(now);
        var scheduledDocuments = db.Documents.Scheduled(now);
        return await db.Topics.AsNoTracking().OrderBy(t => t.Id).Take(1).Select(_ => new DashboardCounts
        {
            DraftActivities = db.Activities.Count(a => a.PublicationState == PublicationState.Draft),
            DraftDocuments = db.Documents.Count(d => d.PublicationState == PublicationState.Draft),
            ScheduledActivities = scheduledActivities.Count(),
            ScheduledDocuments = scheduledDocuments.Count(),
            UpcomingWithoutPartners = db.Activities.Count(a => a.StartsAtUtc > now && a.Status == ActivityStatus.Planned && !a.Partners.Any()),
            PendingRegistrations = db.Registrations.Count(r => r.Status == RegistrationStatus.Pending),
            UndeliveredMails = db.OutboxMessages.Count(m => m.Status == OutboxStatus.DeadLetter),
        }).FirstOrDefaultAsync(cancellationToken) ?? new DashboardCounts();
    }

    public Task<List<AuditRow>> RecentAsync(CancellationToken cancellationToken) =>
        db.AuditEntries.AsNoTracking().OrderByDescending(e => e.OccurredAtUtc).ThenByDescending(e => e.Id).Take(RecentAuditEntries)
            .Select(e => new AuditRow(e.Id, e.OccurredAtUtc, e.UserName, e.Action, e.EntityType, e.EntityId, null))
            .ToListAsync(cancellationToken);
}
