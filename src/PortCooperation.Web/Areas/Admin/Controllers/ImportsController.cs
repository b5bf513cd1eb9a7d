using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using PortCooperation.Web.Areas.Admin.Models;
using PortCooperation.Web.Resources;
using PortCooperation.Web.Services.Staff.Records;

namespace PortCooperation.Web.Areas.Admin.Controllers;

/// <summary>
/// /Admin/Imports: upload a CSV of scholarship awards or of historical participation totals, see every row's errors
/// by line and column, and only for a file without errors confirm to write all rows in one transaction (ADR 0007).
/// </summary>
public sealed class ImportsController(CsvImporter importer, IStringLocalizer<SharedResource> text) : AdminControllerBase
{
    [HttpGet]
    public async Task<IActionResult> Index(ImportInput input, CancellationToken cancellationToken) =>
        await FormAsync(Kind(input.Kind), input.ActivityId, cancellationToken);

    [HttpPost]
    public async Task<IActionResult> Preview(ImportInput input, CancellationToken cancellationToken)
    {
        var (which, activityId, file) = (Kind(input.Kind), input.ActivityId, input.File);
        if (file is null || file.Length == 0 || file.Length > CsvImporter.MaxBytes)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            ModelState.AddModelError("file", text[file is null || file.Length == 0 ? "StaffEnt_Import_NoFile" : "StaffEnt_Import_TooBig"].Value);
            return await FormAsync(which, activityId, cancellationToken);
        }

        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, cancellationToken);
        var preview = await importer.PreviewAsync(which, buffer.ToArray(), UserId, cancellationToken, activityId);
        if (!preview.IsValid)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        }

        return View("Preview", preview);
    }

    [HttpPost]
    public async Task<IActionResult> Confirm(ImportInput input, CancellationToken cancellationToken)
    {
        var which = Kind(input.Kind);
        var result = await importer.ConfirmAsync(which, input.Token, input.Hash, UserId, cancellationToken, input.ActivityId);
        if (result is null)
        {
            TempData["StaffError"] = text["StaffEnt_Import_Expired"].Value;
            return RedirectToAction(nameof(Index), new { area = "Admin", kind = which });
        }

        if (result.Value.Refused is { } refused)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return View("Preview", refused);
        }

        TempData["StaffMessage"] = text.Plural("StaffEnt_Import_Done", result.Value.Written);
        return which == CsvImporter.Awards
            ? RedirectToAction("Index", "ScholarshipAwards", new { area = "Admin" })
            : RedirectToAction("Index", "Activities", new { area = "Admin" });
    }

    private async Task<IActionResult> FormAsync(string kind, int? activityId, CancellationToken cancellationToken) =>
        View("Index", new ImportPage(kind, activityId, await importer.ActivityChoicesAsync(cancellationToken)));

    private string UserId => User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "";

    private static string Kind(string? kind) => kind == CsvImporter.Participation ? CsvImporter.Participation : CsvImporter.Awards;
}
