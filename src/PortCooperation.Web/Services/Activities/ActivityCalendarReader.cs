using System.Globalization;
using Microsoft.EntityFrameworkCore;
using PortCooperation.Web.Data;
using PortCooperation.Web.Models.Activities;
using PortCooperation.Web.Services.Content;

namespace PortCooperation.Web.Services.Activities;

/// <summary>
/// One month of public activities in one SQL command. Each activity is placed on the day it starts in its own time
/// zone; one that began in an earlier month and still runs (a course over weeks) is listed as continuing.
/// </summary>
public sealed class ActivityCalendarReader(PortalDbContext db, TimeProvider clock)
{
    public async Task<ActivityCalendarViewModel> ReadAsync(int year, int month, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var culture = CultureInfo.CurrentUICulture;
        var first = new DateOnly(year, month, 1);
        var last = first.AddMonths(1).AddDays(-1);
        // Time zones run from UTC-12 to UTC+14: widen the UTC window, then place by local date.
        var fromUtc = first.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc).AddHours(-14);
        var toUtc = last.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc).AddHours(12);

        var rows = await db.Activities.AsNoTracking().Public(now)
            .Where(a => a.StartsAtUtc < toUtc && a.EndsAtUtc >= fromUtc)
            .OrderBy(a => a.StartsAtUtc).ThenBy(a => a.Id)
            .Select(a => new
            {
                a.Slug,
                a.TitleEn,
                a.TitleEs,
                a.Kind,
                a.Status,
                a.StartsAtUtc,
                a.EndsAtUtc,
                a.IsAllDay,
                a.TimeZoneId,
            })
            .ToListAsync(cancellationToken);

        var byDay = new Dictionary<DateOnly, List<CalendarEntry>>();
        var continuing = new List<CalendarEntry>();
        foreach (var row in rows)
        {
            var zone = ActivityTime.FindZone(row.TimeZoneId);
            var localStart = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(row.StartsAtUtc, zone));
            var localEnd = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(row.EndsAtUtc < row.StartsAtUtc ? row.StartsAtUtc : row.EndsAtUtc, zone));
            if (localEnd < first || localStart > last)
            {
                continue;
            }

            var entry = new CalendarEntry(
                row.Slug,
                LocalizedText.Pick(row.TitleEn, row.TitleEs, culture),
                row.Kind,
                row.Status,
                ActivitySchedule.Create(row.StartsAtUtc, row.EndsAtUtc, row.TimeZoneId, row.IsAllDay, culture),
                localStart,
                localEnd);
            if (localStart < first)
            {
                continuing.Add(entry);
            }
            else
            {
                if (!byDay.TryGetValue(localStart, out var list))
                {
                    byDay[localStart] = list = [];
                }

                list.Add(entry);
            }
        }

        return new ActivityCalendarViewModel
        {
            Year = year,
            Month = month,
            Today = DateOnly.FromDateTime(now),
            ByDay = byDay,
            Continuing = continuing,
        };
    }
}

/// <summary>Time-zone lookup shared by the activity pages: an unknown id falls back to UTC rather than failing.</summary>
public static class ActivityTime
{
    public static TimeZoneInfo FindZone(string? timeZoneId) =>
        !string.IsNullOrWhiteSpace(timeZoneId) && TimeZoneInfo.TryFindSystemTimeZoneById(timeZoneId, out var zone) ? zone : TimeZoneInfo.Utc;

    /// <summary>Whether registration is open now: enabled, inside its window, and the activity neither cancelled, held nor over.</summary>
    public static bool IsRegistrationOpen(bool enabled, DateTime? opensAtUtc, DateTime? closesAtUtc, Domain.ActivityStatus status, DateTime endsAtUtc, DateTime nowUtc) =>
        enabled
        && status is Domain.ActivityStatus.Planned or Domain.ActivityStatus.Postponed
        && endsAtUtc >= nowUtc
        && (opensAtUtc is null || opensAtUtc <= nowUtc)
        && (closesAtUtc is null || closesAtUtc > nowUtc);
}
