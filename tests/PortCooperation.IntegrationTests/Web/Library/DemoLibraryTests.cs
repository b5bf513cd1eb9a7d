using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PortCooperation.IntegrationTests.Admin;
using PortCooperation.Web.Services.Library;
using static PortCooperation.IntegrationTests.Web.WebTestData;

namespace PortCooperation.IntegrationTests.Web.Library;

/// <summary>
/// The seeded library reads like the real thing to visitors (real summaries, a PDF per document whose words the search
/// finds) and stays marked as demo data for staff, who must replace it.
/// </summary>
public sealed class DemoLibraryTests
{
    private const string Document = "/library/covid-19-imo-crew-change-protocols";

    [Fact]
    public async Task PublicLibraryPages_ShowNoDemoPlaceholderText_InEitherLanguage()
    {
        using var factory = new WebFactory(settings: new Dictionary<string, string?> { ["Database:SeedDemoData"] = "true" });
        var client = factory.CreateClient();

        foreach (var url in new[] { "/library", "/library?page=2", "/library/collections/covid-19-best-practices", Document, "/library/covid-19-pe-port-terminal-prevention" })
        {
            foreach (var culture in new[] { "en", "es" })
            {
                var page = await client.GetDocumentAsync($"{url}{(url.Contains('?', StringComparison.Ordinal) ? '&' : '?')}culture={culture}");
                var text = page.Body!.TextContent;
                text.ShouldNotContain("Demo content", Case.Insensitive);
                text.ShouldNotContain("Contenido de demostración", Case.Insensitive);
            }
        }

        // Every summary says what its document is, in both languages.
        var summaries = await factory.WithDbAsync(db => db.Documents.Where(d => d.IsDemo).Select(d => new { d.SummaryEn, d.SummaryEs }).ToListAsync());
        summaries.Count.ShouldBe(23);
        summaries.ShouldAllBe(s => s.SummaryEn!.Length > 80 && s.SummaryEs!.Length > 80);
    }

    [Fact]
    public async Task SeededDocument_DownloadsAsAPdf_WhoseWordsTheSearchFinds()
    {
        using var factory = new WebFactory(settings: new Dictionary<string, string?> { ["Database:SeedDemoData"] = "true" });
        var client = factory.CreateClient();

        var page = await client.GetDocumentAsync(Document);
        var title = Squash(page.QuerySelector("h1")!.TextContent);
        var href = page.QuerySelector("a.attachment")!.GetAttribute("href")!;
        href.ShouldEndWith(".pdf");
        using var download = await client.GetAsync(href);
        download.Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");
        var bytes = await download.Content.ReadAsByteArrayAsync();
        System.Text.Encoding.ASCII.GetString(bytes, 0, 5).ShouldBe("%PDF-");
        bytes.Length.ShouldBeLessThan(8 * 1024);

        var text = PdfText.Extract(bytes, AttachmentStorage.MaxExtractedChars)!;
        text.ShouldNotBeNull();
        Squash(text).ShouldContain(title);
        Squash(text).ShouldContain("Marco de protocolos para cambios de tripulación y viajes seguros");
        Squash(text).ShouldContain("Published 12 May 2020");

        // "Published" is in every seeded PDF and in no title, summary or body: the search finds all 23 through their files.
        var fields = await factory.WithDbAsync(db => db.Documents.Select(d => d.TitleEn + " " + d.TitleEs + " " + d.SummaryEn + " " + d.SummaryEs + " " + d.BodyEn + " " + d.BodyEs).ToListAsync());
        fields.ShouldAllBe(f => !f.Contains("published", StringComparison.OrdinalIgnoreCase));
        var results = await client.GetDocumentAsync("/library?q=published");
        Squash(results.QuerySelector("#results-heading")!.TextContent).ShouldStartWith("Results 1–20 of 23 ");

        // The text indexed at seed time is the one written into each file: reading the files gives the same words.
        var storage = factory.Services.GetRequiredService<AttachmentStorage>();
        var stored = await factory.WithDbAsync(db => db.Attachments.Select(a => new { a.StoredFileName, a.ExtractedText }).ToListAsync());
        stored.Count.ShouldBe(23);
        foreach (var attachment in stored)
        {
            var file = await File.ReadAllBytesAsync(storage.PathOf(attachment.StoredFileName)!);
            attachment.ExtractedText.ShouldBe(AttachmentStorage.ExtractText(PdfText.PdfType, file));
        }
    }

    [Fact]
    public async Task StaffDocumentList_AndEditPage_MarkSeededDocumentsAsDemoData()
    {
        using var factory = new WebFactory(settings: new Dictionary<string, string?> { ["Database:SeedDemoData"] = "true" });
        await factory.AddAsync(LibraryTestData.NewDocument("A real protocol from a member state"));
        var staff = await factory.SignedInStaffAsync();

        var list = await staff.PageAsync("/Admin/Documents");
        var rows = list.QuerySelectorAll("#documents tbody tr").ToList();
        rows.Count.ShouldBe(24);
        rows.Count(r => r.QuerySelector(".staff-demo") is not null).ShouldBe(23);
        Squash(rows.Single(r => r.TextContent.Contains("A real protocol", StringComparison.Ordinal)).TextContent).ShouldNotContain("Demo data");
        Squash(rows.First(r => r.QuerySelector(".staff-demo") is not null).QuerySelector(".staff-demo")!.TextContent).ShouldBe("Demo data");

        var id = await factory.WithDbAsync(db => db.Documents.Where(d => d.Slug == "covid-19-imo-crew-change-protocols").Select(d => d.Id).SingleAsync());
        var edit = await staff.PageAsync($"/Admin/Documents/Edit/{id}?culture=es");
        Squash(edit.QuerySelector("h1 .staff-demo")!.TextContent).ShouldBe("Datos de demostración");
        edit.QuerySelector("#demo-note").ShouldNotBeNull();
    }
}
