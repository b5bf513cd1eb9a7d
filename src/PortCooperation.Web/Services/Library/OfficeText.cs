using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Drawing = DocumentFormat.OpenXml.Drawing;
using Word = DocumentFormat.OpenXml.Wordprocessing;

namespace PortCooperation.Web.Services.Library;

/// <summary>
/// The text of Word, Excel and PowerPoint files (Office Open XML) for the library's full-text index, read with
/// DocumentFormat.OpenXml: paragraphs of a document, cells and sheet names of a workbook, text of the slides in
/// their order. A damaged or disguised file gives no text rather than an error. Reading stops after
/// <paramref name="maxChars"/> characters.
/// </summary>
public static class OfficeText
{
    public const string WordType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    public const string ExcelType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public const string PowerPointType = "application/vnd.openxmlformats-officedocument.presentationml.presentation";

    public static string? Extract(string mediaType, byte[] content, int maxChars)
    {
        var text = new Limited(maxChars);
        try
        {
            using var stream = new MemoryStream(content, writable: false);
            switch (mediaType)
            {
                case WordType:
                    ReadWord(stream, text);
                    break;
                case ExcelType:
                    ReadExcel(stream, text);
                    break;
                case PowerPointType:
                    ReadPowerPoint(stream, text);
                    break;
                default:
                    return null;
            }
        }
        catch (Exception e) when (e is OpenXmlPackageException or InvalidDataException or IOException or FormatException or System.Xml.XmlException)
        {
            return null;
        }

        return text.ToString();
    }

    private static void ReadWord(Stream stream, Limited text)
    {
        using var document = WordprocessingDocument.Open(stream, false);
        var main = document.MainDocumentPart;
        if (main?.Document?.Body is not { } body)
        {
            return;
        }

        foreach (var paragraph in body.Descendants<Word.Paragraph>())
        {
            if (!text.Add(paragraph.InnerText))
            {
                return;
            }
        }
    }

    private static void ReadExcel(Stream stream, Limited text)
    {
        using var workbook = SpreadsheetDocument.Open(stream, false);
        if (workbook.WorkbookPart is not { } part)
        {
            return;
        }

        var shared = part.SharedStringTablePart?.SharedStringTable?.Elements<SharedStringItem>().Select(s => s.InnerText).ToList() ?? [];
        foreach (var sheet in part.Workbook?.Sheets?.Elements<Sheet>() ?? [])
        {
            if (!text.Add(sheet.Name?.Value) || sheet.Id?.Value is not { } id || part.GetPartById(id) is not WorksheetPart worksheet)
            {
                continue;
            }

            foreach (var cell in worksheet.Worksheet?.Descendants<Cell>() ?? [])
            {
                var value = cell.DataType?.Value == CellValues.SharedString
                    ? int.TryParse(cell.CellValue?.Text, out var index) && index >= 0 && index < shared.Count ? shared[index] : null
                    : cell.DataType?.Value == CellValues.InlineString ? cell.InlineString?.InnerText : cell.CellValue?.Text;
                if (!text.Add(value))
                {
                    return;
                }
            }
        }
    }

    private static void ReadPowerPoint(Stream stream, Limited text)
    {
        using var presentation = PresentationDocument.Open(stream, false);
        if (presentation.PresentationPart is not { } part)
        {
            return;
        }

        var slideIds = part.Presentation?.SlideIdList?.Elements<DocumentFormat.OpenXml.Presentation.SlideId>() ?? [];
        foreach (var slideId in slideIds)
        {
            if (slideId.RelationshipId?.Value is not { } id || part.GetPartById(id) is not SlidePart slide || slide.Slide is null)
            {
                continue;
            }

            foreach (var paragraph in slide.Slide.Descendants<Drawing.Paragraph>())
            {
                if (!text.Add(paragraph.InnerText))
                {
                    return;
                }
            }
        }
    }

    /// <summary>Text pieces joined by new lines, up to a number of characters.</summary>
    private sealed class Limited(int maxChars)
    {
        private readonly StringBuilder _text = new();

        /// <summary>Adds a piece; false once the limit is reached.</summary>
        public bool Add(string? piece)
        {
            if (_text.Length >= maxChars)
            {
                return false;
            }

            if (!string.IsNullOrWhiteSpace(piece))
            {
                _text.Append(piece).Append('\n');
            }

            return true;
        }

        public override string ToString() => _text.ToString();
    }
}
