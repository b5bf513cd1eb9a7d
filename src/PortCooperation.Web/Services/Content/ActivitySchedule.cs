using System.Globalization;

namespace PortCooperation.Web.Services.Content;

/// <summary>
/// When an activity happens, written for people in the activity's own time zone (where the venue is, or where
/// the organiser schedules an online session), with the zone named so nobody has to guess (<see cref="DateStyle"/>).
/// </summary>
public sealed record ActivitySchedule(string When, string TimeZone, string StartIso)
{
    /// <summary>Whether <see cref="When"/> has a time of day, so that it reads only with <see cref="TimeZone"/> beside it.</summary>
    public bool HasTime { get; init; }

    /// <summary>"Thursday 17 December 2026, 11:00 – 12:00 New York time (UTC−5)"; dates alone for an all-day activity.</summary>
    public string WhenWithZone => HasTime ? $"{When} {TimeZone}" : When;

    /// <summary>Formats UTC start/end in <paramref name="timeZoneId"/> (IANA) for <paramref name="culture"/>.</summary>
    public static ActivitySchedule Create(DateTime startsAtUtc, DateTime endsAtUtc, string? timeZoneId, bool isAllDay, CultureInfo culture)
    {
        var zone = ZoneNames.Find(timeZoneId);
        var start = TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(startsAtUtc, DateTimeKind.Utc), zone);
        var end = endsAtUtc < startsAtUtc ? start : TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(endsAtUtc, DateTimeKind.Utc), zone);

        var datesOnly = isAllDay || start.Date != end.Date;
        string when;
        if (start.Date != end.Date)
        {
            // Several days (a course over weeks): the dates say enough, times would clutter.
            when = $"{DateStyle.Date(DateOnly.FromDateTime(start), culture)} – {DateStyle.Date(DateOnly.FromDateTime(end), culture)}";
        }
        else if (isAllDay)
        {
            when = DateStyle.LongDate(DateOnly.FromDateTime(start), culture);
        }
        else
        {
            var times = end > start ? $"{DateStyle.Time(start)} – {DateStyle.Time(end)}" : DateStyle.Time(start);
            when = $"{DateStyle.LongDate(DateOnly.FromDateTime(start), culture)}, {times}";
        }

        var isoOffset = zone.GetUtcOffset(startsAtUtc);
        var startIso = datesOnly
            ? start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
            : new DateTimeOffset(start, isoOffset).ToString("yyyy-MM-dd'T'HH:mmzzz", CultureInfo.InvariantCulture);
        return new ActivitySchedule(when, DateStyle.Zone(zone, startsAtUtc, culture), startIso) { HasTime = !datesOnly };
    }
}
