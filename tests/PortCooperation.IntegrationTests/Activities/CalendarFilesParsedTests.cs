using System.Net;
using Ical.Net;
using PortCooperation.IntegrationTests.Web;
using PortCooperation.Web.Domain;
using static PortCooperation.IntegrationTests.Registrations.RegistrationTestKit;
using static PortCooperation.IntegrationTests.Web.WebTestData;
using IcalEvent = Ical.Net.CalendarComponents.CalendarEvent;

namespace PortCooperation.IntegrationTests.Activities;

/// <summary>
/// Every .ics the portal produces — the feed, an activity's download, a registration mail's attachment — read by an
/// independent iCalendar parser (Ical.Net), checking each event's UID, start, end, time zone handling, status and
/// sequence as a calendar client would see them.
/// </summary>
public sealed class CalendarFilesParsedTests
{
    private static readonly DateTime Now = WebFactory.DefaultNow.UtcDateTime;
    private static readonly DateTime TimedStart = new(2032, 3, 10, 15, 0, 0, DateTimeKind.Utc);

    // 15:00 UTC is midnight of the next day in Tokyo: an all-day event's dates are the activity's local dates.
    private static readonly DateTime AllDayStart = new(2032, 3, 10, 15, 0, 0, DateTimeKind.Utc);

    [Fact]
    public async Task FeedAndDownloads_ParseWithTheActivitiesTimesZonesStatusesSequencesAndUids()
    {
        using var factory = new WebFactory();
        var activities = Activities();
        await factory.AddAsync([.. activities.Values]);
        var client = factory.CreateClient();

        var feed = await LoadAsync(client, "/activities.ics");
        feed.Method.ShouldBe("PUBLISH");
        feed.Events.Count.ShouldBe(activities.Count);
        foreach (var (expected, activity) in activities)
        {
            ShouldDescribe(feed.Events.Single(e => e.Uid == Uid(activity)), activity, expected);

            var download = await LoadAsync(client, $"/activities/{activity.Slug}.ics");
            ShouldDescribe(download.Events.ShouldHaveSingleItem(), activity, expected);
        }
    }

    [Fact]
    public async Task RegistrationMailAttachment_ParsesAsARequestForTheActivity()
    {
        using var factory = new WebFactory(settings: Settings());
        var activity = OpenActivity(a => a.Slug = "mail-calendar");
        await factory.AddAsync(activity);
        var client = factory.CreateBrowserLikeClient();

        using (var posted = await client.PostRegistrationAsync(activity.Slug, Fields()))
        {
            posted.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        var attachment = (await factory.OutboxAsync()).ShouldHaveSingleItem().CalendarAttachment.ShouldNotBeNull();
        var calendar = Calendar.Load(attachment).ShouldNotBeNull();

        calendar.Method.ShouldBe("REQUEST");
        var parsed = calendar.Events.ShouldHaveSingleItem();
        ShouldDescribe(parsed, activity, "CONFIRMED");
        parsed.Organizer.ShouldNotBeNull();
        parsed.Attendees.ShouldHaveSingleItem().Value.ShouldNotBeNull().ToString().ShouldBe("mailto:ana.perez@example.org");
    }

    /// <summary>One activity per case, keyed by the STATUS a calendar client must see.</summary>
    private static Dictionary<string, Activity> Activities() => new()
    {
        ["CONFIRMED"] = NewActivity("Timed webinar", TimedStart, a => a.Slug = "timed-webinar"),
        ["CANCELLED"] = NewActivity("Cancelled seminar", TimedStart.AddDays(1), a => { a.Slug = "cancelled-seminar"; a.Status = ActivityStatus.Cancelled; }),
        // Postponed: the date shown is no longer certain.
        ["TENTATIVE"] = NewActivity("Postponed course", TimedStart.AddDays(2), a => { a.Slug = "postponed-course"; a.Status = ActivityStatus.Postponed; }),
        ["CONFIRMED all-day"] = NewActivity("All-day meeting in Tokyo", AllDayStart, a =>
        {
            a.Slug = "tokyo-meeting";
            a.IsAllDay = true;
            a.TimeZoneId = "Asia/Tokyo";
            a.EndsAtUtc = AllDayStart.AddDays(2).AddHours(-1); // 23:00 local on the 12th
        }),
    };

    private static void ShouldDescribe(IcalEvent parsed, Activity activity, string expected)
    {
        parsed.Uid.ShouldBe(Uid(activity));
        ((long)parsed.Sequence).ShouldBe(activity.Version);
        parsed.Status.ShouldBe(expected.Split(' ')[0]);
        if (activity.IsAllDay)
        {
            // Floating dates (no time, no zone): the 11th and 12th in Tokyo, DTEND exclusive.
            parsed.Start!.HasTime.ShouldBeFalse();
            parsed.Start.Date.ShouldBe(new DateOnly(2032, 3, 11));
            parsed.End!.HasTime.ShouldBeFalse();
            parsed.End.Date.ShouldBe(new DateOnly(2032, 3, 13));
        }
        else
        {
            // UTC times: the same instant in every client, whatever its own zone.
            parsed.Start!.IsUtc.ShouldBeTrue();
            parsed.Start.Value.ShouldBe(activity.StartsAtUtc);
            parsed.End!.IsUtc.ShouldBeTrue();
            parsed.End.Value.ShouldBe(activity.EndsAtUtc);
        }
    }

    private static string Uid(Activity activity) => $"activity-{activity.Id}@portcooperation";

    private static async Task<Calendar> LoadAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(url);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, url);
        return Calendar.Load(await response.Content.ReadAsStringAsync()).ShouldNotBeNull(url);
    }
}
