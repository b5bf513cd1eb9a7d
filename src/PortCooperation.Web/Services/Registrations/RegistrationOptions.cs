namespace PortCooperation.Web.Services.Registrations;

/// <summary>Settings of the <c>Registration</c> section (see README's configuration table).</summary>
public sealed class RegistrationOptions
{
    public const string SectionName = "Registration";

    /// <summary>Version of the privacy notice a registrant consents to; stored with each consent.</summary>
    public string PrivacyNoticeVersion { get; set; } = "2026-11";

    /// <summary>How long before an activity starts the reminder mail goes out.</summary>
    public TimeSpan ReminderLeadTime { get; set; } = TimeSpan.FromHours(24);

    /// <summary>Personal data of registrants is anonymised this many days after the activity ends.</summary>
    public int RetentionDays { get; set; } = 365;

    /// <summary>How many times a serialised registration transaction is retried when the database is busy.</summary>
    public int BusyRetries { get; set; } = 20;
}
