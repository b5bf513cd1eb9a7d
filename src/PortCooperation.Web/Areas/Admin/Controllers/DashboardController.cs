using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using PortCooperation.Web.Areas.Admin.Models;
using PortCooperation.Web.Data;
using PortCooperation.Web.Domain;

namespace PortCooperation.Web.Areas.Admin.Controllers;

/// <summary>/Admin: what is waiting for the secretariat. The staff screens that act on it come later.</summary>
public sealed class DashboardController(PortalDbContext db) : AdminControllerBase
{
    [HttpGet]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        var model = new DashboardViewModel
        {
            DraftActivities = await db.Activities.CountAsync(a => a.PublicationState == PublicationState.Draft, cancellationToken),
            DraftDocuments = await db.Documents.CountAsync(d => d.PublicationState == PublicationState.Draft, cancellationToken),
            PendingRegistrations = await db.Registrations.CountAsync(r => r.Status == RegistrationStatus.Pending, cancellationToken),
            UndeliveredMails = await db.OutboxMessages.CountAsync(m => m.Status == OutboxStatus.DeadLetter, cancellationToken),
        };
        return View(model);
    }
}
