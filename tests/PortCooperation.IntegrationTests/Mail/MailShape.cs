using Ical.Net;
using MimeKit;
using PortCooperation.Web.Domain;

namespace PortCooperation.IntegrationTests.Mail;

/// <summary>
/// The MIME shape every portal mail must have: multipart/mixed holding multipart/alternative (exactly one text/plain,
/// then exactly one text/html), then the attachments; Message-ID and Date present; a calendar part, where there is
/// one, that Ical.Net reads with the activity's start, end and zone and the method the part's header announces.
/// </summary>
public static class MailShape
{
    public static void ShouldBeWellFormed(this ReceivedMail mail, Activity? activity = null, string? calendarMethod = null, int files = 0)
    {
        var message = mail.Message;
        message.MessageId.ShouldNotBeNullOrEmpty();
        message.Headers.Contains(HeaderId.Date).ShouldBeTrue();
        var texts = message.BodyParts.OfType<TextPart>().Where(p => !p.IsAttachment).ToList();
        texts.Count(p => p.IsPlain).ShouldBe(1, "exactly one text/plain part");
        texts.Count(p => p.IsHtml).ShouldBe(1, "exactly one text/html part");

        var root = message.Body as Multipart;
        var alternative = calendarMethod is null && files == 0 ? root : root?.OfType<Multipart>().SingleOrDefault();
        if (calendarMethod is not null || files > 0)
        {
            root.ShouldNotBeNull();
            root.ContentType.MimeType.ShouldBe("multipart/mixed");
            root[0].ShouldBeSameAs(alternative);
            root.Count.ShouldBe(1 + files + (calendarMethod is null ? 0 : 1));
        }

        alternative.ShouldNotBeNull();
        alternative.ContentType.MimeType.ShouldBe("multipart/alternative");
        alternative.Select(p => p.ContentType.MimeType).ShouldBe(["text/plain", "text/html"]);

        var calendars = mail.Attachments.Where(a => a.ContentType == "text/calendar").ToList();
        if (calendarMethod is null)
        {
            calendars.ShouldBeEmpty();
            return;
        }

        var ics = calendars.ShouldHaveSingleItem();
        ics.Type.Parameters["method"].ShouldBe(calendarMethod);
        ics.Type.Charset.ShouldBe("utf-8", StringCompareShould.IgnoreCase);
        var calendar = Calendar.Load(ics.Content)!;
        calendar.Method.ShouldBe(calendarMethod);
        var calendarEvent = calendar.Events.ShouldHaveSingleItem();
        if (activity is null)
        {
            return;
        }

        calendarEvent.Uid!.ShouldStartWith($"activity-{activity.Id}@portcooperation");
        if (!activity.IsAllDay)
        {
            calendarEvent.DtStart!.AsUtc.ShouldBe(DateTime.SpecifyKind(activity.StartsAtUtc, DateTimeKind.Utc));
            calendarEvent.DtEnd!.AsUtc.ShouldBe(DateTime.SpecifyKind(activity.EndsAtUtc, DateTimeKind.Utc));
            // Written in UTC, or in the activity's own zone: never in some third zone.
            var zone = calendarEvent.DtStart.TzId;
            (zone is null or "UTC" || zone == activity.TimeZoneId).ShouldBeTrue($"zone {zone}");
            calendarEvent.DtEnd.TzId.ShouldBe(zone);
        }

        calendarEvent.Status.ShouldBe(calendarMethod == "CANCEL" || activity.Status == ActivityStatus.Cancelled ? "CANCELLED" : "CONFIRMED");
    }
}
