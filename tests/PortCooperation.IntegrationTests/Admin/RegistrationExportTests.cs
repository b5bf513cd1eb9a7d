using System.Net;
using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Validation;
using PortCooperation.IntegrationTests.Web;
using PortCooperation.Web.Domain;
using static PortCooperation.IntegrationTests.Admin.RegistrationAdminKit;
using static PortCooperation.IntegrationTests.Web.WebTestData;

namespace PortCooperation.IntegrationTests.Admin;

/// <summary>The registrations list exported to CSV and Excel: the filter applies, and no cell can run as a formula (S16).</summary>
public sealed class RegistrationExportTests
{
    private static readonly string[] Payloads = ["=HYPERLINK(\"http://evil.example\",\"x\")", "+SUM(1,2)", "-2+3", "@cmd|' /C calc'!A0"];

    private static async Task<(WebFactory Factory, HttpClient Client, Activity Activity)> ArrangeAsync()
    {
        var factory = new WebFactory();
        var activity = NewActivity("Held webinar", WebFactory.DefaultNow.UtcDateTime.AddDays(-2));
        await factory.AddAsync(activity);
        var hostile = NewRegistration(activity.Id, Payloads[0], "mallory@example.org", RegistrationStatus.Confirmed, attended: true);
        hostile.OrganisationName = Payloads[1];
        hostile.Position = Payloads[2];
        var second = NewRegistration(activity.Id, "Ana Pérez", "ana@example.org", RegistrationStatus.Confirmed);
        second.OrganisationName = Payloads[3];
        await factory.AddAsync(hostile, second, NewRegistration(activity.Id, "Waiting Person", "wait@example.org", RegistrationStatus.Waitlisted));
        return (factory, await factory.SignedInStaffAsync(), activity);
    }

    [Fact]
    public async Task Csv_FollowsTheFilter_AndNeutralisesFormulaPayloads()
    {
        var (factory, client, activity) = await ArrangeAsync();
        using var _ = factory;
        var page = await client.PageAsync($"/Admin/Activities/{activity.Id}/Registrations?status=confirmed");
        var href = page.QuerySelector("#export-csv")!.GetAttribute("href")!;
        href.ShouldBe($"/Admin/Activities/{activity.Id}/Registrations/Export?status=confirmed");

        using var response = await client.GetAsync(href);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/csv");
        var lines = Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        lines.Length.ShouldBe(3);
        lines[0].ShouldStartWith("Id,FullName,Email,Organisation,Position,Country");
        lines[1].ShouldContain("\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"x\"\")\"");
        lines[1].ShouldContain(",\"'+SUM(1,2)\",'-2+3,");
        lines[1].ShouldContain(",Confirmed,yes,");
        lines[2].ShouldContain(",'@cmd|' /C calc'!A0,");
        string.Join("\n", lines).ShouldNotContain("Waiting Person");
    }

    [Fact]
    public async Task Xlsx_IsAValidWorkbook_WithoutFormulas_AndFormulaLikeTextMarkedAsText()
    {
        var (factory, client, activity) = await ArrangeAsync();
        using var _ = factory;
        var page = await client.PageAsync($"/Admin/Activities/{activity.Id}/Registrations");
        var href = page.QuerySelector("#export-xlsx")!.GetAttribute("href")!;

        using var response = await client.GetAsync(href);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        response.Content.Headers.ContentDisposition!.FileNameStar.ShouldBe($"registrations-activity-{activity.Id}-2032-03-01.xlsx");
        await using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        using var document = SpreadsheetDocument.Open(stream, false);
        new OpenXmlValidator().Validate(document).Select(e => $"{e.Path?.XPath}: {e.Description}").ShouldBeEmpty();
        var workbook = document.WorkbookPart!;
        var sheet = workbook.WorksheetParts.Single().Worksheet;
        sheet.Descendants<CellFormula>().ShouldBeEmpty();
        var rows = sheet.Descendants<Row>().Select(r => r.Elements<Cell>().ToList()).ToList();
        rows.Count.ShouldBe(4);
        rows[0].Select(c => c.InnerText).Take(3).ShouldBe(["Id", "FullName", "Email"]);
        rows[1][0].DataType!.Value.ShouldBe(CellValues.Number);
        var quotePrefixed = workbook.WorkbookStylesPart!.Stylesheet.CellFormats!.Elements<CellFormat>().ToList();
        foreach (var payload in Payloads)
        {
            var cell = rows.SelectMany(r => r).Single(c => c.InnerText == payload);
            cell.DataType!.Value.ShouldBe(CellValues.InlineString);
            quotePrefixed[(int)cell.StyleIndex!.Value].QuotePrefix!.Value.ShouldBeTrue();
        }

        rows[2][1].InnerText.ShouldBe("Ana Pérez");
        rows[2][1].StyleIndex.ShouldBeNull();
    }
}
