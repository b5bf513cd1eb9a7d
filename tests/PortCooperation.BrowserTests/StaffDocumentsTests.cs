using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using PortCooperation.BrowserTests.Infrastructure;
using PortCooperation.Web.Data;
using PortCooperation.Web.Domain;
using PortCooperation.Web.Services.Staff;

namespace PortCooperation.BrowserTests;

/// <summary>A staff member writes a best-practice document in both languages, attaches a PDF, publishes it and finds it in the library.</summary>
[Collection(BrowserCollection.Name)]
public sealed class StaffDocumentsTests(BrowserApp app)
{
    [Fact]
    public async Task StaffMember_WritesADocument_AttachesAPdf_PublishesIt_AndFindsItInTheLibrary()
    {
        var page = await SignedInStaffPageAsync("library.editor@example.org");
        await ScreenshotAsync(page, "admin-dashboard");
        await AssertNoAxeViolationsAsync(page, "dashboard");
        await page.GotoAsync("/Admin/Documents");
        await ScreenshotAsync(page, "admin-documents-list");
        await AssertNoAxeViolationsAsync(page, "document list");

        await page.GetByRole(AriaRole.Link, new() { Name = "New document" }).ClickAsync();
        await page.GetByLabel("Kind of source").SelectOptionAsync("NationalAuthority");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        (await page.Locator("#error-summary li").CountAsync()).ShouldBe(2);
        await ScreenshotAsync(page, "admin-document-form-errors");
        await AssertNoAxeViolationsAsync(page, "document form with errors");

        var title = "Browser test port measure " + Guid.NewGuid().ToString("N")[..6];
        try
        {
            await WriteAndPublishAsync(page, title);
        }
        finally
        {
            // The app and its database are shared by the whole browser collection: leave the library as it was.
            await DeleteDocumentAsync(title);
        }
    }

    private static async Task WriteAndPublishAsync(IPage page, string title)
    {
        await page.GetByLabel("Title (English)").FillAsync(title);
        await page.GetByLabel("Title (Spanish)").FillAsync("Medida portuaria de prueba");
        await page.GetByLabel("Summary (English)").FillAsync("What the port authority asks of ships calling during an outbreak.");
        await page.GetByLabel("Country").SelectOptionAsync(new SelectOptionValue { Label = "Peru" });
        await page.GetByLabel("COVID-19", new() { Exact = true }).CheckAsync();
        await page.GetByLabel("COVID-19 best practices").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        (await page.GetByRole(AriaRole.Status).InnerTextAsync()).ShouldContain("created as a draft");

        await page.Locator("#upload-file").SetInputFilesAsync(new FilePayload
        {
            Name = "measure.pdf", MimeType = "application/pdf", Buffer = "%PDF-1.4\n%%EOF\n"u8.ToArray(),
        });
        await page.GetByRole(AriaRole.Button, new() { Name = "Upload" }).ClickAsync();
        (await page.GetByRole(AriaRole.Status).InnerTextAsync()).ShouldContain("attached");
        await ScreenshotAsync(page, "admin-document-form");
        await AssertNoAxeViolationsAsync(page, "document form");

        await page.GetByRole(AriaRole.Button, new() { Name = "Publish now" }).ClickAsync();
        (await page.GetByRole(AriaRole.Status).InnerTextAsync()).ShouldContain("is published");

        await page.GotoAsync("/library/collections/covid-19-best-practices");
        (await page.Locator("#national").InnerTextAsync()).ShouldContain(title);

        await page.GotoAsync("/Admin/Collections");
        await AssertNoAxeViolationsAsync(page, "collection list");
        await page.GetByRole(AriaRole.Link, new() { Name = "COVID-19 best practices" }).ClickAsync();
        await ScreenshotAsync(page, "admin-collection-form");
        await AssertNoAxeViolationsAsync(page, "collection form");
    }

    private async Task DeleteDocumentAsync(string title)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var documents = await db.Documents.Where(d => d.TitleEn == title).Select(d => new { d.Id, d.Version }).ToListAsync();
        foreach (var document in documents)
        {
            await scope.ServiceProvider.GetRequiredService<DocumentEditor>().DeleteAsync(document.Id, document.Version, CancellationToken.None);
        }
    }

    private Task<IPage> SignedInStaffPageAsync(string email) =>
        app.SignedInStaffPageAsync(email, Roles.Editor, new BrowserNewContextOptions { BypassCSP = true, ViewportSize = new ViewportSize { Width = 1366, Height = 900 } });

    private static async Task AssertNoAxeViolationsAsync(IPage page, string what)
    {
        var violations = await Axe.ViolationsAsync(page);
        violations.ShouldBeEmpty($"{what}: {string.Join(Environment.NewLine, violations)}");
    }

    private static async Task ScreenshotAsync(IPage page, string name)
    {
        Directory.CreateDirectory(StaffActivitiesTests.ScreenshotFolder);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(StaffActivitiesTests.ScreenshotFolder, name + ".png"), FullPage = true });
    }
}
