using System.Text;
using PortCooperation.Web.Services.Calendar;

namespace PortCooperation.UnitTests.Calendar;

public class CalendarFileWriterTests
{
    private static readonly DateTime Stamp = new(2026, 11, 23, 8, 0, 0, DateTimeKind.Utc);

    private static CalendarEvent Event(string summary = "Webinar", string? description = null) => new()
    {
        Uid = CalendarEvent.UidForActivity(42),
        StartsAtUtc = new DateTime(2027, 3, 10, 15, 0, 0, DateTimeKind.Utc),
        EndsAtUtc = new DateTime(2027, 3, 10, 17, 0, 0, DateTimeKind.Utc),
        Sequence = 3,
        Summary = summary,
        Description = description,
        Url = "https://example.org/activities/webinar",
    };

    private static string[] Lines(string calendar)
    {
        calendar.ShouldEndWith("\r\n");
        // Every line break is CRLF: no bare LF or CR anywhere.
        calendar.Replace("\r\n", "", StringComparison.Ordinal).ShouldNotContain('\n');
        calendar.Replace("\r\n", "", StringComparison.Ordinal).ShouldNotContain('\r');
        return calendar[..^2].Split("\r\n");
    }

    private static string Unfold(string calendar) => calendar.Replace("\r\n ", "", StringComparison.Ordinal);

    [Theory]
    [InlineData(@"back\slash", @"back\\slash")]
    [InlineData("a;b,c", @"a\;b\,c")]
    [InlineData("one\ntwo", @"one\ntwo")]
    [InlineData("one\r\ntwo", @"one\ntwo")]
    [InlineData("one\rtwo", @"one\ntwo")]
    [InlineData("tab\tkept", "tab\tkept")]
    [InlineData("bell\u0007gone", "bellgone")]
    [InlineData(@"\;", @"\\\;")]
    [InlineData("", "")]
    public void EscapeText_EscapesSpecialCharacters(string input, string expected) =>
        CalendarFileWriter.EscapeText(input).ShouldBe(expected);

    [Fact]
    public void Fold_LeavesShortLinesAlone()
    {
        var line = "SUMMARY:" + new string('x', 67);
        Encoding.UTF8.GetByteCount(line).ShouldBe(75);
        CalendarFileWriter.Fold(line).ShouldBe(line);
    }

    [Fact]
    public void Fold_SplitsAt75Octets_ContinuationStartsWithSpace()
    {
        var line = "DESCRIPTION:" + new string('a', 200);
        var physical = CalendarFileWriter.Fold(line).Split("\r\n");

        physical.Length.ShouldBe(3);
        physical[0].Length.ShouldBe(75);
        physical[1].ShouldStartWith(" ");
        physical[1].Length.ShouldBe(75);
        physical.ShouldAllBe(p => Encoding.UTF8.GetByteCount(p) <= 75);
        string.Concat(physical.Select((p, i) => i == 0 ? p : p[1..])).ShouldBe(line);
    }

    [Theory]
    [InlineData("é")] // 2 octets
    [InlineData("€")] // 3 octets
    [InlineData("🚢")] // 4 octets, a surrogate pair in UTF-16
    public void Fold_NeverSplitsAMultiByteCharacter(string character)
    {
        // Offsets 0..4 put the character boundary at every position around the 75th octet.
        for (var offset = 0; offset < 5; offset++)
        {
            var line = "SUMMARY:" + new string('x', 60 + offset) + string.Concat(Enumerable.Repeat(character, 40));
            var folded = CalendarFileWriter.Fold(line);
            var physical = folded.Split("\r\n");

            physical.ShouldAllBe(p => Encoding.UTF8.GetByteCount(p) <= 75);
            // Each physical line is valid on its own: no lone surrogate, strict UTF-8 round trip.
            foreach (var p in physical)
            {
                new UTF8Encoding(false, true).GetString(Encoding.UTF8.GetBytes(p)).ShouldBe(p);
                p.EnumerateRunes().ShouldNotContain(Rune.ReplacementChar);
            }

            folded.Replace("\r\n ", "", StringComparison.Ordinal).ShouldBe(line);
        }
    }

