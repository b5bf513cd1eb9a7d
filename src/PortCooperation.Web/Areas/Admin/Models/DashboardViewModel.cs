using PortCooperation.Web.Services.Audit;
using PortCooperation.Web.Services.Staff;

namespace PortCooperation.Web.Areas.Admin.Models;

public sealed class DashboardViewModel
{
    public required DashboardCounts Counts { get; init; }

    public IReadOnlyList<AuditRow> Recent { get; init; } = [];
}
