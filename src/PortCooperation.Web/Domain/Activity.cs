namespace PortCooperation.Web.Domain;

/// <summary>
/// A meeting, conference, seminar, forum, webinar, course or diploma.
/// Times are stored in UTC and shown in <see cref="TimeZoneId"/> (IANA) and the visitor's zone.
/// </summary>
public class Activity : EditableEntity, IScheduledPublication
{
    public string Slug { get; set; } = "";

    public ActivityKind Kind { get; set; }

    public string TitleEn { get; set; } = "";

    public string? TitleEs { get; set; }

    public string? SummaryEn { get; set; }

    public string? SummaryEs { get; set; }

    public string? DescriptionEn { get; set; }

    public string? DescriptionEs { get; set; }

    /// <summary>Language the activity is delivered in (ISO 639-1, e.g. "es").</summary>
    public string Language { get; set; } = "en";

    public DateTime StartsAtUtc { get; set; }

    public DateTime EndsAtUtc { get; set; }

    /// <summary>True when only dates are known (courses running for weeks, historical events).</summary>
    public bool IsAllDay { get; set; }

    public string TimeZoneId { get; set; } = "America/New_York";

    public bool IsOnline { get; set; }

    public string? Venue { get; set; }

    public string? City { get; set; }

    public int? HostCountryId { get; set; }

    public Country? HostCountry { get; set; }

    /// <summary>Join link for online activities; sent to confirmed registrants only, never shown publicly.</summary>
    public string? OnlineJoinUrl { get; set; }

    public ActivityStatus Status { get; set; } = ActivityStatus.Planned;

    /// <summary>For a postponed activity: the dates it was first planned for.</summary>
    public DateTime? OriginalStartsAtUtc { get; set; }

    public DateTime? OriginalEndsAtUtc { get; set; }

    /// <summary>Why it was cancelled or postponed.</summary>
    public string? StatusReasonEn { get; set; }

    public string? StatusReasonEs { get; set; }

    public PublicationState PublicationState { get; set; }

    /// <summary>When set and in the future, the record goes public at that moment (scheduled publishing).</summary>
    public DateTime? PublishAtUtc { get; set; }

    public DateTime? PublishedAtUtc { get; set; }

    public bool RegistrationEnabled { get; set; }

    public DateTime? RegistrationOpensAtUtc { get; set; }

    public DateTime? RegistrationClosesAtUtc { get; set; }

    public int? Capacity { get; set; }

    public bool WaitingListEnabled { get; set; }

    public bool RequiresApproval { get; set; }

    /// <summary>Entered totals for historical activities that have no registrations in the portal.</summary>
    public int? ReportedParticipants { get; set; }

    public int? ReportedMemberStates { get; set; }

    public bool IsDemo { get; set; }

    public ICollection<ActivityPartner> Partners { get; } = [];

    public ICollection<ActivityCountry> ParticipatingCountries { get; } = [];

    public ICollection<Registration> Registrations { get; } = [];

    public ICollection<Attachment> Attachments { get; } = [];
}

/// <summary>An organisation an activity was done with.</summary>
public class ActivityPartner
{
    public int ActivityId { get; set; }

    public Activity? Activity { get; set; }

    public int OrganisationId { get; set; }

    public Organisation? Organisation { get; set; }

    public PartnerRole Role { get; set; } = PartnerRole.Partner;

    public int SortOrder { get; set; }
}

/// <summary>A country whose officials took part, entered for historical activities (optionally with a head count).</summary>
public class ActivityCountry
{
    public int ActivityId { get; set; }

    public Activity? Activity { get; set; }

    public int CountryId { get; set; }

    public Country? Country { get; set; }

    public int? Participants { get; set; }
}
