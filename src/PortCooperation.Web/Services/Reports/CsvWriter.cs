using System.Text;

namespace PortCooperation.Web.Services.Reports;

/// <summary>
/// RFC 4180 CSV with formula injection neutralised (OWASP "CSV injection"): a text cell that a spreadsheet would read
/// as a formula (starting with =, +, -, @, tab or carriage return) is prefixed with an apostrophe. Numbers are written
/// in invariant form and left alone, so "-273" stays a number.
/// </summary>
public sealed class CsvWriter
{
    private readonly StringBuilder _text = new();

    public static string Text(string? value)
    {
        var text = value ?? "";
        if (text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            text = "'" + text;
        }

        return text.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;
    }

    public static string Number(decimal value) => value.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Appends a row of already-formatted cells (use <see cref="Text"/> and <see cref="Number"/>).</summary>
    public CsvWriter Row(params string[] cells)
    {
        _text.Append(string.Join(',', cells)).Append("\r\n");
        return this;
    }

    /// <summary>UTF-8 with a byte-order mark, so spreadsheet programs read accents correctly.</summary>
    public byte[] ToBytes() => [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(_text.ToString())];
}
