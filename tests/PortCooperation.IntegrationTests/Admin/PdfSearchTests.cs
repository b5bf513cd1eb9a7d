using System.Net;
using Microsoft.EntityFrameworkCore;
using PortCooperation.IntegrationTests.Infrastructure;
using PortCooperation.IntegrationTests.Web;
using PortCooperation.Web.Domain;
using static PortCooperation.IntegrationTests.Web.Library.LibraryTestData;

namespace PortCooperation.IntegrationTests.Admin;

/// <summary>
/// A PDF's text reaches the library's full-text index through the real doors: a staff member uploads a PDF printed
/// by Chromium to a draft document, publishes it, and the public search finds the document by a word that is only
/// in the PDF. Once on SQLite (FTS5) and once on PostgreSQL (tsvector).
/// </summary>
public abstract class PdfSearchTests
{
    protected abstract Task<WebFactory> CreateFactoryAsync();

    protected async Task AWordOnlyInAnUploadedPdf_FindsThePublishedDocument()
    {
        using var factory = await CreateFactoryAsync();
        var document = NewDocument("Harbour guide", d => { d.PublicationState = PublicationState.Draft; d.PublishedAtUtc = null; });
        await factory.AddAsync(document);
        var client = await factory.SignedInStaffAsync();
        var anonymous = factory.CreateClient();
        var url = $"/Admin/Documents/Edit/{document.Id}";
        var pdf = await File.ReadAllBytesAsync(Path.Combine(AppContext.BaseDirectory, "fixtures", "gestion-portuaria.pdf"));

        using (var upload = await AttachmentUploadTests.UploadAsync(client, url, "gestion-portuaria.pdf", pdf))
        {
            upload.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        var text = await factory.WithDbAsync(db => db.Attachments.AsNoTracking().Where(a => a.DocumentId == document.Id).Select(a => a.ExtractedText).SingleAsync());
        text.ShouldNotBeNull().ShouldContain("ecoboyas");
        (await DocumentAdminTests.SearchAsync(anonymous, "ecoboyas")).ShouldBeEmpty("a draft is not searchable");

        await client.SubmitAsync(url, "#publish-now", new());

        (await DocumentAdminTests.SearchAsync(anonymous, "ecoboyas")).ShouldBe(["Harbour guide"]);
        (await DocumentAdminTests.SearchAsync(anonymous, "señalización")).ShouldBe(["Harbour guide"]);
        (await DocumentAdminTests.SearchAsync(anonymous, "zarpazo")).ShouldBeEmpty();
    }
}

public sealed class PdfSearchOnSqlite : PdfSearchTests
{
    protected override Task<WebFactory> CreateFactoryAsync() => Task.FromResult(new WebFactory());

    [Fact] public Task AWordOnlyInAnUploadedPdf_FindsThePublishedDocument_OnSqlite() => AWordOnlyInAnUploadedPdf_FindsThePublishedDocument();
}

[Collection(PostgresCollection.Name)]
public sealed class PdfSearchOnPostgres(PostgresCluster cluster) : PdfSearchTests
{
    protected override async Task<WebFactory> CreateFactoryAsync() =>
        new(settings: new Dictionary<string, string?>
        {
            ["Database:Provider"] = "PostgreSQL",
            ["ConnectionStrings:Portal"] = await cluster.CreateDatabaseAsync(),
        });

    [PostgresFact] public Task AWordOnlyInAnUploadedPdf_FindsThePublishedDocument_OnPostgres() => AWordOnlyInAnUploadedPdf_FindsThePublishedDocument();
}
