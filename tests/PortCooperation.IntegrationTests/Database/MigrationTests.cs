using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using PortCooperation.IntegrationTests.Database.Schema;
using PortCooperation.IntegrationTests.Infrastructure;
using PortCooperation.Web.Data;

namespace PortCooperation.IntegrationTests.Database;

/// <summary>
/// On one provider: empty to latest works, latest twice is a no-op, and the migrated schema is exactly the schema
/// the current model creates, so a model change without its migration fails here (besides ModelSnapshotTests).
/// </summary>
public abstract class MigrationTests(TestDatabases databases) : IDisposable
{
    public void Dispose()
    {
        (databases as IDisposable)?.Dispose();
        GC.SuppressFinalize(this);
    }

    protected async Task EmptyDatabaseMigratesToLatest()
    {
        var connectionString = await databases.CreateEmptyAsync();
        var applying = 0;
        await using var db = databases.Open(connectionString, _ => applying++, RelationalEventId.MigrationApplying);
        var all = db.Database.GetMigrations().ToList();
        all.ShouldNotBeEmpty("the web assembly holds no migrations");

        await db.Database.MigrateAsync();

        applying.ShouldBe(all.Count);
        (await HistoryAsync(db)).ShouldBe(all, "__EFMigrationsHistory should list every migration of the assembly, in order");
        (await db.Database.GetPendingMigrationsAsync()).ShouldBeEmpty();
        (await databases.ReadSchemaAsync(connectionString)).TableCount.ShouldBe(ModelTableCount(db));
    }

    protected async Task MigratingTwiceChangesNothing()
    {
        var connectionString = await databases.CreateEmptyAsync();
        await using (var first = databases.Open(connectionString))
        {
            await first.Database.MigrateAsync();
        }

        var schemaBefore = (await databases.ReadSchemaAsync(connectionString)).ToString();
        var applying = 0;
        await using var second = databases.Open(connectionString, _ => applying++, RelationalEventId.MigrationApplying);
        var historyBefore = await HistoryAsync(second);

        await second.Database.MigrateAsync();

        applying.ShouldBe(0, "the second Migrate should apply no migration");
        (await HistoryAsync(second)).ShouldBe(historyBefore);
        (await databases.ReadSchemaAsync(connectionString)).ToString().ShouldBe(schemaBefore);
    }

    protected async Task MigratedSchemaEqualsTheModel()
    {
        var migrated = await databases.CreateEmptyAsync();
        var created = await databases.CreateEmptyAsync();
        await using (var db = databases.Open(migrated))
        {
            await db.Database.MigrateAsync();
        }

        int modelTables;
        await using (var db = databases.Open(created))
        {
            await db.Database.EnsureCreatedAsync();
            modelTables = ModelTableCount(db);
        }

        var fromMigrations = await databases.ReadSchemaAsync(migrated);
        var fromModel = await databases.ReadSchemaAsync(created);

        fromModel.TableCount.ShouldBe(modelTables, "the schema reader should see every table of the model");
        var differences = SchemaDump.Differences(fromMigrations, fromModel);
        differences.ShouldBeNull(
            $"On {databases.ProviderName}, the schema built by the migrations in Data/Migrations/{databases.Provider} differs from the one the current model " +
            $"creates (EnsureCreated). Add a migration for the model change (docs/operations.md, \"Migrations\"):{Environment.NewLine}{differences}");
    }

    /// <summary>The comparison itself must be able to fail: tamper with a migrated schema and expect to be told.</summary>
    protected async Task SchemaComparisonNamesEveryDifference()
    {
        var migrated = await databases.CreateEmptyAsync();
        var created = await databases.CreateEmptyAsync();
        await using (var db = databases.Open(migrated))
        {
            await db.Database.MigrateAsync();
            await db.Database.ExecuteSqlRawAsync("""DROP INDEX "IX_Countries_Code" """);
            await db.Database.ExecuteSqlRawAsync("""ALTER TABLE "Countries" ADD COLUMN "Nickname" varchar(20) NULL""");
        }

        await using (var db = databases.Open(created))
        {
            await db.Database.EnsureCreatedAsync();
        }

        var differences = SchemaDump.Differences(await databases.ReadSchemaAsync(migrated), await databases.ReadSchemaAsync(created));

        differences.ShouldNotBeNull();
        differences.ShouldContain("+ index Countries.IX_Countries_Code");
        differences.ShouldContain("- column Countries.Nickname");
    }

    private static async Task<List<string>> HistoryAsync(PortalDbContext db) =>
        await db.Database
            .SqlQueryRaw<string>("""SELECT "MigrationId" AS "Value" FROM "__EFMigrationsHistory" ORDER BY "MigrationId" """)
            .ToListAsync();

    private static int ModelTableCount(PortalDbContext db) =>
        db.Model.GetEntityTypes().Select(e => e.GetTableName()).OfType<string>().Distinct().Count();
}

public sealed class MigrationsOnSqlite() : MigrationTests(new SqliteDatabases())
{
    [Fact]
    public Task EmptyDatabase_MigratesToLatest() => EmptyDatabaseMigratesToLatest();

    [Fact]
    public Task MigratingTwice_ChangesNothing() => MigratingTwiceChangesNothing();

    [Fact]
    public Task MigratedSchema_EqualsTheSchemaTheModelCreates() => MigratedSchemaEqualsTheModel();

    [Fact]
    public Task SchemaComparison_NamesEveryDifference() => SchemaComparisonNamesEveryDifference();
}

[Collection(PostgresCollection.Name)]
public sealed class MigrationsOnPostgres(PostgresCluster cluster) : MigrationTests(new PostgresDatabases(cluster))
{
    [PostgresFact]
    public Task EmptyDatabase_MigratesToLatest() => EmptyDatabaseMigratesToLatest();

    [PostgresFact]
    public Task MigratingTwice_ChangesNothing() => MigratingTwiceChangesNothing();

    [PostgresFact]
    public Task MigratedSchema_EqualsTheSchemaTheModelCreates() => MigratedSchemaEqualsTheModel();

    [PostgresFact]
    public Task SchemaComparison_NamesEveryDifference() => SchemaComparisonNamesEveryDifference();
}

/// <summary>
/// The same on the SQL Server named by PORTAL_TEST_SQLSERVER. Category SqlServer: the default run filters these out
/// (VSTestTestCaseFilter in the test project); README, "Set up", gives the command that runs them.
/// </summary>
[Trait("Category", "SqlServer")]
public sealed class MigrationsOnSqlServer() : MigrationTests(new SqlServerDatabases())
{
    [Fact]
    public Task EmptyDatabase_MigratesToLatest() => EmptyDatabaseMigratesToLatest();

    [Fact]
    public Task MigratingTwice_ChangesNothing() => MigratingTwiceChangesNothing();

    [Fact]
    public Task MigratedSchema_EqualsTheSchemaTheModelCreates() => MigratedSchemaEqualsTheModel();
}
