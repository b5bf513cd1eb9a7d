using System.Text;

namespace PortCooperation.IntegrationTests.Database.Schema;

/// <summary>
/// A normalised, order-independent picture of a database schema: one entry per schema object, keyed by
/// what it is ("column Countries.Code") with its definition as value ("character varying(2) NOT NULL").
/// Column order is left out on purpose: it changes nothing for the app and differs between a table built
/// by migrations and one built from the model.
/// </summary>
public sealed class SchemaDump
{
    /// <summary>EF's own bookkeeping tables, created by Migrate but never by EnsureCreated.</summary>
    public static readonly IReadOnlySet<string> MigrationBookkeepingTables =
        new HashSet<string>(StringComparer.Ordinal) { "__EFMigrationsHistory", "__EFMigrationsLock" };

    /// <summary>
    /// The library's full-text index (each provider's baseline migration): SQLite's FTS5 table and the
    /// shadow tables FTS5 creates for it, PostgreSQL's tsvector table. No provider-neutral EF mapping exists for
    /// them, so the migrations create them and the model does not; everything else is compared strictly.
    /// LibrarySearchIndexTests prove these objects exist and work on both providers.
    /// </summary>
    public static readonly IReadOnlySet<string> FullTextSearchTables = new HashSet<string>(StringComparer.Ordinal)
    {
        "LibrarySearch", "LibrarySearch_data", "LibrarySearch_idx", "LibrarySearch_content", "LibrarySearch_docsize", "LibrarySearch_config",
    };

    /// <summary>Tables the schema comparison leaves out: EF's bookkeeping and the full-text index.</summary>
    public static bool IsExcluded(string table) => MigrationBookkeepingTables.Contains(table) || FullTextSearchTables.Contains(table);

    private readonly SortedDictionary<string, string> _entries = new(StringComparer.Ordinal);

    public IReadOnlyDictionary<string, string> Entries => _entries;

    public int TableCount => _entries.Keys.Count(k => k.StartsWith("table ", StringComparison.Ordinal));

    public void Add(string kind, string name, string definition)
    {
        var key = $"{kind} {name}";
        if (!_entries.TryAdd(key, definition))
        {
            throw new InvalidOperationException($"The schema reader produced '{key}' twice.");
        }
    }

    /// <summary>Lists what differs, readably, so whoever changed the model sees what the migration lacks.</summary>
    public static string? Differences(SchemaDump migrated, SchemaDump model)
    {
        var missing = model._entries.Where(e => !migrated._entries.ContainsKey(e.Key)).ToList();
        var extra = migrated._entries.Where(e => !model._entries.ContainsKey(e.Key)).ToList();
        var changed = model._entries
            .Where(e => migrated._entries.TryGetValue(e.Key, out var value) && value != e.Value)
            .Select(e => (e.Key, Migrated: migrated._entries[e.Key], Model: e.Value))
            .ToList();
        if (missing.Count == 0 && extra.Count == 0 && changed.Count == 0)
        {
            return null;
        }

        var text = new StringBuilder();
        if (missing.Count > 0)
        {
            text.AppendLine($"In the model but not created by the migrations ({missing.Count}) - add them in a new migration:");
            foreach (var (key, value) in missing)
            {
                text.AppendLine($"  + {key}: {value}");
            }
        }

        if (extra.Count > 0)
        {
            text.AppendLine($"Created by the migrations but not in the model ({extra.Count}) - drop them in a migration or map them:");
            foreach (var (key, value) in extra)
            {
                text.AppendLine($"  - {key}: {value}");
            }
        }

        if (changed.Count > 0)
        {
            text.AppendLine($"Different in the migrations and the model ({changed.Count}):");
            foreach (var (key, migratedValue, modelValue) in changed)
            {
                text.AppendLine($"  ~ {key}");
                text.AppendLine($"      migrations: {migratedValue}");
                text.AppendLine($"      model:      {modelValue}");
            }
        }

        return text.ToString();
    }

    public override string ToString()
    {
        var text = new StringBuilder();
        foreach (var (key, value) in _entries)
        {
            text.Append(key).Append(": ").AppendLine(value);
        }

        return text.ToString();
    }
}
