using System.ComponentModel.DataAnnotations;
using PortCooperation.Web.Domain;
using PortCooperation.Web.Services.Staff.Records;

namespace PortCooperation.Web.Areas.Admin.Models;

/// <summary>
/// The one input model of the activity form. It carries no Id, status or publication state: those come from
/// the route and from the status and publishing actions, so a posted "PublicationState=1" does nothing (S11); only a
/// new activity can be created as held and published in the same save (<see cref="AlreadyHeld"/>, <see cref="PublishAtOnce"/>).
/// <see cref="Version"/> is the version the editor started from; a save from an older version is refused (R6).
/// Dates are entered in the activity's own time zone and stored in UTC.
/// </summary>
public sealed class ActivityInput : IRecordInput
{
    public long Version { get; set; }

    /// <summary>Only when creating: the activity has already taken place, so it is created as held (a past activity in one save).</summary>
    [Display(Name = "Admin_Activity_AlreadyHeld")]
    public bool AlreadyHeld { get; set; }

    /// <summary>Only when creating: published at once instead of kept as a draft.</summary>
    [Display(Name = "Admin_Activity_PublishAtOnce")]
    public bool PublishAtOnce { get; set; }

    /// <summary>The values as the form was opened (JSON), so a refused stale save can say which fields others changed.</summary>
    public string? Original { get; set; }

    [Required(ErrorMessage = "Admin_Validation_Required")]
    [Display(Name = "Admin_Activity_Kind")]
    public ActivityKind? Kind { get; set; }

    [Required(ErrorMessage = "Admin_Validation_Required")]
    [StringLength(300, ErrorMessage = "Admin_Validation_MaxLength")]
    [Display(Name = "Admin_Activity_TitleEn")]
    public string? TitleEn { get; set; }

    [StringLength(300, ErrorMessage = "Admin_Validation_MaxLength")]
    [Display(Name = "Admin_Activity_TitleEs")]
    public string? TitleEs { get; set; }

    [StringLength(2000, ErrorMessage = "Admin_Validation_MaxLength")]
    [Display(Name = "Admin_Activity_SummaryEn")]
    public string? SummaryEn { get; set; }

    [StringLength(2000, ErrorMessage = "Admin_Validation_MaxLength")]
    [Display(Name = "Admin_Activity_SummaryEs")]
    public string? SummaryEs { get; set; }

    [Display(Name = "Admin_Activity_DescriptionEn")]
    public string? DescriptionEn { get; set; }

    [Display(Name = "Admin_Activity_DescriptionEs")]
    public string? DescriptionEs { get; set; }

    [Required(ErrorMessage = "Admin_Validation_Required")]
    [RegularExpression("^(en|es|pt|fr)$", ErrorMessage = "Admin_Validation_Invalid")]
    [Display(Name = "Admin_Activity_Language")]
    public string? Language { get; set; } = "en";

    [Required(ErrorMessage = "Admin_Validation_Required")]
    [Display(Name = "Admin_Activity_Starts")]
    public DateTime? Starts { get; set; }

    [Required(ErrorMessage = "Admin_Validation_Required")]
    [Display(Name = "Admin_Activity_Ends")]
    public DateTime? Ends { get; set; }

    [Display(Name = "Admin_Activity_IsAllDay")]
    public bool IsAllDay { get; set; }

    /// <summary>Empty: the host country's zone (required when there is no host country).</summary>
    [Display(Name = "Admin_Activity_TimeZone")]
    public string? TimeZoneId { get; set; }

    [Display(Name = "Admin_Activity_IsOnline")]
    public bool IsOnline { get; set; }

    [StringLength(200, ErrorMessage = "Admin_Validation_MaxLength")]
    [Display(Name = "Admin_Activity_Venue")]
    public string? Venue { get; set; }

    [StringLength(200, ErrorMessage = "Admin_Validation_MaxLength")]
    [Display(Name = "Admin_Activity_City")]
    public string? City { get; set; }

    [Display(Name = "Admin_Activity_HostCountry")]
    public int? HostCountryId { get; set; }

    [StringLength(1000, ErrorMessage = "Admin_Validation_MaxLength")]
    [Url(ErrorMessage = "Admin_Validation_Url")]
    [Display(Name = "Admin_Activity_JoinUrl")]
    public string? OnlineJoinUrl { get; set; }

    [Display(Name = "Admin_Activity_RegistrationEnabled")]
    public bool RegistrationEnabled { get; set; }

    [Display(Name = "Admin_Activity_RegistrationOpens")]
    public DateTime? RegistrationOpens { get; set; }

    [Display(Name = "Admin_Activity_RegistrationCloses")]
    public DateTime? RegistrationCloses { get; set; }

    [Range(1, 100000, ErrorMessage = "Admin_Validation_Range")]
    [Display(Name = "Admin_Activity_Capacity")]
    public int? Capacity { get; set; }

    [Display(Name = "Admin_Activity_WaitingList")]
    public bool WaitingListEnabled { get; set; }

    [Display(Name = "Admin_Activity_RequiresApproval")]
    public bool RequiresApproval { get; set; }

    [Range(0, 1000000, ErrorMessage = "Admin_Validation_Range")]
    [Display(Name = "Admin_Activity_ReportedParticipants")]
    public int? ReportedParticipants { get; set; }

    [Range(0, 200, ErrorMessage = "Admin_Validation_Range")]
    [Display(Name = "Admin_Activity_ReportedMemberStates")]
    public int? ReportedMemberStates { get; set; }

    public List<PartnerInput> Partners { get; set; } = [];
}

public sealed class PartnerInput
{
    [Display(Name = "Admin_Activity_PartnerOrganisation")]
    public int? OrganisationId { get; set; }

    [Display(Name = "Admin_Activity_PartnerRole")]
    public PartnerRole Role { get; set; } = PartnerRole.Partner;
}

/// <summary>The status actions' input: a reason (cancel, postpone) and new dates (postpone), in the activity's zone.</summary>
public sealed class ActivityStatusInput
{
    public long Version { get; set; }

    [StringLength(2000, ErrorMessage = "Admin_Validation_MaxLength")]
    [Display(Name = "Admin_Activity_ReasonEn")]
    public string? ReasonEn { get; set; }

    [StringLength(2000, ErrorMessage = "Admin_Validation_MaxLength")]
    [Display(Name = "Admin_Activity_ReasonEs")]
    public string? ReasonEs { get; set; }

    [Display(Name = "Admin_Activity_NewStarts")]
    public DateTime? NewStarts { get; set; }

    [Display(Name = "Admin_Activity_NewEnds")]
    public DateTime? NewEnds { get; set; }

    [Display(Name = "Admin_Activity_PublishAt")]
    public DateTime? PublishAt { get; set; }
}
