using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Mvc;

namespace PortCooperation.Web.Services.Staff;

/// <summary>
/// CSV files for the staff lists (RFC 4180: comma, CRLF, fields quoted when needed, UTF-8 with BOM so
/// spreadsheets read accents). A cell starting with = + - @ tab or CR gets a leading apostrophe so a
/// spreadsheet shows it as text instead of running it as a formula (docs/quality.md S16).
/// </summary>
public static partial class CsvExport
{
    private static readonly char[] _formulaStarts = ['=', '+', '-', '@', '\t', '\r'];

    private static readonly char[] _needsQuotes = [',', '"', '\r', '\n'];

    public static string Neutralise(string value) =>
        value.Length > 0 && Array.IndexOf(_formulaStarts, value[0]) >= 0 ? "'" + value : value;

    /// <summary>Masks the value of any "token=" query parameter (invitation, reset, cancellation links).</summary>
    public static string WithoutTokens(string value) => TokenParameter().Replace(value, "token=…");

    [System.Text.RegularExpressions.GeneratedRegex("token=[^\\s&\"<]+", System.Text.RegularExpressions.RegexOptions.IgnoreCase)]
    private static partial System.Text.RegularExpressions.Regex TokenParameter();

    public static string Field(object? value)
    {
        var text = value switch
        {
            null => "",
            DateTime d => d.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            _ => value.ToString() ?? "",
        };
        text = Neutralise(text);
        return text.IndexOfAny(_needsQuotes) >= 0 ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;
    }

    public static string Write(IEnumerable<string> header, IEnumerable<IEnumerable<object?>> rows)
    {
        var csv = new StringBuilder();
        csv.Append(string.Join(',', header.Select(Field))).Append("\r\n");
        foreach (var row in rows)
        {
            csv.Append(string.Join(',', row.Select(Field))).Append("\r\n");
        }

        return csv.ToString();
    }

    /// <summary>The file as a download named e.g. "activities-2026-11-23.csv".</summary>
    public static FileContentResult File(string name, DateTimeOffset now, IEnumerable<string> header, IEnumerable<IEnumerable<object?>> rows) =>
        new(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(Write(header, rows))).ToArray(), "text/csv; charset=utf-8")
        {
            FileDownloadName = $"{name}-{now:yyyy-MM-dd}.csv",
        };
}
