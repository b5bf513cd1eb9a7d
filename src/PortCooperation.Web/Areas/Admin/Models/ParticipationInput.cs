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

    /// <summary>
    /// One row per country of the grid, posted with the country's id as its index (so a row's field name and its
    /// error stay with the country whatever the order); a row with no head count that did not take part is removed.
    /// </summary>
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

    /// <summary>The country took part but how many of its officials is not known (kept without a head count).</summary>
    public bool TookPart { get; set; }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{CountryId}:{Participants}");
}
