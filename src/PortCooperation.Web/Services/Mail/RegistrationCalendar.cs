using PortCooperation.Web.Domain;

namespace PortCooperation.Web.Services.Mail;

/// <summary>
/// The .ics attachment of a registration mail. The iCalendar writer (RFC 5545) is built by the public-activities
/// work (Services/Calendar/ICalendarWriter); until it is merged, mails go out without the attachment.
/// </summary>
public sealed class RegistrationCalendar
{
    public string? For(Activity activity, Registration registration, MailText text, bool cancelled)
    {
        _ = (activity, registration, text, cancelled);
        return null;
    }
}
