using Microsoft.AspNetCore.Mvc;
using PortCooperation.Web.Services.Uploads;

namespace PortCooperation.Web.Areas.Admin.ViewComponents;

/// <summary>The attachments panel of a document's or an activity's staff form: the files, upload, replace and remove.</summary>
public sealed class AttachmentsViewComponent(AttachmentService attachments) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(AttachmentOwner owner, int ownerId) =>
        View(new AttachmentsPanel(owner, ownerId, await attachments.ListAsync(owner, ownerId, HttpContext.RequestAborted), attachments.MaxBytes));
}

public sealed record AttachmentsPanel(AttachmentOwner Owner, int OwnerId, IReadOnlyList<Models.AttachmentRow> Files, long MaxBytes)
{
    /// <summary>What the upload and replace forms post: it names their fields.</summary>
    public Models.AttachmentInput Input { get; } = new();
}
