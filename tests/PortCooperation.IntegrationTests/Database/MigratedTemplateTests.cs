using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using PortCooperation.IntegrationTests.Database.Schema;
using PortCooperation.IntegrationTests.Infrastructure;
using PortCooperation.IntegrationTests.Operations;
using PortCooperation.IntegrationTests.Web;

namespace PortCooperation.IntegrationTests.Database;

/// <summary>
/// Test hosts start on a copy of a data folder the app migrated and seeded once (<see cref="MigratedDataFolder"/>):
/// the copy must hold exactly what a first start on an empty folder writes, and the host must find nothing left to migrate.
/// </summary>
public sealed class MigratedTemplateTests
{
    private static readonly System.Text.RegularExpressions.Regex Applied = new(@"Database migrated: (\d+) migrations applied now");

    [Fact]
    public async Task WithDemoDataOff_AndAFixedClock_TheCopyHoldsRowForRowWhatAFirstStartWrites()
    {
        using var copied = new WebFactory();
        using var migrated = new WebFactory { MigratesItself = true };
        _ = copied.Server;
        _ = migrated.Server;

        (await RowsAsync(copied.DataDirectory)).ShouldBe(await RowsAsync(migrated.DataDirectory));
        AppliedNow(copied.DataDirectory).ShouldBe(0);
        AppliedNow(migrated.DataDirectory).ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task WithDemoData_TheCopyHasTheSameSchema_AsManyRowsInEveryTable_AndTheDemoAttachments()
    {
        using var copied = new PortalFactory();
        using var migrated = new PortalFactory { MigratesItself = true };
        _ = copied.Server;
        _ = migrated.Server;

        (await SqliteSchemaReader.ReadAsync(ConnectionString(copied.DataDirectory))).ToString()
            .ShouldBe((await SqliteSchemaReader.ReadAsync(ConnectionString(migrated.DataDirectory))).ToString());
        (await CountsAsync(copied.DataDirectory)).ShouldBe(await CountsAsync(migrated.DataDirectory));
        var attachments = Directory.GetFiles(Path.Combine(copied.DataDirectory, "attachments"));
        attachments.Length.ShouldBe(Directory.GetFiles(Path.Combine(migrated.DataDirectory, "attachments")).Length);
        attachments.ShouldNotBeEmpty();
        AppliedNow(copied.DataDirectory).ShouldBe(0);
    }

    [Fact]
    public async Task AnExistingDatabase_IsLeftAsItIs()
    {
        using var first = new WebFactory();
        await first.WithDbAsync(async db =>
        {
            db.Topics.Add(new PortCooperation.Web.Domain.Topic { Slug = "marker", NameEn = "Marker", NameEs = "Marcador" });
            await db.SaveChangesAsync();
        });

        using var second = new WebFactory(settings: new Dictionary<string, string?> { ["Data:Directory"] = first.DataDirectory });

        (await second.WithDbAsync(db => db.Topics.CountAsync(t => t.Slug == "marker"))).ShouldBe(1);
    }

    /// <summary>How many migrations the host's start logged it applied.</summary>
    private static int AppliedNow(string dataDirectory) =>
        int.Parse(Applied.Matches(LogPrivacyTests.ReadLogs(dataDirectory)).ShouldHaveSingleItem().Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);

    private static string ConnectionString(string dataDirectory) =>
        new SqliteConnectionStringBuilder { DataSource = Path.Combine(dataDirectory, "portal.db"), Pooling = false }.ToString();

    private static async Task<List<string>> TablesAsync(SqliteConnection connection)
    {
        var tables = new List<string>();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite%' ORDER BY name";
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            tables.Add(reader.GetString(0));
        }

        return tables;
    }

    private static async Task<List<string>> CountsAsync(string dataDirectory)
    {
        await using var connection = new SqliteConnection(ConnectionString(dataDirectory));
        await connection.OpenAsync();
        var counts = new List<string>();
        foreach (var table in await TablesAsync(connection))
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT COUNT(*) FROM \"{table}\"";
            counts.Add($"{table}: {await command.ExecuteScalarAsync()}");
        }

        return counts;
    }

    /// <summary>Every row of every table as text, but for what each start draws at random (role ids, stamps, key-ring keys).</summary>
    private static async Task<List<string>> RowsAsync(string dataDirectory)
    {
        await using var connection = new SqliteConnection(ConnectionString(dataDirectory));
        await connection.OpenAsync();
        var rows = new List<string>();
        foreach (var table in await TablesAsync(connection))
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT * FROM \"{table}\"";
            await using var reader = await command.ExecuteReaderAsync();
            var tableRows = new List<string>();
            while (await reader.ReadAsync())
            {
                var values = Enumerable.Range(0, reader.FieldCount)
                    .Where(i => !(table is "AspNetRoles" && reader.GetName(i) is "Id" or "ConcurrencyStamp") && table is not "DataProtectionKeys")
                    .Select(i => $"{reader.GetName(i)}={(reader.IsDBNull(i) ? "null" : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture))}");
                tableRows.Add($"{table}: {string.Join(", ", values)}");
            }

            rows.AddRange(tableRows.Order(StringComparer.Ordinal));
        }

        return rows;
    }
}
