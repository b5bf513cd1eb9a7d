using System.Globalization;
using Microsoft.EntityFrameworkCore;
using PortCooperation.Web.Data;
using PortCooperation.Web.Domain;
using PortCooperation.Web.Models.Library;
using PortCooperation.Web.Services.Content;

namespace PortCooperation.Web.Services.Library;

/// <summary>A document page and a collection page (two SQL commands each), an attachment and the feed (one each).</summary>
public sealed class LibraryDocumentReader(PortalDbContext db, TimeProvider clock)
{
    public const int FeedSize = 30;

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public async Task<DocumentPageModel?> ReadDocumentAsync(string slug, CancellationToken cancellationToken)
    {
        var culture = CultureInfo.CurrentUICulture;
        var published = db.Documents.AsNoTracking().Public(Now).Where(d => d.Slug == slug);
        var card = await LibraryReader.SelectCards(published).FirstOrDefaultAsync(cancellationToken);
        if (card is null)
        {
            return null;
        }

        var row = await published
            .Select(d => new
            {
                d.BodyEn,
                d.BodyEs,
                d.ExternalUrl,
                d.LastReviewedOn,
                CountryCode = d.Country == null ? null : d.Country.Code,
                SourceSlug = d.SourceOrganisation == null ? null : d.SourceOrganisation.Slug,
                Topics = d.Topics.OrderBy(t => t.Topic!.NameEn).Select(t => new { t.Topic!.Slug, t.Topic.NameEn, t.Topic.NameEs }).ToList(),
                Attachments = d.Attachments.OrderBy(a => a.OriginalFileName).ThenBy(a => a.Id)
                    .Select(a => new AttachmentModel(a.Id, a.OriginalFileName, a.ContentType, a.SizeBytes)).ToList(),
                Collections = d.Collections.Select(c => c.Collection!).AsQueryable().Where(PublishedContent.IsPublicCollection)
                    .Select(c => new { c.Slug, c.TitleEn, c.TitleEs }).ToList(),
            })
            .FirstOrDefaultAsync(cancellationToken);
        if (row is null)
        {
            return null;
        }

        var topics = row.Topics.Select(t => (t.Slug, LocalizedText.Pick(t.NameEn, t.NameEs, culture) with { IsFallback = false })).ToList();
        return new DocumentPageModel
        {
            Card = card.ToCard(culture),
            Body = LocalizedText.Pick(row.BodyEn, row.BodyEs, culture),
            ExternalUrl = row.ExternalUrl,
            LastReviewedOn = row.LastReviewedOn,
            CountryCode = row.CountryCode,
            SourceSlug = row.SourceSlug,
            TopicLinks = topics,
            Attachments = row.Attachments,
            Collections = [.. row.Collections.Select(c => new CollectionLinkModel(c.Slug, LocalizedText.Pick(c.TitleEn, c.TitleEs, culture), 0))],
        };
    }

    public async Task<CollectionPageModel?> ReadCollectionAsync(string slug, CancellationToken cancellationToken)
    {
        var culture = CultureInfo.CurrentUICulture;
        var now = Now;
        var collection = await db.Collections.AsNoTracking()
            .Where(c => c.Slug == slug).Public()
            .Select(c => new { c.Id, c.Slug, c.TitleEn, c.TitleEs, c.DescriptionEn, c.DescriptionEs })
            .FirstOrDefaultAsync(cancellationToken);
        if (collection is null)
        {
            return null;
        }

        // From the collection's own rows: asking each document whether it belongs read every document of the
        // library (217 ms per page at 100,000 documents; bench/README.md, "Load").
        var members = db.CollectionDocuments.AsNoTracking()
            .Where(m => m.CollectionId == collection.Id)
            .OrderBy(m => m.SortOrder).ThenBy(m => m.DocumentId)
            .Select(m => m.Document!)
            .Public(now);
        var documents = await LibraryReader.SelectCards(members).ToListAsync(cancellationToken);
        await LibraryReader.NameTopicsAsync(db, documents, cancellationToken);
        var cards = documents.Select(d => d.ToCard(culture)).ToList();
        return new CollectionPageModel
        {
            Slug = collection.Slug,
            Title = LocalizedText.Pick(collection.TitleEn, collection.TitleEs, culture),
            Description = LocalizedText.Pick(collection.DescriptionEn, collection.DescriptionEs, culture),
            // As the report lays the page out: international protocols first, then national measures by region.
            International = [.. cards.Where(c => c.SourceKind == SourceKind.InternationalOrganisation)],
            National = [.. cards.Where(c => c.SourceKind == SourceKind.NationalAuthority && c.Region is not null)
                .GroupBy(c => c.Region!.Value)
                .OrderBy(g => g.Key)
                .Select(g => (g.Key, (IReadOnlyList<DocumentCardModel>)[.. g]))],
            Other = [.. cards.Where(c => c.SourceKind != SourceKind.InternationalOrganisation && !(c.SourceKind == SourceKind.NationalAuthority && c.Region is not null))],
        };
    }

    /// <summary>An attachment of a published document, or null.</summary>
    public Task<AttachmentFile?> FindAttachmentAsync(int id, CancellationToken cancellationToken)
    {
        var published = db.Documents.Public(Now);
        return db.Attachments.AsNoTracking()
            .Where(a => a.Id == id && published.Any(d => d.Id == a.DocumentId))
            .Select(a => new AttachmentFile(a.Id, a.OriginalFileName, a.StoredFileName, a.ContentType, a.Document!.Slug))
            .FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>The newest published documents, for the Atom feed.</summary>
    public async Task<IReadOnlyList<FeedEntry>> ReadFeedAsync(CancellationToken cancellationToken)
    {
        var culture = CultureInfo.CurrentUICulture;
        var rows = await db.Documents.AsNoTracking().Public(Now)
            .OrderByDescending(d => d.PublishedAtUtc ?? d.CreatedAt).ThenByDescending(d => d.Id)
            .Take(FeedSize)
            .Select(d => new { d.Slug, d.TitleEn, d.TitleEs, d.SummaryEn, d.SummaryEs, Published = d.PublishedAtUtc ?? d.CreatedAt, d.UpdatedAt })
            .ToListAsync(cancellationToken);
        return [.. rows.Select(r => new FeedEntry(
            r.Slug,
            LocalizedText.Pick(r.TitleEn, r.TitleEs, culture),
            LocalizedText.Pick(r.SummaryEn, r.SummaryEs, culture),
            r.Published,
            r.UpdatedAt > r.Published ? r.UpdatedAt : r.Published))];
    }
}

public sealed record AttachmentFile(int Id, string FileName, string StoredFileName, string ContentType, string DocumentSlug);

public sealed record FeedEntry(string Slug, LocalizedText Title, LocalizedText Summary, DateTime PublishedUtc, DateTime UpdatedUtc);
