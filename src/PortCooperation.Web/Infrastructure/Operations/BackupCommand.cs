using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using PortCooperation.Web.Data;

namespace PortCooperation.Web.Infrastructure.Operations;

/// <summary>
/// <c>backup &lt;folder&gt;</c> and <c>restore &lt;folder&gt;</c> (docs/quality.md R8). A backup is a folder holding a
/// consistent copy of the database taken while the portal runs (SQLite's online backup API; <c>pg_dump -Fc</c> for
/// PostgreSQL), every other file of the data folder (uploads, mail pickup; not logs) — copied before the database
/// snapshot, with the attachments then matched to it — and <c>manifest.json</c> with
/// the row count of every table and the SHA-256 of every file. Data Protection keys live in the database, so
/// sign-ins made before the backup survive a restore. Restore goes into an empty database and checks the counts
/// and checksums against the manifest; it never overwrites existing data.
/// </summary>
public sealed class BackupCommand(PortalDbContext db, DatabaseConnectionInfo database, string dataDirectory, IConfiguration configuration, TextWriter output, TextWriter error)
{
    public const string BackupName = "backup";
    public const string RestoreName = "restore";
    private const string ManifestFile = "manifest.json";
    private const string SqliteFile = "database.sqlite";
    private const string PostgresFile = "database.pgdump";
    private const string FilesFolder = "files";
    private const string AttachmentsFolder = "attachments";
    private static readonly JsonSerializerOptions _json = new() { WriteIndented = true };

