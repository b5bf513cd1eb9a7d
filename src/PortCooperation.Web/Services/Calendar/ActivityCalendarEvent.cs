using System.Globalization;
using PortCooperation.Web.Domain;
using PortCooperation.Web.Services.Content;

namespace PortCooperation.Web.Services.Calendar;

/// <summary>Turns an activity into a <see cref="CalendarEvent"/> in one language, for the download, the feed and mails.</summary>
public static class ActivityCalendarEvent
{
    /// <summary>
    /// Builds the event from a loaded activity (HostCountry loaded when the location should name it).
    /// <paramref name="absoluteUrl"/> is the public detail page; <paramref name="onlineLabel"/> the word for "Online".
    /// </summary>
    public static CalendarEvent Create(Activity activity, CultureInfo culture, string? absoluteUrl, string onlineLabel)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var title = LocalizedText.Pick(activity.TitleEn, activity.TitleEs, culture);
        var summary = LocalizedText.Pick(activity.SummaryEn, activity.SummaryEs, culture);
        var description = LocalizedText.Pick(activity.DescriptionEn, activity.DescriptionEs, culture);
        // The time in the activity's own zone, in words: a calendar shows it converted to the reader's zone.
        var schedule = ActivitySchedule.Create(activity.StartsAtUtc, activity.EndsAtUtc, activity.TimeZoneId, activity.IsAllDay, culture);
        var country = activity.HostCountry is null ? null : LocalizedText.Pick(activity.HostCountry.NameEn, activity.HostCountry.NameEs, culture).Text;
        return new CalendarEvent
        {
            Uid = CalendarEvent.UidForActivity(activity.Id),
            StartsAtUtc = activity.StartsAtUtc,
            EndsAtUtc = activity.EndsAtUtc,
            IsAllDay = activity.IsAllDay,
            TimeZoneId = activity.TimeZoneId,
            Sequence = activity.Version,
            IsCancelled = activity.Status == ActivityStatus.Cancelled,
            IsTentative = activity.Status == ActivityStatus.Postponed,
            Summary = title.Text,
            Description = JoinParagraphs(schedule.WhenWithZone, summary.Text, description.Text, absoluteUrl),
            Location = Location(activity.IsOnline, activity.Venue, activity.City, country, onlineLabel),
            Url = absoluteUrl,
            LastModifiedUtc = activity.UpdatedAt == default ? null : activity.UpdatedAt,
            Language = title.Language,
        };
    }

    /// <summary>"Online", or venue, city and country joined with commas, skipping the missing parts.</summary>
    public static string? Location(bool isOnline, string? venue, string? city, string? country, string onlineLabel)
    {
        if (isOnline)
        {
            return onlineLabel;
        }

        var parts = new[] { venue, city, country }.Where(p => !string.IsNullOrWhiteSpace(p)).Select(p => p!.Trim()).ToArray();
        return parts.Length == 0 ? null : string.Join(", ", parts);
    }

    private static string? JoinParagraphs(params string?[] parts)
    {
        var present = parts.Where(p => !string.IsNullOrWhiteSpace(p)).ToArray();
        return present.Length == 0 ? null : string.Join("\n\n", present);
    }
}
