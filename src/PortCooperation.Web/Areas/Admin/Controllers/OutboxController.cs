using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using PortCooperation.Web.Resources;
using PortCooperation.Web.Services.Mail;
using PortCooperation.Web.Services.Staff;

namespace PortCooperation.Web.Areas.Admin.Controllers;

/// <summary>/Admin/Outbox: every queued and sent mail with its delivery state, one mail's detail, and resend.</summary>
public sealed class OutboxController(OutboxAdminReader reader, OutboxDispatcher dispatcher, IStringLocalizer<SharedResource> text) : AdminControllerBase
{
    [HttpGet]
    public async Task<IActionResult> Index(OutboxListFilter filter, CancellationToken cancellationToken) =>
        View(await reader.ReadAsync(filter, cancellationToken));

    [HttpGet]
    public async Task<IActionResult> Details(long id, CancellationToken cancellationToken) =>
        await reader.FindAsync(id, cancellationToken) is { } message ? View(message) : NotFound();

    /// <summary>Puts the mail back in the queue as new (the dispatcher's resend: attempts reset), unless it is being sent right now.</summary>
    [HttpPost]
    public async Task<IActionResult> Resend([FromRoute] long id, CancellationToken cancellationToken)
    {
        if (await reader.FindAsync(id, cancellationToken) is null)
        {
            return NotFound();
        }

        var queued = await dispatcher.ResendAsync(id, cancellationToken);
        TempData[queued ? "StaffMessage" : "StaffError"] = text[queued ? "RegStaff_Outbox_Requeued" : "RegStaff_Outbox_Busy"].Value;
        return RedirectToAction(nameof(Details), new { id });
    }
}
