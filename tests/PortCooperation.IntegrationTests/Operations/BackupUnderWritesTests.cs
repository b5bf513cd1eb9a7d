using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using PortCooperation.IntegrationTests.Infrastructure;
using PortCooperation.Web.Data;
using PortCooperation.Web.Domain;
using PortCooperation.Web.Infrastructure;
using PortCooperation.Web.Infrastructure.Operations;
using PortCooperation.Web.Services.Library;

namespace PortCooperation.IntegrationTests.Operations;

/// <summary>
/// A backup taken while attachments keep arriving (file written, then its row committed, as the upload does) holds
/// the file of every attachment row in its database, and no attachment file without a row: a restore brings back
/// neither broken attachments nor orphan files.
/// </summary>
public sealed class BackupUnderWritesTests
{
    [Fact]
    public async Task ABackupUnderUploads_HoldsExactlyTheFilesOfItsAttachmentRows()
    {
        using var factory = new PortalFactory(new Dictionary<string, string?> { ["Database:SeedDemoData"] = "false", ["Mail:BackgroundDelivery"] = "false" });
        factory.CreateClient().Dispose();
        var storage = factory.Services.GetRequiredService<AttachmentStorage>();
        // Enough files that copying them takes a while, so uploads land during the copy.
        for (var i = 0; i < 600; i++)
        {
            await UploadAsync(factory, storage, i);
        }

        using var stop = new CancellationTokenSource();
        var writer = Task.Run(async () =>
        {
            for (var i = 1000; !stop.IsCancellationRequested; i++)
            {
                await UploadAsync(factory, storage, i);
            }
        });
        var folder = Path.Combine(Path.GetTempPath(), "portal-tests", $"backup-{Guid.NewGuid():N}"[..24]);
        int exit;
        var errors = new StringWriter();
        try
        {
            await Task.Delay(200);
            await using var scope = factory.Services.CreateAsyncScope();
            var command = new BackupCommand(
                scope.ServiceProvider.GetRequiredService<PortalDbContext>(),
                scope.ServiceProvider.GetRequiredService<DatabaseConnectionInfo>(),
                factory.DataDirectory,
                scope.ServiceProvider.GetRequiredService<IConfiguration>(),
                TextWriter.Null,
                errors);
            exit = await command.BackupAsync(["backup", folder]);
        }
        finally
        {
            await stop.CancelAsync();
            await writer;
        }

        try
        {
            exit.ShouldBe(0, errors.ToString());
            var rows = new HashSet<string>(StringComparer.Ordinal);
            await using (var snapshot = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = Path.Combine(folder, "database.sqlite"), Pooling = false }.ToString()))
            {
                await snapshot.OpenAsync();
                await using var query = snapshot.CreateCommand();
                query.CommandText = "SELECT \"StoredFileName\" FROM \"Attachments\"";
                await using var reader = await query.ExecuteReaderAsync();
                while (await reader.ReadAsync())
                {
                    rows.Add(reader.GetString(0));
                }
            }

            using var manifest = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(folder, "manifest.json")));
            var files = manifest.RootElement.GetProperty("Files").EnumerateObject().Select(p => p.Name)
                .Where(n => n.StartsWith("attachments/", StringComparison.Ordinal)).Select(n => n["attachments/".Length..]).ToHashSet(StringComparer.Ordinal);
            var onDisk = Directory.EnumerateFiles(Path.Combine(folder, "files", "attachments")).Select(Path.GetFileName).ToHashSet(StringComparer.Ordinal);

            rows.Count.ShouldBeGreaterThan(600);
            rows.Except(files).ShouldBeEmpty("attachment rows of the backup without their file");
            files.Except(rows).ShouldBeEmpty("attachment files in the backup without a row");
            onDisk.SetEquals(files).ShouldBeTrue("the manifest lists exactly the files the backup holds");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>As the upload does: the file first, then its row.</summary>
    private static async Task UploadAsync(PortalFactory factory, AttachmentStorage storage, int number)
    {
        var attachment = await storage.SaveAsync($"note-{number}.txt", "text/plain", new byte[4096]);
        await factory.WithDbAsync(async db =>
        {
            db.Attachments.Add(attachment);
            await db.SaveChangesAsync();
        });
    }
}
