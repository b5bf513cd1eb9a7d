using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Microsoft.Net.Http.Headers;
using PortCooperation.Web.Areas.Admin.Models;
using PortCooperation.Web.Resources;
using PortCooperation.Web.Services.Uploads;

namespace PortCooperation.Web.Areas.Admin.Controllers;

/// <summary>
/// /Admin/Attachments: upload, replace, remove and download the files of documents and activities (S9). Each
/// action returns to the form of the record the file belongs to with a message saying what happened.
/// </summary>
public sealed class AttachmentsController(AttachmentService attachments, IStringLocalizer<SharedResource> text) : AdminControllerBase
{
    private const string MessageKey = "StaffMessage";
    private const string ErrorKey = "StaffError";

    [HttpPost]
    [UploadLimit]
    public async Task<IActionResult> Upload(AttachmentInput input, CancellationToken cancellationToken)
    {
        var (owner, ownerId, file) = (input.Owner, input.OwnerId, input.File);
        if (!Enum.IsDefined(owner) || !await attachments.OwnerExistsAsync(owner, ownerId, cancellationToken))
        {
            return NotFound();
        }

        var result = await attachments.AddAsync(owner, ownerId, file, cancellationToken);
        Say(result, "StaffDocs_Upload_Added");
        return BackTo(owner, ownerId);
    }

    [HttpPost]
    [UploadLimit]
    public async Task<IActionResult> Replace([FromRoute] int id, AttachmentInput input, CancellationToken cancellationToken)
    {
        var file = input.File;
        if (await attachments.OwnerOfAsync(id, cancellationToken) is not { } owner)
        {
            return NotFound();
        }

        Say(await attachments.ReplaceAsync(id, file, cancellationToken), "StaffDocs_Upload_Replaced");
        return BackTo(owner.Owner, owner.OwnerId);
    }

    [HttpPost]
    public async Task<IActionResult> Remove([FromRoute] int id, CancellationToken cancellationToken)
    {
        if (await attachments.RemoveAsync(id, cancellationToken) is not { } owner)
        {
            return NotFound();
        }

        TempData[MessageKey] = text["StaffDocs_Upload_Removed"].Value;
        return BackTo(owner.Owner, owner.OwnerId);
    }

    /// <summary>The file under its original (sanitised) name, always as a download, never sniffed.</summary>
    [HttpGet]
    public async Task<IActionResult> Download(int id, CancellationToken cancellationToken)
    {
        if (await attachments.OpenAsync(id, cancellationToken) is not { } download)
        {
            return NotFound();
        }

        Response.Headers[HeaderNames.XContentTypeOptions] = "nosniff";
        return File(download.Content, download.ContentType, download.FileName);
    }

    private void Say(UploadResult result, string doneKey)
    {
        if (result.Succeeded)
        {
            TempData[MessageKey] = text[doneKey].Value;
        }
        else
        {
            TempData[ErrorKey] = string.Format(System.Globalization.CultureInfo.CurrentCulture, text[result.ErrorKey!].Value, attachments.MaxBytes / (1024 * 1024));
        }
    }

    private RedirectToActionResult BackTo(AttachmentOwner owner, int ownerId) =>
        RedirectToAction("Edit", owner == AttachmentOwner.Document ? "Documents" : "Activities", new { area = "Admin", id = ownerId });
}