    public static async Task<int> RunAsync(WebApplication app, IReadOnlyList<string> args)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var command = new BackupCommand(
            services.GetRequiredService<PortalDbContext>(),
            services.GetRequiredService<DatabaseConnectionInfo>(),
            DataDirectory.Resolve(app.Configuration, app.Environment),
            app.Configuration,
            Console.Out,
            Console.Error);
        return args[0] == BackupName ? await command.BackupAsync(args) : await command.RestoreAsync(args);
    }

    /// <summary>
    /// SQL Server is backed up by the server itself (BACKUP DATABASE keeps its own consistency and log chain); this
    /// command says so in one line instead of copying a database it cannot copy faithfully.
    /// </summary>
    private async Task<bool> RefuseSqlServerAsync(string name)
    {
        if (database.Provider != DatabaseProvider.SqlServer)
        {
            return false;
        }

        await error.WriteLineAsync(
            $"{name}: on SQL Server use the server's own BACKUP DATABASE / RESTORE DATABASE, and copy the data folder's files (uploads) with it; see docs/operations.md.");
        return true;
    }

    public async Task<int> BackupAsync(IReadOnlyList<string> args)
    {
        if (await RefuseSqlServerAsync(BackupName))
        {
            return 2;
        }

        if (args.Count < 2)
        {
            await error.WriteLineAsync("Usage: backup <empty or new folder>");
            return 2;
        }

        var target = Path.GetFullPath(args[1]);
        if (Directory.Exists(target) && Directory.EnumerateFileSystemEntries(target).Any())
        {
            await error.WriteLineAsync($"backup: {target} is not empty; choose a new folder.");
            return 2;
        }

        Directory.CreateDirectory(target);
        var databaseFile = database.Provider == DatabaseProvider.Sqlite ? SqliteFile : PostgresFile;

        // Files first, the database last: a mail delivered (pickup file written, row marked sent) while the backup
        // runs is either in both or marked sent without its file, so a restore never sends it again. Attachments are
        // then matched against the snapshot (see MatchAttachments).
        var filesTarget = Path.Combine(target, FilesFolder);
        var files = CopyFiles(dataDirectory, filesTarget, skip: target);
        SortedDictionary<string, long> tables;
        HashSet<string> storedFiles;
        if (database.Provider == DatabaseProvider.Sqlite)
        {
            var copyConnection = new SqliteConnectionStringBuilder { DataSource = Path.Combine(target, SqliteFile), Pooling = false }.ToString();
            await using (var source = new SqliteConnection(database.ConnectionString))
            await using (var copy = new SqliteConnection(copyConnection))
            {
                await source.OpenAsync();
                await copy.OpenAsync();
                source.BackupDatabase(copy);
            }

            // Counted from the copy, so the manifest describes exactly what the backup holds.
            await using var snapshot = new SqliteConnection(copyConnection);
            await snapshot.OpenAsync();
            tables = await CountRowsAsync(snapshot, null);
            storedFiles = await StoredFileNamesAsync(snapshot, null);
        }
        else
        {
            // One snapshot for the counts, the attachment names and pg_dump (--snapshot), held open until the dump ends.
            await using var snapshot = new NpgsqlConnection(database.ConnectionString);
            await snapshot.OpenAsync();
            await using var transaction = await snapshot.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead);
            await using var export = new NpgsqlCommand("SELECT pg_export_snapshot()", snapshot, transaction);
            var snapshotId = (string)(await export.ExecuteScalarAsync())!;
            tables = await CountRowsAsync(snapshot, transaction);
            storedFiles = await StoredFileNamesAsync(snapshot, transaction);
            if (!await RunPostgresToolAsync("pg_dump", ["--format=custom", "--no-owner", "--no-privileges", $"--snapshot={snapshotId}", $"--file={Path.Combine(target, PostgresFile)}"]))
            {
                return 1;
            }

            await transaction.CommitAsync();
        }

        MatchAttachments(files, storedFiles, filesTarget);
        var manifest = new BackupManifest(db.Clock.GetUtcNow().UtcDateTime, database.Provider.ToString(), databaseFile, Sha256(Path.Combine(target, databaseFile)), tables, files);
        await File.WriteAllTextAsync(Path.Combine(target, ManifestFile), JsonSerializer.Serialize(manifest, _json));
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"Backup written to {target}: {tables.Count} tables, {tables.Values.Sum()} rows, {files.Count} files."));
        return 0;
    }

    public async Task<int> RestoreAsync(IReadOnlyList<string> args)
    {
        if (await RefuseSqlServerAsync(RestoreName))
        {
            return 2;
        }

        if (args.Count < 2 || !File.Exists(Path.Combine(args[1], ManifestFile)))
        {
            await error.WriteLineAsync("Usage: restore <backup folder containing manifest.json>");
            return 2;
        }

        var source = Path.GetFullPath(args[1]);
        var manifest = JsonSerializer.Deserialize<BackupManifest>(await File.ReadAllTextAsync(Path.Combine(source, ManifestFile)))!;
        if (!string.Equals(manifest.Provider, database.Provider.ToString(), StringComparison.Ordinal))
        {
            await error.WriteLineAsync($"restore: the backup is of {manifest.Provider}; this portal is configured for {database.Provider}.");
            return 2;
        }

        var damaged = manifest.Files.Where(f => Sha256(Path.Combine(source, FilesFolder, f.Key)) != f.Value).Select(f => f.Key).ToList();
        if (Sha256(Path.Combine(source, manifest.DatabaseFile)) != manifest.DatabaseSha256)
        {
            damaged.Add(manifest.DatabaseFile);
        }

        if (damaged.Count > 0)
        {
            await error.WriteLineAsync($"restore: checksum mismatch in the backup, nothing restored: {string.Join(", ", damaged)}");
            return 1;
        }

        if (!await TargetIsEmptyAsync())
        {
            await error.WriteLineAsync("restore: the configured database already holds data; restore only into an empty database or data folder.");
            return 2;
        }

        if (database.Provider == DatabaseProvider.Sqlite)
        {
            SqliteConnection.ClearAllPools();
            var file = new SqliteConnectionStringBuilder(database.ConnectionString).DataSource;
            foreach (var suffix in new[] { "", "-wal", "-shm" })
            {
                File.Delete(file + suffix);
            }

            File.Copy(Path.Combine(source, SqliteFile), file);
        }
        else if (!await RunPostgresToolAsync("pg_restore", ["--no-owner", "--no-privileges", "--exit-on-error", Path.Combine(source, PostgresFile)]))
        {
            return 1;
        }

        foreach (var relative in manifest.Files.Keys)
        {
            var destination = Path.Combine(dataDirectory, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(Path.Combine(source, FilesFolder, relative), destination, overwrite: true);
        }

        await using var restoredConnection = database.Provider == DatabaseProvider.Sqlite
            ? (DbConnection)new SqliteConnection(database.ConnectionString)
            : new NpgsqlConnection(database.ConnectionString);
        await restoredConnection.OpenAsync();
        var counts = await CountRowsAsync(restoredConnection, null);
        var different = manifest.Tables.Where(t => !counts.TryGetValue(t.Key, out var n) || n != t.Value).Select(t => t.Key).ToList();
        if (different.Count > 0)
        {
            await error.WriteLineAsync($"restore: row counts differ from the manifest in {string.Join(", ", different)}");
            return 1;
        }

        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"Restored {manifest.Tables.Values.Sum()} rows in {manifest.Tables.Count} tables and {manifest.Files.Count} files from the backup of {manifest.CreatedAtUtc:u}; counts and checksums match."));
        return 0;
    }

    /// <summary>An empty target: no SQLite file (or one without tables), or a PostgreSQL database without tables.</summary>
    private async Task<bool> TargetIsEmptyAsync()
    {
        if (database.Provider == DatabaseProvider.Sqlite)
        {
            var file = new SqliteConnectionStringBuilder(database.ConnectionString).DataSource;
            if (!File.Exists(file))
            {
                return true;
            }
        }

        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        try
        {
            await using var command = connection.CreateCommand();
            command.CommandText = database.Provider == DatabaseProvider.Sqlite
                ? "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
                : "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = current_schema()";
            return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture) == 0;
        }
        finally
        {
            await connection.CloseAsync();
        }
    }

    /// <summary>The row count of every table, read on an open connection (inside the snapshot's transaction when given).</summary>
    private async Task<SortedDictionary<string, long>> CountRowsAsync(DbConnection connection, DbTransaction? transaction)
    {
        var tables = db.Model.GetEntityTypes().Select(e => e.GetTableName()).OfType<string>()
            .Append("__EFMigrationsHistory").Distinct().Order(StringComparer.Ordinal).ToList();
        var counts = new SortedDictionary<string, long>(StringComparer.Ordinal);
        foreach (var table in tables)
        {
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = $"SELECT COUNT(*) FROM {Quote(table)}";
            counts[table] = Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
        }

        return counts;
    }

    /// <summary>The stored file names of the attachment rows in the snapshot.</summary>
    private async Task<HashSet<string>> StoredFileNamesAsync(DbConnection connection, DbTransaction? transaction)
    {
        var entity = db.Model.FindEntityType(typeof(Domain.Attachment))!;
        var column = entity.FindProperty(nameof(Domain.Attachment.StoredFileName))!.GetColumnName();
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"SELECT {Quote(column)} FROM {Quote(entity.GetTableName()!)}";
        var names = new HashSet<string>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            names.Add(reader.GetString(0));
        }

        return names;
    }

    /// <summary>
    /// An upload writes its file before its row commits, and a deletion removes the row before the file, so between
    /// the file copy and the snapshot attachments may have come or gone: the backup keeps exactly the files of the
    /// snapshot's attachment rows, copying the late ones and dropping those without a row.
    /// </summary>
    private void MatchAttachments(SortedDictionary<string, string> files, HashSet<string> storedFiles, string filesTarget)
    {
        const string folder = AttachmentsFolder + "/";
        foreach (var relative in files.Keys.Where(k => k.StartsWith(folder, StringComparison.Ordinal) && !storedFiles.Contains(k[folder.Length..])).ToList())
        {
            File.Delete(Path.Combine(filesTarget, relative));
            files.Remove(relative);
        }

        foreach (var name in storedFiles)
        {
            var source = Path.Combine(dataDirectory, AttachmentsFolder, name);
            if (!files.ContainsKey(folder + name) && name == Path.GetFileName(name) && File.Exists(source))
            {
                var destination = Path.Combine(filesTarget, AttachmentsFolder, name);
                Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
                File.Copy(source, destination);
                files[folder + name] = Sha256(destination);
            }
        }
    }

    private static string Quote(string name) => $"\"{name.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";

    /// <summary>Copies the data folder's files (not the SQLite database, not logs, not the backup itself).</summary>
    private static SortedDictionary<string, string> CopyFiles(string from, string to, string skip)
    {
        var files = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(from, file);
            var top = relative.Split(Path.DirectorySeparatorChar)[0];
            if (file.StartsWith(skip + Path.DirectorySeparatorChar, StringComparison.Ordinal)
                || top is "logs" or "backups"
                || top.StartsWith("portal.db", StringComparison.Ordinal))
            {
                continue;
            }

            var destination = Path.Combine(to, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(file, destination);
            files[relative.Replace(Path.DirectorySeparatorChar, '/')] = Sha256(destination);
        }

        return files;
    }

    private async Task<bool> RunPostgresToolAsync(string tool, IEnumerable<string> arguments)
    {
        var connection = new NpgsqlConnectionStringBuilder(database.ConnectionString);
        var startInfo = new ProcessStartInfo(configuration[$"Backup:{tool}"] is { Length: > 0 } path ? path : tool)
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        startInfo.ArgumentList.Add($"--dbname={connection.Database}");
        startInfo.Environment["PGHOST"] = connection.Host;
        startInfo.Environment["PGPORT"] = connection.Port.ToString(CultureInfo.InvariantCulture);
        startInfo.Environment["PGUSER"] = connection.Username;
        startInfo.Environment["PGPASSWORD"] = connection.Password ?? "";
        try
        {
            using var process = Process.Start(startInfo)!;
            var stderr = process.StandardError.ReadToEndAsync();
            await process.StandardOutput.ReadToEndAsync();
            await process.WaitForExitAsync();
            if (process.ExitCode != 0)
            {
                await error.WriteLineAsync($"{tool} failed (exit {process.ExitCode}): {(await stderr).Trim()}");
                return false;
            }

            return true;
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            await error.WriteLineAsync($"{tool} could not be started ({ex.Message}). Install the PostgreSQL client tools or set Backup:{tool} to its path.");
            return false;
        }
    }

    private static string Sha256(string file)
    {
        if (!File.Exists(file))
        {
            return "";
        }

        using var stream = File.OpenRead(file);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }

    private sealed record BackupManifest(
        DateTime CreatedAtUtc,
        string Provider,
        string DatabaseFile,
        string DatabaseSha256,
        SortedDictionary<string, long> Tables,
        SortedDictionary<string, string> Files);
}
