using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using PortCooperation.Web.Domain;

namespace PortCooperation.Web.Data.Seeding;

/// <summary>What seeding does to a record that already exists under the same natural key.</summary>
public enum SeedMode
{
    /// <summary>Overwrite its content with the seed's (reference data: names are corrected on the next start).</summary>
    Upsert,

    /// <summary>Leave it alone (demo data: staff may have edited a demo record and a restart must not undo that).</summary>
    AddMissing,
}

/// <summary>The one lookup-then-insert-or-update routine every seed area uses, keyed by a natural key (code, slug, name).</summary>
internal static class SeedSet
{
    /// <summary>
    /// Makes the records in <paramref name="desired"/> exist and returns the tracked entity for each key, whether it
    /// was found or added. One query per call: the existing rows are fetched with <c>WHERE key IN (…)</c>.
    /// </summary>
    public static async Task<Dictionary<string, T>> EnsureAsync<T>(
        this PortalDbContext db,
        IEnumerable<T> desired,
        Expression<Func<T, string>> naturalKey,
        SeedMode mode,
        CancellationToken cancellationToken)
        where T : EditableEntity
    {
        var keyOf = naturalKey.Compile();
        var wanted = desired.ToList();
        var keys = wanted.Select(keyOf).ToList();
        if (keys.Distinct(StringComparer.Ordinal).Count() != keys.Count)
        {
            throw new InvalidOperationException($"Seed data for {typeof(T).Name} repeats a natural key.");
        }

        var existing = await db.Set<T>()
            .Where(KeyIn(naturalKey, keys))
            .ToDictionaryAsync(keyOf, StringComparer.Ordinal, cancellationToken);

        var result = new Dictionary<string, T>(StringComparer.Ordinal);
        foreach (var item in wanted)
        {
            var key = keyOf(item);
            if (!existing.TryGetValue(key, out var current))
            {
                db.Set<T>().Add(item);
                result.Add(key, item);
                continue;
            }

            if (mode == SeedMode.Upsert)
            {
                CopyContent(db, current, item);
            }

            result.Add(key, current);
        }

        return result;
    }

    /// <summary>True when the entity was added in this run, so its child rows (partners, countries…) are added too.</summary>
    public static bool IsNew(this PortalDbContext db, object entity) => db.Entry(entity).State == EntityState.Added;

    private static void CopyContent<T>(PortalDbContext db, T current, T seed)
        where T : EditableEntity
    {
        // Carry over identity and bookkeeping so SetValues only touches content columns. SetValues marks a
        // property modified only when its value differs, so an unchanged record causes no UPDATE and keeps its Version.
        seed.Id = current.Id;
        seed.Version = current.Version;
        seed.CreatedAt = current.CreatedAt;
        seed.UpdatedAt = current.UpdatedAt;
        db.Entry(current).CurrentValues.SetValues(seed);
    }

    private static Expression<Func<T, bool>> KeyIn<T>(Expression<Func<T, string>> naturalKey, List<string> keys)
    {
        var contains = Expression.Call(
            typeof(Enumerable),
            nameof(Enumerable.Contains),
            [typeof(string)],
            Expression.Constant(keys),
            naturalKey.Body);
        return Expression.Lambda<Func<T, bool>>(contains, naturalKey.Parameters);
    }
}
