using PortCooperation.Web.Services.Audit;
using PortCooperation.Web.Services.Staff;

namespace PortCooperation.Web.Areas.Admin.Models;

public sealed class DashboardViewModel
{
    public required DashboardCounts Counts { get; init; }

    public IReadOnlyList<AuditRow> Recent { get; init; } = [];

    /// <summary>Activities the executive report cannot count as they stand (past but still planned, held without participation).</summary>
    public IReadOnlyList<Services.Reports.ReportWarning> ReportWarnings { get; init; } = [];
}
