using System.ComponentModel.DataAnnotations;
using PortCooperation.Web.Domain;
using PortCooperation.Web.Services.Staff.Records;

namespace PortCooperation.Web.Areas.Admin.Models;

/// <summary>The country form: no Id (the route gives it), nothing but what staff may change.</summary>
public sealed class CountryInput : IRecordInput
{
    public long Version { get; set; }

    public string? Original { get; set; }

    [Required(ErrorMessage = "Admin_Validation_Required")]
    [RegularExpression("^[A-Za-z]{2}$", ErrorMessage = "StaffEnt_Validation_CountryCode")]
    [Display(Name = "StaffEnt_Country_Code")]
    public string? Code { get; set; }

    [Required(ErrorMessage = "Admin_Validation_Required")]
    [StringLength(200, ErrorMessage = "Admin_Validation_MaxLength")]
    [Display(Name = "StaffEnt_Country_NameEn")]
    public string? NameEn { get; set; }

    [Required(ErrorMessage = "Admin_Validation_Required")]
    [StringLength(200, ErrorMessage = "Admin_Validation_MaxLength")]
    [Display(Name = "StaffEnt_Country_NameEs")]
    public string? NameEs { get; set; }

    [Display(Name = "StaffEnt_Country_IsMemberState")]
    public bool IsMemberState { get; set; }

    [Required(ErrorMessage = "Admin_Validation_Required")]
    [Display(Name = "StaffEnt_Country_Region")]
    public Region? Region { get; set; }
}
