using System.Globalization;
using Microsoft.EntityFrameworkCore;
using PortCooperation.Web.Data;
using PortCooperation.Web.Domain;
using PortCooperation.Web.Models.Activities;
using PortCooperation.Web.Services.Calendar;
using PortCooperation.Web.Services.Content;

namespace PortCooperation.Web.Services.Activities;

/// <summary>One public activity by slug in one SQL command (partners and participating countries joined in).</summary>
public sealed class ActivityDetailReader(PortalDbContext db, TimeProvider clock)
{
    public DateTime NowUtc => clock.GetUtcNow().UtcDateTime;

    public async Task<ActivityDetailViewModel?> ReadAsync(string slug, CancellationToken cancellationToken)
    {
        var now = NowUtc;
        var culture = CultureInfo.CurrentUICulture;
        var a = await db.Activities.AsNoTracking().Public(now)
            .Where(a => a.Slug == slug)
            .Select(a => new
            {
                a.Id,
                a.Slug,
                a.TitleEn,
                a.TitleEs,
                a.SummaryEn,
                a.SummaryEs,
                a.DescriptionEn,
                a.DescriptionEs,
                a.Kind,
                a.Status,
                a.Language,
                a.StartsAtUtc,
                a.EndsAtUtc,
                a.IsAllDay,
                a.TimeZoneId,
                a.OriginalStartsAtUtc,
                a.OriginalEndsAtUtc,
                a.StatusReasonEn,
                a.StatusReasonEs,
                a.IsOnline,
                a.Venue,
                a.City,
                CountryCode = a.HostCountry == null ? null : a.HostCountry.Code,
                CountryEn = a.HostCountry == null ? null : a.HostCountry.NameEn,
                CountryEs = a.HostCountry == null ? null : a.HostCountry.NameEs,
                a.ReportedParticipants,
                a.ReportedMemberStates,
                HasRegistrations = a.Registrations.Any(),
                Attended = a.Registrations.Count(r => r.Attended == true),
                AttendedMemberStates = a.Registrations.Where(r => r.Attended == true && r.Country!.IsMemberState).Select(r => r.CountryId).Distinct().Count(),
                AttendedCountries = a.Registrations.Where(r => r.Attended == true && r.CountryId != null).Select(r => r.CountryId).Distinct().Count(),
                a.RegistrationEnabled,
                a.RegistrationOpensAtUtc,
                a.RegistrationClosesAtUtc,
                a.Capacity,
                a.WaitingListEnabled,
                PlacesTaken = a.Registrations.AsQueryable().Count(Registration.TakesPlace),
                Partners = a.Partners.OrderBy(p => p.SortOrder).ThenBy(p => p.OrganisationId)
                    .Select(p => new { p.Organisation!.Slug, p.Organisation.NameEn, p.Organisation.NameEs, p.Role })
                    .ToList(),
                Countries = a.ParticipatingCountries.Select(c => new { c.Country!.NameEn, c.Country.NameEs, c.Country.IsMemberState }).ToList(),
            })
            // One command: an activity has a handful of partners and countries, too few for their join to multiply rows.
            .AsSingleQuery()
            .FirstOrDefaultAsync(cancellationToken);
        if (a is null)
        {
            return null;
        }

        var comparer = StringComparer.Create(culture, CompareOptions.IgnoreCase);
        var registrationOpen = ActivityTime.IsRegistrationOpen(a.RegistrationEnabled, a.RegistrationOpensAtUtc, a.RegistrationClosesAtUtc, a.Status, a.EndsAtUtc, now);
        return new ActivityDetailViewModel
        {
            Id = a.Id,
            Slug = a.Slug,
            Title = LocalizedText.Pick(a.TitleEn, a.TitleEs, culture),
            Summary = LocalizedText.Pick(a.SummaryEn, a.SummaryEs, culture),
            Description = LocalizedText.Pick(a.DescriptionEn, a.DescriptionEs, culture),
            Kind = a.Kind,
            Status = a.Status,
            Language = a.Language,
            Schedule = ActivitySchedule.Create(a.StartsAtUtc, a.EndsAtUtc, a.TimeZoneId, a.IsAllDay, culture),
            WhenUtc = ActivitySchedule.Create(a.StartsAtUtc, a.EndsAtUtc, "UTC", a.IsAllDay, culture).When,
            StartUtcIso = a.StartsAtUtc.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            EndUtcIso = (a.EndsAtUtc < a.StartsAtUtc ? a.StartsAtUtc : a.EndsAtUtc).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            IsAllDay = a.IsAllDay,
            OriginalSchedule = a.Status == ActivityStatus.Postponed && a.OriginalStartsAtUtc is { } originalStart
                ? ActivitySchedule.Create(originalStart, a.OriginalEndsAtUtc ?? originalStart, a.TimeZoneId, a.IsAllDay, culture)
                : null,
            StatusReason = a.Status is ActivityStatus.Cancelled or ActivityStatus.Postponed
                ? LocalizedText.Pick(a.StatusReasonEn, a.StatusReasonEs, culture)
                : LocalizedText.Empty,
            IsOnline = a.IsOnline,
            Venue = a.Venue,
            City = a.City,
            HostCountry = LocalizedText.Pick(a.CountryEn, a.CountryEs, culture),
            HostCountryCode = a.CountryCode,
            Partners = [.. a.Partners.Select(p => new PartnerLink(p.Slug, LocalizedText.Pick(p.NameEn, p.NameEs, culture) with { IsFallback = false }, p.Role))],
            IsPast = a.EndsAtUtc < now,
            // Run with registrations: who attended (once attendance is taken); a historical one: the entered totals.
            ReportedParticipants = a.HasRegistrations ? (a.Attended > 0 ? a.Attended : null) : a.ReportedParticipants,
            ReportedMemberStates = a.HasRegistrations ? (a.AttendedMemberStates > 0 ? a.AttendedMemberStates : null) : a.ReportedMemberStates,
            ParticipatingCountries = [.. a.Countries.Select(c => LocalizedText.Pick(c.NameEn, c.NameEs, culture)).OrderBy(c => c.Text, comparer)],
            ParticipatingMemberStates = a.Countries.Count(c => c.IsMemberState),
            CountriesRepresented = a.HasRegistrations ? (a.AttendedCountries > 0 ? a.AttendedCountries : (int?)null) : (a.Countries.Count > 0 ? a.Countries.Count : (int?)null),
            RegistrationOpen = registrationOpen,
            IsFull = a.Capacity is { } capacity && a.PlacesTaken >= capacity,
            WaitingListEnabled = a.WaitingListEnabled,
            RegistrationCloses = registrationOpen && a.RegistrationClosesAtUtc is { } closes
                ? ActivitySchedule.Create(closes, closes, a.TimeZoneId, false, culture)
                : null,
        };
    }

