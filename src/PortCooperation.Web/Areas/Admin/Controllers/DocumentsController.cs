using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using PortCooperation.Web.Areas.Admin.Models;
using PortCooperation.Web.Resources;
using PortCooperation.Web.Services.Staff;

namespace PortCooperation.Web.Areas.Admin.Controllers;

/// <summary>
/// /Admin/Documents: the best-practice library's documents. List (search, filters, sorting, paging, CSV), the
/// create/edit form with both languages side by side, publishing (now, at a date, unpublish) and delete. Every change
/// is a POST carrying the version it was made from.
/// </summary>
public sealed class DocumentsController(DocumentAdminReader reader, DocumentEditor editor, TimeProvider clock, IStringLocalizer<SharedResource> text)
    : AdminControllerBase
{
    private const string MessageKey = "StaffMessage";
    private const string ErrorKey = "StaffError";

    [HttpGet]
    public async Task<IActionResult> Index(DocumentListFilter filter, CancellationToken cancellationToken) =>
        View(new DocumentListPage
        {
            Filter = filter,
            Rows = await reader.ReadAsync(filter, cancellationToken),
            Choices = await reader.ChoicesAsync(cancellationToken),
            Now = clock.GetUtcNow().UtcDateTime,
        });

    [HttpGet]
    public async Task<IActionResult> Export(DocumentListFilter filter, CancellationToken cancellationToken)
    {
        var rows = await reader.ReadAllAsync(filter, cancellationToken);
        return CsvExport.File("documents", clock.GetUtcNow(),
            ["Id", "TitleEn", "TitleEs", "SourceKind", "Organisation", "Country", "Region", "Publication", "PublishAtUtc", "PublishedOn", "Attachments", "UpdatedAtUtc"],
            rows.Select(r => new object?[]
            {
                r.Id, r.TitleEn, r.TitleEs, r.SourceKind, r.Organisation, r.CountryEn, r.Region, r.PublicationState, r.PublishAtUtc,
                r.PublishedOn?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), r.Attachments, r.UpdatedAt,
            }));
    }

    [HttpGet]
    public async Task<IActionResult> Create(CancellationToken cancellationToken) => View("Edit", await editor.NewPageAsync(cancellationToken));

    [HttpPost]
    public async Task<IActionResult> Create(DocumentInput input, CancellationToken cancellationToken)
    {
        var result = await ModelState.CheckedAsync(errors => editor.SaveAsync(null, input, errors, cancellationToken));
        return await this.AfterCreateAsync(result, text["StaffDocs_Created"].Value, async () => await editor.RedisplayAsync(null, input, result, cancellationToken));
    }

    [HttpGet]
    public async Task<IActionResult> Edit(int id, CancellationToken cancellationToken) =>
        await editor.EditPageAsync(id, cancellationToken) is { } page ? View(page) : NotFound();

    [HttpPost]
    public async Task<IActionResult> Edit([FromRoute] int id, DocumentInput input, CancellationToken cancellationToken)
    {
        var result = await ModelState.CheckedAsync(errors => editor.SaveAsync(id, input, errors, cancellationToken));
        return await this.AfterEditAsync(id, result, text["StaffDocs_Saved"].Value, async () => await editor.RedisplayAsync(id, input, result, cancellationToken));
    }

    [HttpPost]
    public async Task<IActionResult> Publish([FromRoute] int id, DocumentPublishInput input, CancellationToken cancellationToken)
    {
        var at = input.PublishAt is { } local ? DateTime.SpecifyKind(local, DateTimeKind.Utc) : (DateTime?)null;
        var result = await editor.PublishAsync(id, input.Version, publish: true, at, cancellationToken);
        return Outcome(id, result.Outcome, at is null ? "StaffDocs_Published" : "StaffDocs_Scheduled", "StaffDocs_PublishAtInPast");
    }

    [HttpPost]
    public async Task<IActionResult> Unpublish([FromRoute] int id, DocumentPublishInput input, CancellationToken cancellationToken)
    {
        var result = await editor.PublishAsync(id, input.Version, publish: false, null, cancellationToken);
        return Outcome(id, result.Outcome, "StaffDocs_Unpublished", "Admin_Validation_Invalid");
    }

    [HttpPost]
    public async Task<IActionResult> Delete([FromRoute] int id, RecordDeleteInput input, CancellationToken cancellationToken) =>
        this.AfterDelete(id, (await editor.DeleteAsync(id, input.Version, cancellationToken)).Outcome, text["StaffDocs_Deleted"].Value, text["StaffEnt_StaleDelete"].Value);

    private IActionResult Outcome(int id, SaveOutcome outcome, string doneKey, string invalidKey)
    {
        switch (outcome)
        {
            case SaveOutcome.NotFound:
                return NotFound();
            case SaveOutcome.Stale:
                TempData[ErrorKey] = text["StaffDocs_StaleAction"].Value;
                break;
            case SaveOutcome.Invalid:
                TempData[ErrorKey] = text[invalidKey].Value;
                break;
            default:
                TempData[MessageKey] = text[doneKey].Value;
                break;
        }

        return RedirectToAction(nameof(Edit), new { id });
    }
}
