using Microsoft.AspNetCore.Mvc;
using PortCooperation.Web.Services.Uploads;

namespace PortCooperation.Web.Areas.Admin.Models;

/// <summary>An attachment's upload (the record it belongs to and the file) or replacement (the file), by the names the forms have always posted.</summary>
public sealed class AttachmentInput
{
    [ModelBinder(Name = "owner")]
    public AttachmentOwner Owner { get; set; }

    [ModelBinder(Name = "ownerId")]
    public int OwnerId { get; set; }

    [ModelBinder(Name = "file")]
    public IFormFile? File { get; set; }
}