    /// <summary>The activity as a calendar event in the reader's language, or null when it is not public.</summary>
    public async Task<CalendarEvent?> ReadEventAsync(string slug, Func<string, string> absoluteUrl, string onlineLabel, CancellationToken cancellationToken)
    {
        var activity = await db.Activities.AsNoTracking().Public(NowUtc)
            .Include(a => a.HostCountry)
            .FirstOrDefaultAsync(a => a.Slug == slug, cancellationToken);
        return activity is null
            ? null
            : ActivityCalendarEvent.Create(activity, CultureInfo.CurrentUICulture, absoluteUrl(activity.Slug), onlineLabel);
    }

    /// <summary>Public activities that have not ended, for the iCalendar feed (cancelled ones included, marked so).</summary>
    public async Task<List<CalendarEvent>> ReadFeedAsync(Func<string, string> absoluteUrl, string onlineLabel, CancellationToken cancellationToken)
    {
        var now = NowUtc;
        var activities = await db.Activities.AsNoTracking().Public(now)
            .Where(a => a.EndsAtUtc >= now)
            .OrderBy(a => a.StartsAtUtc).ThenBy(a => a.Id)
            .Take(1000)
            .Include(a => a.HostCountry)
            .ToListAsync(cancellationToken);
        var culture = CultureInfo.CurrentUICulture;
        return [.. activities.Select(a => ActivityCalendarEvent.Create(a, culture, absoluteUrl(a.Slug), onlineLabel))];
    }
}
