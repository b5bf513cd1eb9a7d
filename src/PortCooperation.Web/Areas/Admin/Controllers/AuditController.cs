using Microsoft.AspNetCore.Mvc;
using PortCooperation.Web.Areas.Admin.Models;
using PortCooperation.Web.Services.Audit;
using PortCooperation.Web.Services.Staff;

namespace PortCooperation.Web.Areas.Admin.Controllers;

/// <summary>/Admin/Audit: the append-only log of changes, to browse and filter. There is no edit or delete.</summary>
public sealed class AuditController(AuditLogReader reader, TimeProvider clock) : AdminControllerBase
{
    [HttpGet]
    public async Task<IActionResult> Index(AuditFilter filter, CancellationToken cancellationToken) =>
        View(new AuditPageModel
        {
            Filter = filter,
            Rows = await reader.ReadAsync(filter, cancellationToken),
            Users = await reader.UserNamesAsync(cancellationToken),
            EntityTypes = reader.EntityTypes(),
        });

    [HttpGet]
    public async Task<IActionResult> Export(AuditFilter filter, CancellationToken cancellationToken)
    {
        var rows = await reader.ReadAllAsync(filter, cancellationToken);
        return CsvExport.File("audit", clock.GetUtcNow(),
            ["OccurredAtUtc", "User", "Action", "EntityType", "EntityId", "Changes"],
            rows.Select(r => new object?[] { r.OccurredAtUtc, r.UserName, r.Action, r.EntityType, r.EntityId, r.Changes }));
    }
}
