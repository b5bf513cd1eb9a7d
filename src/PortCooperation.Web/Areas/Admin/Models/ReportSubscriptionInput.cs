using PortCooperation.Web.Domain;
using PortCooperation.Web.Services.Reports;

namespace PortCooperation.Web.Areas.Admin.Models;

/// <summary>The quarterly report subscription form on the report screen (POST): language and scope.</summary>
public sealed class ReportSubscriptionInput
{
    public string? Language { get; set; }

    /// <summary><see cref="ReportInput.All"/>, <see cref="ReportInput.RegionScope"/>, <see cref="ReportInput.StateScope"/>, <see cref="ReportInput.PartnerScope"/> or <see cref="ReportInput.ProgrammeScope"/>.</summary>
    public string? Scope { get; set; }

    public Region? Region { get; set; }

    /// <summary>ISO 3166-1 alpha-2 code of the member state.</summary>
    public string? State { get; set; }

    /// <summary>Id of the partner organisation (one that took part in an activity).</summary>
    public int? Partner { get; set; }

    public int? Programme { get; set; }

    /// <summary>The scope to subscribe to, or null when it names nothing on offer.</summary>
    public ReportScope? ResolveScope(ReportScopeChoices choices) => ReportQuery.ParseScope(Scope, Region, State, Partner, Programme, choices);
}

/// <summary>The signed-in staff member's subscription, as the report screen shows it.</summary>
public sealed record ReportSubscriptionView(string Language, string ScopeText);
