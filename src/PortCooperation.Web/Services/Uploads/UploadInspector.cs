using System.IO.Compression;
using System.Text;

namespace PortCooperation.Web.Services.Uploads;

/// <summary>The type of an upload as its content shows it (S9), with the extension it is stored and served under.</summary>
public sealed record UploadType(string ContentType, string Extension);

/// <summary>
/// Decides what an uploaded file is by its first bytes, never by its name: <c>%PDF-</c> for PDF, a ZIP whose
/// <c>[Content_Types].xml</c> declares a Word, Excel or PowerPoint main part (or an OpenDocument <c>mimetype</c>),
/// and the OLE compound-file signature for legacy .doc/.xls/.ppt (the name only chooses among those three).
/// Anything else (an executable renamed .pdf, a script, an image) is refused.
/// </summary>
public static class UploadInspector
{
    private static readonly byte[] _pdf = "%PDF-"u8.ToArray();
    private static readonly byte[] _zip = [0x50, 0x4B, 0x03, 0x04];
    private static readonly byte[] _ole = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

    private static readonly (string MainPart, UploadType Type)[] _openXml =
    [
        ("application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml", new("application/vnd.openxmlformats-officedocument.wordprocessingml.document", ".docx")),
        ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml", new("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", ".xlsx")),
        ("application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml", new("application/vnd.openxmlformats-officedocument.presentationml.presentation", ".pptx")),
    ];

    private static readonly Dictionary<string, UploadType> _openDocument = new(StringComparer.Ordinal)
    {
        ["application/vnd.oasis.opendocument.text"] = new("application/vnd.oasis.opendocument.text", ".odt"),
        ["application/vnd.oasis.opendocument.spreadsheet"] = new("application/vnd.oasis.opendocument.spreadsheet", ".ods"),
        ["application/vnd.oasis.opendocument.presentation"] = new("application/vnd.oasis.opendocument.presentation", ".odp"),
    };

    private static readonly Dictionary<string, UploadType> _legacy = new(StringComparer.OrdinalIgnoreCase)
    {
        [".doc"] = new("application/msword", ".doc"),
        [".xls"] = new("application/vnd.ms-excel", ".xls"),
        [".ppt"] = new("application/vnd.ms-powerpoint", ".ppt"),
    };

    public static UploadType? Detect(byte[] content, string fileName)
    {
        var head = content.AsSpan();
        if (head.StartsWith(_pdf))
        {
            return new UploadType("application/pdf", ".pdf");
        }

        if (head.StartsWith(_ole))
        {
            return _legacy.GetValueOrDefault(Path.GetExtension(fileName)) ?? _legacy[".doc"];
        }

        return head.StartsWith(_zip) ? Zipped(content) : null;
    }

    private static UploadType? Zipped(byte[] content)
    {
        try
        {
            using var zip = new ZipArchive(new MemoryStream(content, writable: false), ZipArchiveMode.Read);
            if (zip.GetEntry("[Content_Types].xml") is { Length: < 1_000_000 } types)
            {
                var xml = Read(types);
                return _openXml.Where(t => xml.Contains(t.MainPart, StringComparison.Ordinal)).Select(t => t.Type).FirstOrDefault();
            }

            if (zip.GetEntry("mimetype") is { Length: < 200 } mimetype)
            {
                return _openDocument.GetValueOrDefault(Read(mimetype).Trim());
            }
        }
        catch (InvalidDataException)
        {
            // A damaged or fake archive is not an Office file.
        }

        return null;
    }

    private static string Read(ZipArchiveEntry entry)
    {
        using var reader = new StreamReader(entry.Open(), Encoding.UTF8);
        return reader.ReadToEnd();
    }
}
