using System.Text;
using Microsoft.EntityFrameworkCore;
using PortCooperation.Web.Services.Library;

namespace PortCooperation.Web.Data.Seeding.Demo;

/// <summary>
/// Gives each demo document a small plain-text fact sheet, stored like any upload (attachment folder under the
/// data directory), so the library shows, indexes and serves attachments out of the box. Only documents marked
/// IsDemo without any attachment get one, so it runs any number of times without adding more.
/// </summary>
public static class LibraryDemoFiles
{
    public static async Task SeedAsync(PortalDbContext db, AttachmentStorage storage, bool seedDemoData, CancellationToken cancellationToken = default)
    {
        if (!seedDemoData)
        {
            return;
        }

        var documents = await db.Documents
            .Where(d => d.IsDemo && !d.Attachments.Any())
            .Select(d => new { d.Id, d.Slug, d.TitleEn, d.TitleEs, d.BodyEn, d.BodyEs })
            .ToListAsync(cancellationToken);
        foreach (var document in documents)
        {
            var text = new StringBuilder()
                .AppendLine(document.TitleEn).AppendLine()
                .AppendLine(document.BodyEn?.Replace("*", "", StringComparison.Ordinal).Replace("## ", "", StringComparison.Ordinal)).AppendLine()
                .AppendLine(document.TitleEs).AppendLine()
                .AppendLine(document.BodyEs?.Replace("*", "", StringComparison.Ordinal).Replace("## ", "", StringComparison.Ordinal)).AppendLine()
                .AppendLine("Fact sheet for port officials / Ficha para funcionarios portuarios.")
                .ToString();
            var attachment = await storage.SaveAsync($"{document.Slug}-fact-sheet.txt", "text/plain; charset=utf-8", Encoding.UTF8.GetBytes(text), cancellationToken);
            attachment.DocumentId = document.Id;
            db.Attachments.Add(attachment);
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
