using System.Globalization;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using PortCooperation.Web.Areas.Admin.Models;
using PortCooperation.Web.Data;
using PortCooperation.Web.Domain;
using PortCooperation.Web.Resources;
using PortCooperation.Web.Services.Uploads;

namespace PortCooperation.Web.Services.Staff;

/// <summary>
/// Creates and edits best-practice documents from <see cref="DocumentInput"/> (never binding the entity): content in
/// both languages, source, country, topics and collection membership. New documents are drafts; a save made from an
/// older version is refused with the fields a colleague changed meanwhile (R6). The library's search index follows
/// every change by itself (triggers or full-text index of each provider's baseline migration).
/// </summary>
public sealed class DocumentEditor(PortalDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> text, AttachmentService attachments)
{
    public Task<DocumentEditPage> NewPageAsync(CancellationToken cancellationToken) =>
        PageAsync(null, new DocumentInput { SourceKind = SourceKind.InternationalOrganisation }, null, cancellationToken);

    public async Task<DocumentEditPage?> EditPageAsync(int id, CancellationToken cancellationToken)
    {
        var document = await LoadAsync(id, cancellationToken);
        if (document is null)
        {
            return null;
        }

        var input = ToInput(document);
        input.Original = EditConflicts.Snapshot(input);
        return await PageAsync(id, input, null, cancellationToken);
    }

    public Task<DocumentEditPage> RedisplayAsync(int? id, DocumentInput input, SaveResult? result, CancellationToken cancellationToken) =>
        PageAsync(id, input, result, cancellationToken);

    public async Task<SaveResult> SaveAsync(int? id, DocumentInput input, ModelStateDictionary modelState, CancellationToken cancellationToken)
    {
        BestPracticeDocument? document = null;
        if (id is not null)
        {
            document = await LoadAsync(id.Value, cancellationToken);
            if (document is null)
            {
                return new SaveResult(SaveOutcome.NotFound);
            }

            if (document.Version != input.Version)
            {
                return await StaleAsync(document, input, cancellationToken);
            }
        }

        input.TopicIds = [.. input.TopicIds.Distinct()];
        input.CollectionIds = [.. input.CollectionIds.Distinct()];
        await ValidateAsync(input, modelState, cancellationToken);
        if (!modelState.IsValid)
        {
            return new SaveResult(SaveOutcome.Invalid);
        }

        if (document is null)
        {
            document = new BestPracticeDocument { PublicationState = PublicationState.Draft };
            document.Slug = await StaffInput.UniqueSlugAsync(db.Documents.Select(d => d.Slug), input.TitleEn!, "document", cancellationToken);
            db.Documents.Add(document);
        }
        else
        {
            // The UPDATE carries WHERE Version = the version the editor started from.
            db.Entry(document).Property(d => d.Version).OriginalValue = input.Version;
        }

        await ApplyAsync(input, document, cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            var saved = await LoadAsync(document.Id, cancellationToken);
            return saved is null ? new SaveResult(SaveOutcome.NotFound) : await StaleAsync(saved, input, cancellationToken);
        }

        return new SaveResult(SaveOutcome.Saved, document.Id);
    }

    /// <summary>Publishes now (<paramref name="publishAtUtc"/> null), schedules, or unpublishes, when the editor's version is current.</summary>
    public async Task<SaveResult> PublishAsync(int id, long version, bool publish, DateTime? publishAtUtc, CancellationToken cancellationToken)
    {
        var document = await db.Documents.SingleOrDefaultAsync(d => d.Id == id, cancellationToken);
        if (document is null)
        {
            return new SaveResult(SaveOutcome.NotFound);
        }

        if (document.Version != version)
        {
            return new SaveResult(SaveOutcome.Stale, id);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        if (publish && publishAtUtc is { } at && at <= now)
        {
            return new SaveResult(SaveOutcome.Invalid, id);
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

        db.Entry(document).Property(d => d.Version).OriginalValue = version;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return new SaveResult(SaveOutcome.Saved, id);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new SaveResult(SaveOutcome.Stale, id);
        }
    }

    /// <summary>
    /// Deletes the document, its topic and collection links and its attachments (rows and files), only from the version
    /// the editor saw; the files go only once the rows are gone.
    /// </summary>
    public async Task<SaveOutcome> DeleteAsync(int id, long version, CancellationToken cancellationToken)
    {
        var document = await db.Documents.Include(d => d.Attachments).SingleOrDefaultAsync(d => d.Id == id, cancellationToken);
        if (document is null)
        {
            return SaveOutcome.NotFound;
        }

        var files = document.Attachments.Select(a => a.StoredFileName).ToList();
        var outcome = await VersionedDelete.RemoveAsync(db, document, version, cancellationToken);
        if (outcome == SaveOutcome.Saved)
        {
            await attachments.DeleteFilesAsync(files, cancellationToken);
        }

        return outcome;
    }

    private Task<BestPracticeDocument?> LoadAsync(int id, CancellationToken cancellationToken) =>
        db.Documents.Include(d => d.Topics).Include(d => d.Collections).AsSplitQuery().SingleOrDefaultAsync(d => d.Id == id, cancellationToken);

    private async Task ValidateAsync(DocumentInput input, ModelStateDictionary modelState, CancellationToken cancellationToken)
    {
        if (input.SourceKind == SourceKind.NationalAuthority && input.CountryId is null)
        {
            modelState.AddModelError(nameof(input.CountryId), text["StaffDocs_Validation_CountryForNational"]);
        }

        if (input.SourceKind is { } kind && !Enum.IsDefined(kind))
        {
            modelState.AddModelError(nameof(input.SourceKind), text["Admin_Validation_Invalid"]);
        }

        if (input.CountryId is { } countryId && !await db.Countries.AnyAsync(c => c.Id == countryId, cancellationToken))
        {
            modelState.AddModelError(nameof(input.CountryId), text["Admin_Validation_Invalid"]);
        }

        if (input.SourceOrganisationId is { } organisationId && !await db.Organisations.AnyAsync(o => o.Id == organisationId, cancellationToken))
        {
            modelState.AddModelError(nameof(input.SourceOrganisationId), text["Admin_Validation_Invalid"]);
        }

        if (input.TopicIds.Count > 0 && await db.Topics.CountAsync(t => input.TopicIds.Contains(t.Id), cancellationToken) != input.TopicIds.Count)
        {
            modelState.AddModelError(nameof(input.TopicIds), text["Admin_Validation_Invalid"]);
        }

        if (input.CollectionIds.Count > 0 && await db.Collections.CountAsync(c => input.CollectionIds.Contains(c.Id), cancellationToken) != input.CollectionIds.Count)
        {
            modelState.AddModelError(nameof(input.CollectionIds), text["Admin_Validation_Invalid"]);
        }

        if (input.PublishedOn is { } published && input.LastReviewedOn is { } reviewed && reviewed < published)
        {
            modelState.AddModelError(nameof(input.LastReviewedOn), text["StaffDocs_Validation_ReviewedBeforePublished"]);
        }
    }

    private async Task ApplyAsync(DocumentInput input, BestPracticeDocument document, CancellationToken cancellationToken)
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

        var added = input.CollectionIds.Where(c => document.Collections.All(x => x.CollectionId != c)).ToList();
        if (added.Count > 0)
        {
            // A document joining a collection goes to the end of its order; staff reorder on the collection's page.
            var last = await db.CollectionDocuments.Where(cd => added.Contains(cd.CollectionId))
                .GroupBy(cd => cd.CollectionId).Select(g => new { g.Key, Max = g.Max(cd => cd.SortOrder) })
                .ToDictionaryAsync(x => x.Key, x => x.Max, cancellationToken);
            foreach (var collectionId in added)
            {
                document.Collections.Add(new CollectionDocument { CollectionId = collectionId, SortOrder = last.TryGetValue(collectionId, out var max) ? max + 1 : 0 });
            }
        }
    }

