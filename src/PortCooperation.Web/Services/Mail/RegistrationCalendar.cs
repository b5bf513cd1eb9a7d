using Microsoft.Extensions.Options;
using PortCooperation.Web.Domain;
using PortCooperation.Web.Services.Calendar;

namespace PortCooperation.Web.Services.Mail;

/// <summary>
/// The .ics attachment of a registration mail, written by the site's one iCalendar writer (RFC 5545): a REQUEST
/// addressed to the registrant (same UID as the public download, SEQUENCE from the activity's version, so an updated
/// copy replaces the old one), or a CANCEL when the registration or the activity is cancelled.
/// </summary>
public sealed class RegistrationCalendar(IOptions<MailOptions> options, MailLinks links, TimeProvider clock)
{
    public string For(Activity activity, Registration registration, MailText text, bool cancelled)
    {
        var settings = options.Value;
        var calendarEvent = ActivityCalendarEvent.Create(activity, text.Culture, links.Activity(activity.Slug), text["RegistrationMail_Online"]) with
        {
            OrganizerEmail = settings.From,
            OrganizerName = settings.FromName,
            AttendeeEmail = registration.Email,
            AttendeeName = registration.FullName,
            IsCancelled = cancelled || activity.Status == ActivityStatus.Cancelled,
        };
        return CalendarFileWriter.WriteEvent(calendarEvent, clock.GetUtcNow().UtcDateTime, cancelled ? CalendarMethod.Cancel : CalendarMethod.Request);
    }

    /// <summary>
    /// The add-to-calendar download of the self-service page: the same event (UID, SEQUENCE) published rather than
    /// sent, with the join link of an online activity in its description, since only this registrant can fetch it.
    /// </summary>
    public string Download(Activity activity, MailText text)
    {
        var calendarEvent = ActivityCalendarEvent.Create(activity, text.Culture, links.Activity(activity.Slug), text["RegistrationMail_Online"]);
        if (activity.IsOnline && !string.IsNullOrWhiteSpace(activity.OnlineJoinUrl))
        {
            var join = text.Format("RegistrationMail_JoinLink", activity.OnlineJoinUrl);
            calendarEvent = calendarEvent with { Description = calendarEvent.Description is null ? join : join + "\n\n" + calendarEvent.Description };
        }

        return CalendarFileWriter.WriteEvent(calendarEvent, clock.GetUtcNow().UtcDateTime, CalendarMethod.Publish);
    }
}
