using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Moq;
using PortCooperation.IntegrationTests.Web;
using PortCooperation.Web.Domain;
using PortCooperation.Web.Services.Library;
using PortCooperation.Web.Services.Uploads;
using static PortCooperation.IntegrationTests.Web.Library.LibraryTestData;
using static PortCooperation.IntegrationTests.Web.WebTestData;

namespace PortCooperation.IntegrationTests.Admin;

/// <summary>S9: attachments of documents and activities, checked by content, stored outside wwwroot under generated names.</summary>
public sealed class AttachmentUploadTests
{
    private static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");

    [Fact]
    public async Task APdf_IsStoredUnderAGeneratedName_OutsideWwwroot_AndDownloadedUnderItsSafeOriginalName_FromAPathTraversalName()
    {
        using var factory = new WebFactory();
        var document = NewDocument("Guide");
        await factory.AddAsync(document);
        var client = await factory.SignedInStaffAsync("uploader@example.org");

        using var response = await UploadAsync(client, $"/Admin/Documents/Edit/{document.Id}", "../../x.pdf", Pdf);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var saved = await factory.WithDbAsync(db => db.Attachments.AsNoTracking().SingleAsync());
        (saved.DocumentId, saved.OriginalFileName, saved.ContentType, saved.SizeBytes).ShouldBe(((int?)document.Id, "x.pdf", "application/pdf", (long)Pdf.Length));
        saved.StoredFileName.ShouldMatch("^[0-9a-f]{32}\\.pdf$");
        var storage = factory.Services.GetRequiredService<AttachmentStorage>();
        var path = storage.PathOf(saved.StoredFileName)!;
        File.ReadAllBytes(path).ShouldBe(Pdf);
        Path.GetFullPath(path).ShouldStartWith(Path.GetFullPath(factory.DataDirectory));
        Path.GetFullPath(path).ShouldNotContain("wwwroot");
        Directory.EnumerateFiles(factory.DataDirectory, "x.pdf", SearchOption.AllDirectories).ShouldBeEmpty();

        var page = await client.PageAsync($"/Admin/Documents/Edit/{document.Id}");
        page.QuerySelector("[role=status]")!.TextContent.ShouldContain("attached");
        var link = page.QuerySelector($"#attachment-{saved.Id} a")!;
        Squash(link.TextContent).ShouldBe("x.pdf");
        using var download = await client.GetAsync(link.GetAttribute("href"));
        download.StatusCode.ShouldBe(HttpStatusCode.OK);
        download.Content.Headers.ContentDisposition!.DispositionType.ShouldBe("attachment");
        download.Content.Headers.ContentDisposition.FileNameStar.ShouldBe("x.pdf");
        download.Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");
        download.Headers.GetValues("X-Content-Type-Options").ShouldContain("nosniff");
        (await download.Content.ReadAsByteArrayAsync()).ShouldBe(Pdf);

        var audit = await factory.WithDbAsync(db => db.AuditEntries.AsNoTracking().SingleAsync(e => e.EntityType == nameof(Attachment)));
        (audit.Action, audit.UserName, audit.EntityId).ShouldBe(("create", "uploader@example.org", saved.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Theory]
    [InlineData("setup.pdf", "MZ")]
    [InlineData("report.docx", "PK-not-office")]
    [InlineData("notes.pdf", "plain text pretending")]
    public async Task AFileWhoseContentIsNotPdfOrOffice_IsRefused_WhateverItsName(string fileName, string kind)
    {
        using var factory = new WebFactory();
        var document = NewDocument("Guide");
        await factory.AddAsync(document);
        var client = await factory.SignedInStaffAsync();
        var content = kind switch
        {
            "MZ" => [0x4D, 0x5A, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00, 0x00, 0x00, 0xFF, 0xFF, 0x00, 0x00],
            "PK-not-office" => Zip(("readme.txt", "hello")),
            _ => Encoding.UTF8.GetBytes(kind),
        };

        using var response = await UploadAsync(client, $"/Admin/Documents/Edit/{document.Id}", fileName, content);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await client.PageAsync($"/Admin/Documents/Edit/{document.Id}")).QuerySelector("[role=alert]")!.TextContent.ShouldContain("whatever its name says");
        (await factory.WithDbAsync(db => db.Attachments.CountAsync())).ShouldBe(0);
        var folder = factory.Services.GetRequiredService<AttachmentStorage>().Folder;
        (Directory.Exists(folder) ? Directory.EnumerateFiles(folder) : []).ShouldBeEmpty();
    }

    [Fact]
    public async Task AnOversizeFile_IsRefused_WithAClearMessage()
    {
        using var factory = new WebFactory(settings: new Dictionary<string, string?> { ["Uploads:MaxBytes"] = (2 * 1024 * 1024).ToString(System.Globalization.CultureInfo.InvariantCulture) });
        var document = NewDocument("Guide");
        await factory.AddAsync(document);
        var client = await factory.SignedInStaffAsync();
        var big = new byte[(2 * 1024 * 1024) + 1];
        Pdf.CopyTo(big, 0);

        using var response = await UploadAsync(client, $"/Admin/Documents/Edit/{document.Id}", "big.pdf", big);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var page = await client.PageAsync($"/Admin/Documents/Edit/{document.Id}");
        Squash(page.QuerySelector("[role=alert]")!.TextContent).ShouldBe("The file is larger than 2 MB and was not uploaded.");
        Squash(page.QuerySelector("#upload-help")!.TextContent).ShouldContain("up to 2 MB");
        (await factory.WithDbAsync(db => db.Attachments.CountAsync())).ShouldBe(0);
    }

    [Fact]
    public async Task OfficeFiles_AreRecognisedByContent_OnActivitiesToo_ThenReplacedAndRemoved_WithAuditEntries()
    {
        using var factory = new WebFactory();
        var activity = NewActivity("Port forum", WebFactory.DefaultNow.UtcDateTime.AddDays(10));
        await factory.AddAsync(activity);
        var client = await factory.SignedInStaffAsync();
        var url = $"/Admin/Activities/Edit/{activity.Id}";
        var docx = Zip(("[Content_Types].xml", "<Types><Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/></Types>"), ("word/document.xml", "<w:document/>"));

        (await UploadAsync(client, url, "Agenda final.docx", docx)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var attachment = await factory.WithDbAsync(db => db.Attachments.AsNoTracking().SingleAsync());
        (attachment.ActivityId, attachment.DocumentId, attachment.OriginalFileName, attachment.ContentType)
            .ShouldBe(((int?)activity.Id, (int?)null, "Agenda final.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"));

        // Replace with a legacy Excel file (OLE compound document): same record, new stored file, old file gone.
        var storage = factory.Services.GetRequiredService<AttachmentStorage>();
        var oldPath = storage.PathOf(attachment.StoredFileName)!;
        byte[] xls = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, .. new byte[504]];
        var page = await client.PageAsync(url);
        using (var replaced = await PostFileAsync(client, page, $"form[action$='/Attachments/Replace/{attachment.Id}']", "budget.xls", xls))
        {
            replaced.StatusCode.ShouldBe(HttpStatusCode.Redirect);
            replaced.Headers.Location!.OriginalString.ShouldBe(url);
        }

        var after = await factory.WithDbAsync(db => db.Attachments.AsNoTracking().SingleAsync());
        (after.Id, after.OriginalFileName, after.ContentType, after.SizeBytes).ShouldBe((attachment.Id, "budget.xls", "application/vnd.ms-excel", 512L));
        File.Exists(oldPath).ShouldBeFalse();
        File.Exists(storage.PathOf(after.StoredFileName)).ShouldBeTrue();

        using (var removed = await client.SubmitAsync(url, $"form[action$='/Attachments/Remove/{attachment.Id}']", new()))
        {
            removed.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        (await factory.WithDbAsync(db => db.Attachments.CountAsync())).ShouldBe(0);
        File.Exists(storage.PathOf(after.StoredFileName)).ShouldBeFalse();
        var actions = await factory.WithDbAsync(db => db.AuditEntries.Where(e => e.EntityType == nameof(Attachment)).OrderBy(e => e.Id).Select(e => e.Action).ToListAsync());
        actions.ShouldBe(["create", "update", "delete"]);
        (await client.GetAsync($"/Admin/Attachments/Download/{attachment.Id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task ExtractedText_GoesThroughTheExtractorHook_AndIsFoundBySearchOnceTheDocumentIsPublished()
    {
        using var baseFactory = new WebFactory();
        using var factory = baseFactory.WithWebHostBuilder(b => b.ConfigureTestServices(s =>
        {
            s.RemoveAll<IAttachmentTextExtractor>();
            s.AddSingleton(Extractor("quarantine zanzibarite schedule"));
        }));
        var document = NewDocument("Guide with a PDF");
        await baseFactory.AddAsync(document);
        // The account is made through the first host; the same database serves the host with the test's extractor.
        using var unused = await baseFactory.SignedInStaffAsync();
        var staff = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("https://localhost") });
        using (var signIn = await staff.SubmitAsync("/Identity/Account/Login", "form", new() { ["Email"] = "editor@example.org", ["Password"] = StaffClient.Password }))
        {
            signIn.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        (await UploadAsync(staff, $"/Admin/Documents/Edit/{document.Id}", "guide.pdf", Pdf)).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        (await baseFactory.WithDbAsync(db => db.Attachments.Select(a => a.ExtractedText).SingleAsync())).ShouldBe("quarantine zanzibarite schedule");
        // The log says a file was attached, without copying the file's text into it.
        (await baseFactory.WithDbAsync(db => db.AuditEntries.Where(e => e.EntityType == nameof(Attachment)).Select(e => e.Changes ?? "").SingleAsync())).ShouldNotContain("zanzibarite");
        var results = await factory.CreateClient().GetDocumentAsync("/library?q=zanzibarite");
        results.QuerySelectorAll("#library-results .doc-card__title").Select(e => Squash(e.TextContent)).ShouldBe(["Guide with a PDF"]);
    }

    /// <summary>An extractor that finds the given text in any file.</summary>
    private static IAttachmentTextExtractor Extractor(string text)
    {
        var extractor = new Mock<IAttachmentTextExtractor>();
        extractor.Setup(e => e.Extract(It.IsAny<string>(), It.IsAny<byte[]>())).Returns(text);
        return extractor.Object;
    }

    internal static async Task<HttpResponseMessage> UploadAsync(HttpClient client, string editUrl, string fileName, byte[] content) =>
        await PostFileAsync(client, await client.PageAsync(editUrl), "#upload-form", fileName, content);

    /// <summary>Posts a multipart form the way a browser does: the form's own fields (antiforgery token included) and the file.</summary>
    private static async Task<HttpResponseMessage> PostFileAsync(HttpClient client, AngleSharp.Html.Dom.IHtmlDocument page, string formSelector, string fileName, byte[] content)
    {
        var form = (AngleSharp.Html.Dom.IHtmlFormElement)page.QuerySelector(formSelector)!;
        using var body = new MultipartFormDataContent();
        foreach (var (name, value) in StaffClient.FieldsOf(form))
        {
            body.Add(new StringContent(value), name);
        }

        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        body.Add(file, "file", fileName);
        return await client.PostAsync(form.GetAttribute("action"), body);
    }

    private static byte[] Zip(params (string Name, string Text)[] entries)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, text) in entries)
            {
                using var writer = new StreamWriter(zip.CreateEntry(name).Open());
                writer.Write(text);
            }
        }

        return buffer.ToArray();
    }
}
