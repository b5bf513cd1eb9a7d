using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;

namespace PortCooperation.IntegrationTests.Database.Schema;

/// <summary>Reads a SQLite file's schema from <c>sqlite_master</c> and the table/index/foreign-key pragmas.</summary>
public static partial class SqliteSchemaReader
{
    public static async Task<SchemaDump> ReadAsync(string connectionString)
    {
        var dump = new SchemaDump();
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();

        var tables = await QueryAsync(connection,
            "SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name",
            r => (Name: r.GetString(0), Sql: r.GetString(1)));
        foreach (var (table, sql) in tables.Where(t => !SchemaDump.IsExcluded(t.Name)))
        {
            dump.Add("table", table, sql.StartsWith("CREATE VIRTUAL", StringComparison.OrdinalIgnoreCase) ? "virtual" : "table");
            await ReadColumnsAndKeyAsync(connection, dump, table, sql);
            await ReadForeignKeysAsync(connection, dump, table, sql);
            await ReadIndexesAsync(connection, dump, table);
            foreach (Match check in CheckConstraint().Matches(sql))
            {
                dump.Add("check", $"{table}.{check.Groups["name"].Value}", check.Groups["body"].Value.Trim());
            }
        }

        return dump;
    }

    private static async Task ReadColumnsAndKeyAsync(SqliteConnection connection, SchemaDump dump, string table, string sql)
    {
        var columns = await QueryAsync(connection,
            "SELECT name, type, \"notnull\", dflt_value, pk, hidden FROM pragma_table_xinfo(@p0)",
            r => (Name: r.GetString(0), Type: r.GetString(1), NotNull: r.GetInt64(2) == 1,
                Default: r.IsDBNull(3) ? null : r.GetString(3), Pk: r.GetInt64(4), Hidden: r.GetInt64(5)),
            table);
        foreach (var column in columns)
        {
            var definition = $"{column.Type} {(column.NotNull ? "NOT NULL" : "NULL")}";
            if (column.Default is not null)
            {
                definition += $" DEFAULT {column.Default}";
            }

            if (ColumnCollation(sql, column.Name) is { } collation)
            {
                definition += $" COLLATE {collation}";
            }

            if (column.Hidden is 2 or 3)
            {
                definition += " GENERATED";
            }

            dump.Add("column", $"{table}.{column.Name}", definition);
        }

        var keyColumns = columns.Where(c => c.Pk > 0).OrderBy(c => c.Pk).Select(c => c.Name).ToList();
        if (keyColumns.Count > 0)
        {
            var name = PrimaryKeyName().Match(sql) is { Success: true } m ? m.Groups[1].Value : "(unnamed)";
            var autoincrement = sql.Contains("AUTOINCREMENT", StringComparison.OrdinalIgnoreCase) ? " AUTOINCREMENT" : "";
            dump.Add("primary key", table, $"{name} ({string.Join(", ", keyColumns)}){autoincrement}");
        }
    }

    private static async Task ReadForeignKeysAsync(SqliteConnection connection, SchemaDump dump, string table, string sql)
    {
        var rows = await QueryAsync(connection,
            "SELECT id, seq, \"table\", \"from\", \"to\", on_update, on_delete FROM pragma_foreign_key_list(@p0) ORDER BY id, seq",
            r => (Id: r.GetInt64(0), Principal: r.GetString(2), From: r.GetString(3), To: r.IsDBNull(4) ? "" : r.GetString(4),
                OnUpdate: r.GetString(5), OnDelete: r.GetString(6)),
            table);
        var names = ForeignKeyName().Matches(sql).ToDictionary(
            m => NormaliseColumnList(m.Groups["columns"].Value), m => m.Groups["name"].Value, StringComparer.Ordinal);
        foreach (var key in rows.GroupBy(r => r.Id))
        {
            var from = string.Join(", ", key.Select(k => k.From));
            var first = key.First();
            var name = names.TryGetValue(from, out var n) ? n : "(unnamed)";
            dump.Add("foreign key", $"{table} ({from})",
                $"{name} REFERENCES {first.Principal} ({string.Join(", ", key.Select(k => k.To))}) ON DELETE {first.OnDelete} ON UPDATE {first.OnUpdate}");
        }
    }

    private static async Task ReadIndexesAsync(SqliteConnection connection, SchemaDump dump, string table)
    {
        var indexes = await QueryAsync(connection,
            "SELECT l.name, l.\"unique\", l.origin, m.sql FROM pragma_index_list(@p0) l LEFT JOIN sqlite_master m ON m.type = 'index' AND m.name = l.name",
            r => (Name: r.GetString(0), Unique: r.GetInt64(1) == 1, Origin: r.GetString(2), Sql: r.IsDBNull(3) ? null : r.GetString(3)),
            table);

        // Indexes SQLite makes for the primary key are covered by the primary key entry.
        foreach (var index in indexes.Where(i => i.Origin != "pk"))
        {
            var columns = await QueryAsync(connection,
                "SELECT name, \"desc\", coll FROM pragma_index_xinfo(@p0) WHERE key = 1 ORDER BY seqno",
                r => (r.IsDBNull(0) ? "<expression>" : r.GetString(0)) + (r.GetInt64(1) == 1 ? " DESC" : "") +
                    (r.GetString(2) == "BINARY" ? "" : " COLLATE " + r.GetString(2)),
                index.Name);
            var definition = $"{(index.Unique ? "UNIQUE " : "")}({string.Join(", ", columns)})";
            if (index.Sql is not null && IndexFilter().Match(index.Sql) is { Success: true } filter)
            {
                definition += " WHERE " + filter.Groups[1].Value.Trim();
            }

            // Unique constraints get positional auto-names; key them by their columns instead.
            var name = index.Origin == "u" ? "unique constraint " + string.Join(", ", columns) : index.Name;
            dump.Add("index", $"{table}.{name}", definition);
        }
    }

    private static string? ColumnCollation(string tableSql, string column)
    {
        var match = Regex.Match(tableSql, $"\"{Regex.Escape(column)}\"[^,\\n]*?\\bCOLLATE\\s+\"?(\\w+)", RegexOptions.IgnoreCase);
        return match.Success ? match.Groups[1].Value.ToUpperInvariant() : null;
    }

    private static string NormaliseColumnList(string columns) =>
        string.Join(", ", columns.Split(',').Select(c => c.Trim().Trim('"')));

    private static async Task<List<T>> QueryAsync<T>(SqliteConnection connection, string sql, Func<SqliteDataReader, T> read, params object[] parameters)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        for (var i = 0; i < parameters.Length; i++)
        {
            command.Parameters.AddWithValue($"@p{i}", parameters[i]);
        }

        var rows = new List<T>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add(read(reader));
        }

        return rows;
    }

    [GeneratedRegex("CONSTRAINT\\s+\"([^\"]+)\"\\s+PRIMARY\\s+KEY", RegexOptions.IgnoreCase)]
    private static partial Regex PrimaryKeyName();

    [GeneratedRegex("CONSTRAINT\\s+\"(?<name>[^\"]+)\"\\s+FOREIGN\\s+KEY\\s*\\((?<columns>[^)]*)\\)", RegexOptions.IgnoreCase)]
    private static partial Regex ForeignKeyName();

    [GeneratedRegex("CONSTRAINT\\s+\"(?<name>[^\"]+)\"\\s+CHECK\\s*\\((?<body>.*)\\)\\s*(,|$)", RegexOptions.IgnoreCase | RegexOptions.Multiline)]
    private static partial Regex CheckConstraint();

    [GeneratedRegex("\\bWHERE\\b(.*)$", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex IndexFilter();
}
