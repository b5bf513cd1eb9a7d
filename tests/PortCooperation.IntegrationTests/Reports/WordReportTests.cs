using System.Net;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;

namespace PortCooperation.IntegrationTests.Reports;

/// <summary>The Word download opens: the Open XML SDK's validator finds no error, and it says what the page says.</summary>
public sealed class WordReportTests(DemoDataFactory app) : IClassFixture<DemoDataFactory>
{
    private async Task<WordprocessingDocument> DownloadAsync(string query)
    {
        using var response = await app.Staff.GetAsync("/Admin/Reports/Word?" + query);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        return WordprocessingDocument.Open(stream, isEditable: false);
    }

    [Theory]
    [InlineData("period=quarter&periodYear=2020&periodQuarter=2")]
    [InlineData("period=year&periodYear=2019&culture=es")]
    [InlineData("period=year&periodYear=2019&scope=region&region=Caribbean")]
    public async Task WordDocument_IsValidOpenXml(string query)
    {
        using var document = await DownloadAsync(query);

        var errors = new OpenXmlValidator().Validate(document).Select(e => $"{e.Path?.XPath}: {e.Description}").ToList();

        errors.ShouldBeEmpty();
    }

    [Fact]
    public async Task WordDocument_HasTheFiguresListsAndHeadingsOfTheReport()
    {
        using var document = await DownloadAsync("period=quarter&periodYear=2020&periodQuarter=2");
        var body = document.MainDocumentPart!.Document.Body!;
        var paragraphs = body.Elements<Paragraph>().ToList();
        var text = string.Join("\n", body.Descendants<Paragraph>().Select(p => p.InnerText));

        paragraphs.Single(p => p.ParagraphProperties?.ParagraphStyleId?.Val == "Title").InnerText.ShouldBe("Executive report");
        paragraphs.Where(p => p.ParagraphProperties?.ParagraphStyleId?.Val == "Heading1").Select(p => p.InnerText).ShouldBe([
            "1. Scholarships", "2. Events cancelled and postponed", "3. Best practices added to the portal", "4. Portal usage",
            "5. Webinars", "6. Online courses", "7. Participation of the Secretariat as a speaker",
            "8. Activities planned for Q3 2020 (July–September)", "About these figures",
        ]);
        text.ShouldContain("• 2. Smart Ports and New Technologies");
        text.ShouldContain("Tuesday 19 May 2020 · with Valenciaport Foundation");
        text.ShouldContain("New dates: 19 May 2021 – 21 May 2021");
        var rows = body.Descendants<TableRow>().Select(r => string.Join("|", r.Elements<TableCell>().Select(c => c.InnerText))).ToList();
        rows.ShouldContain("Participants|1,340|0|+1,340");
        rows.ShouldContain("Officials trained|132|0|+132");
        rows.ShouldContain("National port authorities – Caribbean|5|0");
        var size = body.GetFirstChild<SectionProperties>()!.GetFirstChild<PageSize>()!;
        ((uint)size.Width!, (uint)size.Height!).ShouldBe((11906U, 16838U));
    }
}
