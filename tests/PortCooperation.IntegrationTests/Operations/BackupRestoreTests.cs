using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;
using PortCooperation.IntegrationTests.Infrastructure;
using PortCooperation.Web.Data;

namespace PortCooperation.IntegrationTests.Operations;

/// <summary>
/// docs/quality.md R8: `backup` while the portal runs, `restore` into an empty database and data folder; every row,
/// every file (checksums) and the Data Protection keys (so sign-ins and links survive) come back.
/// </summary>
public abstract class BackupRestoreTests : IDisposable
{
    private readonly List<string> _folders = [];

    protected string NewFolder(string name)
    {
        var folder = Path.Combine(Path.GetTempPath(), "portal-tests", $"{name}-{Guid.NewGuid():N}"[..24]);
        _folders.Add(folder);
        return folder;
    }

    protected async Task BackupWhileRunningRestoresEveryRowFileAndKey(Dictionary<string, string?> original, Dictionary<string, string?> empty)
    {
        using var running = new PortalFactory(original);
        running.CreateClient().Dispose();
        var uploads = Path.Combine(running.DataDirectory, "uploads", "ab");
        Directory.CreateDirectory(uploads);
        var attachment = RandomNumberGenerator.GetBytes(50_000);
        await File.WriteAllBytesAsync(Path.Combine(uploads, "9f3c.bin"), attachment);
        var signedLink = running.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("backup-test").Protect("registration 42");
        var before = await CountsAsync(running);
        var backup = NewFolder("backup");

        var made = await PortalProcess.RunAsync(running.DataDirectory, ToEnvironment(original), "backup", backup);

        made.ExitCode.ShouldBe(0, made.AllOutput);
        File.Exists(Path.Combine(backup, "manifest.json")).ShouldBeTrue();
        var restoredData = NewFolder("restored");
        Directory.CreateDirectory(restoredData);
        var restoredSettings = new Dictionary<string, string?>(empty) { ["Data:Directory"] = restoredData };

        var restored = await PortalProcess.RunAsync(restoredData, ToEnvironment(empty), "restore", backup);

        restored.ExitCode.ShouldBe(0, restored.AllOutput);
        restored.StandardOutput.ShouldContain("counts and checksums match");
        (await File.ReadAllBytesAsync(Path.Combine(restoredData, "uploads", "ab", "9f3c.bin"))).ShouldBe(attachment);
        using var second = new PortalFactory(restoredSettings);
        second.CreateClient().Dispose();
        (await CountsAsync(second)).ShouldBe(before);
        second.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("backup-test").Unprotect(signedLink).ShouldBe("registration 42");

        // Restoring over data is refused, and nothing is touched.
        var again = await PortalProcess.RunAsync(restoredData, ToEnvironment(empty), "restore", backup);
        again.ExitCode.ShouldBe(2, again.AllOutput);
    }

    protected async Task DamagedBackupIsRefused(Dictionary<string, string?> original, Dictionary<string, string?> empty)
    {
        using var running = new PortalFactory(original);
        running.CreateClient().Dispose();
        var backup = NewFolder("backup");
        (await PortalProcess.RunAsync(running.DataDirectory, ToEnvironment(original), "backup", backup)).ExitCode.ShouldBe(0);
        var databaseFile = Directory.GetFiles(backup, "database.*").Single();
        await using (var stream = File.OpenWrite(databaseFile))
        {
            stream.Seek(100, SeekOrigin.Begin);
            stream.WriteByte(0x42);
        }

        var restoredData = NewFolder("restored");
        Directory.CreateDirectory(restoredData);
        var result = await PortalProcess.RunAsync(restoredData, ToEnvironment(empty), "restore", backup);

        result.ExitCode.ShouldBe(1);
        result.StandardError.ShouldContain("checksum mismatch");
    }

    private static async Task<Dictionary<string, int>> CountsAsync(PortalFactory factory) =>
        await factory.WithDbAsync(async (PortalDbContext db) => new Dictionary<string, int>
        {
            ["Countries"] = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(db.Countries),
            ["Activities"] = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(db.Activities),
            ["ScholarshipAwards"] = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(db.ScholarshipAwards),
            ["Documents"] = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(db.Documents),
            ["DataProtectionKeys"] = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(db.DataProtectionKeys),
        });

    private static Dictionary<string, string> ToEnvironment(Dictionary<string, string?> settings) =>
        settings.Where(s => s.Value is not null).ToDictionary(s => s.Key.Replace(":", "__", StringComparison.Ordinal), s => s.Value!);

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var folder in _folders)
        {
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
                // Left to the OS temp cleaner.
            }
        }

        GC.SuppressFinalize(this);
    }
}

public sealed class BackupRestoreOnSqlite : BackupRestoreTests
{
    [Fact]
    public Task Backup_WhileRunning_RestoresEveryRowFileAndKey() => BackupWhileRunningRestoresEveryRowFileAndKey([], []);

    [Fact]
    public Task DamagedBackup_IsRefused() => DamagedBackupIsRefused([], []);
}

[Collection(PostgresCollection.Name)]
public sealed class BackupRestoreOnPostgres(PostgresCluster cluster) : BackupRestoreTests
{
    [PostgresFact]
    public async Task Backup_WhileRunning_RestoresEveryRowFileAndKey() =>
        await BackupWhileRunningRestoresEveryRowFileAndKey(await SettingsAsync(), await SettingsAsync());

    private async Task<Dictionary<string, string?>> SettingsAsync() => new()
    {
        ["Database:Provider"] = "PostgreSQL",
        ["ConnectionStrings:Portal"] = await cluster.CreateDatabaseAsync(),
    };
}
