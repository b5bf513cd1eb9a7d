using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Drawing = DocumentFormat.OpenXml.Drawing;
using P = DocumentFormat.OpenXml.Presentation;
using Word = DocumentFormat.OpenXml.Wordprocessing;

namespace PortCooperation.IntegrationTests.Web.Library;

/// <summary>Small real Word, Excel and PowerPoint files, written with the OpenXML SDK as Office would save them.</summary>
public static class OfficeFiles
{
    public static byte[] Word(params string[] paragraphs)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            main.Document = new Word.Document(new Word.Body(paragraphs.Select(p => new Word.Paragraph(new Word.Run(new Word.Text(p))))));
        }

        return stream.ToArray();
    }

    /// <summary>One sheet: the first row as shared strings, the second as an inline string and a number.</summary>
    public static byte[] Excel(string sheetName, string shared, string inline, double number)
    {
        using var stream = new MemoryStream();
        using (var workbook = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var part = workbook.AddWorkbookPart();
            part.Workbook = new Workbook();
            var strings = part.AddNewPart<SharedStringTablePart>();
            strings.SharedStringTable = new SharedStringTable(new SharedStringItem(new Text(shared)));
            var sheetPart = part.AddNewPart<WorksheetPart>();
            sheetPart.Worksheet = new Worksheet(new SheetData(
                new Row(new Cell { CellReference = "A1", DataType = CellValues.SharedString, CellValue = new CellValue("0") }) { RowIndex = 1 },
                new Row(
                    new Cell { CellReference = "A2", DataType = CellValues.InlineString, InlineString = new InlineString(new Text(inline)) },
                    new Cell { CellReference = "B2", CellValue = new CellValue(number) }) { RowIndex = 2 }));
            part.Workbook.AppendChild(new Sheets(new Sheet { Name = sheetName, SheetId = 1, Id = part.GetIdOfPart(sheetPart) }));
        }

        return stream.ToArray();
    }

    /// <summary>A presentation of one slide per text (a text box each).</summary>
    public static byte[] PowerPoint(params string[] slides)
    {
        using var stream = new MemoryStream();
        using (var presentation = PresentationDocument.Create(stream, PresentationDocumentType.Presentation))
        {
            var part = presentation.AddPresentationPart();
            part.Presentation = new P.Presentation();
            var ids = new P.SlideIdList();
            uint id = 256;
            foreach (var text in slides)
            {
                var slidePart = part.AddNewPart<SlidePart>();
                slidePart.Slide = new P.Slide(new P.CommonSlideData(new P.ShapeTree(
                    new P.NonVisualGroupShapeProperties(new P.NonVisualDrawingProperties { Id = 1, Name = "" }, new P.NonVisualGroupShapeDrawingProperties(), new P.ApplicationNonVisualDrawingProperties()),
                    new P.GroupShapeProperties(),
                    new P.Shape(
                        new P.NonVisualShapeProperties(new P.NonVisualDrawingProperties { Id = 2, Name = "Text" }, new P.NonVisualShapeDrawingProperties(), new P.ApplicationNonVisualDrawingProperties()),
                        new P.ShapeProperties(),
                        new P.TextBody(new Drawing.BodyProperties(), new Drawing.Paragraph(new Drawing.Run(new Drawing.Text(text))))))));
                ids.Append(new P.SlideId { Id = id++, RelationshipId = part.GetIdOfPart(slidePart) });
            }

            part.Presentation.Append(ids);
        }

        return stream.ToArray();
    }
}