    [Fact]
    public void WriteEvent_IsAValidSingleEventCalendar()
    {
        var text = CalendarFileWriter.WriteEvent(Event("Port security; risks, and \\ more", "Line one\nLine two"), Stamp);
        var lines = Lines(text);

        lines[0].ShouldBe("BEGIN:VCALENDAR");
        lines.ShouldContain("VERSION:2.0");
        lines.ShouldContain("METHOD:PUBLISH");
        lines.ShouldContain("UID:activity-42@portcooperation");
        lines.ShouldContain("DTSTAMP:20261123T080000Z");
        lines.ShouldContain("DTSTART:20270310T150000Z");
        lines.ShouldContain("DTEND:20270310T170000Z");
        lines.ShouldContain("SEQUENCE:3");
        lines.ShouldContain("STATUS:CONFIRMED");
        lines.ShouldContain(@"SUMMARY:Port security\; risks\, and \\ more");
        lines.ShouldContain(@"DESCRIPTION:Line one\nLine two");
        lines.ShouldContain("URL:https://example.org/activities/webinar");
        lines[^1].ShouldBe("END:VCALENDAR");
        lines.Count(l => l == "BEGIN:VEVENT").ShouldBe(1);
        lines.Count(l => l == "END:VEVENT").ShouldBe(1);
        lines.ShouldAllBe(l => Encoding.UTF8.GetByteCount(l) <= 75);
    }

    [Fact]
    public void CancelledEvent_HasStatusCancelled()
    {
        var lines = Lines(CalendarFileWriter.WriteEvent(Event() with { IsCancelled = true }, Stamp));
        lines.ShouldContain("STATUS:CANCELLED");
    }

    [Fact]
    public void CancelMethod_MarksTheEventCancelled_AndNamesOrganizerAndAttendee()
    {
        var e = Event() with { OrganizerEmail = "secretariat@example.org", OrganizerName = "Secretariat, CIP", AttendeeEmail = "ana@example.org" };
        var lines = Lines(Unfold(CalendarFileWriter.WriteEvent(e, Stamp, CalendarMethod.Cancel)));

        lines.ShouldContain("METHOD:CANCEL");
        lines.ShouldContain("STATUS:CANCELLED");
        lines.ShouldContain("ORGANIZER;CN=\"Secretariat, CIP\":mailto:secretariat@example.org");
        lines.ShouldContain("ATTENDEE:mailto:ana@example.org");
    }

    [Fact]
    public void RequestMethod_AsksNoRsvp()
    {
        var e = Event() with { OrganizerEmail = "secretariat@example.org", AttendeeEmail = "ana@example.org", AttendeeName = "Ana" };
        var lines = Lines(Unfold(CalendarFileWriter.WriteEvent(e, Stamp, CalendarMethod.Request)));

        lines.ShouldContain("METHOD:REQUEST");
        lines.ShouldContain("ATTENDEE;CN=Ana;ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=FALSE:mailto:ana@example.org");
    }

    [Fact]
    public void AllDayEvent_UsesLocalDates_WithExclusiveEnd()
    {
        // 1–3 June in Lima (UTC-5): stored as 05:00Z on the 1st to 04:59Z on the 4th.
        var e = Event() with
        {
            IsAllDay = true,
            TimeZoneId = "America/Lima",
            StartsAtUtc = new DateTime(2027, 6, 1, 5, 0, 0, DateTimeKind.Utc),
            EndsAtUtc = new DateTime(2027, 6, 4, 4, 59, 0, DateTimeKind.Utc),
        };
        var lines = Lines(CalendarFileWriter.WriteEvent(e, Stamp));

        lines.ShouldContain("DTSTART;VALUE=DATE:20270601");
        lines.ShouldContain("DTEND;VALUE=DATE:20270604");
    }

    [Fact]
    public void Feed_HoldsEveryEvent_WithItsName()
    {
        var events = Enumerable.Range(1, 3).Select(i => Event() with { Uid = CalendarEvent.UidForActivity(i), Summary = "Événement " + i });
        var text = CalendarFileWriter.Write(events, Stamp, calendarName: "Activities, CIP");
        var lines = Lines(text);

        lines.Count(l => l == "BEGIN:VEVENT").ShouldBe(3);
        lines.ShouldContain(@"X-WR-CALNAME:Activities\, CIP");
        lines.ShouldContain("UID:activity-3@portcooperation");
    }

    [Fact]
    public void LongSpanishDescription_IsFoldedAndUnfoldsBack()
    {
        var description = string.Concat(Enumerable.Repeat("Gestión portuaria, logística y señalización; ", 10));
        var text = CalendarFileWriter.WriteEvent(Event(description: description), Stamp);

        Lines(text).ShouldAllBe(l => Encoding.UTF8.GetByteCount(l) <= 75);
        Lines(Unfold(text)).ShouldContain("DESCRIPTION:" + CalendarFileWriter.EscapeText(description));
    }
}
