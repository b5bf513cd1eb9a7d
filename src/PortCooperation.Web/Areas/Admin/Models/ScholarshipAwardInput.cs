using System.ComponentModel.DataAnnotations;
using PortCooperation.Web.Domain;
using PortCooperation.Web.Services.Staff.Records;

namespace PortCooperation.Web.Areas.Admin.Models;

/// <summary>The scholarship award form; the course is an activity on file or, failing that, a programme name.</summary>
public sealed class ScholarshipAwardInput : IRecordInput
{
    public long Version { get; set; }

    public string? Original { get; set; }

    [Required(ErrorMessage = "Admin_Validation_Required")]
    [StringLength(200, ErrorMessage = "Admin_Validation_MaxLength")]
    [Display(Name = "StaffEnt_Award_RecipientName")]
    public string? RecipientName { get; set; }

    [Display(Name = "StaffEnt_Award_Gender")]
    public Gender? Gender { get; set; }

    [Required(ErrorMessage = "Admin_Validation_Required")]
    [Display(Name = "StaffEnt_Award_CountryId")]
    public int? CountryId { get; set; }

    [Display(Name = "StaffEnt_Award_ActivityId")]
    public int? ActivityId { get; set; }

    [StringLength(300, ErrorMessage = "Admin_Validation_MaxLength")]
    [Display(Name = "StaffEnt_Award_ProgrammeName")]
    public string? ProgrammeName { get; set; }

    [Required(ErrorMessage = "Admin_Validation_Required")]
    [RegularExpression(@"^\s*\d{1,7}([.,]\d{1,2})?\s*$", ErrorMessage = "StaffEnt_Validation_Amount")]
    [Display(Name = "StaffEnt_Award_AmountUsd")]
    public string? AmountUsd { get; set; }

    /// <summary>The amount read the same way in every language ("1500.50" or "1500,50"; no thousands separators).</summary>
    public static decimal? ParseAmount(string? text) =>
        decimal.TryParse(text?.Trim().Replace(',', '.'), System.Globalization.NumberStyles.AllowDecimalPoint, System.Globalization.CultureInfo.InvariantCulture, out var amount)
            ? amount
            : null;

    [Required(ErrorMessage = "Admin_Validation_Required")]
    [Display(Name = "StaffEnt_Award_AwardedOn")]
    public DateOnly? AwardedOn { get; set; }
}
