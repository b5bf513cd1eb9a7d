using System.ComponentModel.DataAnnotations;
using PortCooperation.Web.Services.Staff.Records;

namespace PortCooperation.Web.Areas.Admin.Models;

/// <summary>The port system form: name, country, UN/LOCODE, address name, and the programme phase(s) in which it joined.</summary>
public sealed class PortSystemInput : IRecordInput
{
    public long Version { get; set; }

    public string? Original { get; set; }

    [Required(ErrorMessage = "Admin_Validation_Required")]
    [StringLength(200, ErrorMessage = "Admin_Validation_MaxLength")]
    [Display(Name = "StaffRec_PortSystem_Name")]
    public string? Name { get; set; }

    [Required(ErrorMessage = "Admin_Validation_Required")]
    [Display(Name = "StaffRec_PortSystem_CountryId")]
    public int? CountryId { get; set; }

    [RegularExpression("^\\s*[A-Za-z]{2}[A-Za-z2-9]{3}\\s*$", ErrorMessage = "StaffRec_Validation_UnLocode")]
    [Display(Name = "StaffRec_PortSystem_UnLocode")]
    public string? UnLocode { get; set; }

    [StringLength(160, ErrorMessage = "Admin_Validation_MaxLength")]
    [RegularExpression("^[a-z0-9]+(-[a-z0-9]+)*$", ErrorMessage = "StaffEnt_Validation_Slug")]
    [Display(Name = "StaffRec_PortSystem_Slug")]
    public string? Slug { get; set; }

    /// <summary>The phase of each programme the system joined in (at most one per programme).</summary>
    [Display(Name = "StaffRec_PortSystem_PhaseIds")]
    public List<int> PhaseIds { get; set; } = [];
}
