using Ical.Net;
using PortCooperation.Web.Domain;
using PortCooperation.Web.Services.Calendar;

namespace PortCooperation.UnitTests.Calendar;

/// <summary>
/// The writer's output read back by an independent parser (Ical.Net): what a calendar client makes of each event's
/// UID, times, status and sequence, including the awkward cases (all-day dates in the activity's zone, a
/// postponed or cancelled activity, a CANCEL mail, text that needs escaping and folding).
/// </summary>
public class ICalendarParsedTests
{
    private static readonly DateTime Stamp = new(2026, 11, 23, 8, 0, 0, DateTimeKind.Utc);

    private static Activity Activity(ActivityStatus status = ActivityStatus.Planned, Action<Activity>? change = null)
    {
        var activity = new Activity
        {
            Id = 42,
            Slug = "webinar",
            TitleEn = "Port security; risks, and \\ more — a title long enough to be folded over more than one line",
            TitleEs = "Seguridad portuaria",
            StartsAtUtc = new DateTime(2027, 3, 10, 15, 0, 0, DateTimeKind.Utc),
            EndsAtUtc = new DateTime(2027, 3, 10, 17, 30, 0, DateTimeKind.Utc),
            TimeZoneId = "America/Lima",
            IsOnline = true,
            Status = status,
            Version = 7,
        };
        change?.Invoke(activity);
        return activity;
    }

    private static Ical.Net.CalendarComponents.CalendarEvent ParseSingle(string text, string method)
    {
        var calendar = Ical.Net.Calendar.Load(text).ShouldNotBeNull();
        calendar.Method.ShouldBe(method);
        return calendar.Events.ShouldHaveSingleItem();
    }

    private static CalendarEvent EventOf(Activity activity) =>
        ActivityCalendarEvent.Create(activity, System.Globalization.CultureInfo.GetCultureInfo("en"), "https://example.org/activities/webinar", "Online");

    [Fact]
    public void TimedActivity_ParsesWithUtcTimesUidSequenceAndConfirmedStatus()
    {
        var parsed = ParseSingle(CalendarFileWriter.WriteEvent(EventOf(Activity()), Stamp), "PUBLISH");

        parsed.Uid.ShouldBe("activity-42@portcooperation");
        parsed.Sequence.ShouldBe(7);
        parsed.Status.ShouldBe("CONFIRMED");
        parsed.Start!.IsUtc.ShouldBeTrue();
        parsed.Start.Value.ShouldBe(new DateTime(2027, 3, 10, 15, 0, 0, DateTimeKind.Utc));
        parsed.End!.IsUtc.ShouldBeTrue();
        parsed.End.Value.ShouldBe(new DateTime(2027, 3, 10, 17, 30, 0, DateTimeKind.Utc));
        parsed.Summary.ShouldBe("Port security; risks, and \\ more — a title long enough to be folded over more than one line");
    }

    [Fact]
    public void AllDayActivity_ParsesAsTheLocalDatesOfItsZone_EndExclusive()
    {
        // 20:00 UTC on the 9th is already the 10th in Auckland (UTC+13 in March); 10:00 UTC on the 11th is 23:00 there.
        var activity = Activity(change: a =>
        {
            a.IsAllDay = true;
            a.TimeZoneId = "Pacific/Auckland";
            a.StartsAtUtc = new DateTime(2027, 3, 9, 20, 0, 0, DateTimeKind.Utc);
            a.EndsAtUtc = new DateTime(2027, 3, 11, 10, 0, 0, DateTimeKind.Utc);
        });

        var parsed = ParseSingle(CalendarFileWriter.WriteEvent(EventOf(activity), Stamp), "PUBLISH");

        parsed.Start!.HasTime.ShouldBeFalse();
        parsed.Start.Date.ShouldBe(new DateOnly(2027, 3, 10));
        parsed.End!.HasTime.ShouldBeFalse();
        parsed.End.Date.ShouldBe(new DateOnly(2027, 3, 12));
    }

    [Theory]
    [InlineData(ActivityStatus.Planned, "CONFIRMED")]
    [InlineData(ActivityStatus.Held, "CONFIRMED")]
    [InlineData(ActivityStatus.Cancelled, "CANCELLED")]
    // Postponed: the date written is no longer certain, so clients must not show it as confirmed.
    [InlineData(ActivityStatus.Postponed, "TENTATIVE")]
    public void ActivityStatus_IsTheEventsStatus(ActivityStatus status, string expected) =>
        ParseSingle(CalendarFileWriter.WriteEvent(EventOf(Activity(status)), Stamp), "PUBLISH").Status.ShouldBe(expected);

    [Fact]
    public void CancelMail_ParsesAsACancelledEventWithTheSameUidAndSequence()
    {
        var mail = EventOf(Activity()) with { OrganizerEmail = "secretariat@example.org", AttendeeEmail = "ana@example.org", AttendeeName = "Ana Pérez" };

        var parsed = ParseSingle(CalendarFileWriter.WriteEvent(mail, Stamp, CalendarMethod.Cancel), "CANCEL");

        parsed.Uid.ShouldBe("activity-42@portcooperation");
        parsed.Sequence.ShouldBe(7);
        parsed.Status.ShouldBe("CANCELLED");
        parsed.Attendees.ShouldHaveSingleItem().CommonName.ShouldBe("Ana Pérez");
    }

    [Fact]
    public void Feed_ParsesEveryEvent()
    {
        var events = new[] { Activity(), Activity(ActivityStatus.Cancelled, a => a.Id = 43), Activity(ActivityStatus.Postponed, a => a.Id = 44) }.Select(EventOf);

        var calendar = Ical.Net.Calendar.Load(CalendarFileWriter.Write(events, Stamp, CalendarMethod.Publish, "Activities, Port Cooperation")).ShouldNotBeNull();

        calendar.Events.Select(e => (e.Uid, e.Status)).ShouldBe(
        [
            ("activity-42@portcooperation", "CONFIRMED"),
            ("activity-43@portcooperation", "CANCELLED"),
            ("activity-44@portcooperation", "TENTATIVE"),
        ]);
    }
}
