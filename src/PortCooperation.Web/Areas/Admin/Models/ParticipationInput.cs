using System.ComponentModel.DataAnnotations;
using System.Globalization;
using PortCooperation.Web.Services.Staff.Records;

namespace PortCooperation.Web.Areas.Admin.Models;

/// <summary>The entered participation of an activity held before the portal took registrations: totals and the countries that took part.</summary>
public sealed class ParticipationInput : IRecordInput
{
    public long Version { get; set; }

    public string? Original { get; set; }

    [Range(0, 1_000_000, ErrorMessage = "Admin_Validation_Range")]
    [Display(Name = "StaffRec_Participation_ReportedParticipants")]
    public int? ReportedParticipants { get; set; }

    [Range(0, 200, ErrorMessage = "Admin_Validation_Range")]
    [Display(Name = "StaffRec_Participation_ReportedMemberStates")]
    public int? ReportedMemberStates { get; set; }

    /// <summary>The participating countries as saved plus blank rows; a row with no country is ignored (that removes it).</summary>
    [Display(Name = "StaffRec_Participation_Countries")]
    public List<ParticipationCountryInput> Countries { get; set; } = [];
}

/// <summary>One participating country and, when known, how many of its officials took part.</summary>
public sealed class ParticipationCountryInput
{
    [Display(Name = "StaffRec_Participation_CountryId")]
    public int? CountryId { get; set; }

    [Range(0, 100_000, ErrorMessage = "Admin_Validation_Range")]
    [Display(Name = "StaffRec_Participation_Participants")]
    public int? Participants { get; set; }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{CountryId}:{Participants}");
}
