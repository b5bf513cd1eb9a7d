using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PortCooperation.Web.Data;
using PortCooperation.Web.Domain;

namespace PortCooperation.Web.Services.Analytics;

/// <summary>
/// Takes queued views from <see cref="PageViewBuffer"/> and writes them in batches: the visitor key is an HMAC of
/// address + user agent + day under the day's random salt (table AnalyticsSalts; salts before yesterday are deleted,
/// so old keys can never be linked to an address again); a session is a visitor's run of views without a gap of
/// Analytics:SessionTimeout. Only the keys are stored, never the address.
/// </summary>
public sealed class PageViewWriter(
    PageViewBuffer buffer,
    IServiceScopeFactory scopes,
    TimeProvider clock,
    IOptions<AnalyticsOptions> options,
    ILogger<PageViewWriter> logger) : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    public void Dispose() => _gate.Dispose();
    private readonly Dictionary<DateOnly, byte[]> _salts = [];
    private readonly Dictionary<string, (string Session, DateTime Last)> _sessions = new(StringComparer.Ordinal);

    /// <summary>Writes everything queued so far; returns the number of views written.</summary>
    public async Task<int> FlushAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var written = 0;
            var batchSize = Math.Max(1, options.Value.BatchSize);
            var batch = new List<PageViewHit>(batchSize);
            while (true)
            {
                batch.Clear();
                while (batch.Count < batchSize && buffer.Reader.TryRead(out var hit))
                {
                    batch.Add(hit);
                }

                if (batch.Count == 0)
                {
                    return written;
                }

                await WriteAsync(batch, cancellationToken);
                written += batch.Count;
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task WriteAsync(List<PageViewHit> batch, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var timeout = options.Value.SessionTimeout;
        var keyed = new List<(PageViewHit Hit, DateOnly Day, string Visitor)>(batch.Count);
        foreach (var hit in batch.OrderBy(h => h.OccurredAtUtc))
        {
            var day = AnalyticsClock.Day(hit.OccurredAtUtc);
            var salt = await SaltAsync(db, day, cancellationToken);
            keyed.Add((hit, day, VisitorKey(salt, hit.ClientAddress, hit.UserAgent, day)));
        }

        await LoadOpenSessionsAsync(db, keyed.Select(k => k.Visitor).Where(v => !_sessions.ContainsKey(v)).Distinct().ToList(),
            batch.Min(h => h.OccurredAtUtc) - timeout, cancellationToken);

        foreach (var (hit, day, visitor) in keyed)
        {
            var session = _sessions.TryGetValue(visitor, out var open) && hit.OccurredAtUtc - open.Last <= timeout
                ? open.Session
                : Hash(visitor + "|" + hit.OccurredAtUtc.Ticks.ToString(System.Globalization.CultureInfo.InvariantCulture));
            _sessions[visitor] = (session, hit.OccurredAtUtc);
            db.PageViews.Add(new PageView
            {
                OccurredAtUtc = hit.OccurredAtUtc,
                Day = day,
                Path = hit.Path,
                VisitorKey = visitor,
                SessionKey = session,
                VisitorKind = hit.Kind,
                ReferrerHost = hit.ReferrerHost,
                CountryCode = hit.CountryCode,
                Language = hit.Language,
            });
        }

        await db.SaveChangesAsync(cancellationToken);
        ForgetClosedSessions(timeout);
    }

    /// <summary>After a restart (or on another instance) a visitor's session may already be open in the database.</summary>
    private async Task LoadOpenSessionsAsync(PortalDbContext db, List<string> visitors, DateTime sinceUtc, CancellationToken cancellationToken)
    {
        if (visitors.Count == 0)
        {
            return;
        }

        var recent = await db.PageViews.AsNoTracking()
            .Where(v => visitors.Contains(v.VisitorKey) && v.OccurredAtUtc >= sinceUtc)
            .Select(v => new { v.VisitorKey, v.SessionKey, v.OccurredAtUtc })
            .ToListAsync(cancellationToken);
        foreach (var last in recent.GroupBy(v => v.VisitorKey).Select(g => g.MaxBy(v => v.OccurredAtUtc)!))
        {
            _sessions[last.VisitorKey] = (last.SessionKey, last.OccurredAtUtc);
        }
    }

    private void ForgetClosedSessions(TimeSpan timeout)
    {
        var horizon = clock.GetUtcNow().UtcDateTime - timeout - timeout;
        foreach (var (visitor, open) in _sessions)
        {
            if (open.Last < horizon)
            {
                _sessions.Remove(visitor);
            }
        }
    }

    /// <summary>The day's salt: made once (by whichever instance comes first), kept for two days, then deleted.</summary>
    private async Task<byte[]> SaltAsync(PortalDbContext db, DateOnly day, CancellationToken cancellationToken)
    {
        if (_salts.TryGetValue(day, out var known))
        {
            return known;
        }

        var salt = await db.AnalyticsSalts.AsNoTracking().Where(s => s.Day == day).Select(s => s.Salt).FirstOrDefaultAsync(cancellationToken);
        if (salt is null)
        {
            salt = RandomNumberGenerator.GetBytes(32);
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var other = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
                other.AnalyticsSalts.Add(new AnalyticsSalt { Day = day, Salt = salt });
                await other.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException)
            {
                // Another instance made the day's salt first: use theirs.
                salt = await db.AnalyticsSalts.AsNoTracking().Where(s => s.Day == day).Select(s => s.Salt).FirstAsync(cancellationToken);
            }
        }

        var today = AnalyticsClock.Day(clock.GetUtcNow().UtcDateTime);
        var oldest = today.AddDays(-1);
        var deleted = await db.AnalyticsSalts.Where(s => s.Day < oldest).ExecuteDeleteAsync(cancellationToken);
        if (deleted > 0)
        {
            logger.LogInformation("Deleted {Count} analytics salt(s) older than {Day}", deleted, oldest);
        }

        foreach (var old in _salts.Keys.Where(d => d < oldest).ToList())
        {
            _salts.Remove(old);
        }

        _salts[day] = salt;
        return salt;
    }

    public static string VisitorKey(byte[] salt, string address, string userAgent, DateOnly day)
    {
        var message = Encoding.UTF8.GetBytes(address + "\n" + userAgent + "\n" + day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        return Convert.ToHexStringLower(HMACSHA256.HashData(salt, message))[..32];
    }

    private static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..32];
}

/// <summary>Writes the queued views every Analytics:FlushInterval, and once more on shutdown.</summary>
public sealed class PageViewWriterService(PageViewBuffer buffer, PageViewWriter writer, IOptions<AnalyticsOptions> options, TimeProvider clock, ILogger<PageViewWriterService> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (await buffer.Reader.WaitToReadAsync(stoppingToken))
            {
                await Task.Delay(options.Value.FlushInterval, clock, stoppingToken);
                await FlushAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: StopAsync writes what is left.
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        await FlushAsync(cancellationToken);
    }

    private async Task FlushAsync(CancellationToken cancellationToken)
    {
        try
        {
            await writer.FlushAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Analytics must never take the site down; the batch is lost and the next one is tried.
            logger.LogWarning(ex, "Could not write a batch of page views");
        }
    }
}
