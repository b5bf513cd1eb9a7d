using System.Globalization;
using PortCooperation.Web.Domain;
using PortCooperation.Web.Models.Home;

namespace PortCooperation.Web.Services.Content;

/// <summary>The projection of an activity card (home page, activities listing), one SQL command per list.</summary>
public static class ActivityCardQuery
{
    public static IQueryable<ActivityCardRow> SelectCards(this IQueryable<Activity> activities) =>
        activities.Select(a => new ActivityCardRow
        {
            Id = a.Id,
            Slug = a.Slug,
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
                .Select(p => new ActivityCardPartnerRow { NameEn = p.Organisation!.NameEn, NameEs = p.Organisation.NameEs })
                .ToList(),
        });

    /// <summary>The columns read from the database, turned into a card once the culture is known.</summary>
    public sealed class ActivityCardRow
    {
        public int Id { get; init; }
        public string Slug { get; init; } = "";
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
        public List<ActivityCardPartnerRow> Partners { get; init; } = [];

        public ActivityCardModel ToCard(CultureInfo culture) => new()
        {
            Id = Id,
            Slug = Slug,
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

    public sealed class ActivityCardPartnerRow
    {
        public string NameEn { get; init; } = "";
        public string? NameEs { get; init; }
    }
}
