using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using PortCooperation.Web.Resources;
using PortCooperation.Web.Services.Mail;
using PortCooperation.Web.Services.Staff;

namespace PortCooperation.Web.Areas.Admin.Controllers;

/// <summary>/Admin/Outbox: every queued and sent mail with its delivery state, one mail's detail, and resend.</summary>
public sealed class OutboxController(OutboxAdminReader reader, OutboxDispatcher dispatcher, IStringLocalizer<SharedResource> text, TimeProvider clock) : AdminControllerBase
{
    [HttpGet]
    public async Task<IActionResult> Index(OutboxListFilter filter, CancellationToken cancellationToken) =>
        View(await reader.ReadAsync(filter, cancellationToken));

    /// <summary>
    /// The list as CSV with the list's filters. Neither bodies nor idempotency keys are exported (only the mail kind):
    /// bodies hold invitation, reset and cancellation links; any "token=" left in a subject or error is masked.
    /// </summary>
    [HttpGet]
    public async Task<IActionResult> Export(OutboxListFilter filter, CancellationToken cancellationToken)
    {
        var rows = await reader.ReadAllAsync(filter, cancellationToken);
        return CsvExport.File("outbox", clock.GetUtcNow(),
            ["Id", "To", "Subject", "Kind", "State", "Attempts", "QueuedAtUtc", "NextAttemptAtUtc", "SentAtUtc", "LastError"],
            rows.Select(r => new object?[]
            {
                r.Id, r.ToAddress, CsvExport.WithoutTokens(r.Subject), r.Kind, r.State, r.Attempts, r.CreatedAtUtc, r.NextAttemptAtUtc, r.SentAtUtc,
                r.LastError is null ? null : CsvExport.WithoutTokens(r.LastError),
            }));
    }

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
