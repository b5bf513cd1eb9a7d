using Microsoft.EntityFrameworkCore;
using PortCooperation.Web.Data;
using PortCooperation.Web.Domain;
using PortCooperation.Web.Infrastructure;
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

    /// <summary>
    /// Views within the period's days (the report's time zone). Filtered on <see cref="PageView.Day"/>, which is the
    /// same set as the period's instants (a day is a Washington calendar day, as the period's bounds are) and lets the
    /// totals read the (Day, VisitorKey, SessionKey, VisitorKind, CountryCode) index in its order.
    /// </summary>
    public IQueryable<PageView> Views(ReportPeriod period) => Views(period.From, period.To);

    /// <summary>Views from day <paramref name="from"/> to day <paramref name="to"/>, both included.</summary>
    public IQueryable<PageView> Views(DateOnly from, DateOnly to) =>
        db.PageViews.AsNoTracking().Where(v => v.Day >= from && v.Day <= to);

    public Task<DateTime?> FirstRecordedAsync(CancellationToken cancellationToken) =>
        db.PageViews.MinAsync(v => (DateTime?)v.OccurredAtUtc, cancellationToken);

    /// <summary>Totals of <paramref name="views"/> (already filtered by period and perhaps by country).</summary>
    public async Task<AnalyticsTotals> TotalsAsync(IQueryable<PageView> views, CancellationToken cancellationToken) =>
        (await TotalsAsync(views, DateOnly.MinValue, cancellationToken)).Current;

    /// <summary>
    /// Totals of <paramref name="views"/> in one query, split into the views from day <paramref name="currentFrom"/>
    /// on (Current) and those before it (Previous): the executive report reads a period and the previous one together.
    /// A visitor is a visitor key on a day (keys rotate daily), new, returning or unknown by the "highest" kind seen
    /// that day (returning &gt; new &gt; unknown): one who agrees to the cookie half-way through the day is new, not also
    /// unknown. A session belongs to one visitor key, so a period's sessions are the sum of each visitor-day's.
    /// </summary>
    public async Task<(AnalyticsTotals Current, AnalyticsTotals Previous)> TotalsAsync(
        IQueryable<PageView> views, DateOnly currentFrom, CancellationToken cancellationToken)
    {
        // The views are grouped by visitor-day in the order of the (Day, VisitorKey, SessionKey, …) index, so no step
        // sorts the period's views. The same figures are asked two ways, each the faster on its database
        // (bench/README.md, P5): PostgreSQL sorts the values of a COUNT(DISTINCT) group by group, so there the views
        // are grouped by session first and the sessions counted; SQLite counts distinct sessions cheaply but sorts the
        // rows of a grouped subquery again before grouping them, so there it is one GROUP BY with COUNT(DISTINCT), as on
        // SQL Server, whose COUNT(DISTINCT) reads the index order too.
        var sessionsFirst = db.Provider switch
        {
            DatabaseProvider.PostgreSql => true,
            DatabaseProvider.Sqlite or DatabaseProvider.SqlServer => false,
            var other => throw new NotSupportedException($"No analytics query for {other}."),
        };
        var visitorDays = sessionsFirst
            ? views
                .GroupBy(v => new { v.Day, v.VisitorKey, v.SessionKey })
                .Select(g => new { g.Key.Day, g.Key.VisitorKey, Kind = g.Max(v => v.VisitorKind), Views = g.Count() })
                .GroupBy(s => new { s.Day, s.VisitorKey })
                .Select(g => new VisitorDay { Current = g.Key.Day >= currentFrom, Kind = g.Max(s => s.Kind), Views = g.Sum(s => s.Views), Sessions = g.Count() })
            : views
                .GroupBy(v => new { v.Day, v.VisitorKey })
                .Select(g => new VisitorDay
                {
                    Current = g.Key.Day >= currentFrom, Kind = g.Max(v => v.VisitorKind), Views = g.Count(), Sessions = g.Select(v => v.SessionKey).Distinct().Count(),
                });
        var byKind = await visitorDays
            .GroupBy(v => new { v.Current, v.Kind })
            .Select(g => new { g.Key.Current, g.Key.Kind, Visitors = g.Count(), Views = g.Sum(v => v.Views), Sessions = g.Sum(v => v.Sessions) })
            .ToListAsync(cancellationToken);

        AnalyticsTotals Totals(bool current)
        {
            var rows = byKind.Where(k => k.Current == current).ToList();
            int Visitors(VisitorKind kind) => rows.Where(k => k.Kind == kind).Sum(k => k.Visitors);
            return new AnalyticsTotals(
                rows.Sum(k => k.Views), rows.Sum(k => k.Visitors), rows.Sum(k => k.Sessions),
                Visitors(VisitorKind.New), Visitors(VisitorKind.Returning), Visitors(VisitorKind.Unknown));
        }

        return (Totals(current: true), Totals(current: false));
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

    /// <summary>One visitor on one day: whether the day is in the current period, the visitor's kind, views and sessions.</summary>
    private sealed class VisitorDay
    {
        public bool Current { get; init; }

        public VisitorKind Kind { get; init; }

        public int Views { get; init; }

        public int Sessions { get; init; }
    }
}
