using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using PortCooperation.Web.Areas.Admin.Models;
using PortCooperation.Web.Data;
using PortCooperation.Web.Data.Seeding;
using PortCooperation.Web.Domain;
using PortCooperation.Web.Resources;
using PortCooperation.Web.Services.Staff.Records;

namespace PortCooperation.Web.Services.Staff;

/// <summary>
/// Library collections: names and descriptions in both languages, slug, publication, and the order of the member
/// documents. The public page groups members into sections by their source (international protocols first, then
/// national measures by region), so the order staff set applies within each section.
/// </summary>
public sealed class CollectionEditor(PortalDbContext db, IStringLocalizer<SharedResource> text)
    : RecordEditor<DocumentCollection, CollectionInput>(db, text)
{
    public async Task<IReadOnlyList<CollectionListRow>> ListAsync(CancellationToken cancellationToken) =>
        await Db.Collections.AsNoTracking().OrderBy(c => c.TitleEn)
            .Select(c => new CollectionListRow(c.Id, c.Slug, c.TitleEn, c.TitleEs, c.PublicationState, c.Documents.Count, c.UpdatedAt))
            .ToListAsync(cancellationToken);

    public CollectionEditPage NewPage() => new() { Input = NewInput() };

    public async Task<CollectionEditPage?> EditPageAsync(int id, CancellationToken cancellationToken) =>
        await EditInputAsync(id, cancellationToken) is { } input ? await PageAsync(id, input, false, cancellationToken) : null;

    public async Task<CollectionEditPage> RedisplayAsync(int? id, CollectionInput input, bool stale, CancellationToken cancellationToken) =>
        id is null ? new CollectionEditPage { Input = input } : await PageAsync(id.Value, input, stale, cancellationToken);

    /// <summary>Nothing depends on a collection: the documents stay, only their membership goes (cascade).</summary>
    public override Task<string?> DeleteBlockerAsync(int id, CancellationToken cancellationToken) => Task.FromResult<string?>(null);

    protected override IQueryable<DocumentCollection> ForEdit => Db.Collections.Include(c => c.Documents);

    protected override IQueryable<DocumentCollection> ForDelete => Db.Collections;

    protected override CollectionInput ToInput(DocumentCollection collection) => new()
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

    /// <summary>The slug typed, or made from the English name.</summary>
    private static string SlugOf(CollectionInput input) =>
        string.IsNullOrWhiteSpace(input.Slug) ? SeedText.Slug(input.TitleEn ?? "") : input.Slug.Trim();

    protected override async Task ValidateAsync(int? id, CollectionInput input, FormErrors errors, CancellationToken cancellationToken)
    {
        var slug = SlugOf(input);
        if (errors.IsValid && slug.Length == 0)
        {
            errors.Add(nameof(input.Slug), Text["Admin_Validation_Required"]);
        }
        else if (errors.IsValid && await Db.Collections.AnyAsync(c => c.Slug == slug && c.Id != (id ?? 0), cancellationToken))
        {
            errors.Add(nameof(input.Slug), Text["StaffDocs_Validation_SlugTaken"]);
        }
    }

    protected override void Apply(CollectionInput input, DocumentCollection collection)
    {
        collection.TitleEn = input.TitleEn!.Trim();
        collection.TitleEs = StaffInput.Clean(input.TitleEs);
        collection.Slug = SlugOf(input);
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
    }

    private async Task<CollectionEditPage> PageAsync(int id, CollectionInput input, bool stale, CancellationToken cancellationToken)
    {
        var members = await Db.CollectionDocuments.AsNoTracking().Where(cd => cd.CollectionId == id)
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
