using System.Globalization;
using System.Text;

namespace PortCooperation.Web.Services.Library;

/// <summary>
/// Writes small text-only PDF 1.4 files: A4 pages, Helvetica and Helvetica-Bold (two of the 14 fonts every reader
/// has, so nothing is embedded), WinAnsi text, lines wrapped by the fonts' widths, a new page when one is full.
/// Enough for the demo library's attachments (a few hundred bytes per page) and readable by <see cref="PdfText"/>,
/// so their words reach the search index. PdfPig's own writer would do too, but this keeps the bytes small and
/// predictable.
/// </summary>
public sealed class SimplePdf
{
    private const double PageWidth = 595, PageHeight = 842, Margin = 56;
    private readonly List<StringBuilder> _pages = [];
    private readonly StringBuilder _text = new();
    private double _y;

    public SimplePdf() => NewPage();

    public SimplePdf Title(string text) => Lines(text, bold: true, size: 16, indent: 0, after: 8);

    public SimplePdf Heading(string text) => Lines(text, bold: true, size: 12, indent: 0, after: 4, before: 8);

    public SimplePdf Paragraph(string text) => Lines(text, bold: false, size: 10.5, indent: 0, after: 6);

    public SimplePdf Bullet(string text) => Lines("\u2022 " + text, bold: false, size: 10.5, indent: 12, after: 2);

    /// <summary>
    /// The words of every line written so far, as a PDF reader takes them from the file (characters WinAnsi cannot
    /// hold read as "?"), one space apart: the text to index, known without parsing the file again.
    /// </summary>
    public string Text => _text.ToString().TrimEnd();

    public SimplePdf NewPage()
    {
        _pages.Add(new StringBuilder());
        _y = PageHeight - Margin;
        return this;
    }

    /// <summary>The file; the title goes in the document information (shown by readers as the window title).</summary>
    public byte[] ToBytes(string title)
    {
        var objects = new List<string>
        {
            "<< /Type /Catalog /Pages 2 0 R >>",
            "", // the page tree, once the pages' numbers are known
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>",
            $"<< /Title {Utf16(title)} /Producer (PortCooperation) >>",
        };
        var kids = new List<int>();
        foreach (var content in _pages.Where(p => p.Length > 0))
        {
            var stream = content.ToString();
            objects.Add($"<< /Length {Encode(stream).Length} >>\nstream\n{stream}endstream");
            objects.Add($"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {PageWidth} {PageHeight}] /Resources << /Font << /F1 3 0 R /F2 4 0 R >> >> /Contents {objects.Count} 0 R >>");
            kids.Add(objects.Count);
        }

        objects[1] = $"<< /Type /Pages /Kids [{string.Join(' ', kids.Select(k => $"{k} 0 R"))}] /Count {kids.Count} >>";

        using var file = new MemoryStream();
        file.Write("%PDF-1.4\n%\xE2\xE3\xCF\xD3\n"u8);
        var offsets = new List<long>();
        for (var i = 0; i < objects.Count; i++)
        {
            offsets.Add(file.Position);
            file.Write(Encode($"{i + 1} 0 obj\n{objects[i]}\nendobj\n"));
        }

        var xref = file.Position;
        var tail = new StringBuilder($"xref\n0 {objects.Count + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets)
        {
            tail.Append(CultureInfo.InvariantCulture, $"{offset:D10} 00000 n \n");
        }

        tail.Append(CultureInfo.InvariantCulture, $"trailer\n<< /Size {objects.Count + 1} /Root 1 0 R /Info 5 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        file.Write(Encode(tail.ToString()));
        return file.ToArray();
    }

    private SimplePdf Lines(string text, bool bold, double size, double indent, double after, double before = 0)
    {
        _y -= before;
        foreach (var line in Wrap(text, bold, size, PageWidth - 2 * Margin - indent))
        {
            if (_y - size < Margin)
            {
                NewPage();
            }

            _y -= size * 1.3;
            _pages[^1].Append(CultureInfo.InvariantCulture, $"BT /{(bold ? "F2" : "F1")} {size} Tf {Margin + indent} {_y:0.##} Td ({Escape(line)}) Tj ET\n");
            foreach (var c in line)
            {
                _text.Append(c == '\u2212' ? '-' : WinAnsi(c) == (byte)'?' ? '?' : c);
            }

            _text.Append(' ');
        }

        _y -= after;
        return this;
    }

    private static IEnumerable<string> Wrap(string text, bool bold, double size, double width)
    {
        var line = new StringBuilder();
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = line.Length == 0 ? word : line + " " + word;
            if (line.Length > 0 && Width(candidate, bold, size) > width)
            {
                yield return line.ToString();
                line.Clear().Append(word);
            }
            else
            {
                line.Clear().Append(candidate);
            }
        }

        if (line.Length > 0)
        {
            yield return line.ToString();
        }
    }

    // Helvetica's advance widths (thousandths of the font size) for ASCII 32–126; accented letters take their base
    // letter's width and the bold face runs about 7% wider. Close enough to wrap lines inside the margins.
    private static readonly short[] _widths =
    [
        278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278,
        556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556,
        1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778,
        667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556,
        333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556,
        556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584,
    ];

    private static double Width(string text, bool bold, double size)
    {
        double total = 0;
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            total += c is >= ' ' and <= '~' ? _widths[c - ' '] : CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark ? 0 : 556;
        }

        return total / 1000 * size * (bold ? 1.07 : 1);
    }

    private static string Escape(string line) =>
        line.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("(", "\\(", StringComparison.Ordinal).Replace(")", "\\)", StringComparison.Ordinal);

    /// <summary>A text string in UTF-16BE with its byte order mark, which every reader takes for the document information.</summary>
    private static string Utf16(string text) => "<FEFF" + Convert.ToHexString(Encoding.BigEndianUnicode.GetBytes(text)) + ">";

    /// <summary>WinAnsi bytes: Latin-1 plus the typographic marks Windows-1252 adds; anything else becomes "?".</summary>
    private static byte[] Encode(string text)
    {
        var bytes = new byte[text.Length];
        for (var i = 0; i < text.Length; i++)
        {
            bytes[i] = WinAnsi(text[i]);
        }

        return bytes;
    }

    private static byte WinAnsi(char c) =>
        c switch
        {
            <= '\u00FF' => (byte)c,
            '\u2013' => 0x96,
            '\u2014' => 0x97,
            '\u2018' => 0x91,
            '\u2019' => 0x92,
            '\u201C' => 0x93,
            '\u201D' => 0x94,
            '\u2022' => 0x95,
            '\u2212' => (byte)'-',
            _ => (byte)'?',
        };
}
