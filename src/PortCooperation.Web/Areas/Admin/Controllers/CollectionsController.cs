using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using PortCooperation.Web.Areas.Admin.Models;
using PortCooperation.Web.Resources;
using PortCooperation.Web.Services.Staff;

namespace PortCooperation.Web.Areas.Admin.Controllers;

/// <summary>/Admin/Collections: the library's curated collections, their names in both languages and the order of their documents.</summary>
public sealed class CollectionsController(CollectionEditor editor, IStringLocalizer<SharedResource> text, TimeProvider clock) : AdminControllerBase
{
    private const string MessageKey = "StaffMessage";

    [HttpGet]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        View(new CollectionListPage { Rows = await editor.ListAsync(cancellationToken) });

    /// <summary>The list as CSV (the list has no filters; formula payloads neutralised by <see cref="CsvExport"/>).</summary>
    [HttpGet]
    public async Task<IActionResult> Export(CancellationToken cancellationToken)
    {
        var rows = await editor.ListAsync(cancellationToken);
        return CsvExport.File("collections", clock.GetUtcNow(),
            ["Id", "Slug", "TitleEn", "TitleEs", "Publication", "Documents", "UpdatedAt"],
            rows.Select(r => new object?[] { r.Id, r.Slug, r.TitleEn, r.TitleEs, r.PublicationState, r.Documents, r.UpdatedAt }));
    }

    [HttpGet]
    public IActionResult Create() => View("Edit", editor.NewPage());

    [HttpPost]
    public async Task<IActionResult> Create(CollectionInput input, CancellationToken cancellationToken)
    {
        var result = await ModelState.CheckedAsync(errors => editor.SaveAsync(null, input, errors, cancellationToken));
        return await this.AfterCreateAsync(result, text["StaffDocs_CollectionSaved"].Value, async () => await editor.RedisplayAsync(null, input, false, cancellationToken));
    }

    [HttpGet]
    public async Task<IActionResult> Edit(int id, CancellationToken cancellationToken) =>
        await editor.EditPageAsync(id, cancellationToken) is { } page ? View(page) : NotFound();

    [HttpPost]
    public async Task<IActionResult> Edit([FromRoute] int id, CollectionInput input, CancellationToken cancellationToken)
    {
        var result = await ModelState.CheckedAsync(errors => editor.SaveAsync(id, input, errors, cancellationToken));
        return await this.AfterEditAsync(id, result, text["StaffDocs_CollectionSaved"].Value, async () => await editor.RedisplayAsync(id, input, result.Outcome == SaveOutcome.Stale, cancellationToken));
    }

    [HttpPost]
    public async Task<IActionResult> Delete([FromRoute] int id, RecordDeleteInput input, CancellationToken cancellationToken) =>
        this.AfterDelete(id, (await editor.DeleteAsync(id, input.Version, cancellationToken)).Outcome, text["StaffDocs_CollectionDeleted"].Value, text["StaffEnt_StaleDelete"].Value);
}
