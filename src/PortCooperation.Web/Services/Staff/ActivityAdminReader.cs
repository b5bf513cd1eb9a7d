using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using PortCooperation.Web.Data;
using PortCooperation.Web.Domain;
using PortCooperation.Web.Services.Content;

namespace PortCooperation.Web.Services.Staff;

/// <summary>Filters of /Admin/Activities, bound from the query string; unknown values are ignored.</summary>
public sealed class ActivityListFilter
{
    [FromQuery(Name = "q")]
    public string? Q { get; set; }

    [FromQuery(Name = "kind")]
    public ActivityKind? Kind { get; set; }

    [FromQuery(Name = "status")]
    public ActivityStatus? Status { get; set; }

    /// <summary>"draft", "scheduled" or "published".</summary>
    [FromQuery(Name = "publication")]
    public string? Publication { get; set; }

    [FromQuery(Name = "year")]
    public int? Year { get; set; }

    /// <summary>"none": only activities without partners (the dashboard's link).</summary>
    public string? Partners { get; set; }

    /// <summary>"starts" (default, newest first), "title", "kind", "status", "updated"; a leading "-" reverses.</summary>
    [FromQuery(Name = "sort")]
    public string? Sort { get; set; }

    public int Page { get; set; } = 1;
}

public sealed record ActivityListRow(
    int Id, string TitleEn, string? TitleEs, ActivityKind Kind, ActivityStatus Status, PublicationState PublicationState,
    DateTime? PublishAtUtc, DateTime StartsAtUtc, string TimeZoneId, bool IsOnline, string? City, int Partners, int Registrations, DateTime UpdatedAt, bool IsDemo, string Slug = "");

/// <summary>The staff list of activities: search, filters, sorting and paging in two SQL commands (count + page).</summary>
public sealed class ActivityAdminReader(PortalDbContext db, TimeProvider clock)
{
    public Task<Paged<ActivityListRow>> ReadAsync(ActivityListFilter filter, CancellationToken cancellationToken) =>
        Sorted(Filtered(filter), filter.Sort).Select(Row).ToPagedAsync(filter.Page, cancellationToken);

    public Task<List<ActivityListRow>> ReadAllAsync(ActivityListFilter filter, CancellationToken cancellationToken) =>
        Sorted(Filtered(filter), filter.Sort).Select(Row).ToListAsync(cancellationToken);

    private static readonly System.Linq.Expressions.Expression<Func<Activity, ActivityListRow>> Row = a => new ActivityListRow(
        a.Id, a.TitleEn, a.TitleEs, a.Kind, a.Status, a.PublicationState, a.PublishAtUtc, a.StartsAtUtc, a.TimeZoneId, a.IsOnline, a.City,
        a.Partners.Count, a.Registrations.Count, a.UpdatedAt, a.IsDemo, a.Slug);

    private IQueryable<Activity> Filtered(ActivityListFilter filter)
    {
        var query = db.Activities.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(filter.Q))
        {
            var pattern = "%" + filter.Q.Trim().ToLowerInvariant().Replace("%", "", StringComparison.Ordinal).Replace("_", "", StringComparison.Ordinal) + "%";
            query = query.Where(a => EF.Functions.Like(a.TitleEn.ToLower(), pattern) || (a.TitleEs != null && EF.Functions.Like(a.TitleEs.ToLower(), pattern))
                || (a.City != null && EF.Functions.Like(a.City.ToLower(), pattern)));
        }

        if (filter.Kind is { } kind && Enum.IsDefined(kind))
        {
            query = query.Where(a => a.Kind == kind);
        }

        if (filter.Status is { } status && Enum.IsDefined(status))
        {
            query = query.Where(a => a.Status == status);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        query = filter.Publication switch
        {
            "draft" => query.Where(a => a.PublicationState == PublicationState.Draft),
            "scheduled" => query.Scheduled(now),
            "published" => query.Public(now),
            _ => query,
        };

        if (filter.Partners == "none")
        {
            query = query.Where(a => !a.Partners.Any());
        }

        if (filter.Year is >= 1900 and <= 2200)
        {
            var start = new DateTime(filter.Year.Value, 1, 1, 0, 0, 0, DateTimeKind.Utc);
            var end = start.AddYears(1);
            query = query.Where(a => a.StartsAtUtc >= start && a.StartsAtUtc < end);
        }

        return query;
    }

    private static IQueryable<Activity> Sorted(IQueryable<Activity> query, string? sort) => sort switch
    {
        "title" => query.OrderBy(a => a.TitleEn).ThenBy(a => a.Id),
        "-title" => query.OrderByDescending(a => a.TitleEn).ThenBy(a => a.Id),
        "kind" => query.OrderBy(a => a.Kind).ThenByDescending(a => a.StartsAtUtc).ThenBy(a => a.Id),
        "-kind" => query.OrderByDescending(a => a.Kind).ThenByDescending(a => a.StartsAtUtc).ThenBy(a => a.Id),
        "status" => query.OrderBy(a => a.Status).ThenByDescending(a => a.StartsAtUtc).ThenBy(a => a.Id),
        "-status" => query.OrderByDescending(a => a.Status).ThenByDescending(a => a.StartsAtUtc).ThenBy(a => a.Id),
        "updated" => query.OrderBy(a => a.UpdatedAt).ThenBy(a => a.Id),
        "-updated" => query.OrderByDescending(a => a.UpdatedAt).ThenBy(a => a.Id),
        "starts" => query.OrderBy(a => a.StartsAtUtc).ThenBy(a => a.Id),
        _ => query.OrderByDescending(a => a.StartsAtUtc).ThenBy(a => a.Id),
    };
}
