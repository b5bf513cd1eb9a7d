using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using PortCooperation.IntegrationTests.Infrastructure;

namespace PortCooperation.IntegrationTests.Database;

/// <summary>
/// Issue 2, point 2 and 3, as an operator sees them: a wrong database setting stops start-up with exit code 1
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
    public async Task MigrateCommand_MigratesAnEmptySqliteFile_AndExitsWithoutServing()
    {
        var result = await PortalProcess.RunAsync(_dataDirectory, new Dictionary<string, string>(), "migrate");

        result.ExitCode.ShouldBe(0, result.AllOutput);
        result.AllOutput.ShouldNotContain("Now listening on");
        var migrations = typeof(PortCooperation.Web.Data.PortalDbContext).Assembly.GetTypes()
            .Count(t => t.GetCustomAttributes(typeof(Microsoft.EntityFrameworkCore.Migrations.MigrationAttribute), false).Length > 0);
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

    [GeneratedRegex(@"^\s+at \S+\(.*\)", RegexOptions.Multiline)]
    private static partial Regex StackFrame();
}
