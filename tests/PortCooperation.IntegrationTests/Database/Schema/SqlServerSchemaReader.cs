using Microsoft.Data.SqlClient;

namespace PortCooperation.IntegrationTests.Database.Schema;

/// <summary>
/// Reads the current schema of a SQL Server database from the sys catalog views: tables, columns (type, length,
/// nullability, identity), primary, unique and foreign keys with their actions, and indexes with their key columns,
/// included columns and filters. EF's bookkeeping and the full-text index are left out as on the other providers.
/// </summary>
public static class SqlServerSchemaReader
{
    private const string PortalTables = "t.is_ms_shipped = 0 AND t.name NOT IN ('__EFMigrationsHistory', '__EFMigrationsLock')";

    public static async Task<SchemaDump> ReadAsync(string connectionString)
    {
        var dump = new SchemaDump();
        await using var connection = new SqlConnection(connectionString);
        await connection.OpenAsync();

        await AddAsync(connection, dump, "table", $"SELECT t.name, 'table' FROM sys.tables t WHERE {PortalTables}");
        await AddAsync(connection, dump, "column", $"""
            SELECT t.name + '.' + c.name,
                   ty.name
                   + CASE WHEN ty.name IN ('nvarchar', 'nchar') THEN '(' + CASE WHEN c.max_length = -1 THEN 'max' ELSE CAST(c.max_length / 2 AS varchar(10)) END + ')'
                          WHEN ty.name IN ('varchar', 'char', 'varbinary', 'binary') THEN '(' + CASE WHEN c.max_length = -1 THEN 'max' ELSE CAST(c.max_length AS varchar(10)) END + ')'
                          WHEN ty.name IN ('decimal', 'numeric') THEN '(' + CAST(c.precision AS varchar(10)) + ',' + CAST(c.scale AS varchar(10)) + ')'
                          WHEN ty.name IN ('datetime2', 'datetimeoffset', 'time') THEN '(' + CAST(c.scale AS varchar(10)) + ')'
                          ELSE '' END
                   + CASE WHEN c.is_nullable = 1 THEN ' NULL' ELSE ' NOT NULL' END
                   + CASE WHEN c.is_identity = 1 THEN ' IDENTITY' ELSE '' END
                   + COALESCE(' DEFAULT ' + dc.definition, '')
            FROM sys.columns c
            JOIN sys.tables t ON t.object_id = c.object_id
            JOIN sys.types ty ON ty.user_type_id = c.user_type_id
            LEFT JOIN sys.default_constraints dc ON dc.object_id = c.default_object_id
            WHERE {PortalTables}
            """);
        await AddAsync(connection, dump, "foreign key", $"""
            SELECT t.name + '.' + fk.name,
                   OBJECT_NAME(fk.referenced_object_id) + ' ON DELETE ' + fk.delete_referential_action_desc + ' ('
                   + STRING_AGG(COL_NAME(fkc.parent_object_id, fkc.parent_column_id), ', ') WITHIN GROUP (ORDER BY fkc.constraint_column_id) + ')'
            FROM sys.foreign_keys fk
            JOIN sys.tables t ON t.object_id = fk.parent_object_id
            JOIN sys.foreign_key_columns fkc ON fkc.constraint_object_id = fk.object_id
            WHERE {PortalTables}
            GROUP BY t.name, fk.name, fk.referenced_object_id, fk.delete_referential_action_desc
            """);
        await AddAsync(connection, dump, "index", $"""
            SELECT t.name + '.' + i.name,
                   CASE WHEN i.is_primary_key = 1 THEN 'PRIMARY KEY ' WHEN i.is_unique = 1 THEN 'UNIQUE ' ELSE '' END
                   + '(' + STRING_AGG(CASE WHEN ic.is_included_column = 0 THEN COL_NAME(ic.object_id, ic.column_id) END, ', ')
                           WITHIN GROUP (ORDER BY ic.key_ordinal) + ')'
                   + COALESCE(' INCLUDE (' + STRING_AGG(CASE WHEN ic.is_included_column = 1 THEN COL_NAME(ic.object_id, ic.column_id) END, ', ') + ')', '')
                   + COALESCE(' WHERE ' + MAX(i.filter_definition), '')
            FROM sys.indexes i
            JOIN sys.tables t ON t.object_id = i.object_id
            JOIN sys.index_columns ic ON ic.object_id = i.object_id AND ic.index_id = i.index_id
            WHERE {PortalTables} AND i.type > 0
            GROUP BY t.name, i.name, i.is_primary_key, i.is_unique
            """);
        return dump;
    }

    private static async Task AddAsync(SqlConnection connection, SchemaDump dump, string kind, string sql)
    {
        await using var command = new SqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            dump.Add(kind, reader.GetString(0), reader.GetString(1));
        }
    }
}
