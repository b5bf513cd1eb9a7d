using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using PortCooperation.Web.Areas.Admin.Models;
using PortCooperation.Web.Data;
using PortCooperation.Web.Data.Seeding;
using PortCooperation.Web.Domain;
using PortCooperation.Web.Resources;

namespace PortCooperation.Web.Services.Staff;

/// <summary>
/// Library collections: names and descriptions in both languages, slug, publication, and the order of the member
/// documents. The public page groups members into sections by their source (international protocols first, then
/// national measures by region), so the order staff set applies within each section.
/// </summary>
public sealed class CollectionEditor(PortalDbContext db, IStringLocalizer<SharedResource> text)
{
    public async Task<IReadOnlyList<CollectionListRow>> ListAsync(CancellationToken cancellationToken) =>
        await db.Collections.AsNoTracking().OrderBy(c => c.TitleEn)
            .Select(c => new CollectionListRow(c.Id, c.Slug, c.TitleEn, c.TitleEs, c.PublicationState, c.Documents.Count, c.UpdatedAt))
            .ToListAsync(cancellationToken);

    public CollectionEditPage NewPage() => new() { Input = new CollectionInput() };

    public async Task<CollectionEditPage?> EditPageAsync(int id, CancellationToken cancellationToken)
    {
        var collection = await db.Collections.AsNoTracking().Include(c => c.Documents).SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (collection is null)
        {
            return null;
        }

        var input = new CollectionInput
        {
            Version = collection.Version,
            TitleEn = collection.TitleEn,
            TitleEs = collection.TitleEs,
            Slug = collection.Slug,
            DescriptionEn = collection.DescriptionEn,
            DescriptionEs = collection.DescriptionEs,
            IsPublished = collection.PublicationState == PublicationState.Published,
            Members = [.. collection.Documents.OrderBy(d => d.SortOrder).Select(d => new CollectionMemberInput { DocumentId = d.DocumentId, SortOrder = d.SortOrder })],
        };
        return await PageAsync(id, input, false, cancellationToken);
    }

    public async Task<CollectionEditPage> RedisplayAsync(int? id, CollectionInput input, bool stale, CancellationToken cancellationToken) =>
        id is null ? new CollectionEditPage { Input = input } : await PageAsync(id.Value, input, stale, cancellationToken);

    public async Task<SaveResult> SaveAsync(int? id, CollectionInput input, ModelStateDictionary modelState, CancellationToken cancellationToken)
    {
        DocumentCollection? collection = null;
        if (id is not null)
        {
            collection = await db.Collections.Include(c => c.Documents).SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
            if (collection is null)
            {
                return new SaveResult(SaveOutcome.NotFound);
            }

            if (collection.Version != input.Version)
            {
                input.Version = collection.Version;
                return new SaveResult(SaveOutcome.Stale, id);
            }
        }

        var slug = string.IsNullOrWhiteSpace(input.Slug) ? SeedText.Slug(input.TitleEn ?? "") : input.Slug.Trim();
        if (modelState.IsValid && slug.Length == 0)
        {
            modelState.AddModelError(nameof(input.Slug), text["Admin_Validation_Required"]);
        }
        else if (modelState.IsValid && await db.Collections.AnyAsync(c => c.Slug == slug && c.Id != (id ?? 0), cancellationToken))
        {
            modelState.AddModelError(nameof(input.Slug), text["StaffDocs_Validation_SlugTaken"]);
        }

        if (!modelState.IsValid)
        {
            return new SaveResult(SaveOutcome.Invalid);
        }

        if (collection is null)
        {
            collection = new DocumentCollection();
            db.Collections.Add(collection);
        }
        else
        {
            db.Entry(collection).Property(c => c.Version).OriginalValue = input.Version;
        }

        collection.TitleEn = input.TitleEn!.Trim();
        collection.TitleEs = StaffInput.Clean(input.TitleEs);
        collection.Slug = slug;
        collection.DescriptionEn = StaffInput.Clean(input.DescriptionEn);
        collection.DescriptionEs = StaffInput.Clean(input.DescriptionEs);
        collection.PublicationState = input.IsPublished ? PublicationState.Published : PublicationState.Draft;

        // Members: removed ones leave; the rest take consecutive positions in the order given (ties keep the old order).
        var posted = input.Members.GroupBy(m => m.DocumentId).ToDictionary(g => g.Key, g => g.First());
        var ordered = collection.Documents
            .Select(d => (Member: d, Posted: posted.GetValueOrDefault(d.DocumentId)))
            .OrderBy(x => x.Posted?.SortOrder ?? x.Member.SortOrder).ThenBy(x => x.Member.SortOrder)
            .ToList();
        var position = 0;
        foreach (var (member, wanted) in ordered)
        {
            if (wanted?.Remove == true)
            {
                collection.Documents.Remove(member);
                continue;
            }

            member.SortOrder = position++;
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new SaveResult(SaveOutcome.Stale, id);
        }

        return new SaveResult(SaveOutcome.Saved, collection.Id);
    }

    public async Task<SaveOutcome> DeleteAsync(int id, long version, CancellationToken cancellationToken)
    {
        var collection = await db.Collections.SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (collection is null)
        {
            return SaveOutcome.NotFound;
        }

        // The documents stay; only their membership goes (cascade).
        return await VersionedDelete.RemoveAsync(db, collection, version, cancellationToken);
    }

    private async Task<CollectionEditPage> PageAsync(int id, CollectionInput input, bool stale, CancellationToken cancellationToken)
    {
        var members = await db.CollectionDocuments.AsNoTracking().Where(cd => cd.CollectionId == id)
            .OrderBy(cd => cd.SortOrder).ThenBy(cd => cd.DocumentId)
            .Select(cd => new CollectionMemberRow(cd.DocumentId, cd.Document!.TitleEn, cd.Document.TitleEs, cd.Document.SourceKind,
                cd.Document.Country == null ? null : cd.Document.Country.Region, cd.Document.PublicationState))
            .ToListAsync(cancellationToken);

        // What was typed for each member wins over the saved order when the form comes back.
        var typed = input.Members.GroupBy(m => m.DocumentId).ToDictionary(g => g.Key, g => g.First());
        input.Members = [.. members.Select((m, i) => typed.GetValueOrDefault(m.DocumentId) ?? new CollectionMemberInput { DocumentId = m.DocumentId, SortOrder = i })];
        return new CollectionEditPage { Id = id, Input = input, Members = members, Stale = stale };
    }
}
