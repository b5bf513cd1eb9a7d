using System.Globalization;
using System.Text;

namespace PortCooperation.Web.Services.Calendar;

/// <summary>The iTIP method of a calendar object (RFC 5546): a feed or download publishes; mails request or cancel.</summary>
public enum CalendarMethod
{
    Publish = 0,
    Request = 1,
    Cancel = 2,
}

/// <summary>
/// One VEVENT, already in the chosen language. Times are UTC; <see cref="TimeZoneId"/> (IANA) decides the local dates
/// of an all-day event. <see cref="Sequence"/> comes from the activity's Version so calendar clients replace an older copy.
/// </summary>
public sealed record CalendarEvent
{
    public required string Uid { get; init; }
    public required DateTime StartsAtUtc { get; init; }
    public required DateTime EndsAtUtc { get; init; }
    public bool IsAllDay { get; init; }
    public string? TimeZoneId { get; init; }
    public long Sequence { get; init; }
    public bool IsCancelled { get; init; }

    /// <summary>The date is no longer certain (a postponed activity): STATUS:TENTATIVE, unless it is cancelled.</summary>
    public bool IsTentative { get; init; }
    public required string Summary { get; init; }
    public string? Description { get; init; }
    public string? Location { get; init; }
    public string? Url { get; init; }
    public DateTime? LastModifiedUtc { get; init; }

    /// <summary>ISO 639-1 language of the text fields, written as the LANGUAGE parameter of SUMMARY.</summary>
    public string? Language { get; init; }

    /// <summary>Organizer mail address; required by iTIP for REQUEST and CANCEL (e.g. the secretariat's address).</summary>
    public string? OrganizerEmail { get; init; }
    public string? OrganizerName { get; init; }

    /// <summary>Attendee mail address for a REQUEST/CANCEL sent to one registrant.</summary>
    public string? AttendeeEmail { get; init; }
    public string? AttendeeName { get; init; }

    /// <summary>The stable UID of an activity: the same in the feed, the download and every mail.</summary>
    public static string UidForActivity(int activityId) =>
        string.Create(CultureInfo.InvariantCulture, $"activity-{activityId}@portcooperation");
}

/// <summary>
/// Writes iCalendar text (RFC 5545): CRLF line ends, content lines folded at 75 octets without splitting a UTF-8
/// sequence, TEXT values escaped (backslash, semicolon, comma, newline). One writer for the single-event download,
/// the feed and the calendar attachments of mails.
/// Hand-written rather than Ical.Net's serializer, on purpose: the portal writes one small, fixed shape of event
/// (UTC times or floating dates, so no VTIMEZONE; no recurrence), and every line of it is pinned by tests, folding
/// and escaping included; the web app needs no calendar object model or its dependencies for that. Ical.Net is used
/// where it is worth more: in the tests, as an independent reader of everything written here (feed, download, mail
/// attachment), which it could not be if it had written the text itself.
/// </summary>
public static class CalendarFileWriter
{
    public const string ContentType = "text/calendar; charset=utf-8";
    public const string ProductId = "-//PortCooperation//Activities//EN";
    private const int MaxOctets = 75;
    private const string Crlf = "\r\n";

    /// <summary>A calendar with one event (download or mail attachment).</summary>
    public static string WriteEvent(CalendarEvent calendarEvent, DateTime stampUtc, CalendarMethod method = CalendarMethod.Publish) =>
        Write([calendarEvent], stampUtc, method);

    /// <summary>A calendar with any number of events (the feed), optionally named for calendar clients.</summary>
    public static string Write(IEnumerable<CalendarEvent> events, DateTime stampUtc, CalendarMethod method = CalendarMethod.Publish, string? calendarName = null)
    {
        ArgumentNullException.ThrowIfNull(events);
        var output = new StringBuilder();
        AppendLine(output, "BEGIN:VCALENDAR");
        AppendLine(output, "VERSION:2.0");
        AppendLine(output, "PRODID:" + ProductId);
        AppendLine(output, "CALSCALE:GREGORIAN");
        AppendLine(output, "METHOD:" + method.ToString().ToUpperInvariant());
        if (!string.IsNullOrWhiteSpace(calendarName))
        {
            AppendLine(output, "X-WR-CALNAME:" + EscapeText(calendarName));
        }

        foreach (var calendarEvent in events)
        {
            WriteEventLines(output, calendarEvent, stampUtc, method);
        }

        AppendLine(output, "END:VCALENDAR");
        return output.ToString();
    }

