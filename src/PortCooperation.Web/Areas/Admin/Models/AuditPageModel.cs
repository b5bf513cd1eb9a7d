using PortCooperation.Web.Services.Audit;
using PortCooperation.Web.Services.Staff;

namespace PortCooperation.Web.Areas.Admin.Models;

public sealed class AuditPageModel
{
    public required AuditFilter Filter { get; init; }

    public required Paged<AuditRow> Rows { get; init; }

    public required IReadOnlyList<string> Users { get; init; }

    public required IReadOnlyList<string> EntityTypes { get; init; }
}
