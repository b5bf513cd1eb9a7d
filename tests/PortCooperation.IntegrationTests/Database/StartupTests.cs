using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using PortCooperation.IntegrationTests.Infrastructure;

namespace PortCooperation.IntegrationTests.Database;

/// <summary>
/// As an operator sees them: a wrong database setting stops start-up with exit code 1
/// and one line saying what to fix (no stack trace); <c>migrate</c> migrates and exits without serving.
/// </summary>
public sealed partial class StartupTests : IDisposable
{
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "portal-tests", "process-" + Guid.NewGuid().ToString("N")[..12]);

    public StartupTests() => Directory.CreateDirectory(_dataDirectory);

    [Fact]
    public async Task UnknownProvider_StopsStartup_WithOneLineNamingTheSetting()
    {
        var result = await PortalProcess.RunAsync(_dataDirectory, new Dictionary<string, string> { ["Database__Provider"] = "Oracle" });

        result.ExitCode.ShouldBe(1, result.AllOutput);
        var line = OnlyOutputLine(result);
        line.ShouldContain("Database__Provider");
        line.ShouldContain("'Oracle'");
        ShouldHaveNoStackTrace(result);
    }

    [Fact]
    public async Task UnreachablePostgres_StopsStartup_WithOneLineNamingTheSetting()
    {
        // Nothing listens on a port just found free: the connection is refused at once.
        var port = PostgresCluster.FreeLoopbackPort();
        var connectionString = $"Host=127.0.0.1;Port={port};Database=portal;Username=portal;Password=not-a-real-secret";
        var result = await PortalProcess.RunAsync(_dataDirectory, new Dictionary<string, string>
        {
            ["Database__Provider"] = "PostgreSQL",
            ["ConnectionStrings__Portal"] = connectionString,
        });

        result.ExitCode.ShouldBe(1, result.AllOutput);
        var line = OnlyOutputLine(result);
        line.ShouldContain("ConnectionStrings");
        line.ShouldContain("cannot be reached");
        line.ShouldContain($"127.0.0.1:{port}");
        ShouldHaveNoStackTrace(result);
        result.AllOutput.ShouldNotContain("not-a-real-secret");
        // Once the host is built, a start-up failure is in the log file like every other line.
        Operations.LogPrivacyTests.ReadLogs(_dataDirectory).Split('\n')
            .ShouldContain(l => l.Contains("[FTL] PortCooperation.Startup", StringComparison.Ordinal) && l.Contains("PortCooperation cannot start: ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task UnreachableSqlServer_StopsStartup_WithOneLineNamingTheSetting()
    {
        var port = PostgresCluster.FreeLoopbackPort();
        var connectionString = $"Server=127.0.0.1,{port};Database=portal;User Id=portal;Password=not-a-real-secret;TrustServerCertificate=True;Connect Timeout=5";
        var result = await PortalProcess.RunAsync(_dataDirectory, new Dictionary<string, string>
        {
            ["Database__Provider"] = "SqlServer",
            ["ConnectionStrings__Portal"] = connectionString,
        });

        result.ExitCode.ShouldBe(1, result.AllOutput);
        var line = OnlyOutputLine(result);
        line.ShouldContain("ConnectionStrings");
        line.ShouldContain("cannot be reached");
        line.ShouldContain("SqlException");
        ShouldHaveNoStackTrace(result);
        result.AllOutput.ShouldNotContain("not-a-real-secret");
    }

    /// <summary>
    /// On SQL Server <c>backup</c> and <c>restore</c> say in one line that the server's own BACKUP/RESTORE DATABASE is
    /// the way, before touching the database (so they answer the same whether or not the server is up).
    /// </summary>
    [Theory]
    [InlineData("backup")]
    [InlineData("restore")]
    public async Task BackupAndRestore_OnSqlServer_PointToTheServersOwnBackup_InOneLine(string command)
    {
        var port = PostgresCluster.FreeLoopbackPort();
        var connectionString = $"Server=127.0.0.1,{port};Database=portal;User Id=portal;Password=not-a-real-secret;TrustServerCertificate=True;Connect Timeout=5";
        var folder = Path.Combine(_dataDirectory, "backup");

        var result = await PortalProcess.RunAsync(_dataDirectory, new Dictionary<string, string>
        {
            ["Database__Provider"] = "SqlServer",
            ["ConnectionStrings__Portal"] = connectionString,
        }, command, folder);

        result.ExitCode.ShouldBe(2, result.AllOutput);
        var lines = result.AllOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        lines.ShouldHaveSingleItem(result.AllOutput);
        var line = lines[0];
        line.ShouldStartWith(command + ": ");
        line.ShouldContain("BACKUP DATABASE");
        line.ShouldContain("RESTORE DATABASE");
        ShouldHaveNoStackTrace(result);
        Directory.Exists(folder).ShouldBeFalse();
    }

    /// <summary>
    /// A database made by the retired hand-written migrations: its history holds ids this build does not have, so
    /// <c>migrate</c> stops with one line before changing anything (applying the new baseline would fail half-way).
    /// </summary>
    [Fact]
    public async Task MigrateCommand_OnADatabaseOfTheRetiredMigrations_StopsWithOneLine_AndChangesNothing()
    {
        var file = Path.Combine(_dataDirectory, "portal.db");
        await ExecuteAsync(file, """
            CREATE TABLE "__EFMigrationsHistory" ("MigrationId" TEXT NOT NULL PRIMARY KEY, "ProductVersion" TEXT NOT NULL);
            INSERT INTO "__EFMigrationsHistory" VALUES ('20261122000000_InitialCreate', '10.0.14'), ('20261207010000_DocumentsByCountryIndex', '10.0.14');
            CREATE TABLE "Countries" ("Id" INTEGER NOT NULL PRIMARY KEY, "Code" TEXT NOT NULL);
            """);
        var tablesBefore = await TablesAsync(file);

        var result = await PortalProcess.RunAsync(_dataDirectory, new Dictionary<string, string>(), "migrate");

        result.ExitCode.ShouldBe(1, result.AllOutput);
        var line = OnlyOutputLine(result);
        line.ShouldContain("20261122000000_InitialCreate");
        line.ShouldContain("Nothing was changed");
        ShouldHaveNoStackTrace(result);
        (await TablesAsync(file)).ShouldBe(tablesBefore);
    }

    [Fact]
    public async Task MigrateCommand_MigratesAnEmptySqliteFile_AndExitsWithoutServing()
    {
        var result = await PortalProcess.RunAsync(_dataDirectory, new Dictionary<string, string>(), "migrate");

        result.ExitCode.ShouldBe(0, result.AllOutput);
        result.AllOutput.ShouldNotContain("Now listening on");
        using var sqlite = new PortCooperation.Web.Data.SqliteDesignTimeFactory().CreateDbContext([]);
        var migrations = Microsoft.EntityFrameworkCore.RelationalDatabaseFacadeExtensions.GetMigrations(sqlite.Database).Count();
        migrations.ShouldBeGreaterThan(0);
        (await CountHistoryRowsAsync(Path.Combine(_dataDirectory, "portal.db"))).ShouldBe(migrations);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // Left in the OS temp folder.
        }
    }

    /// <summary>
    /// The whole console output, both streams, must be the one line that says what to fix, written like every other
    /// log line (time, level, source) and on the error stream.
    /// </summary>
    private static string OnlyOutputLine(ProcessResult result)
    {
        var lines = result.AllOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        lines.Length.ShouldBe(1, $"start-up should fail with exactly one line of output, got:{Environment.NewLine}{result.AllOutput}");
        result.StandardError.ShouldContain(lines[0]);
        lines[0].ShouldStartWith("[");
        lines[0].ShouldContain(" FTL] PortCooperation.Startup: PortCooperation cannot start: ");
        return lines[0];
    }

    private static void ShouldHaveNoStackTrace(ProcessResult result) =>
        StackFrame().IsMatch(result.AllOutput).ShouldBeFalse($"the output shows a stack trace:{Environment.NewLine}{result.AllOutput}");

    private static async Task<long> CountHistoryRowsAsync(string file)
    {
        File.Exists(file).ShouldBeTrue($"migrate should have created {file}");
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file, Mode = SqliteOpenMode.ReadOnly }.ToString());
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM \"__EFMigrationsHistory\"";
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static async Task ExecuteAsync(string file, string sql)
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file, Pooling = false }.ToString());
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<List<string>> TablesAsync(string file)
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT name FROM sqlite_master ORDER BY name";
        var tables = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            tables.Add(reader.GetString(0));
        }

        return tables;
    }

    [GeneratedRegex(@"^\s+at \S+\(.*\)", RegexOptions.Multiline)]
    private static partial Regex StackFrame();
}