    private static void WriteEventLines(StringBuilder output, CalendarEvent e, DateTime stampUtc, CalendarMethod method)
    {
        AppendLine(output, "BEGIN:VEVENT");
        AppendLine(output, "UID:" + EscapeText(e.Uid));
        AppendLine(output, "DTSTAMP:" + FormatUtc(stampUtc));
        if (e.IsAllDay)
        {
            var (firstDay, lastDay) = LocalDates(e);
            AppendLine(output, "DTSTART;VALUE=DATE:" + firstDay.ToString("yyyyMMdd", CultureInfo.InvariantCulture));
            // DTEND of an all-day event is exclusive: the day after the last day.
            AppendLine(output, "DTEND;VALUE=DATE:" + lastDay.AddDays(1).ToString("yyyyMMdd", CultureInfo.InvariantCulture));
        }
        else
        {
            AppendLine(output, "DTSTART:" + FormatUtc(e.StartsAtUtc));
            AppendLine(output, "DTEND:" + FormatUtc(e.EndsAtUtc > e.StartsAtUtc ? e.EndsAtUtc : e.StartsAtUtc));
        }

        AppendLine(output, "SEQUENCE:" + Math.Max(0, e.Sequence).ToString(CultureInfo.InvariantCulture));
        if (e.LastModifiedUtc is { } modified)
        {
            AppendLine(output, "LAST-MODIFIED:" + FormatUtc(modified));
        }

        var cancelled = e.IsCancelled || method == CalendarMethod.Cancel;
        AppendLine(output, "STATUS:" + (cancelled ? "CANCELLED" : e.IsTentative ? "TENTATIVE" : "CONFIRMED"));
        var language = string.IsNullOrWhiteSpace(e.Language) ? "" : ";LANGUAGE=" + ParameterValue(e.Language);
        AppendLine(output, "SUMMARY" + language + ":" + EscapeText(e.Summary));
        if (!string.IsNullOrWhiteSpace(e.Description))
        {
            AppendLine(output, "DESCRIPTION" + language + ":" + EscapeText(e.Description));
        }

        if (!string.IsNullOrWhiteSpace(e.Location))
        {
            AppendLine(output, "LOCATION" + language + ":" + EscapeText(e.Location));
        }

        if (!string.IsNullOrWhiteSpace(e.Url))
        {
            // URL is of type URI, not TEXT: no escaping, but it must not carry line breaks.
            AppendLine(output, "URL:" + StripControl(e.Url));
        }

        if (!string.IsNullOrWhiteSpace(e.OrganizerEmail))
        {
            var name = string.IsNullOrWhiteSpace(e.OrganizerName) ? "" : ";CN=" + ParameterValue(e.OrganizerName);
            AppendLine(output, "ORGANIZER" + name + ":mailto:" + StripControl(e.OrganizerEmail));
        }

        if (!string.IsNullOrWhiteSpace(e.AttendeeEmail))
        {
            var name = string.IsNullOrWhiteSpace(e.AttendeeName) ? "" : ";CN=" + ParameterValue(e.AttendeeName);
            var rsvp = method == CalendarMethod.Request ? ";ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=FALSE" : "";
            AppendLine(output, "ATTENDEE" + name + rsvp + ":mailto:" + StripControl(e.AttendeeEmail));
        }

        AppendLine(output, "TRANSP:" + (e.IsAllDay ? "TRANSPARENT" : "OPAQUE"));
        AppendLine(output, "END:VEVENT");
    }

    /// <summary>Escapes a TEXT value (RFC 5545 §3.3.11): backslash, semicolon, comma and line breaks.</summary>
    public static string EscapeText(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "";
        }

        var output = new StringBuilder(value.Length + 8);
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            switch (c)
            {
                case '\\':
                    output.Append(@"\\");
                    break;
                case ';':
                    output.Append(@"\;");
                    break;
                case ',':
                    output.Append(@"\,");
                    break;
                case '\r':
                    output.Append(@"\n");
                    if (i + 1 < value.Length && value[i + 1] == '\n')
                    {
                        i++;
                    }

                    break;
                case '\n':
                    output.Append(@"\n");
                    break;
                case '\t':
                    output.Append(c);
                    break;
                default:
                    // Other control characters are not allowed in TEXT; drop them.
                    if (!char.IsControl(c))
                    {
                        output.Append(c);
                    }

                    break;
            }
        }

        return output.ToString();
    }

    /// <summary>
    /// Folds one content line (without its CRLF) so no physical line exceeds 75 octets of UTF-8, continuation lines
    /// starting with a space (which counts toward the 75). A multi-byte character or surrogate pair is never split.
    /// </summary>
    public static string Fold(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        if (Encoding.UTF8.GetByteCount(line) <= MaxOctets)
        {
            return line;
        }

        var output = new StringBuilder(line.Length + (line.Length / 70 * 3));
        var octets = 0;
        foreach (var rune in line.EnumerateRunes())
        {
            var size = rune.Utf8SequenceLength;
            if (octets + size > MaxOctets)
            {
                output.Append(Crlf).Append(' ');
                octets = 1;
            }

            output.Append(rune.ToString());
            octets += size;
        }

        return output.ToString();
    }

    private static void AppendLine(StringBuilder output, string line) => output.Append(Fold(line)).Append(Crlf);

    private static string FormatUtc(DateTime value) =>
        DateTime.SpecifyKind(value, DateTimeKind.Utc).ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);

    private static (DateTime First, DateTime Last) LocalDates(CalendarEvent e)
    {
        var zone = !string.IsNullOrWhiteSpace(e.TimeZoneId) && TimeZoneInfo.TryFindSystemTimeZoneById(e.TimeZoneId, out var found)
            ? found
            : TimeZoneInfo.Utc;
        var first = TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(e.StartsAtUtc, DateTimeKind.Utc), zone).Date;
        var last = TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(e.EndsAtUtc, DateTimeKind.Utc), zone).Date;
        return (first, last < first ? first : last);
    }

    /// <summary>A parameter value (CN, LANGUAGE): quoted when it holds ':' ';' or ','; DQUOTE is not allowed inside.</summary>
    private static string ParameterValue(string value)
    {
        var clean = StripControl(value).Replace("\"", "'", StringComparison.Ordinal);
        return clean.IndexOfAny([':', ';', ',']) >= 0 ? "\"" + clean + "\"" : clean;
    }

    private static string StripControl(string value) => new([.. value.Where(c => !char.IsControl(c))]);
}
