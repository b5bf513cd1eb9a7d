using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using PortCooperation.Web.Data;
using PortCooperation.Web.Domain;

namespace PortCooperation.Web.Services.Staff;

/// <summary>Filters of /Admin/Outbox; unknown values are ignored.</summary>
public sealed class OutboxListFilter
{
    /// <summary>"pending" (not tried yet), "retrying" (failed, will try again), "sending", "sent" or "deadletter".</summary>
    [FromQuery(Name = "status")]
    public string? Status { get; set; }

    /// <summary>Part of the recipient's address.</summary>
    [FromQuery(Name = "q")]
    public string? Q { get; set; }

    public int Page { get; set; } = 1;

    public static readonly IReadOnlyList<string> Statuses = ["pending", "retrying", "sending", "sent", "deadletter"];
}

public sealed record OutboxRow(long Id, string ToAddress, string Subject, string IdempotencyKey, OutboxStatus Status, int Attempts, DateTime CreatedAtUtc, DateTime NextAttemptAtUtc, DateTime? SentAtUtc, string? LastError)
{
    public string State => StateOf(Status, Attempts);

    /// <summary>The mail kind: the first part of the idempotency key.</summary>
    public string Kind => IdempotencyKey.Split(':')[0];

    public static string StateOf(OutboxStatus status, int attempts) => status switch
    {
        OutboxStatus.Pending => attempts > 0 ? "retrying" : "pending",
        OutboxStatus.Sending => "sending",
        OutboxStatus.Sent => "sent",
        _ => "deadletter",
    };
}

public sealed record OutboxListPage(OutboxListFilter Filter, IReadOnlyDictionary<string, int> Counts, Paged<OutboxRow> Rows);

/// <summary>The staff view of the mail outbox: counts per state, filter, recipient search, paging (three SQL commands).</summary>
public sealed partial class OutboxAdminReader(PortalDbContext db)
{
    public async Task<OutboxListPage> ReadAsync(OutboxListFilter filter, CancellationToken cancellationToken)
    {
        var groups = await db.OutboxMessages.AsNoTracking()
            .GroupBy(m => new { m.Status, Tried = m.Attempts > 0 })
            .Select(g => new { g.Key.Status, g.Key.Tried, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var counts = OutboxListFilter.Statuses.ToDictionary(s => s, s => groups.Where(g => OutboxRow.StateOf(g.Status, g.Tried ? 1 : 0) == s).Sum(g => g.Count));
        var rows = await Filtered(filter).OrderByDescending(m => m.Id).Select(Row).ToPagedAsync(filter.Page, cancellationToken);
        return new OutboxListPage(filter, counts, rows);
    }

    /// <summary>Every row the filter selects, newest first, for the CSV export (no bodies: they carry personal links).</summary>
    public Task<List<OutboxRow>> ReadAllAsync(OutboxListFilter filter, CancellationToken cancellationToken) =>
        Filtered(filter).OrderByDescending(m => m.Id).Select(Row).ToListAsync(cancellationToken);

    public async Task<OutboxMessage?> FindAsync(long id, CancellationToken cancellationToken)
    {
        var message = await db.OutboxMessages.AsNoTracking().SingleOrDefaultAsync(m => m.Id == id, cancellationToken);
        if (message is not null)
        {
            // Invitation, password-reset and registrants' self-service links admit whoever holds them: staff reading
            // the outbox do not see them.
            message.BodyText = WithoutRegistrationLinks(Accounts.AccountMailComposer.WithoutLinkTokens(message.IdempotencyKey, message.BodyText));
            message.BodyHtml = message.BodyHtml is null ? null : WithoutRegistrationLinks(Accounts.AccountMailComposer.WithoutLinkTokens(message.IdempotencyKey, message.BodyHtml));
        }

        return message;
    }

    private static string WithoutRegistrationLinks(string body) => RegistrationLink().Replace(body, "/registrations/…");

    [System.Text.RegularExpressions.GeneratedRegex("/registrations/[A-Za-z0-9_-]+")]
    private static partial System.Text.RegularExpressions.Regex RegistrationLink();

    private static readonly System.Linq.Expressions.Expression<Func<OutboxMessage, OutboxRow>> Row = m => new OutboxRow(
        m.Id, m.ToAddress, m.Subject, m.IdempotencyKey, m.Status, m.Attempts, m.CreatedAtUtc, m.NextAttemptAtUtc, m.SentAtUtc, m.LastError);

    private IQueryable<OutboxMessage> Filtered(OutboxListFilter filter)
    {
        var query = db.OutboxMessages.AsNoTracking();
        query = filter.Status switch
        {
            "pending" => query.Where(m => m.Status == OutboxStatus.Pending && m.Attempts == 0),
            "retrying" => query.Where(m => m.Status == OutboxStatus.Pending && m.Attempts > 0),
            "sending" => query.Where(m => m.Status == OutboxStatus.Sending),
            "sent" => query.Where(m => m.Status == OutboxStatus.Sent),
            "deadletter" => query.Where(m => m.Status == OutboxStatus.DeadLetter),
            _ => query,
        };
        if (!string.IsNullOrWhiteSpace(filter.Q))
        {
            var pattern = "%" + filter.Q.Trim().ToLowerInvariant().Replace("%", "", StringComparison.Ordinal).Replace("_", "", StringComparison.Ordinal) + "%";
            query = query.Where(m => EF.Functions.Like(m.ToAddress.ToLower(), pattern));
        }

        return query;
    }
}
