using Microsoft.AspNetCore.Mvc;

namespace PortCooperation.Web.Areas.Admin.Models;

/// <summary>
/// The CSV import screens' input: which import and the activity (the form's query, then its fields), the file
/// (preview) and the kept preview (token and hash, confirmation). The names are the lower-case ones the screens
/// have always used.
/// </summary>
public sealed class ImportInput
{
    [ModelBinder(Name = "kind")]
    public string? Kind { get; set; }

    [ModelBinder(Name = "activityId")]
    public int? ActivityId { get; set; }

    [ModelBinder(Name = "file")]
    public IFormFile? File { get; set; }

    [ModelBinder(Name = "token")]
    public string? Token { get; set; }

    [ModelBinder(Name = "hash")]
    public string? Hash { get; set; }
}
