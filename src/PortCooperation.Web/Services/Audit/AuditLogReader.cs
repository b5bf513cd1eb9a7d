using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using PortCooperation.Web.Data;
using PortCooperation.Web.Domain;
using PortCooperation.Web.Services.Staff;

namespace PortCooperation.Web.Services.Audit;

/// <summary>What the audit screen filters by (all optional); bound from the query string.</summary>
public sealed class AuditFilter
{
    [FromQuery(Name = "user")]
    public string? User { get; set; }

    [FromQuery(Name = "type")]
    public string? Type { get; set; }

    [FromQuery(Name = "operation")]
    public string? Operation { get; set; }

    [FromQuery(Name = "from")]
    public DateOnly? From { get; set; }

    [FromQuery(Name = "to")]
    public DateOnly? To { get; set; }

    public int Page { get; set; } = 1;
}

public sealed record AuditRow(long Id, DateTime OccurredAtUtc, string? UserName, string Action, string EntityType, string? EntityId, string? Changes);

/// <summary>Reads the audit log for /Admin/Audit: newest first, filtered, paged (three SQL commands).</summary>
public sealed class AuditLogReader(PortalDbContext db)
{
    /// <summary>The kinds of record the log can name: the portal's entity types.</summary>
    public IReadOnlyList<string> EntityTypes() =>
        [.. db.Model.GetEntityTypes()
            .Where(t => t.ClrType.Namespace == typeof(Activity).Namespace && !t.IsOwned())
            .Select(t => t.ClrType.Name)
            .Distinct()
            .Order(StringComparer.Ordinal)];

    public Task<List<string>> UserNamesAsync(CancellationToken cancellationToken) =>
        db.AuditEntries.AsNoTracking()
            .Where(e => e.UserName != null)
            .Select(e => e.UserName!)
            .Distinct()
            .OrderBy(n => n)
            .ToListAsync(cancellationToken);

    public Task<Paged<AuditRow>> ReadAsync(AuditFilter filter, CancellationToken cancellationToken) =>
        Filtered(filter)
            .OrderByDescending(e => e.OccurredAtUtc).ThenByDescending(e => e.Id)
            .Select(e => new AuditRow(e.Id, e.OccurredAtUtc, e.UserName, e.Action, e.EntityType, e.EntityId, e.Changes))
            .ToPagedAsync(filter.Page, cancellationToken, 50);

    /// <summary>Every matching row (for the CSV export), newest first.</summary>
    public Task<List<AuditRow>> ReadAllAsync(AuditFilter filter, CancellationToken cancellationToken) =>
        Filtered(filter)
            .OrderByDescending(e => e.OccurredAtUtc).ThenByDescending(e => e.Id)
            .Select(e => new AuditRow(e.Id, e.OccurredAtUtc, e.UserName, e.Action, e.EntityType, e.EntityId, e.Changes))
            .ToListAsync(cancellationToken);

    private IQueryable<AuditEntry> Filtered(AuditFilter filter)
    {
        var query = db.AuditEntries.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(filter.User))
        {
            query = query.Where(e => e.UserName == filter.User);
        }

        if (!string.IsNullOrWhiteSpace(filter.Type))
        {
            query = query.Where(e => e.EntityType == filter.Type);
        }

        if (!string.IsNullOrWhiteSpace(filter.Operation))
        {
            query = query.Where(e => e.Action == filter.Operation);
        }

        if (filter.From is { } from)
        {
            var start = from.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            query = query.Where(e => e.OccurredAtUtc >= start);
        }

        if (filter.To is { } to)
        {
            var end = to.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            query = query.Where(e => e.OccurredAtUtc < end);
        }

        return query;
    }
}
