using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace PortCooperation.Web.Infrastructure;

/// <summary>
/// Sets <c>PRAGMA mmap_size</c> on every SQLite connection the app opens: SQLite then reads the database file
/// through a memory map shared with the operating system's page cache instead of copying each page into its own
/// 2 MB per-connection cache with a <c>pread</c> call. A broad library search reads the doclist of a word found in
/// most of 100,000 documents several times in one command (2–4 MB each time); with the default cache every pass
/// reads it again from the kernel (bench/README.md, "Library search"). The pragma lasts as long as the physical
/// connection, but a pooled connection cannot be told apart from a new one, so it is set on every open (one
/// statement of a few microseconds, sent on the connection itself: it is not an EF Core command and is not
/// counted by the SQL command tests).
/// </summary>
public sealed class SqliteConnectionTuning : DbConnectionInterceptor
{
    /// <summary>The largest map SQLite accepts by default (SQLITE_MAX_MMAP_SIZE, just under 2 GB).</summary>
    public const long MapSize = 0x7fff0000;

    private static readonly string Pragma = $"PRAGMA mmap_size = {MapSize}";

    public static readonly SqliteConnectionTuning Instance = new();

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragma;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Pragma;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
