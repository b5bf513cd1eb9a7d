using System.Globalization;
using Microsoft.EntityFrameworkCore;
using PortCooperation.Web.Data;
using PortCooperation.Web.Domain;
using PortCooperation.Web.Models.Home;

namespace PortCooperation.Web.Services.Content;

/// <summary>
/// Reads the home page in three SQL commands (upcoming, recent, key figures), projecting only the columns
/// the page shows. "Now" comes from <see cref="TimeProvider"/> so tests can place it anywhere.
/// </summary>
public sealed class HomePageReader(PortalDbContext db, TimeProvider clock)
{
    public const int ListSize = 6;

    public async Task<HomePageViewModel> ReadAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var culture = CultureInfo.CurrentUICulture;
        var visible = db.Activities.AsNoTracking()
            .Where(a => a.PublicationState == PublicationState.Published && (a.PublishAtUtc == null || a.PublishAtUtc <= now));

        var upcoming = await SelectRows(visible
                .Where(a => a.StartsAtUtc >= now)
                .OrderBy(a => a.StartsAtUtc).ThenBy(a => a.Id)
                .Take(ListSize))
            .ToListAsync(cancellationToken);
        var recent = await SelectRows(visible
                .Where(a => a.Status == ActivityStatus.Held && a.StartsAtUtc < now)
                .OrderByDescending(a => a.StartsAtUtc).ThenByDescending(a => a.Id)
                .Take(ListSize))
            .ToListAsync(cancellationToken);
        var figures = await KeyFiguresQuery.ReadAsync(db, now, cancellationToken);

        return new HomePageViewModel
        {
            Upcoming = [.. upcoming.Select(r => r.ToCard(culture))],
            Recent = [.. recent.Select(r => r.ToCard(culture))],
            Figures = figures,
        };
    }

    private static IQueryable<ActivityRow> SelectRows(IQueryable<Activity> activities) =>
        activities.Select(a => new ActivityRow
        {
            Id = a.Id,
            TitleEn = a.TitleEn,
            TitleEs = a.TitleEs,
            SummaryEn = a.SummaryEn,
            SummaryEs = a.SummaryEs,
            Kind = a.Kind,
            Status = a.Status,
            StartsAtUtc = a.StartsAtUtc,
            EndsAtUtc = a.EndsAtUtc,
            IsAllDay = a.IsAllDay,
            TimeZoneId = a.TimeZoneId,
            OriginalStartsAtUtc = a.OriginalStartsAtUtc,
            OriginalEndsAtUtc = a.OriginalEndsAtUtc,
            StatusReasonEn = a.StatusReasonEn,
            StatusReasonEs = a.StatusReasonEs,
            IsOnline = a.IsOnline,
            City = a.City,
            HostCountryEn = a.HostCountry == null ? null : a.HostCountry.NameEn,
            HostCountryEs = a.HostCountry == null ? null : a.HostCountry.NameEs,
            Language = a.Language,
            Partners = a.Partners
                .OrderBy(p => p.SortOrder).ThenBy(p => p.OrganisationId)
                .Select(p => new PartnerRow { NameEn = p.Organisation!.NameEn, NameEs = p.Organisation.NameEs })
                .ToList(),
        });

    /// <summary>The columns read from the database, turned into a card once the culture is known.</summary>
    private sealed class ActivityRow
    {
        public int Id { get; init; }
        public string TitleEn { get; init; } = "";
        public string? TitleEs { get; init; }
        public string? SummaryEn { get; init; }
        public string? SummaryEs { get; init; }
        public ActivityKind Kind { get; init; }
        public ActivityStatus Status { get; init; }
        public DateTime StartsAtUtc { get; init; }
        public DateTime EndsAtUtc { get; init; }
        public bool IsAllDay { get; init; }
        public string TimeZoneId { get; init; } = "";
        public DateTime? OriginalStartsAtUtc { get; init; }
        public DateTime? OriginalEndsAtUtc { get; init; }
        public string? StatusReasonEn { get; init; }
        public string? StatusReasonEs { get; init; }
        public bool IsOnline { get; init; }
        public string? City { get; init; }
        public string? HostCountryEn { get; init; }
        public string? HostCountryEs { get; init; }
        public string Language { get; init; } = "en";
        public List<PartnerRow> Partners { get; init; } = [];

        public ActivityCardModel ToCard(CultureInfo culture) => new()
        {
            Id = Id,
            Title = LocalizedText.Pick(TitleEn, TitleEs, culture),
            Summary = LocalizedText.Pick(SummaryEn, SummaryEs, culture),
            Kind = Kind,
            Status = Status,
            Schedule = ActivitySchedule.Create(StartsAtUtc, EndsAtUtc, TimeZoneId, IsAllDay, culture),
            OriginalSchedule = Status == ActivityStatus.Postponed && OriginalStartsAtUtc is { } originalStart
                ? ActivitySchedule.Create(originalStart, OriginalEndsAtUtc ?? originalStart, TimeZoneId, IsAllDay, culture)
                : null,
            StatusReason = Status is ActivityStatus.Cancelled or ActivityStatus.Postponed
                ? LocalizedText.Pick(StatusReasonEn, StatusReasonEs, culture)
                : LocalizedText.Empty,
            IsOnline = IsOnline,
            City = City,
            HostCountry = LocalizedText.Pick(HostCountryEn, HostCountryEs, culture),
            Language = Language,
            // Organisation names are proper names ("Fundación Valenciaport"): when only one spelling exists
            // it is used as is, without the "other language" marker that translated text gets.
            Partners = [.. Partners.Select(p => LocalizedText.Pick(p.NameEn, p.NameEs, culture) with { IsFallback = false })],
        };
    }

    private sealed class PartnerRow
    {
        public string NameEn { get; init; } = "";
        public string? NameEs { get; init; }
    }
}
