namespace PortCooperation.Web.Services.Mail;

/// <summary>The mails a registration can cause; the name is the first part of each outbox idempotency key.</summary>
public enum MailKind
{
    Confirmation,
    Pending,
    Waitlisted,
    Promoted,
    Approved,
    Rejected,
    CancelledByRegistrant,
    Reminder,
    ActivityChanged,
    ActivityCancelled,
    AfterEvent,
    Custom,

    // Someone sent the registration form again with the address of an existing registration: its link, by mail only.
    AlreadyRegistered,

    // Staff accounts: the first part of the key is the kind, then "account" and the user id.
    Invitation,
    PasswordReset,
}