    private static DocumentInput ToInput(BestPracticeDocument document) => new()
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

    private async Task<SaveResult> StaleAsync(BestPracticeDocument saved, DocumentInput typed, CancellationToken cancellationToken)
    {
        var current = ToInput(saved);
        var before = EditConflicts.FromSnapshot<DocumentInput>(typed.Original) ?? typed;
        before.TopicIds = [.. before.TopicIds.Order()];
        before.CollectionIds = [.. before.CollectionIds.Order()];
        var conflicts = EditConflicts.Compare(before, current);
        if (conflicts.ContainsKey(nameof(DocumentInput.TopicIds)))
        {
            var names = await db.Topics.AsNoTracking().Where(t => current.TopicIds.Contains(t.Id)).OrderBy(t => t.NameEn).Select(t => t.NameEn).ToListAsync(cancellationToken);
            conflicts[nameof(DocumentInput.TopicIds)] = string.Join("; ", names);
        }

        if (conflicts.ContainsKey(nameof(DocumentInput.CollectionIds)))
        {
            var names = await db.Collections.AsNoTracking().Where(c => current.CollectionIds.Contains(c.Id)).OrderBy(c => c.TitleEn).Select(c => c.TitleEn).ToListAsync(cancellationToken);
            conflicts[nameof(DocumentInput.CollectionIds)] = string.Join("; ", names);
        }

        var last = await db.AuditEntries.AsNoTracking()
            .Where(e => e.EntityType == nameof(BestPracticeDocument) && e.EntityId == saved.Id.ToString(CultureInfo.InvariantCulture))
            .OrderByDescending(e => e.Id).Select(e => new { e.UserName, e.OccurredAtUtc }).FirstOrDefaultAsync(cancellationToken);

        // The editor can now save again deliberately, over the colleague's version.
        typed.Version = saved.Version;
        typed.Original = EditConflicts.Snapshot(current);
        return new SaveResult(SaveOutcome.Stale, saved.Id, conflicts, last?.UserName, last?.OccurredAtUtc);
    }

    private async Task<DocumentEditPage> PageAsync(int? id, DocumentInput input, SaveResult? result, CancellationToken cancellationToken)
    {
        var english = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName != "es";
        var countries = await db.Countries.AsNoTracking().OrderBy(c => english ? c.NameEn : c.NameEs)
            .Select(c => new SelectListItem(english ? c.NameEn : c.NameEs, c.Id.ToString())).ToListAsync(cancellationToken);
        var organisations = await db.Organisations.AsNoTracking().OrderBy(o => o.NameEn)
            .Select(o => new SelectListItem(o.Acronym != null ? o.NameEn + " (" + o.Acronym + ")" : o.NameEn, o.Id.ToString())).ToListAsync(cancellationToken);
        var topics = await db.Topics.AsNoTracking().OrderBy(t => english ? t.NameEn : t.NameEs ?? t.NameEn)
            .Select(t => new SelectListItem(english ? t.NameEn : t.NameEs ?? t.NameEn, t.Id.ToString())).ToListAsync(cancellationToken);
        var collections = await db.Collections.AsNoTracking().OrderBy(c => english ? c.TitleEn : c.TitleEs ?? c.TitleEn)
            .Select(c => new SelectListItem(english ? c.TitleEn : c.TitleEs ?? c.TitleEn, c.Id.ToString())).ToListAsync(cancellationToken);
        DocumentStateModel? state = null;
        if (id is not null)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            state = await db.Documents.AsNoTracking().Where(d => d.Id == id)
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
