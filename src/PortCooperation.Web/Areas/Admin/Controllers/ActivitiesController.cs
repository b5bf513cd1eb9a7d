using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using PortCooperation.Web.Areas.Admin.Models;
using PortCooperation.Web.Domain;
using PortCooperation.Web.Resources;
using PortCooperation.Web.Services.Staff;

namespace PortCooperation.Web.Areas.Admin.Controllers;

/// <summary>
/// /Admin/Activities: the list (search, filters, sorting, paging, CSV), the create/edit form with both languages
/// side by side, and the status and publishing actions. Every change is a POST carrying the version it was made from.
/// </summary>
public sealed class ActivitiesController(ActivityAdminReader reader, ActivityEditor editor, TimeProvider clock, IStringLocalizer<SharedResource> text)
    : AdminControllerBase
{
    private const string MessageKey = "StaffMessage";
    private const string ErrorKey = "StaffError";

    [HttpGet]
    public async Task<IActionResult> Index(ActivityListFilter filter, CancellationToken cancellationToken) =>
        View(new ActivityListPage { Filter = filter, Rows = await reader.ReadAsync(filter, cancellationToken), Now = clock.GetUtcNow().UtcDateTime });

    [HttpGet]
    public async Task<IActionResult> Export(ActivityListFilter filter, CancellationToken cancellationToken)
    {
        var rows = await reader.ReadAllAsync(filter, cancellationToken);
        return CsvExport.File("activities", clock.GetUtcNow(),
            ["Id", "TitleEn", "TitleEs", "Kind", "Status", "Publication", "PublishAtUtc", "StartsAtUtc", "TimeZone", "Online", "City", "Partners", "Registrations", "UpdatedAtUtc"],
            rows.Select(r => new object?[]
            {
                r.Id, r.TitleEn, r.TitleEs, r.Kind, r.Status, r.PublicationState, r.PublishAtUtc, r.StartsAtUtc, r.TimeZoneId, r.IsOnline, r.City,
                r.Partners, r.Registrations, r.UpdatedAt,
            }));
    }

    [HttpGet]
    public async Task<IActionResult> Create(CancellationToken cancellationToken) => View("Edit", await editor.NewPageAsync(cancellationToken));

    [HttpPost]
    public async Task<IActionResult> Create(ActivityInput input, CancellationToken cancellationToken)
    {
        var result = await ModelState.CheckedAsync(errors => editor.SaveAsync(null, input, errors, cancellationToken));
        return await this.AfterCreateAsync(result, text["Admin_Activity_Created"].Value, async () => await editor.RedisplayAsync(null, input, result, cancellationToken));
    }

    [HttpGet]
    public async Task<IActionResult> Edit(int id, CancellationToken cancellationToken) =>
        await editor.EditPageAsync(id, cancellationToken) is { } page ? View(page) : NotFound();

    [HttpPost]
    public async Task<IActionResult> Edit([FromRoute] int id, ActivityInput input, CancellationToken cancellationToken)
    {
        var result = await ModelState.CheckedAsync(errors => editor.SaveAsync(id, input, errors, cancellationToken));
        return await this.AfterEditAsync(id, result, text["Admin_Activity_Saved"].Value, async () => await editor.RedisplayAsync(id, input, result, cancellationToken));
    }

    [HttpPost]
    public Task<IActionResult> MarkHeld([FromRoute] int id, ActivityStatusInput input, CancellationToken cancellationToken) =>
        ChangeAsync(id, input.Version, "Admin_Activity_MarkedHeld", a =>
        {
            a.Status = ActivityStatus.Held;
            return true;
        }, cancellationToken);

    [HttpPost]
    public Task<IActionResult> Cancel([FromRoute] int id, ActivityStatusInput input, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(input.ReasonEn) && string.IsNullOrWhiteSpace(input.ReasonEs))
        {
            return Task.FromResult<IActionResult>(Refuse(id, "Admin_Activity_ReasonNeeded"));
        }

        return ChangeAsync(id, input.Version, "Admin_Activity_Cancelled", a =>
        {
            a.Status = ActivityStatus.Cancelled;
            a.StatusReasonEn = Clean(input.ReasonEn);
            a.StatusReasonEs = Clean(input.ReasonEs);
            return true;
        }, cancellationToken);
    }

    [HttpPost]
    public Task<IActionResult> Postpone([FromRoute] int id, ActivityStatusInput input, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(input.ReasonEn) && string.IsNullOrWhiteSpace(input.ReasonEs))
        {
            return Task.FromResult<IActionResult>(Refuse(id, "Admin_Activity_ReasonNeeded"));
        }

        return ChangeAsync(id, input.Version, "Admin_Activity_Postponed", a =>
        {
            var starts = editor.ToUtc(input.NewStarts, a.TimeZoneId);
            var ends = editor.ToUtc(input.NewEnds ?? input.NewStarts?.Add(a.EndsAtUtc - a.StartsAtUtc), a.TimeZoneId);
            if (starts is null || ends is null || ends < starts)
            {
                return false;
            }

            // The first planned dates are kept however often it moves.
            a.OriginalStartsAtUtc ??= a.StartsAtUtc;
            a.OriginalEndsAtUtc ??= a.EndsAtUtc;
            a.StartsAtUtc = starts.Value;
            a.EndsAtUtc = ends.Value;
            a.Status = ActivityStatus.Postponed;
            a.StatusReasonEn = Clean(input.ReasonEn);
            a.StatusReasonEs = Clean(input.ReasonEs);
            return true;
        }, cancellationToken, "Admin_Activity_NewDatesNeeded");
    }

    [HttpPost]
    public Task<IActionResult> Publish([FromRoute] int id, ActivityStatusInput input, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return ChangeAsync(id, input.Version, input.PublishAt is null ? "Admin_Activity_Published" : "Admin_Activity_Scheduled", a =>
        {
            var at = input.PublishAt is null ? null : editor.ToUtc(input.PublishAt, a.TimeZoneId);
            if (input.PublishAt is not null && (at is null || at <= now))
            {
                return false;
            }

            a.PublicationState = PublicationState.Published;
            a.PublishAtUtc = at;
            a.PublishedAtUtc = at ?? now;
            return true;
        }, cancellationToken, "Admin_Activity_PublishAtInPast");
    }

    [HttpPost]
    public Task<IActionResult> Unpublish([FromRoute] int id, ActivityStatusInput input, CancellationToken cancellationToken) =>
        ChangeAsync(id, input.Version, "Admin_Activity_Unpublished", a =>
        {
            a.PublicationState = PublicationState.Draft;
            a.PublishAtUtc = null;
            return true;
        }, cancellationToken);

    [HttpPost]
    public async Task<IActionResult> Delete([FromRoute] int id, ActivityStatusInput input, CancellationToken cancellationToken)
    {
        var (outcome, message) = await editor.DeleteAsync(id, input.Version, cancellationToken);
        return this.AfterDelete(id, outcome, text["Admin_Activity_Deleted"].Value, outcome == SaveOutcome.Stale ? text["Admin_Activity_StaleAction"].Value : message);
    }

    private async Task<IActionResult> ChangeAsync(int id, long version, string doneKey, Func<Activity, bool> change, CancellationToken cancellationToken, string? invalidKey = null)
    {
        var result = await editor.ChangeAsync(id, version, change, cancellationToken);
        return result.Outcome switch
        {
            SaveOutcome.NotFound => NotFound(),
            SaveOutcome.Stale => Refuse(id, "Admin_Activity_StaleAction"),
            SaveOutcome.Invalid => Refuse(id, invalidKey ?? "Admin_Validation_Invalid"),
            _ => Done(id, doneKey),
        };
    }

    private RedirectToActionResult Done(int id, string key)
    {
        TempData[MessageKey] = text[key].Value;
        return RedirectToAction(nameof(Edit), new { id });
    }

    private RedirectToActionResult Refuse(int id, string key)
    {
        TempData[ErrorKey] = text[key].Value;
        return RedirectToAction(nameof(Edit), new { id });
    }

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
