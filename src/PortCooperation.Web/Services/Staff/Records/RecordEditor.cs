using Microsoft.AspNetCore.Mvc;
using System.Globalization;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using PortCooperation.Web.Data;
using PortCooperation.Web.Data.Seeding;
using PortCooperation.Web.Domain;
using PortCooperation.Web.Resources;

namespace PortCooperation.Web.Services.Staff.Records;

/// <summary>What every staff form's input model carries besides its fields: the version it was made from (R6) and the values as opened.</summary>
public interface IRecordInput
{
    long Version { get; set; }

    /// <summary>The values as the form was opened (JSON), so a refused stale save can say which fields others changed.</summary>
    string? Original { get; set; }
}

/// <summary>Query-string filters of a staff list: at least a search text, a sort and a page.</summary>
public interface IRecordFilter
{
    string? Q { get; set; }

    string? Sort { get; set; }

    int Page { get; set; }
}

/// <summary>The search text, sort and page every staff list filter has.</summary>
public abstract class RecordFilterBase : IRecordFilter
{
    [FromQuery(Name = "q")]
    public string? Q { get; set; }

    /// <summary>A column key; a leading "-" reverses. Unknown keys fall back to the list's default order.</summary>
    [FromQuery(Name = "sort")]
    public string? Sort { get; set; }

    public int Page { get; set; } = 1;
}

/// <summary>The lists a form or a filter bar offers (field name → options).</summary>
public sealed class RecordChoices : Dictionary<string, IReadOnlyList<SelectListItem>>
{
    public RecordChoices()
        : base(StringComparer.Ordinal)
    {
    }

    public IReadOnlyList<SelectListItem> Of(string name) => TryGetValue(name, out var items) ? items : [];
}

/// <summary>A record as the read-only detail page shows it: labelled facts, related lists, and whether it may be deleted.</summary>
public sealed record RecordDetail(string Title, long Version, IReadOnlyList<(string Label, string Value)> Facts, IReadOnlyList<RelatedList> Related, string? DeleteBlocker);

public sealed record RelatedList(string Heading, IReadOnlyList<string> Items);

/// <summary>
/// One kind of record for the staff screens (<c>RecordsControllerBase</c>): list, export, detail, form choices,
/// and the create/edit/delete of <see cref="RecordEditor{TEntity, TInput}"/>.
/// </summary>
public interface IStaffRecords<TInput, TFilter, TRow>
    where TInput : class, IRecordInput
    where TFilter : class, IRecordFilter
{
    Task<Paged<TRow>> ListAsync(TFilter filter, CancellationToken cancellationToken);

    Task<List<TRow>> ListAllAsync(TFilter filter, CancellationToken cancellationToken);

    /// <summary>File name stem, header and cells of the CSV export.</summary>
    (string Name, string[] Header, Func<TRow, object?[]> Cells) Export { get; }

    Task<RecordChoices> FilterChoicesAsync(CancellationToken cancellationToken);

    Task<RecordChoices> FormChoicesAsync(int? id, CancellationToken cancellationToken);

    Task<RecordDetail?> DetailAsync(int id, CancellationToken cancellationToken);

    TInput NewInput();

    Task<TInput?> EditInputAsync(int id, CancellationToken cancellationToken);

    Task<SaveResult> SaveAsync(int? id, TInput input, FormErrors errors, CancellationToken cancellationToken);

    Task<(SaveOutcome Outcome, string? Message)> DeleteAsync(int id, long version, CancellationToken cancellationToken);

    /// <summary>Why the record cannot be deleted (the records that depend on it), or null when it can.</summary>
    Task<string?> DeleteBlockerAsync(int id, CancellationToken cancellationToken);
}

