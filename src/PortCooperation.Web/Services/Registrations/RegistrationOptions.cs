namespace PortCooperation.Web.Services.Registrations;

/// <summary>Settings of the <c>Registration</c> section (see README's configuration table).</summary>
public sealed class RegistrationOptions
{
    public const string SectionName = "Registration";

    /// <summary>Version of the privacy notice a registrant consents to; stored with each consent.</summary>
    public string PrivacyNoticeVersion { get; set; } = "2026-11";

    /// <summary>Where registrants write to use their rights; named on the privacy notice.</summary>
    public string PrivacyContact { get; set; } = "privacy@portcooperation.local";

    /// <summary>
    /// Whether the domain of a registrant's address is looked up in the DNS (MX, else A/AAAA) and a domain that cannot
    /// receive mail refused on the form. Without a resolver or an answer the address is taken unchecked.
    /// </summary>
    public bool CheckMailDomains { get; set; } = true;

    /// <summary>How long before an activity starts the reminder mail goes out.</summary>
    public TimeSpan ReminderLeadTime { get; set; } = TimeSpan.FromHours(24);

    /// <summary>Personal data of registrants is anonymised this many days after the activity ends.</summary>
    public int RetentionDays { get; set; } = 365;

    /// <summary>How long after an activity ends its attendees get the after-event mail.</summary>
    public TimeSpan AfterEventDelay { get; set; } = TimeSpan.FromHours(2);

    /// <summary>Attendance marked later than this after the end no longer causes an after-event mail.</summary>
    public TimeSpan AfterEventWindow { get; set; } = TimeSpan.FromDays(30);

    /// <summary>How many times a serialised registration transaction is retried when the database is busy.</summary>
    public int BusyRetries { get; set; } = 20;
}
