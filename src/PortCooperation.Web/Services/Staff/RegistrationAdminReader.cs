using PortCooperation.Web.Areas.Admin.Models;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using PortCooperation.Web.Data;
using PortCooperation.Web.Domain;

namespace PortCooperation.Web.Services.Staff;

/// <summary>Filters of an activity's registrations list, bound from the query string; unknown values are ignored.</summary>
public sealed class RegistrationListFilter
{
    /// <summary>"confirmed", "waitlisted", "pending", "cancelled", "rejected", "attendee" (recorded from the platform's report without registering), "attended" or "absent" (registered, held a place, not marked attended).</summary>
    [FromQuery(Name = "status")]
    public string? Status { get; set; }

    /// <summary>Part of the name or e-mail.</summary>
    [FromQuery(Name = "q")]
    public string? Q { get; set; }

    public int Page { get; set; } = 1;

    public static readonly IReadOnlyList<string> Statuses = ["confirmed", "waitlisted", "pending", "cancelled", "rejected", "attendee", "attended", "absent"];
}

public sealed record RegistrationActivity(int Id, string TitleEn, string? TitleEs, DateTime StartsAtUtc, string TimeZoneId, bool RequiresApproval, int? Capacity);

public sealed record RegistrationRow(
    int Id, string FullName, string Email, string? OrganisationName, string? Position, string? CountryEn, string? CountryEs, Gender? Gender,
    string Language, RegistrationStatus Status, bool? Attended, DateTime CreatedAt, bool Anonymised);

/// <summary>How many registrations an activity has in each state (attended counts those marked present, whatever their status).</summary>
public sealed record RegistrationCounts(int Confirmed, int Waitlisted, int Pending, int Cancelled, int Rejected, int Attended, int Absent, int Attendees = 0)
{
    public int Total => Confirmed + Waitlisted + Pending + Cancelled + Rejected + Attendees;

    public int For(string status) => status switch
    {
        "confirmed" => Confirmed,
        "waitlisted" => Waitlisted,
        "pending" => Pending,
        "cancelled" => Cancelled,
        "rejected" => Rejected,
        "attendee" => Attendees,
        "attended" => Attended,
        "absent" => Absent,
        _ => Total,
    };
}

public sealed record RegistrationListPage(RegistrationActivity Activity, RegistrationListFilter Filter, RegistrationCounts Counts, Paged<RegistrationRow> Rows)
{
    /// <summary>What the page's decision and attendance forms post: it names their fields (the values are the list's).</summary>
    public RegistrationActionInput Input { get; } = new();
}

/// <summary>
/// The staff list of one activity's registrations: counts per state, filter, search and paging in four SQL commands
/// (activity, counts, count + page) whatever the number of registrations.
/// </summary>
public sealed class RegistrationAdminReader(PortalDbContext db)
{
    public Task<RegistrationActivity?> ActivityAsync(int activityId, CancellationToken cancellationToken) =>
        db.Activities.AsNoTracking().Where(a => a.Id == activityId)
            .Select(a => new RegistrationActivity(a.Id, a.TitleEn, a.TitleEs, a.StartsAtUtc, a.TimeZoneId, a.RequiresApproval, a.Capacity))
            .SingleOrDefaultAsync(cancellationToken);

    public async Task<RegistrationListPage?> ReadAsync(int activityId, RegistrationListFilter filter, CancellationToken cancellationToken)
    {
        var activity = await ActivityAsync(activityId, cancellationToken);
        if (activity is null)
        {
            return null;
        }

        var counts = await CountsAsync(activityId, cancellationToken);
        var rows = await Filtered(activityId, filter).OrderBy(r => r.CreatedAt).ThenBy(r => r.Id).Select(Row).ToPagedAsync(filter.Page, cancellationToken);
        return new RegistrationListPage(activity, filter, counts, rows);
    }

    /// <summary>Every registration the filter selects, for the exports and the custom message.</summary>
    public Task<List<RegistrationRow>> ReadAllAsync(int activityId, RegistrationListFilter filter, CancellationToken cancellationToken) =>
        Filtered(activityId, filter).OrderBy(r => r.CreatedAt).ThenBy(r => r.Id).Select(Row).ToListAsync(cancellationToken);

    public async Task<RegistrationCounts> CountsAsync(int activityId, CancellationToken cancellationToken)
    {
        var groups = await db.Registrations.AsNoTracking().Where(r => r.ActivityId == activityId)
            .GroupBy(r => r.Status)
            .Select(g => new { Status = g.Key, Count = g.Count(), Attended = g.Count(r => r.Attended == true) })
            .ToListAsync(cancellationToken);
        int Of(RegistrationStatus status) => groups.Where(g => g.Status == status).Sum(g => g.Count);
        var confirmed = Of(RegistrationStatus.Confirmed);
        var confirmedAttended = groups.Where(g => g.Status == RegistrationStatus.Confirmed).Sum(g => g.Attended);
        return new RegistrationCounts(confirmed, Of(RegistrationStatus.Waitlisted), Of(RegistrationStatus.Pending), Of(RegistrationStatus.Cancelled),
            Of(RegistrationStatus.Rejected), groups.Sum(g => g.Attended), confirmed - confirmedAttended, Of(RegistrationStatus.Attendee));
    }

    private static readonly System.Linq.Expressions.Expression<Func<Registration, RegistrationRow>> Row = r => new RegistrationRow(
        r.Id, r.FullName, r.Email, r.OrganisationName, r.Position,
        r.Country == null ? null : r.Country.NameEn, r.Country == null ? null : r.Country.NameEs, r.Gender,
        r.Language, r.Status, r.Attended, r.CreatedAt, r.AnonymisedAtUtc != null);

    /// <summary>The activity's registrations the filter selects (not tracked).</summary>
    public IQueryable<Registration> Filtered(int activityId, RegistrationListFilter filter)
    {
        var query = db.Registrations.AsNoTracking().Where(r => r.ActivityId == activityId);
        query = filter.Status switch
        {
            "confirmed" => query.Where(r => r.Status == RegistrationStatus.Confirmed),
            "waitlisted" => query.Where(r => r.Status == RegistrationStatus.Waitlisted),
            "pending" => query.Where(r => r.Status == RegistrationStatus.Pending),
            "cancelled" => query.Where(r => r.Status == RegistrationStatus.Cancelled),
            "rejected" => query.Where(r => r.Status == RegistrationStatus.Rejected),
            "attendee" => query.Where(r => r.Status == RegistrationStatus.Attendee),
            "attended" => query.Where(r => r.Attended == true),
            "absent" => query.Where(r => r.Status == RegistrationStatus.Confirmed && r.Attended != true),
            _ => query,
        };

        if (!string.IsNullOrWhiteSpace(filter.Q))
        {
            var pattern = "%" + filter.Q.Trim().ToLowerInvariant().Replace("%", "", StringComparison.Ordinal).Replace("_", "", StringComparison.Ordinal) + "%";
            query = query.Where(r => EF.Functions.Like(r.FullName.ToLower(), pattern) || EF.Functions.Like(r.NormalizedEmail, pattern));
        }

        return query;
    }
}