/// <summary>
/// The one way a staff record is created, edited, deleted or changed by an action (publish, cancel, …), from its input
/// model (never binding the entity): load, version check, validate, save, answer. The UPDATE or DELETE carries the
/// version the editor started from, so a stale save is refused with the fields a colleague changed meanwhile and a
/// stale delete is refused instead of deleting unseen; a delete that other records depend on is refused with a
/// message naming them instead of failing on the foreign key. The audit log and the public pages' cache follow every
/// save by themselves (the context's interceptors). What differs per kind (dates in a zone, topics, attachments,
/// member order) lives in the overrides.
/// </summary>
public abstract class RecordEditor<TEntity, TInput>(PortalDbContext db, IStringLocalizer<SharedResource> text)
    where TEntity : EditableEntity, new()
    where TInput : class, IRecordInput, new()
{
    protected PortalDbContext Db => db;

    protected IStringLocalizer<SharedResource> Text => text;

    protected static bool English => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName != "es";

    /// <summary>The entity as the form edits it (with the children it edits included).</summary>
    protected virtual IQueryable<TEntity> ForEdit => db.Set<TEntity>();

    /// <summary>The entity as it is deleted: by default with what the form edits, so those children are deleted (and audited) with it.</summary>
    protected virtual IQueryable<TEntity> ForDelete => ForEdit;

    protected abstract TInput ToInput(TEntity entity);

    protected abstract void Apply(TInput input, TEntity entity);

    /// <summary>Copies the form onto the entity; a kind whose copy needs the database (e.g. positions in other lists) overrides this.</summary>
    protected virtual Task ApplyAsync(TInput input, TEntity entity, CancellationToken cancellationToken)
    {
        Apply(input, entity);
        return Task.CompletedTask;
    }

    /// <summary>A new record before the form is applied (a kind sets here what only creation decides: state, slug).</summary>
    protected virtual Task<TEntity> CreateAsync(TInput input, CancellationToken cancellationToken) => Task.FromResult(new TEntity());

    /// <summary>Checks what attributes cannot (uniqueness, references, dates in order); adds to <paramref name="errors"/>.</summary>
    protected virtual Task ValidateAsync(int? id, TInput input, FormErrors errors, CancellationToken cancellationToken) => Task.CompletedTask;

    public abstract Task<string?> DeleteBlockerAsync(int id, CancellationToken cancellationToken);

    /// <summary>What to do once the record's rows are gone (e.g. remove its files), read from the record before it is deleted.</summary>
    protected virtual Func<CancellationToken, Task>? WhenDeleted(TEntity entity) => null;

    public virtual TInput NewInput() => new();

    public async Task<TInput?> EditInputAsync(int id, CancellationToken cancellationToken)
    {
        var entity = await ForEdit.AsNoTracking().SingleOrDefaultAsync(e => e.Id == id, cancellationToken);
        if (entity is null)
        {
            return null;
        }

        var input = ToInput(entity);
        input.Original = EditConflicts.Snapshot(input);
        return input;
    }

    /// <summary>
    /// Saves the form as a new record (<paramref name="id"/> null) or over the record, only from the version the editor
    /// started from. <paramref name="errors"/> holds what the input's attributes refused; the checks add to it.
    /// </summary>
    public async Task<SaveResult> SaveAsync(int? id, TInput input, FormErrors errors, CancellationToken cancellationToken)
    {
        TEntity? entity = null;
        if (id is not null)
        {
            entity = await ForEdit.SingleOrDefaultAsync(e => e.Id == id, cancellationToken);
            if (entity is null)
            {
                return new SaveResult(SaveOutcome.NotFound);
            }

            if (entity.Version != input.Version)
            {
                return await StaleAsync(entity, input, cancellationToken);
            }
        }

        await ValidateAsync(id, input, errors, cancellationToken);
        if (!errors.IsValid)
        {
            return new SaveResult(SaveOutcome.Invalid);
        }

        if (entity is null)
        {
            entity = await CreateAsync(input, cancellationToken);
            db.Set<TEntity>().Add(entity);
        }
        else
        {
            // The UPDATE carries WHERE Version = the version the editor started from.
            db.Entry(entity).Property(e => e.Version).OriginalValue = input.Version;
        }

        await ApplyAsync(input, entity, cancellationToken);
        try
        {
            await SaveChangesAsync(entity, cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            var saved = await ForEdit.AsNoTracking().SingleOrDefaultAsync(e => e.Id == entity.Id, cancellationToken);
            return saved is null ? new SaveResult(SaveOutcome.NotFound) : await StaleAsync(saved, input, cancellationToken);
        }

        return new SaveResult(SaveOutcome.Saved, entity.Id);
    }

    /// <summary>
    /// An action on the record outside its form (publish, cancel, …), only from the version the editor saw:
    /// <paramref name="change"/> applies it, or returns false when it does not apply (Invalid).
    /// </summary>
    public async Task<SaveResult> ChangeAsync(int id, long version, Func<TEntity, bool> change, CancellationToken cancellationToken)
    {
        var entity = await db.Set<TEntity>().SingleOrDefaultAsync(e => e.Id == id, cancellationToken);
        if (entity is null)
        {
            return new SaveResult(SaveOutcome.NotFound);
        }

        if (entity.Version != version)
        {
            return new SaveResult(SaveOutcome.Stale, id);
        }

        if (!change(entity))
        {
            return new SaveResult(SaveOutcome.Invalid, id);
        }

        db.Entry(entity).Property(e => e.Version).OriginalValue = version;
        try
        {
            await SaveChangesAsync(entity, cancellationToken);
            return new SaveResult(SaveOutcome.Saved, id);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new SaveResult(SaveOutcome.Stale, id);
        }
    }

    /// <summary>Writes the applied form; a record whose children cannot be saved in one go (a unique order swapped) overrides this.</summary>
    protected virtual Task SaveChangesAsync(TEntity entity, CancellationToken cancellationToken) => db.SaveChangesAsync(cancellationToken);

    public async Task<(SaveOutcome Outcome, string? Message)> DeleteAsync(int id, long version, CancellationToken cancellationToken)
    {
        var entity = await ForDelete.SingleOrDefaultAsync(e => e.Id == id, cancellationToken);
        if (entity is null)
        {
            return (SaveOutcome.NotFound, null);
        }

        // What depends on the record refuses the delete from any version, so it is said first.
        if (await DeleteBlockerAsync(id, cancellationToken) is { } blocker)
        {
            return (SaveOutcome.Invalid, blocker);
        }

        if (entity.Version != version)
        {
            return (SaveOutcome.Stale, text["StaffEnt_StaleDelete"].Value);
        }

        var afterwards = WhenDeleted(entity);
        var outcome = await VersionedDelete.RemoveAsync(db, entity, version, cancellationToken);
        if (outcome == SaveOutcome.Saved && afterwards is not null)
        {
            await afterwards(cancellationToken);
        }

        return (outcome, outcome == SaveOutcome.Stale ? text["StaffEnt_StaleDelete"].Value : null);
    }

    /// <summary>"Cannot be deleted: 3 activities, 1 document use it." from (count, plural resource pair of the kind) pairs; null when none.</summary>
    protected string? Blocker(params (int Count, string Key)[] uses)
    {
        var used = uses.Where(u => u.Count > 0).Select(u => text.Plural(u.Key, u.Count)).ToList();
        return used.Count == 0 ? null : string.Format(CultureInfo.CurrentCulture, text["StaffEnt_CannotDelete"].Value, string.Join(", ", used));
    }

    /// <summary>
    /// Turns the saved values into what the conflict list shows (e.g. ids into names), comparing lists the default
    /// comparison cannot; <paramref name="before"/> is the form as the editor opened it. By default unchanged.
    /// </summary>
    protected virtual Task DescribeConflictsAsync(Dictionary<string, string> conflicts, TInput before, TInput saved, CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task<SaveResult> StaleAsync(TEntity saved, TInput typed, CancellationToken cancellationToken)
    {
        var current = ToInput(saved);
        var before = EditConflicts.FromSnapshot<TInput>(typed.Original) ?? typed;
        var entityId = saved.Id.ToString(CultureInfo.InvariantCulture);
        var last = await db.AuditEntries.AsNoTracking()
            .Where(e => e.EntityType == typeof(TEntity).Name && e.EntityId == entityId)
            .OrderByDescending(e => e.Id).Select(e => new { e.UserName, e.OccurredAtUtc }).FirstOrDefaultAsync(cancellationToken);
        var conflicts = EditConflicts.Compare(before, current);
        await DescribeConflictsAsync(conflicts, before, current, cancellationToken);

        // The editor can now save again deliberately, over the colleague's version.
        typed.Version = saved.Version;
        typed.Original = EditConflicts.Snapshot(current);
        return new SaveResult(SaveOutcome.Stale, saved.Id, conflicts, last?.UserName, last?.OccurredAtUtc);
    }

    /// <summary>
    /// The address name (slug) of a record that has one: the one typed, refused beside the field when another record
    /// uses it, or one made from <paramref name="name"/> (numbered "-2", "-3" when taken). <paramref name="taken"/>
    /// gives the other records' slugs equal to or starting with a given slug.
    /// </summary>
    protected async Task<string?> SlugAsync(string? typed, string? name, string fallback, string field, FormErrors errors,
        Func<string, IQueryable<string>> taken, CancellationToken cancellationToken)
    {
        if (errors.IsInvalid(field) || string.IsNullOrWhiteSpace(name))
        {
            return typed;
        }

        var slug = string.IsNullOrWhiteSpace(typed) ? SeedText.Slug(name) : typed.Trim();
        slug = slug.Length == 0 ? fallback : slug[..Math.Min(slug.Length, 150)].TrimEnd('-');
        var used = await taken(slug).ToListAsync(cancellationToken);
        if (!string.IsNullOrWhiteSpace(typed))
        {
            if (used.Contains(slug))
            {
                errors.Add(field, Label("StaffEnt_Validation_SlugTaken"));
            }

            return slug;
        }

        // A generated slug gets a number when the name's slug is taken.
        var unique = slug;
        for (var i = 2; used.Contains(unique); i++)
        {
            unique = $"{slug}-{i}";
        }

        return unique;
    }

    /// <summary>
    /// "Cannot be deleted … : 2 port systems (Callao, Paita)." from (count, resource key of the kind, names of the first
    /// few) triples, so the message names the records to change first; null when none.
    /// </summary>
    protected string? BlockerNamed(params (int Count, string Key, IReadOnlyList<string> Names)[] uses)
    {
        var used = uses.Where(u => u.Count > 0).Select(u => text.Plural(u.Key, u.Count)
            + " (" + string.Join(", ", u.Names) + (u.Count > u.Names.Count ? ", …" : "") + ")").ToList();
        return used.Count == 0 ? null : string.Format(CultureInfo.CurrentCulture, text["StaffEnt_CannotDelete"].Value, string.Join("; ", used));
    }

    /// <summary>
    /// Makes a child collection edited on the form (memberships, audience countries, …) match what was chosen: a child
    /// whose key was chosen is updated with its value, one whose key was not is removed, and missing keys are added.
    /// </summary>
    protected static void SyncChildren<TChild, TKey, TValue>(ICollection<TChild> children, IReadOnlyDictionary<TKey, TValue> chosen,
        Func<TChild, TKey> keyOf, Action<TChild, TValue> update, Func<TKey, TValue, TChild> create)
        where TKey : notnull
    {
        var missing = chosen.Keys.ToHashSet();
        foreach (var child in children.ToList())
        {
            var key = keyOf(child);
            if (missing.Remove(key))
            {
                update(child, chosen[key]);
            }
            else
            {
                children.Remove(child);
            }
        }

        foreach (var key in missing)
        {
            children.Add(create(key, chosen[key]));
        }
    }

    protected static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    /// <summary>A LIKE pattern for a search text (lower case, wildcards removed), or null for no search.</summary>
    protected static string? Pattern(string? q) =>
        string.IsNullOrWhiteSpace(q) ? null : "%" + q.Trim().ToLowerInvariant().Replace("%", "", StringComparison.Ordinal).Replace("_", "", StringComparison.Ordinal) + "%";

    protected async Task<IReadOnlyList<SelectListItem>> CountryChoicesAsync(CancellationToken cancellationToken)
    {
        var english = English;
        return await db.Countries.AsNoTracking().OrderBy(c => english ? c.NameEn : c.NameEs)
            .Select(c => new SelectListItem(english ? c.NameEn : c.NameEs, c.Id.ToString())).ToListAsync(cancellationToken);
    }

    protected async Task<IReadOnlyList<SelectListItem>> OrganisationChoicesAsync(CancellationToken cancellationToken) =>
        await db.Organisations.AsNoTracking().OrderBy(o => o.NameEn)
            .Select(o => new SelectListItem(o.Acronym != null ? o.NameEn + " (" + o.Acronym + ")" : o.NameEn, o.Id.ToString())).ToListAsync(cancellationToken);

    protected IReadOnlyList<SelectListItem> EnumChoices<TEnum>(string keyPrefix)
        where TEnum : struct, Enum =>
        [.. Enum.GetValues<TEnum>().Select(v => new SelectListItem(text[keyPrefix + v].Value, v.ToString()))];

    protected string Label(string key) => text[key].Value;
}
