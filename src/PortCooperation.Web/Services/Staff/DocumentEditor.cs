using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using PortCooperation.Web.Areas.Admin.Models;
using PortCooperation.Web.Data;
using PortCooperation.Web.Domain;
using PortCooperation.Web.Resources;
using PortCooperation.Web.Services.Staff.Records;
using PortCooperation.Web.Services.Uploads;

namespace PortCooperation.Web.Services.Staff;

/// <summary>
/// Creates and edits best-practice documents from <see cref="DocumentInput"/> (never binding the entity): content in
/// both languages, source, country, topics and collection membership. New documents are drafts; a save made from an
/// older version is refused with the fields a colleague changed meanwhile (R6). The library's search index follows
/// every change by itself (triggers or full-text index of each provider's baseline migration).
/// </summary>
public sealed class DocumentEditor(PortalDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> text, AttachmentService attachments)
    : RecordEditor<BestPracticeDocument, DocumentInput>(db, text)
{
    public Task<DocumentEditPage> NewPageAsync(CancellationToken cancellationToken) =>
        PageAsync(null, new DocumentInput { SourceKind = SourceKind.InternationalOrganisation }, null, cancellationToken);

    public async Task<DocumentEditPage?> EditPageAsync(int id, CancellationToken cancellationToken) =>
        await EditInputAsync(id, cancellationToken) is { } input ? await PageAsync(id, input, null, cancellationToken) : null;

    public Task<DocumentEditPage> RedisplayAsync(int? id, DocumentInput input, SaveResult? result, CancellationToken cancellationToken) =>
        PageAsync(id, input, result, cancellationToken);

    /// <summary>Publishes now (<paramref name="publishAtUtc"/> null), schedules, or unpublishes, when the editor's version is current.</summary>
    public Task<SaveResult> PublishAsync(int id, long version, bool publish, DateTime? publishAtUtc, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return ChangeAsync(id, version, document =>
        {
            if (publish && publishAtUtc is { } at && at <= now)
            {
                return false;
            }

            if (publish)
            {
                document.PublicationState = PublicationState.Published;
                document.PublishAtUtc = publishAtUtc;
                document.PublishedAtUtc = publishAtUtc ?? now;
            }
            else
            {
                document.PublicationState = PublicationState.Draft;
                document.PublishAtUtc = null;
            }

            return true;
        }, cancellationToken);
    }

    /// <summary>Nothing depends on a document: its topic and collection links go with it.</summary>
    public override Task<string?> DeleteBlockerAsync(int id, CancellationToken cancellationToken) => Task.FromResult<string?>(null);

    protected override IQueryable<BestPracticeDocument> ForEdit =>
        Db.Documents.Include(d => d.Topics).Include(d => d.Collections).AsSplitQuery();

    // The attachment rows are deleted with the document; its topic and collection links by the database's cascade.
    protected override IQueryable<BestPracticeDocument> ForDelete => Db.Documents.Include(d => d.Attachments);

    /// <summary>The attachments' files go only once the rows are gone.</summary>
    protected override Func<CancellationToken, Task>? WhenDeleted(BestPracticeDocument entity)
    {
        var files = entity.Attachments.Select(a => a.StoredFileName).ToList();
        return cancellationToken => attachments.DeleteFilesAsync(files, cancellationToken);
    }

    protected override async Task<BestPracticeDocument> CreateAsync(DocumentInput input, CancellationToken cancellationToken) => new()
    {
        PublicationState = PublicationState.Draft,
        Slug = await StaffInput.UniqueSlugAsync(Db.Documents.Select(d => d.Slug), input.TitleEn!, "document", cancellationToken),
    };

    protected override async Task ValidateAsync(int? id, DocumentInput input, FormErrors errors, CancellationToken cancellationToken)
    {
        input.TopicIds = [.. input.TopicIds.Distinct()];
        input.CollectionIds = [.. input.CollectionIds.Distinct()];
        if (input.SourceKind == SourceKind.NationalAuthority && input.CountryId is null)
        {
            errors.Add(nameof(input.CountryId), Text["StaffDocs_Validation_CountryForNational"]);
        }

        if (input.SourceKind is { } kind && !Enum.IsDefined(kind))
        {
            errors.Add(nameof(input.SourceKind), Text["Admin_Validation_Invalid"]);
        }

        if (input.CountryId is { } countryId && !await Db.Countries.AnyAsync(c => c.Id == countryId, cancellationToken))
        {
            errors.Add(nameof(input.CountryId), Text["Admin_Validation_Invalid"]);
        }

        if (input.SourceOrganisationId is { } organisationId && !await Db.Organisations.AnyAsync(o => o.Id == organisationId, cancellationToken))
        {
            errors.Add(nameof(input.SourceOrganisationId), Text["Admin_Validation_Invalid"]);
        }

        if (input.TopicIds.Count > 0 && await Db.Topics.CountAsync(t => input.TopicIds.Contains(t.Id), cancellationToken) != input.TopicIds.Count)
        {
            errors.Add(nameof(input.TopicIds), Text["Admin_Validation_Invalid"]);
        }

        if (input.CollectionIds.Count > 0 && await Db.Collections.CountAsync(c => input.CollectionIds.Contains(c.Id), cancellationToken) != input.CollectionIds.Count)
        {
            errors.Add(nameof(input.CollectionIds), Text["Admin_Validation_Invalid"]);
        }

        if (input.PublishedOn is { } published && input.LastReviewedOn is { } reviewed && reviewed < published)
        {
            errors.Add(nameof(input.LastReviewedOn), Text["StaffDocs_Validation_ReviewedBeforePublished"]);
        }
    }

    protected override void Apply(DocumentInput input, BestPracticeDocument document)
    {
        document.TitleEn = input.TitleEn!.Trim();
        document.TitleEs = StaffInput.Clean(input.TitleEs);
        document.SummaryEn = StaffInput.Clean(input.SummaryEn);
        document.SummaryEs = StaffInput.Clean(input.SummaryEs);
        document.BodyEn = StaffInput.Clean(input.BodyEn);
        document.BodyEs = StaffInput.Clean(input.BodyEs);
        document.SourceKind = input.SourceKind!.Value;
        document.SourceOrganisationId = input.SourceOrganisationId;
        document.CountryId = input.CountryId;
        document.Language = input.Language!;
        document.ExternalUrl = StaffInput.Clean(input.ExternalUrl);
        document.PublishedOn = input.PublishedOn;
        document.LastReviewedOn = input.LastReviewedOn;

        foreach (var gone in document.Topics.Where(t => !input.TopicIds.Contains(t.TopicId)).ToList())
        {
            document.Topics.Remove(gone);
        }

        foreach (var topicId in input.TopicIds.Where(t => document.Topics.All(x => x.TopicId != t)))
        {
            document.Topics.Add(new DocumentTopic { TopicId = topicId });
        }

        foreach (var gone in document.Collections.Where(c => !input.CollectionIds.Contains(c.CollectionId)).ToList())
        {
            document.Collections.Remove(gone);
        }
    }

    /// <summary>A document joining a collection goes to the end of its order; staff reorder on the collection's page.</summary>
    protected override async Task ApplyAsync(DocumentInput input, BestPracticeDocument document, CancellationToken cancellationToken)
    {
        Apply(input, document);
        var added = input.CollectionIds.Where(c => document.Collections.All(x => x.CollectionId != c)).ToList();
        if (added.Count > 0)
        {
            var last = await Db.CollectionDocuments.Where(cd => added.Contains(cd.CollectionId))
                .GroupBy(cd => cd.CollectionId).Select(g => new { g.Key, Max = g.Max(cd => cd.SortOrder) })
                .ToDictionaryAsync(x => x.Key, x => x.Max, cancellationToken);
            foreach (var collectionId in added)
            {
                document.Collections.Add(new CollectionDocument { CollectionId = collectionId, SortOrder = last.TryGetValue(collectionId, out var max) ? max + 1 : 0 });
            }
        }
    }

    protected override DocumentInput ToInput(BestPracticeDocument document) => new()
    {
        Version = document.Version,
        TitleEn = document.TitleEn,
        TitleEs = document.TitleEs,
        SummaryEn = document.SummaryEn,
        SummaryEs = document.SummaryEs,
        BodyEn = document.BodyEn,
        BodyEs = document.BodyEs,
        SourceKind = document.SourceKind,
        SourceOrganisationId = document.SourceOrganisationId,
        CountryId = document.CountryId,
        Language = document.Language,
        ExternalUrl = document.ExternalUrl,
        PublishedOn = document.PublishedOn,
        LastReviewedOn = document.LastReviewedOn,
        TopicIds = [.. document.Topics.Select(t => t.TopicId).Order()],
        CollectionIds = [.. document.Collections.Select(c => c.CollectionId).Order()],
    };

    /// <summary>Topics and collections are compared as sets and listed by name.</summary>
    protected override async Task DescribeConflictsAsync(Dictionary<string, string> conflicts, DocumentInput before, DocumentInput saved, CancellationToken cancellationToken)
    {
        if (Differs(nameof(DocumentInput.TopicIds), before.TopicIds, saved.TopicIds))
        {
            var names = await Db.Topics.AsNoTracking().Where(t => saved.TopicIds.Contains(t.Id)).OrderBy(t => t.NameEn).Select(t => t.NameEn).ToListAsync(cancellationToken);
            conflicts[nameof(DocumentInput.TopicIds)] = string.Join("; ", names);
        }

        if (Differs(nameof(DocumentInput.CollectionIds), before.CollectionIds, saved.CollectionIds))
        {
            var names = await Db.Collections.AsNoTracking().Where(c => saved.CollectionIds.Contains(c.Id)).OrderBy(c => c.TitleEn).Select(c => c.TitleEn).ToListAsync(cancellationToken);
            conflicts[nameof(DocumentInput.CollectionIds)] = string.Join("; ", names);
        }

        bool Differs(string key, List<int> mine, List<int> theirs)
        {
            if (mine.Order().SequenceEqual(theirs))
            {
                conflicts.Remove(key);
            }

            return conflicts.ContainsKey(key);
        }
    }

    private async Task<DocumentEditPage> PageAsync(int? id, DocumentInput input, SaveResult? result, CancellationToken cancellationToken)
    {
        var english = English;
        var countries = await CountryChoicesAsync(cancellationToken);
        var organisations = await OrganisationChoicesAsync(cancellationToken);
        var topics = await Db.Topics.AsNoTracking().OrderBy(t => english ? t.NameEn : t.NameEs ?? t.NameEn)
            .Select(t => new SelectListItem(english ? t.NameEn : t.NameEs ?? t.NameEn, t.Id.ToString())).ToListAsync(cancellationToken);
        var collections = await Db.Collections.AsNoTracking().OrderBy(c => english ? c.TitleEn : c.TitleEs ?? c.TitleEn)
            .Select(c => new SelectListItem(english ? c.TitleEn : c.TitleEs ?? c.TitleEn, c.Id.ToString())).ToListAsync(cancellationToken);
        DocumentStateModel? state = null;
        if (id is not null)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            state = await Db.Documents.AsNoTracking().Where(d => d.Id == id)
                .Select(d => new DocumentStateModel(d.Slug, d.PublicationState, d.PublishAtUtc, d.PublishedAtUtc, now, d.IsDemo))
                .SingleOrDefaultAsync(cancellationToken);
        }

        return new DocumentEditPage
        {
            Id = id,
            Input = input,
            State = state,
            Countries = countries,
            Organisations = organisations,
            Topics = topics,
            Collections = collections,
            Conflicts = result?.Conflicts ?? new Dictionary<string, string>(),
            ConflictBy = result?.ConflictBy,
            ConflictAt = result?.ConflictAt,
        };
    }
}
