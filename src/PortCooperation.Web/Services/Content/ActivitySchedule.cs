using System.Globalization;

namespace PortCooperation.Web.Services.Content;

/// <summary>
/// When an activity happens, written for people in the activity's own time zone (where the venue is, or where
/// the organiser schedules an online session), with the zone named so nobody has to guess.
/// </summary>
public sealed record ActivitySchedule(string When, string TimeZone, string StartIso)
{
    /// <summary>Formats UTC start/end in <paramref name="timeZoneId"/> (IANA) for <paramref name="culture"/>.</summary>
    public static ActivitySchedule Create(DateTime startsAtUtc, DateTime endsAtUtc, string? timeZoneId, bool isAllDay, CultureInfo culture)
    {
        var zone = FindZone(timeZoneId);
        var start = TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(startsAtUtc, DateTimeKind.Utc), zone);
        var end = endsAtUtc < startsAtUtc ? start : TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(endsAtUtc, DateTimeKind.Utc), zone);

        var datesOnly = isAllDay || start.Date != end.Date;
        string when;
        if (start.Date != end.Date)
        {
            // Several days (a course over weeks): the dates say enough, times would clutter.
            when = $"{start.ToString("d MMM yyyy", culture)} – {end.ToString("d MMM yyyy", culture)}";
        }
        else if (isAllDay)
        {
            when = start.ToString("D", culture);
        }
        else
        {
            var times = end > start
                ? $"{start.ToString("t", culture)} – {end.ToString("t", culture)}"
                : start.ToString("t", culture);
            when = $"{start.ToString("D", culture)}, {times}";
        }

        var isoOffset = zone.GetUtcOffset(startsAtUtc);
        var startIso = datesOnly
            ? start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
            : new DateTimeOffset(start, isoOffset).ToString("yyyy-MM-dd'T'HH:mmzzz", CultureInfo.InvariantCulture);
        var offsetText = FormatOffset(isoOffset);
        var zoneName = zone.Id == offsetText ? offsetText : $"{zone.Id} ({offsetText})";
        return new ActivitySchedule(when, zoneName, startIso);
    }

    /// <summary>"UTC", "UTC-05:00", "UTC+01:00": short, unambiguous and the same in every language.</summary>
    public static string FormatOffset(TimeSpan offset)
    {
        if (offset == TimeSpan.Zero)
        {
            return "UTC";
        }

        var sign = offset < TimeSpan.Zero ? "-" : "+";
        return $"UTC{sign}{offset.Duration():hh\\:mm}";
    }

    private static TimeZoneInfo FindZone(string? timeZoneId)
    {
        // An unknown id (typo in an import) must not break the page: show the time in UTC, labelled as such.
        if (!string.IsNullOrWhiteSpace(timeZoneId) && TimeZoneInfo.TryFindSystemTimeZoneById(timeZoneId, out var zone))
        {
            return zone;
        }

        return TimeZoneInfo.Utc;
    }
}
