using PortCooperation.Web.Services.Library;

namespace PortCooperation.Web.Services.Uploads;

/// <summary>The default extractor: plain text, HTML, Word/Excel/PowerPoint (Open XML) and PDF.</summary>
public sealed class AttachmentTextExtractor : IAttachmentTextExtractor
{
    public string? Extract(string contentType, byte[] content) => AttachmentStorage.ExtractText(contentType, content);
}
