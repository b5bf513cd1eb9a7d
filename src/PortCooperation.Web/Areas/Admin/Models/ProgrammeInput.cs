using System.ComponentModel.DataAnnotations;
using System.Globalization;
using PortCooperation.Web.Services.Staff.Records;

namespace PortCooperation.Web.Areas.Admin.Models;

/// <summary>The programme form: names and descriptions in both languages, the lead organisation, and its phases edited in place.</summary>
public sealed class ProgrammeInput : IRecordInput
{
    public long Version { get; set; }

    public string? Original { get; set; }

    [Required(ErrorMessage = "Admin_Validation_Required")]
    [StringLength(300, ErrorMessage = "Admin_Validation_MaxLength")]
    [Display(Name = "StaffRec_Programme_NameEn")]
    public string? NameEn { get; set; }

    [StringLength(300, ErrorMessage = "Admin_Validation_MaxLength")]
    [Display(Name = "StaffRec_Programme_NameEs")]
    public string? NameEs { get; set; }

    [StringLength(4000, ErrorMessage = "Admin_Validation_MaxLength")]
    [Display(Name = "StaffRec_Programme_DescriptionEn")]
    public string? DescriptionEn { get; set; }

    [StringLength(4000, ErrorMessage = "Admin_Validation_MaxLength")]
    [Display(Name = "StaffRec_Programme_DescriptionEs")]
    public string? DescriptionEs { get; set; }

    [Display(Name = "StaffRec_Programme_LeadOrganisationId")]
    public int? LeadOrganisationId { get; set; }

    [StringLength(160, ErrorMessage = "Admin_Validation_MaxLength")]
    [RegularExpression("^[a-z0-9]+(-[a-z0-9]+)*$", ErrorMessage = "StaffEnt_Validation_Slug")]
    [Display(Name = "StaffRec_Programme_Slug")]
    public string? Slug { get; set; }

    /// <summary>The phases as saved plus blank rows for new ones; a blank row is ignored, a row marked Remove is deleted.</summary>
    [Display(Name = "StaffRec_Programme_Phases")]
    public List<PhaseInput> Phases { get; set; } = [];
}

/// <summary>One phase row of the programme form.</summary>
public sealed class PhaseInput
{
    public int? Id { get; set; }

    [Range(1, 99, ErrorMessage = "Admin_Validation_Range")]
    [Display(Name = "StaffRec_Phase_Sequence")]
    public int? Sequence { get; set; }

    [StringLength(40, ErrorMessage = "Admin_Validation_MaxLength")]
    [Display(Name = "StaffRec_Phase_Label")]
    public string? Label { get; set; }

    [Range(1950, 2100, ErrorMessage = "Admin_Validation_Range")]
    [Display(Name = "StaffRec_Phase_StartYear")]
    public int? StartYear { get; set; }

    [Range(1950, 2100, ErrorMessage = "Admin_Validation_Range")]
    [Display(Name = "StaffRec_Phase_EndYear")]
    public int? EndYear { get; set; }

    [StringLength(2000, ErrorMessage = "Admin_Validation_MaxLength")]
    [Display(Name = "StaffRec_Phase_DescriptionEn")]
    public string? DescriptionEn { get; set; }

    [StringLength(2000, ErrorMessage = "Admin_Validation_MaxLength")]
    [Display(Name = "StaffRec_Phase_DescriptionEs")]
    public string? DescriptionEs { get; set; }

    [Display(Name = "StaffRec_Phase_Remove")]
    public bool Remove { get; set; }

    /// <summary>A row the editor left empty (a new row with nothing typed).</summary>
    public bool IsBlank => Id is null && Sequence is null && string.IsNullOrWhiteSpace(Label) && StartYear is null && EndYear is null
        && string.IsNullOrWhiteSpace(DescriptionEn) && string.IsNullOrWhiteSpace(DescriptionEs);

    /// <summary>How a refused stale save lists a colleague's phases: "1 I–II (2019–2021)".</summary>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Sequence} {Label}") + (StartYear is null && EndYear is null ? "" : string.Create(CultureInfo.InvariantCulture, $" ({StartYear}–{EndYear})"));
}
