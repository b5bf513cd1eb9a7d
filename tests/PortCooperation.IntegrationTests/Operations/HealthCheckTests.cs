using System.Net;
using Microsoft.Data.Sqlite;
using Npgsql;
using PortCooperation.IntegrationTests.Infrastructure;
using PortCooperation.IntegrationTests.Web;

namespace PortCooperation.IntegrationTests.Operations;

/// <summary>
/// docs/quality.md R9: /health/live answers while the process runs, whatever the database does; /health/ready
/// answers 503 while the database cannot be reached and 200 again once it is back, on SQLite and PostgreSQL.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class HealthCheckTests(PostgresCluster cluster)
{
    [Fact]
    public async Task Sqlite_ReadyIs503WhileTheFileIsUnreachable_AndLiveStays200()
    {
        using var factory = new WebFactory();
        var client = factory.CreateClient();
        (await StatusAsync(client, "/health/ready")).ShouldBe(HttpStatusCode.OK);
        var file = Path.Combine(factory.DataDirectory, "portal.db");
        var away = file + ".away";

        // A directory where the database file was: SQLite cannot open it ("unable to open database file").
        SqliteConnection.ClearAllPools();
        File.Move(file, away);
        Directory.CreateDirectory(file);
        try
        {
            (await StatusAsync(client, "/health/ready")).ShouldBe(HttpStatusCode.ServiceUnavailable);
            (await StatusAsync(client, "/health/live")).ShouldBe(HttpStatusCode.OK);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(file);
            File.Move(away, file);
        }

        (await StatusAsync(client, "/health/ready")).ShouldBe(HttpStatusCode.OK);
    }

    [PostgresFact]
    public async Task Postgres_ReadyIs503WhileTheDatabaseIsGone_AndLiveStays200()
    {
        var connectionString = await cluster.CreateDatabaseAsync("health");
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database!;
        using var factory = new WebFactory(settings: new Dictionary<string, string?>
        {
            ["Database:Provider"] = "PostgreSQL",
            ["ConnectionStrings:Portal"] = connectionString,
        });
        var client = factory.CreateClient();
        (await StatusAsync(client, "/health/ready")).ShouldBe(HttpStatusCode.OK);

        // Renaming the database makes it unreachable under its configured name, like a server gone away.
        await RenameAsync(name, name + "_away");
        try
        {
            (await StatusAsync(client, "/health/ready")).ShouldBe(HttpStatusCode.ServiceUnavailable);
            (await StatusAsync(client, "/health/live")).ShouldBe(HttpStatusCode.OK);
        }
        finally
        {
            await RenameAsync(name + "_away", name);
        }

        (await StatusAsync(client, "/health/ready")).ShouldBe(HttpStatusCode.OK);
    }

    [Theory]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    public async Task Probes_AreReadOnly_APostGets405(string url)
    {
        using var factory = new WebFactory();

        using var response = await factory.CreateClient().PostAsync(url, new StringContent(""));

        response.StatusCode.ShouldBe(HttpStatusCode.MethodNotAllowed);
    }

    private static async Task<HttpStatusCode> StatusAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(url);
        return response.StatusCode;
    }

    private async Task RenameAsync(string from, string to)
    {
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(cluster.AdminConnectionString);
        await connection.OpenAsync();
        await using (var terminate = new NpgsqlCommand("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = @name AND pid <> pg_backend_pid()", connection))
        {
            terminate.Parameters.AddWithValue("name", from);
            await terminate.ExecuteNonQueryAsync();
        }

        await using var rename = new NpgsqlCommand($"ALTER DATABASE \"{from}\" RENAME TO \"{to}\"", connection);
        await rename.ExecuteNonQueryAsync();
    }
}
