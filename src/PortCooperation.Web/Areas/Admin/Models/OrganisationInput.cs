using System.ComponentModel.DataAnnotations;
using PortCooperation.Web.Domain;
using PortCooperation.Web.Services.Staff.Records;

namespace PortCooperation.Web.Areas.Admin.Models;

/// <summary>The organisation (partner) form; the slug is made from the English name when left empty.</summary>
public sealed class OrganisationInput : IRecordInput
{
    public long Version { get; set; }

    public string? Original { get; set; }

    [Required(ErrorMessage = "Admin_Validation_Required")]
    [StringLength(200, ErrorMessage = "Admin_Validation_MaxLength")]
    [Display(Name = "StaffEnt_Organisation_NameEn")]
    public string? NameEn { get; set; }

    [StringLength(200, ErrorMessage = "Admin_Validation_MaxLength")]
    [Display(Name = "StaffEnt_Organisation_NameEs")]
    public string? NameEs { get; set; }

    [StringLength(2000, ErrorMessage = "Admin_Validation_MaxLength")]
    [Display(Name = "StaffEnt_Organisation_DescriptionEn")]
    public string? DescriptionEn { get; set; }

    [StringLength(2000, ErrorMessage = "Admin_Validation_MaxLength")]
    [Display(Name = "StaffEnt_Organisation_DescriptionEs")]
    public string? DescriptionEs { get; set; }

    [StringLength(40, ErrorMessage = "Admin_Validation_MaxLength")]
    [Display(Name = "StaffEnt_Organisation_Acronym")]
    public string? Acronym { get; set; }

    [Required(ErrorMessage = "Admin_Validation_Required")]
    [Display(Name = "StaffEnt_Organisation_Type")]
    public OrganisationType? Type { get; set; }

    [Display(Name = "StaffEnt_Organisation_CountryId")]
    public int? CountryId { get; set; }

    [StringLength(1000, ErrorMessage = "Admin_Validation_MaxLength")]
    [Url(ErrorMessage = "Admin_Validation_Url")]
    [Display(Name = "StaffEnt_Organisation_WebsiteUrl")]
    public string? WebsiteUrl { get; set; }

    [StringLength(160, ErrorMessage = "Admin_Validation_MaxLength")]
    [RegularExpression("^[a-z0-9]+(-[a-z0-9]+)*$", ErrorMessage = "StaffEnt_Validation_Slug")]
    [Display(Name = "StaffEnt_Organisation_Slug")]
    public string? Slug { get; set; }
}
