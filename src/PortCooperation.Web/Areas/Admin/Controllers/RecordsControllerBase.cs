using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using PortCooperation.Web.Areas.Admin.Models;
using PortCooperation.Web.Resources;
using PortCooperation.Web.Services.Staff;
using PortCooperation.Web.Services.Staff.Records;

namespace PortCooperation.Web.Areas.Admin.Controllers;

/// <summary>
/// The staff screens of one kind of record, following /Admin/Activities: the list (search, filters, sorting,
/// paging, CSV), a read-only detail page, the create/edit form (both languages side by side) and delete. Every
/// change is a POST carrying the version it was made from; the id comes from the route only (S11).
/// </summary>
public abstract class RecordsControllerBase<TInput, TFilter, TRow>(IStaffRecords<TInput, TFilter, TRow> records, TimeProvider clock, IStringLocalizer<SharedResource> text)
    : AdminControllerBase
    where TInput : class, IRecordInput
    where TFilter : class, IRecordFilter
{
    private const string MessageKey = "StaffMessage";
    private const string ErrorKey = "StaffError";

    [HttpGet]
    public async Task<IActionResult> Index(TFilter filter, CancellationToken cancellationToken) =>
        View(new RecordListPage<TFilter, TRow>
        {
            Filter = filter,
            Rows = await records.ListAsync(filter, cancellationToken),
            Choices = await records.FilterChoicesAsync(cancellationToken),
        });

    [HttpGet]
    public async Task<IActionResult> Export(TFilter filter, CancellationToken cancellationToken)
    {
        var rows = await records.ListAllAsync(filter, cancellationToken);
        var (name, header, cells) = records.Export;
        return CsvExport.File(name, clock.GetUtcNow(), header, rows.Select(cells));
    }

    [HttpGet]
    public async Task<IActionResult> Details(int id, CancellationToken cancellationToken) =>
        await records.DetailAsync(id, cancellationToken) is { } detail ? View("RecordDetails", new RecordDetailPage { Id = id, Detail = detail }) : NotFound();

    [HttpGet]
    public async Task<IActionResult> Create(CancellationToken cancellationToken) =>
        View("Edit", await PageAsync(null, records.NewInput(), null, cancellationToken));

    [HttpPost]
    public async Task<IActionResult> Create(TInput input, CancellationToken cancellationToken)
    {
        var result = await records.SaveAsync(null, input, ModelState, cancellationToken);
        if (result.Outcome == SaveOutcome.Saved)
        {
            TempData[MessageKey] = text["StaffEnt_Created"].Value;
            return RedirectToAction(nameof(Details), new { area = "Admin", id = result.Id });
        }

        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return View("Edit", await PageAsync(null, input, result, cancellationToken));
    }

    [HttpGet]
    public async Task<IActionResult> Edit(int id, CancellationToken cancellationToken) =>
        await records.EditInputAsync(id, cancellationToken) is { } input ? View(await PageAsync(id, input, null, cancellationToken)) : NotFound();

    [HttpPost]
    public async Task<IActionResult> Edit([FromRoute] int id, TInput input, CancellationToken cancellationToken)
    {
        var result = await records.SaveAsync(id, input, ModelState, cancellationToken);
        switch (result.Outcome)
        {
            case SaveOutcome.NotFound:
                return NotFound();
            case SaveOutcome.Saved:
                TempData[MessageKey] = text["StaffEnt_Saved"].Value;
                return RedirectToAction(nameof(Details), new { area = "Admin", id });
            case SaveOutcome.Stale:
                // The form's Version and snapshot are now the saved ones: clear the posted values so the new ones are rendered.
                ModelState.Remove(nameof(IRecordInput.Version));
                ModelState.Remove(nameof(IRecordInput.Original));
                Response.StatusCode = StatusCodes.Status409Conflict;
                break;
            default:
                Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
                break;
        }

        return View(await PageAsync(id, input, result, cancellationToken));
    }

    [HttpPost]
    public async Task<IActionResult> Delete([FromRoute] int id, RecordDeleteInput input, CancellationToken cancellationToken)
    {
        var (outcome, message) = await records.DeleteAsync(id, input.Version, cancellationToken);
        switch (outcome)
        {
            case SaveOutcome.NotFound:
                return NotFound();
            case SaveOutcome.Saved:
                TempData[MessageKey] = text["StaffEnt_Deleted"].Value;
                return RedirectToAction(nameof(Index), new { area = "Admin" });
            default:
                TempData[ErrorKey] = message;
                return RedirectToAction(nameof(Details), new { area = "Admin", id });
        }
    }

    private async Task<RecordEditPage<TInput>> PageAsync(int? id, TInput input, SaveResult? result, CancellationToken cancellationToken) => new()
    {
        Id = id,
        Input = input,
        Choices = await records.FormChoicesAsync(id, cancellationToken),
        Conflicts = result?.Conflicts ?? new Dictionary<string, string>(),
        ConflictBy = result?.ConflictBy,
        ConflictAt = result?.ConflictAt,
    };
}
