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
    : EditRecordsControllerBase<TInput, TFilter, TRow>(records, clock, text)
    where TInput : class, IRecordInput
    where TFilter : class, IRecordFilter
{
    protected override bool CanDelete => true;

    [HttpGet]
    public async Task<IActionResult> Create(CancellationToken cancellationToken) =>
        View("Edit", await PageAsync(null, Records.NewInput(), null, cancellationToken));

    [HttpPost]
    public async Task<IActionResult> Create(TInput input, CancellationToken cancellationToken)
    {
        var result = await ModelState.CheckedAsync(errors => Records.SaveAsync(null, input, errors, cancellationToken));
        if (result.Outcome == SaveOutcome.Saved)
        {
            TempData[MessageKey] = Text["StaffEnt_Created"].Value;
            return RedirectToAction(nameof(Details), new { area = "Admin", id = result.Id });
        }

        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return View("Edit", await PageAsync(null, input, result, cancellationToken));
    }

    [HttpPost]
    public async Task<IActionResult> Delete([FromRoute] int id, RecordDeleteInput input, CancellationToken cancellationToken)
    {
        var (outcome, message) = await Records.DeleteAsync(id, input.Version, cancellationToken);
        switch (outcome)
        {
            case SaveOutcome.NotFound:
                return NotFound();
            case SaveOutcome.Saved:
                TempData[MessageKey] = Text["StaffEnt_Deleted"].Value;
                return RedirectToAction(nameof(Index), new { area = "Admin" });
            default:
                TempData[ErrorKey] = message;
                return RedirectToAction(nameof(Details), new { area = "Admin", id });
        }
    }
}
