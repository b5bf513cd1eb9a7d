using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.AspNetCore.Mvc;

namespace PortCooperation.Web.Services.Staff;

/// <summary>
/// Excel workbooks (.xlsx, Open XML) for the staff lists: one sheet, a bold header row, numbers as numbers and
/// everything else as inline text. No cell is ever a formula: text is stored as an inline string (which Excel does
/// not evaluate) and text that starts like a formula (= + - @ tab CR) also carries the "quote prefix" style, so it
/// stays text when someone edits the cell or saves the sheet as CSV (docs/quality.md S16).
/// </summary>
public static class XlsxExport
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private const uint HeaderStyle = 1;
    private const uint TextStyle = 2;

    public static byte[] Write(string sheetName, IEnumerable<string> header, IEnumerable<IEnumerable<object?>> rows)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbookPart = document.AddWorkbookPart();
            workbookPart.Workbook = new Workbook();
            var styles = workbookPart.AddNewPart<WorkbookStylesPart>();
            styles.Stylesheet = Styles();
            var sheetPart = workbookPart.AddNewPart<WorksheetPart>();
            var data = new SheetData();
            data.Append(Row(1, header.Cast<object?>(), HeaderStyle));
            uint index = 2;
            foreach (var row in rows)
            {
                data.Append(Row(index++, row, null));
            }

            sheetPart.Worksheet = new Worksheet(data);
            workbookPart.Workbook.AppendChild(new Sheets(new Sheet
            {
                Id = workbookPart.GetIdOfPart(sheetPart),
                SheetId = 1,
                Name = sheetName.Length > 31 ? sheetName[..31] : sheetName,
            }));
        }

        return stream.ToArray();
    }

    /// <summary>The file as a download named e.g. "registrations-2026-11-23.xlsx".</summary>
    public static FileContentResult File(string name, DateTimeOffset now, IEnumerable<string> header, IEnumerable<IEnumerable<object?>> rows) =>
        new(Write(name, header, rows), ContentType) { FileDownloadName = $"{name}-{now:yyyy-MM-dd}.xlsx" };

    private static Row Row(uint index, IEnumerable<object?> values, uint? style)
    {
        var row = new Row { RowIndex = index };
        foreach (var value in values)
        {
            row.Append(Cell(value, style));
        }

        return row;
    }

    private static Cell Cell(object? value, uint? style)
    {
        switch (value)
        {
            case int or long or decimal or double:
                return new Cell
                {
                    DataType = CellValues.Number,
                    CellValue = new CellValue(((IFormattable)value).ToString(null, CultureInfo.InvariantCulture)),
                    StyleIndex = style,
                };
            default:
                var text = value switch
                {
                    null => "",
                    DateTime d => d.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
                    bool b => b ? "yes" : "no",
                    IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
                    _ => value.ToString() ?? "",
                };
                var looksLikeFormula = CsvExport.Neutralise(text) != text;
                return new Cell(new InlineString(new Text(Clean(text)) { Space = SpaceProcessingModeValues.Preserve }))
                {
                    DataType = CellValues.InlineString,
                    StyleIndex = style ?? (looksLikeFormula ? TextStyle : null),
                };
        }
    }

    /// <summary>XML 1.0 cannot carry most control characters; they are dropped.</summary>
    private static string Clean(string text) =>
        text.Any(c => c < 0x20 && c is not ('\t' or '\n' or '\r')) ? new string([.. text.Where(c => c >= 0x20 || c is '\t' or '\n' or '\r')]) : text;

    private static Stylesheet Styles() => new(
        new Fonts(new Font(), new Font(new Bold())) { Count = 2 },
        new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })) { Count = 2 },
        new Borders(new Border()) { Count = 1 },
        new CellFormats(
            new CellFormat(),
            new CellFormat { FontId = 1, ApplyFont = true },
            new CellFormat { QuotePrefix = true }) { Count = 3 });
}
