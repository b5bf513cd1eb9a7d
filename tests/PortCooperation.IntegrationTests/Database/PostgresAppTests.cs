using System.Net;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using PortCooperation.IntegrationTests.Infrastructure;

namespace PortCooperation.IntegrationTests.Database;

/// <summary>The app itself on PostgreSQL: it migrates the database it is given and serves requests.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresAppTests(PostgresCluster cluster)
{
    [PostgresFact]
    public async Task App_OnAFreshPostgresDatabase_MigratesItAndServes()
    {
        var connectionString = await cluster.CreateDatabaseAsync();
        using var factory = new PortalFactory(new Dictionary<string, string?>
        {
            ["Database:Provider"] = "PostgreSQL",
            ["ConnectionStrings:Portal"] = connectionString,
        });
        using var client = factory.CreateClient();

        var live = await client.GetAsync(new Uri("/health/live", UriKind.Relative));

        live.StatusCode.ShouldBe(HttpStatusCode.OK);
        await factory.WithDbAsync(async db =>
        {
            db.Database.ProviderName.ShouldBe("Npgsql.EntityFrameworkCore.PostgreSQL");
            (await db.Database.GetAppliedMigrationsAsync()).ShouldBe(db.Database.GetMigrations());
        });
    }

    [PostgresFact]
    public async Task MigrateCommand_CreatesAMissingDatabase_AndMigratesIt()
    {
        var existing = await cluster.CreateDatabaseAsync();
        var missing = new NpgsqlConnectionStringBuilder(existing) { Database = "portal_created_by_migrate_" + Guid.NewGuid().ToString("N")[..8] };
        var dataDirectory = Path.Combine(Path.GetTempPath(), "portal-tests", "process-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(dataDirectory);
        try
        {
            var result = await PortalProcess.RunAsync(dataDirectory, new Dictionary<string, string>
            {
                ["Database__Provider"] = "PostgreSQL",
                ["ConnectionStrings__Portal"] = missing.ConnectionString,
            }, "migrate");

            result.ExitCode.ShouldBe(0, result.AllOutput);
            await using var connection = new NpgsqlConnection(missing.ConnectionString);
            await connection.OpenAsync();
            await using var count = new NpgsqlCommand("SELECT COUNT(*) FROM \"__EFMigrationsHistory\"", connection);
            ((long)(await count.ExecuteScalarAsync())!).ShouldBeGreaterThan(0);
        }
        finally
        {
            Directory.Delete(dataDirectory, recursive: true);
        }
    }
}
