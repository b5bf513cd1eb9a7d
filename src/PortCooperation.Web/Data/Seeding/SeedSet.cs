using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using PortCooperation.Web.Domain;

namespace PortCooperation.Web.Data.Seeding;

/// <summary>What seeding does to a record that already exists under the same natural key.</summary>
public enum SeedMode
{
    /// <summary>
    /// Reference data: the rows are added only while the table is empty (the first start). After that the table is
    /// the staff's: a restart neither undoes a rename nor brings back a row they deleted.
    /// </summary>
    FirstStartOnly,

    /// <summary>Leave it alone (demo data: staff may have edited a demo record and a restart must not undo that).</summary>
    AddMissing,
}

/// <summary>The one lookup-then-insert routine every seed area uses, keyed by a natural key (code, slug, name).</summary>
internal static class SeedSet
{
    /// <summary>
    /// Adds the records of <paramref name="desired"/> that are missing (as <paramref name="mode"/> allows; existing rows
    /// are never changed) and returns the tracked entity for each key found or added. The existing rows are fetched
    /// with one <c>WHERE key IN (…)</c> query.
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

        var addMissing = mode == SeedMode.AddMissing || !await db.Set<T>().AnyAsync(cancellationToken);
        var result = new Dictionary<string, T>(StringComparer.Ordinal);
        foreach (var item in wanted)
        {
            var key = keyOf(item);
            if (existing.TryGetValue(key, out var current))
            {
                result.Add(key, current);
            }
            else if (addMissing)
            {
                db.Set<T>().Add(item);
                result.Add(key, item);
            }
        }

        return result;
    }

    /// <summary>True when the entity was added in this run, so its child rows (partners, countries…) are added too.</summary>
    public static bool IsNew(this PortalDbContext db, object entity) => db.Entry(entity).State == EntityState.Added;

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
