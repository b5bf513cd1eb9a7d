using Microsoft.EntityFrameworkCore;
using PortCooperation.Web.Data;
using PortCooperation.Web.Domain;
using PortCooperation.Web.Services.Reports;

namespace PortCooperation.Web.Services.Analytics;

/// <summary>Visitors, sessions and views of a set of page views. Visitors are distinct per day (keys rotate daily).</summary>
public sealed record AnalyticsTotals(int Views, int Visitors, int Sessions, int NewVisitors, int ReturningVisitors, int UnknownVisitors)
{
    public static AnalyticsTotals Empty { get; } = new(0, 0, 0, 0, 0, 0);
}

/// <summary>A row of a top list; <see cref="Name"/> is the visitor-language name of a country code, when known.</summary>
public sealed record AnalyticsCount(string Label, int Views, int Visitors, string? Name = null);

public sealed record AnalyticsDay(DateOnly Day, int Views, int Visitors, int Sessions);

public sealed class AnalyticsSummary
{
    public required ReportPeriod Period { get; init; }

    public required AnalyticsTotals Totals { get; init; }

    public DateTime? FirstRecordedUtc { get; init; }

    public IReadOnlyList<AnalyticsCount> Pages { get; init; } = [];

    public IReadOnlyList<AnalyticsCount> Referrers { get; init; } = [];

    public IReadOnlyList<AnalyticsCount> Countries { get; init; } = [];

    public IReadOnlyList<AnalyticsDay> Days { get; init; } = [];
}

/// <summary>
/// The one reader of the recorded page views, used by the staff analytics page and by the executive report's
/// "portal usage" section, so both always show the same figures for the same period. Every figure is computed in
/// SQL (GROUP BY), never by loading views.
/// </summary>
public sealed class AnalyticsReader(PortalDbContext db)
{
    public const int TopRows = 20;

    /// <summary>Views within the period's days (the report's time zone).</summary>
    public IQueryable<PageView> Views(ReportPeriod period)
    {
        var (start, end) = (period.StartUtc, period.EndUtc);
        return db.PageViews.AsNoTracking().Where(v => v.OccurredAtUtc >= start && v.OccurredAtUtc < end);
    }

    public Task<DateTime?> FirstRecordedAsync(CancellationToken cancellationToken) =>
        db.PageViews.MinAsync(v => (DateTime?)v.OccurredAtUtc, cancellationToken);

    /// <summary>
    /// Totals of <paramref name="views"/> (already filtered by period and perhaps by country). A visitor-day is new,
    /// returning or unknown by the "highest" kind seen that day (returning &gt; new &gt; unknown): one who agrees to
    /// the cookie half-way through the day is new, not also unknown.
    /// </summary>
    public async Task<AnalyticsTotals> TotalsAsync(IQueryable<PageView> views, CancellationToken cancellationToken)
    {
        // One query: a session belongs to one visitor key, so the period's sessions are the sum of each key's.
        var byKind = await views
            .GroupBy(v => v.VisitorKey)
            .Select(g => new { Kind = g.Max(v => v.VisitorKind), Views = g.Count(), Sessions = g.Select(v => v.SessionKey).Distinct().Count() })
            .GroupBy(v => v.Kind)
            .Select(g => new { Kind = g.Key, Visitors = g.Count(), Views = g.Sum(v => v.Views), Sessions = g.Sum(v => v.Sessions) })
            .ToListAsync(cancellationToken);
        int Visitors(VisitorKind kind) => byKind.Where(k => k.Kind == kind).Sum(k => k.Visitors);
        return new AnalyticsTotals(
            byKind.Sum(k => k.Views), byKind.Sum(k => k.Visitors), byKind.Sum(k => k.Sessions),
            Visitors(VisitorKind.New), Visitors(VisitorKind.Returning), Visitors(VisitorKind.Unknown));
    }

    /// <summary>Everything the staff analytics page shows for <paramref name="period"/>.</summary>
    public async Task<AnalyticsSummary> ReadAsync(ReportPeriod period, CancellationToken cancellationToken)
    {
        var first = await FirstRecordedAsync(cancellationToken);
        var views = Views(period);
        var totals = await TotalsAsync(views, cancellationToken);
        if (totals.Views == 0)
        {
            return new AnalyticsSummary { Period = period, Totals = totals, FirstRecordedUtc = first };
        }

        var pages = await views.GroupBy(v => v.Path)
            .Select(g => new { g.Key, Views = g.Count(), Visitors = g.Select(v => v.VisitorKey).Distinct().Count() })
            .OrderByDescending(p => p.Views).ThenBy(p => p.Key).Take(TopRows)
            .ToListAsync(cancellationToken);
        var referrers = await views.Where(v => v.ReferrerHost != null).GroupBy(v => v.ReferrerHost!)
            .Select(g => new { g.Key, Views = g.Count(), Visitors = g.Select(v => v.VisitorKey).Distinct().Count() })
            .OrderByDescending(p => p.Views).ThenBy(p => p.Key).Take(TopRows)
            .ToListAsync(cancellationToken);
        var countries = await views.Where(v => v.CountryCode != null).GroupBy(v => v.CountryCode!)
            .Select(g => new { g.Key, Views = g.Count(), Visitors = g.Select(v => v.VisitorKey).Distinct().Count() })
            .OrderByDescending(p => p.Visitors).ThenByDescending(p => p.Views).ThenBy(p => p.Key).Take(TopRows)
            .ToListAsync(cancellationToken);
        var codes = countries.Select(c => c.Key).ToList();
        var culture = System.Globalization.CultureInfo.CurrentUICulture;
        var names = (await db.Countries.AsNoTracking().Where(c => codes.Contains(c.Code))
                .Select(c => new { c.Code, c.NameEn, c.NameEs })
                .ToListAsync(cancellationToken))
            .ToDictionary(c => c.Code, c => Content.LocalizedText.Pick(c.NameEn, c.NameEs, culture).Text);
        var days = await views.GroupBy(v => v.Day)
            .Select(g => new
            {
                g.Key,
                Views = g.Count(),
                Visitors = g.Select(v => v.VisitorKey).Distinct().Count(),
                Sessions = g.Select(v => v.SessionKey).Distinct().Count(),
            })
            .OrderBy(d => d.Key)
            .ToListAsync(cancellationToken);
        return new AnalyticsSummary
        {
            Period = period,
            Totals = totals,
            FirstRecordedUtc = first,
            Pages = [.. pages.Select(p => new AnalyticsCount(p.Key, p.Views, p.Visitors))],
            Referrers = [.. referrers.Select(p => new AnalyticsCount(p.Key, p.Views, p.Visitors))],
            Countries = [.. countries.Select(p => new AnalyticsCount(p.Key, p.Views, p.Visitors, names.GetValueOrDefault(p.Key)))],
            Days = [.. days.Select(d => new AnalyticsDay(d.Key, d.Views, d.Visitors, d.Sessions))],
        };
    }
}
