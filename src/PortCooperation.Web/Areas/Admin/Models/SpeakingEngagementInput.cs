using System.ComponentModel.DataAnnotations;
using PortCooperation.Web.Services.Staff.Records;

namespace PortCooperation.Web.Areas.Admin.Models;

/// <summary>The speaking engagement form: title and notes in both languages, organiser (on file or by name), date, speaker, audience.</summary>
public sealed class SpeakingEngagementInput : IRecordInput
{
    public long Version { get; set; }

    public string? Original { get; set; }

    [Required(ErrorMessage = "Admin_Validation_Required")]
    [StringLength(300, ErrorMessage = "Admin_Validation_MaxLength")]
    [Display(Name = "StaffRec_Engagement_TitleEn")]
    public string? TitleEn { get; set; }

    [StringLength(300, ErrorMessage = "Admin_Validation_MaxLength")]
    [Display(Name = "StaffRec_Engagement_TitleEs")]
    public string? TitleEs { get; set; }

    [StringLength(2000, ErrorMessage = "Admin_Validation_MaxLength")]
    [Display(Name = "StaffRec_Engagement_NotesEn")]
    public string? NotesEn { get; set; }

    [StringLength(2000, ErrorMessage = "Admin_Validation_MaxLength")]
    [Display(Name = "StaffRec_Engagement_NotesEs")]
    public string? NotesEs { get; set; }

    [Required(ErrorMessage = "Admin_Validation_Required")]
    [Display(Name = "StaffRec_Engagement_Date")]
    public DateOnly? Date { get; set; }

    [Display(Name = "StaffRec_Engagement_OrganiserId")]
    public int? OrganiserId { get; set; }

    [StringLength(200, ErrorMessage = "Admin_Validation_MaxLength")]
    [Display(Name = "StaffRec_Engagement_OrganiserName")]
    public string? OrganiserName { get; set; }

    [StringLength(200, ErrorMessage = "Admin_Validation_MaxLength")]
    [Display(Name = "StaffRec_Engagement_Speaker")]
    public string? Speaker { get; set; }

    [Display(Name = "StaffRec_Engagement_IsOnline")]
    public bool IsOnline { get; set; }

    [Range(0, 1_000_000, ErrorMessage = "Admin_Validation_Range")]
    [Display(Name = "StaffRec_Engagement_AudienceSize")]
    public int? AudienceSize { get; set; }

    [Range(0, 250, ErrorMessage = "Admin_Validation_Range")]
    [Display(Name = "StaffRec_Engagement_AudienceCountryCount")]
    public int? AudienceCountryCount { get; set; }

    /// <summary>The countries in the audience, when known one by one.</summary>
    [Display(Name = "StaffRec_Engagement_CountryIds")]
    public List<int> CountryIds { get; set; } = [];
}
