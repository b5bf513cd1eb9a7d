using PortCooperation.Web.Domain;
using PortCooperation.Web.Services.Content;

namespace PortCooperation.Web.Services.Mail;

/// <summary>
/// Writes the mails about a registration as outbox rows (added to the caller's context, so they are saved in the
/// same transaction as the change they report). Each mail is in the registrant's language, has a plain-text and an
/// HTML body with every piece of user data encoded, and carries the private self-service link.
/// </summary>
public sealed class RegistrationMailComposer(MailLinks links, TimeProvider clock, RegistrationCalendar calendar)
{
    /// <summary>Adds the mail to <paramref name="db"/>'s outbox; <paramref name="discriminator"/> tells repeated mails of one kind apart.</summary>
    public OutboxMessage Compose(MailKind kind, Registration registration, Activity activity, string? discriminator = null, string? staffMessage = null)
    {
        var text = new MailText(registration.Language);
        var title = LocalizedText.Pick(activity.TitleEn, activity.TitleEs, text.Culture).Text;
        var schedule = ActivitySchedule.Create(activity.StartsAtUtc, activity.EndsAtUtc, activity.TimeZoneId, activity.IsAllDay, text.Culture);
        var manageUrl = links.Registration(registration.AccessToken);
        var subject = text.Format($"RegistrationMail_{kind}_Subject", title);
        var lead = text.Format($"RegistrationMail_{kind}_Body", title);
        var holdsPlace = registration.Status == RegistrationStatus.Confirmed;
        var joinUrl = holdsPlace && activity.IsOnline && !string.IsNullOrWhiteSpace(activity.OnlineJoinUrl)
            && kind is MailKind.Confirmation or MailKind.Promoted or MailKind.Approved or MailKind.Reminder or MailKind.ActivityChanged
            ? activity.OnlineJoinUrl
            : null;
        var where = activity.IsOnline
            ? text["RegistrationMail_Online"]
            : string.Join(", ", new[] { activity.Venue, activity.City }.Where(s => !string.IsNullOrWhiteSpace(s)));

        var mail = new MailLayout(text)
            .Paragraph(text.Format("RegistrationMail_Greeting", registration.FullName))
            .Paragraph(lead);
        if (!string.IsNullOrWhiteSpace(staffMessage))
        {
            mail.Labelled(text["RegistrationMail_StaffMessage"], staffMessage);
        }

        mail.Paragraph(text.Format("RegistrationMail_When", schedule.WhenWithZone), where.Length > 0 ? text.Format("RegistrationMail_Where", where) : null);
        if (joinUrl is not null)
        {
            mail.Link(text["RegistrationMail_JoinLinkText"], joinUrl);
        }

        var (plain, html) = mail
            .Link(text["RegistrationMail_ManageLinkText"], manageUrl)
            .Paragraph(text["RegistrationMail_Signature"])
            .Render(subject, text["RegistrationMail_Footer"]);

        var attachCalendar = kind is MailKind.Confirmation or MailKind.Promoted or MailKind.Approved or MailKind.Reminder or MailKind.ActivityCancelled
            or MailKind.CancelledByRegistrant
            // Someone on the waiting list holds no place yet: the change notice tells them, but adds nothing to their calendar.
            || (kind == MailKind.ActivityChanged && registration.Status != RegistrationStatus.Waitlisted);
        return new OutboxMessage
        {
            IdempotencyKey = Key(kind, registration.Id, discriminator ?? registration.Version.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            CreatedAtUtc = clock.GetUtcNow().UtcDateTime,
            NextAttemptAtUtc = clock.GetUtcNow().UtcDateTime,
            ToAddress = registration.Email,
            ToName = registration.FullName,
            Subject = Truncate(subject, 400),
            BodyText = plain,
            BodyHtml = html,
            CalendarAttachment = attachCalendar ? calendar.For(activity, registration, text, kind is MailKind.CancelledByRegistrant or MailKind.ActivityCancelled) : null,
            RegistrationId = registration.Id,
            Status = OutboxStatus.Pending,
        };
    }

    /// <summary>The outbox idempotency key of one mail: kind, registration and what tells repeated mails of that kind apart.</summary>
    public static string Key(MailKind kind, int registrationId, string discriminator) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{kind}:registration:{registrationId}:{discriminator}");

    private static string Truncate(string value, int length) => value.Length <= length ? value : value[..length];
}
