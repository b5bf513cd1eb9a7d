using System.Text;

namespace PortCooperation.Web.Services.Staff;

/// <summary>
/// Decodes an uploaded text file as spreadsheets and meeting platforms write it: a byte-order mark wins (UTF-8,
/// UTF-16 of Teams); without one, valid UTF-8 is UTF-8 and anything else is Windows-1252 (Excel's "CSV" on Windows).
/// </summary>
public static class UploadedText
{
    private static readonly UTF8Encoding _strictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static string Decode(byte[] content)
    {
        if (content.AsSpan().StartsWith(new byte[] { 0xEF, 0xBB, 0xBF }))
        {
            return Encoding.UTF8.GetString(content, 3, content.Length - 3);
        }

        if (content.AsSpan().StartsWith(new byte[] { 0xFF, 0xFE }))
        {
            return Encoding.Unicode.GetString(content, 2, content.Length - 2);
        }

        if (content.AsSpan().StartsWith(new byte[] { 0xFE, 0xFF }))
        {
            return Encoding.BigEndianUnicode.GetString(content, 2, content.Length - 2);
        }

        try
        {
            return _strictUtf8.GetString(content);
        }
        catch (DecoderFallbackException)
        {
            return CodePagesEncodingProvider.Instance.GetEncoding(1252)!.GetString(content);
        }
    }

    /// <summary>The separator of a header line: a tab, else whichever of ';' and ',' it has more of (Excel in Spanish writes ';').</summary>
    public static char Separator(string headerLine) =>
        headerLine.Contains('\t', StringComparison.Ordinal) ? '\t'
            : headerLine.Count(c => c == ';') > headerLine.Count(c => c == ',') ? ';' : ',';
}
