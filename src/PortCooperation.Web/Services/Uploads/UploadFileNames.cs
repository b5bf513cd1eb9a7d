using System.Text;

namespace PortCooperation.Web.Services.Uploads;

/// <summary>
/// The name an upload keeps for download: only its last path segment ("../../x.pdf" → "x.pdf", "C:\a\b.doc" → "b.doc"),
/// without control or reserved characters, at most 200 characters, ending in the extension of the detected type.
/// </summary>
public static class UploadFileNames
{
    private const int MaxLength = 200;

    private static readonly char[] _reserved = ['/', '\\', ':', '*', '?', '"', '<', '>', '|'];

    public static string Sanitise(string? original, string extension)
    {
        var name = (original ?? "").Replace('\\', '/');
        name = name[(name.LastIndexOf('/') + 1)..];
        var clean = new StringBuilder(name.Length);
        foreach (var c in name)
        {
            if (!char.IsControl(c) && Array.IndexOf(_reserved, c) < 0 && c is not ('\u200E' or '\u200F' or '\u202A' or '\u202B' or '\u202C' or '\u202D' or '\u202E'))
            {
                clean.Append(c);
            }
        }

        var result = clean.ToString().Trim().Trim('.').Trim();
        var stem = Path.GetExtension(result).Equals(extension, StringComparison.OrdinalIgnoreCase) ? result[..^extension.Length] : result;
        stem = stem.Trim().TrimEnd('.');
        if (stem.Length == 0)
        {
            stem = "attachment";
        }

        if (stem.Length > MaxLength - extension.Length)
        {
            stem = stem[..(MaxLength - extension.Length)];
        }

        return stem + extension;
    }
}
