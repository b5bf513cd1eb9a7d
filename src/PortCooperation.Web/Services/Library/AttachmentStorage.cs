using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using PortCooperation.Web.Domain;

namespace PortCooperation.Web.Services.Library;

/// <summary>
/// Where attachment files live: <c>attachments/</c> under the data folder (<c>Data:Directory</c>), never under
/// wwwroot, each under a generated name; they are served only by LibraryController.Attachment. Also extracts the
/// searchable text of plain text, CSV, Markdown, HTML and Office Open XML files (Word, Excel, PowerPoint, see
/// <see cref="OfficeText"/>) and PDF (see <see cref="PdfText"/>).
/// </summary>
public sealed partial class AttachmentStorage(string folder)
{
    public const int MaxExtractedChars = 200_000;

    public string Folder { get; } = folder;

    /// <summary>The full path of a stored file, or null when the stored name is not a plain file name.</summary>
    public string? PathOf(string storedFileName)
    {
        if (string.IsNullOrWhiteSpace(storedFileName) || storedFileName != Path.GetFileName(storedFileName) || storedFileName.StartsWith('.'))
        {
            return null;
        }

        return Path.Combine(Folder, storedFileName);
    }

    /// <summary>Stores the bytes under a new name and returns the attachment record (not yet added to the context).</summary>
    public Task<Attachment> SaveAsync(string originalFileName, string contentType, byte[] content, CancellationToken cancellationToken = default) =>
        StoreAsync(originalFileName, contentType, content, ExtractText(contentType, content), cancellationToken);

    /// <summary>
    /// Stores a file the portal wrote itself, whose text it already knows (the demo library's PDFs): the text is
    /// indexed as given instead of being read back from the file, which would load the PDF reader on a first start.
    /// </summary>
    public Task<Attachment> SaveWrittenAsync(string originalFileName, string contentType, byte[] content, string text, CancellationToken cancellationToken = default) =>
        StoreAsync(originalFileName, contentType, content, Indexable(text), cancellationToken);

    private async Task<Attachment> StoreAsync(string originalFileName, string contentType, byte[] content, string? text, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Folder);
        var extension = Path.GetExtension(originalFileName).ToLowerInvariant();
        var stored = $"{Guid.NewGuid():N}{(SafeExtension().IsMatch(extension) ? extension : "")}";
        await File.WriteAllBytesAsync(Path.Combine(Folder, stored), content, cancellationToken);
        return new Attachment
        {
            OriginalFileName = Path.GetFileName(originalFileName),
            StoredFileName = stored,
            ContentType = contentType,
            SizeBytes = content.LongLength,
            Sha256 = Convert.ToHexStringLower(SHA256.HashData(content)),
            ExtractedText = text,
        };
    }

    /// <summary>The text to index, or null for formats whose text cannot be extracted here.</summary>
    public static string? ExtractText(string contentType, byte[] content)
    {
        var mediaType = contentType.Split(';')[0].Trim().ToLowerInvariant();
        string? text = mediaType switch
        {
            "text/plain" or "text/csv" or "text/markdown" => Encoding.UTF8.GetString(content),
            "text/html" or "application/xhtml+xml" => HtmlToText(Encoding.UTF8.GetString(content)),
            OfficeText.WordType or OfficeText.ExcelType or OfficeText.PowerPointType => OfficeText.Extract(mediaType, content, MaxExtractedChars),
            PdfText.PdfType => PdfText.Extract(content, MaxExtractedChars),
            _ => null,
        };
        return Indexable(text);
    }

    private static string? Indexable(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        text = Whitespace().Replace(text, " ").Trim();
        return text.Length > MaxExtractedChars ? text[..MaxExtractedChars] : text;
    }

    private static string HtmlToText(string html)
    {
        var withoutCode = ScriptOrStyle().Replace(html, " ");
        return WebUtility.HtmlDecode(Tag().Replace(withoutCode, " "));
    }

    [GeneratedRegex(@"^\.[a-z0-9]{1,8}$")]
    private static partial Regex SafeExtension();

    [GeneratedRegex(@"<(script|style)\b[^>]*>.*?</\1\s*>", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex ScriptOrStyle();

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Tag();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
