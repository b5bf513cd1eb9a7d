using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using PortCooperation.Web.Areas.Admin.Models;
using PortCooperation.Web.Resources;
using PortCooperation.Web.Services.Staff;
using PortCooperation.Web.Services.Staff.Records;

namespace PortCooperation.Web.Areas.Admin.Controllers;

/// <summary>
/// The staff screens of records that are edited but neither created nor deleted here (e.g. the entered participation
/// of an activity): the list (search, filters, sorting, paging, CSV), the detail page and the edit form with its
/// stale-save refusal (R6). <see cref="RecordsControllerBase{TInput, TFilter, TRow}"/> adds create and delete.
/// </summary>
public abstract class EditRecordsControllerBase<TInput, TFilter, TRow>(IStaffRecords<TInput, TFilter, TRow> records, TimeProvider clock, IStringLocalizer<SharedResource> text)
    : AdminControllerBase
    where TInput : class, IRecordInput
    where TFilter : class, IRecordFilter
{
    protected const string MessageKey = "StaffMessage";
    protected const string ErrorKey = "StaffError";

    protected IStaffRecords<TInput, TFilter, TRow> Records => records;

    protected IStringLocalizer<SharedResource> Text => text;

    /// <summary>Whether the detail page offers a delete button (and the controller a Delete action).</summary>
    protected virtual bool CanDelete => false;

    [HttpGet]
    public virtual async Task<IActionResult> Index(TFilter filter, CancellationToken cancellationToken) =>
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
        await records.DetailAsync(id, cancellationToken) is { } detail ? View("RecordDetails", new RecordDetailPage { Id = id, Detail = detail, Deletable = CanDelete }) : NotFound();

    [HttpGet]
    public async Task<IActionResult> Edit(int id, CancellationToken cancellationToken) =>
        await Records.EditInputAsync(id, cancellationToken) is { } input ? View(await PageAsync(id, input, null, cancellationToken)) : NotFound();

    [HttpPost]
    public async Task<IActionResult> Edit([FromRoute] int id, TInput input, CancellationToken cancellationToken)
    {
        var result = await ModelState.CheckedAsync(errors => Records.SaveAsync(id, input, errors, cancellationToken));
        switch (result.Outcome)
        {
            case SaveOutcome.NotFound:
                return NotFound();
            case SaveOutcome.Saved:
                TempData[MessageKey] = Text["StaffEnt_Saved"].Value;
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

    protected async Task<RecordEditPage<TInput>> PageAsync(int? id, TInput input, SaveResult? result, CancellationToken cancellationToken) => new()
    {
        Id = id,
        Input = input,
        Choices = await Records.FormChoicesAsync(id, cancellationToken),
        Conflicts = result?.Conflicts ?? new Dictionary<string, string>(),
        ConflictBy = result?.ConflictBy,
        ConflictAt = result?.ConflictAt,
    };
}
