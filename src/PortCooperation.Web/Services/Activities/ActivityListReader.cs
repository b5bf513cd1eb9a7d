using System.Globalization;
using Microsoft.EntityFrameworkCore;
using PortCooperation.Web.Data;
using PortCooperation.Web.Domain;
using PortCooperation.Web.Models.Activities;
using PortCooperation.Web.Services.Content;

namespace PortCooperation.Web.Services.Activities;

/// <summary>
/// The activities listing in two SQL commands whatever the number of activities: (1) one light row per public
/// activity with what the filters look at (kind, status, dates, language, host country, partners), from which the
/// drop-down options, the counts and the page's ids are worked out; (2) the cards of that page.
/// Upcoming (not yet ended) come first, soonest first; past ones follow, most recent first; one page runs over both.
/// </summary>
public sealed class ActivityListReader(PortalDbContext db, TimeProvider clock)
{
    public const int PageSize = 20;

    public async Task<ActivityListViewModel> ReadAsync(ActivityFilter filter, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var culture = CultureInfo.CurrentUICulture;
        var visible = db.Activities.AsNoTracking().Public(now);

        var facets = await visible
            .Select(a => new FacetRow
            {
                Id = a.Id,
                Kind = a.Kind,
                Status = a.Status,
                StartsAtUtc = a.StartsAtUtc,
                EndsAtUtc = a.EndsAtUtc,
                Language = a.Language,
                CountryCode = a.HostCountry == null ? null : a.HostCountry.Code,
                CountryEn = a.HostCountry == null ? null : a.HostCountry.NameEn,
                CountryEs = a.HostCountry == null ? null : a.HostCountry.NameEs,
                Partners = a.Partners.Select(p => new FacetPartner { Slug = p.Organisation!.Slug, NameEn = p.Organisation.NameEn, NameEs = p.Organisation.NameEs }).ToList(),
            })
            .ToListAsync(cancellationToken);

        var matched = facets.Where(f => Matches(f, filter)).ToList();
        var upcoming = matched.Where(f => f.EndsAtUtc >= now).OrderBy(f => f.StartsAtUtc).ThenBy(f => f.Id).ToList();
        var past = matched.Where(f => f.EndsAtUtc < now).OrderByDescending(f => f.StartsAtUtc).ThenByDescending(f => f.Id).ToList();
        var pageCount = Math.Max(1, (matched.Count + PageSize - 1) / PageSize);
        var page = Math.Min(filter.Page, pageCount);
        var pageIds = upcoming.Concat(past).Skip((page - 1) * PageSize).Take(PageSize).Select(f => f.Id).ToList();

        var cards = pageIds.Count == 0
            ? []
            : (await visible.Where(a => pageIds.Contains(a.Id)).SelectCards().ToListAsync(cancellationToken))
                .ToDictionary(r => r.Id, r => r.ToCard(culture));
        var upcomingIds = upcoming.Select(f => f.Id).ToHashSet();

        return new ActivityListViewModel
        {
            Filter = filter with { Page = page },
            Upcoming = [.. pageIds.Where(upcomingIds.Contains).Select(id => cards[id])],
            Past = [.. pageIds.Where(id => !upcomingIds.Contains(id)).Select(id => cards[id])],
            UpcomingCount = upcoming.Count,
            PastCount = past.Count,
            Page = page,
            PageCount = pageCount,
            Years = [.. facets.Select(f => f.StartsAtUtc.Year).Distinct().OrderDescending()],
            Languages = [.. facets.Select(f => f.Language).Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.Ordinal)],
            Countries = [.. facets.Where(f => f.CountryCode is not null)
                .DistinctBy(f => f.CountryCode)
                .Select(f => new FilterOption(f.CountryCode!, LocalizedText.Pick(f.CountryEn, f.CountryEs, culture).Text))
                .OrderBy(o => o.Label, StringComparer.Create(culture, CompareOptions.IgnoreCase))],
            Partners = [.. facets.SelectMany(f => f.Partners)
                .DistinctBy(p => p.Slug)
                .Select(p => new FilterOption(p.Slug, LocalizedText.Pick(p.NameEn, p.NameEs, culture).Text))
                .OrderBy(o => o.Label, StringComparer.Create(culture, CompareOptions.IgnoreCase))],
        };
    }

    private static bool Matches(FacetRow row, ActivityFilter filter) =>
        (filter.Kind is null || row.Kind == filter.Kind)
        && (filter.Status is null || row.Status == filter.Status)
        && (filter.Year is null || row.StartsAtUtc.Year == filter.Year)
        && (filter.Language is null || string.Equals(row.Language, filter.Language, StringComparison.OrdinalIgnoreCase))
        && (filter.Country is null || string.Equals(row.CountryCode, filter.Country, StringComparison.OrdinalIgnoreCase))
        && (filter.Partner is null || row.Partners.Any(p => string.Equals(p.Slug, filter.Partner, StringComparison.OrdinalIgnoreCase)));

    private sealed class FacetRow
    {
        public int Id { get; init; }
        public ActivityKind Kind { get; init; }
        public ActivityStatus Status { get; init; }
        public DateTime StartsAtUtc { get; init; }
        public DateTime EndsAtUtc { get; init; }
        public string Language { get; init; } = "";
        public string? CountryCode { get; init; }
        public string? CountryEn { get; init; }
        public string? CountryEs { get; init; }
        public List<FacetPartner> Partners { get; init; } = [];
    }

    private sealed class FacetPartner
    {
        public string Slug { get; init; } = "";
        public string NameEn { get; init; } = "";
        public string? NameEs { get; init; }
    }
}
