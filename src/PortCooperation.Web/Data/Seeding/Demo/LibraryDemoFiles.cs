using System.Globalization;
using Microsoft.EntityFrameworkCore;
using PortCooperation.Web.Services.Library;

namespace PortCooperation.Web.Data.Seeding.Demo;

/// <summary>
/// Gives each demo document a small PDF written at seed time (<see cref="SimplePdf"/>): a page in English and one in
/// Spanish with the title, source, date, summary and measures. It is stored like any upload (attachment folder under
/// the data directory), so the library shows, indexes and serves a real PDF out of the box; the text indexed is the
/// text written into it. Only documents marked IsDemo without any attachment get one, so it runs any number of times
/// without adding more.
/// </summary>
public static class LibraryDemoFiles
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");
    private static readonly CultureInfo Spanish = CultureInfo.GetCultureInfo("es");

    public static async Task SeedAsync(PortalDbContext db, AttachmentStorage storage, bool seedDemoData, CancellationToken cancellationToken = default)
    {
        if (!seedDemoData)
        {
            return;
        }

        var documents = await db.Documents
            .Where(d => d.IsDemo && !d.Attachments.Any())
            .Select(d => new DemoDocument(
                d.Id, d.Slug, d.TitleEn, d.TitleEs, d.SummaryEn, d.SummaryEs, d.BodyEn, d.BodyEs, d.PublishedOn,
                d.SourceOrganisation == null ? null : d.SourceOrganisation.NameEn,
                d.SourceOrganisation == null ? null : d.SourceOrganisation.NameEs,
                d.Country == null ? null : d.Country.NameEn,
                d.Country == null ? null : d.Country.NameEs))
            .ToListAsync(cancellationToken);
        foreach (var document in documents)
        {
            var pdf = Pdf(document);
            var attachment = await storage.SaveWrittenAsync($"{document.Slug}.pdf", PdfText.PdfType, pdf.ToBytes(document.TitleEn), pdf.Text, cancellationToken);
            attachment.DocumentId = document.Id;
            db.Attachments.Add(attachment);
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    internal sealed record DemoDocument(
        int Id, string Slug, string TitleEn, string? TitleEs, string? SummaryEn, string? SummaryEs, string? BodyEn, string? BodyEs,
        DateOnly? PublishedOn, string? OrganisationEn, string? OrganisationEs, string? CountryEn, string? CountryEs);

    internal static SimplePdf Pdf(DemoDocument d)
    {
        var pdf = new SimplePdf();
        Page(pdf, d.TitleEn, d.SummaryEn, d.BodyEn,
            $"Source: {d.OrganisationEn ?? d.CountryEn}", d.PublishedOn is { } on ? "Published " + on.ToString("d MMMM yyyy", English) : null);
        if (d.TitleEs is not null)
        {
            Page(pdf.NewPage(), d.TitleEs, d.SummaryEs, d.BodyEs,
                $"Fuente: {d.OrganisationEs ?? d.OrganisationEn ?? d.CountryEs}", d.PublishedOn is { } el ? "Publicado el " + el.ToString("d 'de' MMMM 'de' yyyy", Spanish) : null);
        }

        return pdf;
    }

    private static void Page(SimplePdf pdf, string title, string? summary, string? body, string source, string? published)
    {
        pdf.Title(title).Paragraph(published is null ? source : $"{source}. {published}.");
        if (!string.IsNullOrWhiteSpace(summary))
        {
            pdf.Paragraph(summary);
        }

        // The body is the library's simple Markdown: "## " headings, "- " bullets, plain paragraphs.
        foreach (var line in (body ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            _ = line switch
            {
                _ when line.StartsWith("## ", StringComparison.Ordinal) => pdf.Heading(line[3..]),
                _ when line.StartsWith("- ", StringComparison.Ordinal) => pdf.Bullet(line[2..]),
                _ => pdf.Paragraph(line.Replace("*", "", StringComparison.Ordinal)),
            };
        }
    }
}
