using PortCooperation.Web.Domain;
using PortCooperation.Web.Services.Library;

namespace PortCooperation.IntegrationTests.Web.Library;

internal static class LibraryTestData
{
    public static BestPracticeDocument NewDocument(string titleEn, Action<BestPracticeDocument>? change = null)
    {
        var document = new BestPracticeDocument
        {
            Slug = $"doc-{Guid.NewGuid():N}",
            TitleEn = titleEn,
            TitleEs = titleEn + " (ES)",
            SummaryEn = "A summary.",
            SummaryEs = "Un resumen.",
            BodyEn = "The body.",
            SourceKind = SourceKind.InternationalOrganisation,
            Language = "en",
            PublishedOn = new DateOnly(2031, 5, 1),
            PublicationState = PublicationState.Published,
            PublishedAtUtc = new DateTime(2031, 5, 1, 12, 0, 0, DateTimeKind.Utc),
        };
        change?.Invoke(document);
        return document;
    }

    /// <summary>Stores a file through the app's own attachment storage and links it to the document.</summary>
    public static Task<Attachment> AttachAsync(this WebFactory factory, BestPracticeDocument document, string fileName, string contentType, string content) =>
        factory.AttachAsync(document, fileName, contentType, System.Text.Encoding.UTF8.GetBytes(content));

    public static async Task<Attachment> AttachAsync(this WebFactory factory, BestPracticeDocument document, string fileName, string contentType, byte[] content)
    {
        var storage = (AttachmentStorage)factory.Services.GetService(typeof(AttachmentStorage))!;
        var attachment = await storage.SaveAsync(fileName, contentType, content);
        attachment.DocumentId = document.Id;
        await factory.AddAsync(attachment);
        return attachment;
    }
}
