using System.Net;
using System.Text;
using Microsoft.Extensions.Options;
using PortCooperation.Web.Domain;
using PortCooperation.Web.Services.Content;

namespace PortCooperation.Web.Services.Mail;

/// <summary>
/// Writes the mails about a registration as outbox rows (added to the caller's context, so they are saved in the
/// same transaction as the change they report). Each mail is in the registrant's language, has a plain-text and an
/// HTML body with every piece of user data encoded, and carries the private self-service link.
/// </summary>
public sealed class RegistrationMailComposer(IOptions<MailOptions> options, TimeProvider clock, RegistrationCalendar calendar)
{
    private readonly MailOptions _options = options.Value;

    /// <summary>Adds the mail to <paramref name="db"/>'s outbox; <paramref name="discriminator"/> tells repeated mails of one kind apart.</summary>
    public OutboxMessage Compose(MailKind kind, Registration registration, Activity activity, string? discriminator = null, string? staffMessage = null)
    {
        var text = new MailText(registration.Language);
        var title = LocalizedText.Pick(activity.TitleEn, activity.TitleEs, text.Culture).Text;
        var schedule = ActivitySchedule.Create(activity.StartsAtUtc, activity.EndsAtUtc, activity.TimeZoneId, activity.IsAllDay, text.Culture);
        var manageUrl = $"{_options.PublicBaseUrl.TrimEnd('/')}/registrations/{registration.AccessToken}";
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

        var plain = new StringBuilder();
        plain.AppendLine(text.Format("RegistrationMail_Greeting", registration.FullName)).AppendLine();
        plain.AppendLine(lead).AppendLine();
        if (!string.IsNullOrWhiteSpace(staffMessage))
        {
            plain.AppendLine(text["RegistrationMail_StaffMessage"]).AppendLine(staffMessage).AppendLine();
        }

        plain.AppendLine(text.Format("RegistrationMail_When", schedule.WhenWithZone));
        if (where.Length > 0)
        {
            plain.AppendLine(text.Format("RegistrationMail_Where", where));
        }

        if (joinUrl is not null)
        {
            plain.AppendLine(text.Format("RegistrationMail_JoinLink", joinUrl));
        }

        plain.AppendLine().AppendLine(text["RegistrationMail_ManageLinkText"] + ": " + manageUrl);
        plain.AppendLine().AppendLine(text["RegistrationMail_Signature"]).AppendLine(text["RegistrationMail_Footer"]);

        var html = new StringBuilder();
        html.Append("<!DOCTYPE html><html lang=\"").Append(text.Culture.TwoLetterISOLanguageName).Append("\"><head><meta charset=\"utf-8\"><title>")
            .Append(E(subject)).Append("</title></head><body style=\"font-family:Arial,sans-serif;color:#1b1b1b;line-height:1.5\">");
        html.Append("<p>").Append(E(text.Format("RegistrationMail_Greeting", registration.FullName))).Append("</p>");
        html.Append("<p>").Append(E(lead)).Append("</p>");
        if (!string.IsNullOrWhiteSpace(staffMessage))
        {
            html.Append("<p><strong>").Append(E(text["RegistrationMail_StaffMessage"])).Append("</strong><br>").Append(E(staffMessage)).Append("</p>");
        }

        html.Append("<p>").Append(E(text.Format("RegistrationMail_When", schedule.WhenWithZone)));
        if (where.Length > 0)
        {
            html.Append("<br>").Append(E(text.Format("RegistrationMail_Where", where)));
        }

        html.Append("</p>");
        if (joinUrl is not null)
        {
            html.Append("<p><a href=\"").Append(E(joinUrl)).Append("\">").Append(E(text["RegistrationMail_JoinLinkText"])).Append("</a></p>");
        }

        html.Append("<p><a href=\"").Append(E(manageUrl)).Append("\">").Append(E(text["RegistrationMail_ManageLinkText"])).Append("</a></p>");
        html.Append("<p>").Append(E(text["RegistrationMail_Signature"])).Append("<br><small>").Append(E(text["RegistrationMail_Footer"])).Append("</small></p></body></html>");

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
            BodyText = plain.ToString(),
            BodyHtml = html.ToString(),
            CalendarAttachment = attachCalendar ? calendar.For(activity, registration, text, kind is MailKind.CancelledByRegistrant or MailKind.ActivityCancelled) : null,
            RegistrationId = registration.Id,
            Status = OutboxStatus.Pending,
        };
    }

    /// <summary>The outbox idempotency key of one mail: kind, registration and what tells repeated mails of that kind apart.</summary>
    public static string Key(MailKind kind, int registrationId, string discriminator) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{kind}:registration:{registrationId}:{discriminator}");

    private static string E(string value) => WebUtility.HtmlEncode(value);

    private static string Truncate(string value, int length) => value.Length <= length ? value : value[..length];
}
