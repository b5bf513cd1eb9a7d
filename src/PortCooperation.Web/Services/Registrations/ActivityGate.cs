using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using PortCooperation.Web.Data;
using PortCooperation.Web.Infrastructure;

namespace PortCooperation.Web.Services.Registrations;

/// <summary>
/// Runs a change to one activity's registrations in a transaction that is serialised per activity, so seats are
/// counted and taken atomically (docs/quality.md R1, R3). On SQLite the transaction starts with BEGIN IMMEDIATE (the
/// default of Microsoft.Data.Sqlite), which takes the database's write lock; on PostgreSQL and SQL Server a no-op UPDATE of the
/// activity row takes its row lock, so registrations for other activities still run in parallel. A busy database
/// (SQLITE_BUSY, serialisation failure, deadlock) rolls back and the whole unit is retried from a clean context.
/// Within one process, requests for the same activity first queue on an in-memory lock, so a burst of registrations
/// waits without holding a database connection each (which would exhaust the connection pool); the database lock
/// still serialises several app instances.
/// </summary>
public static class ActivityGate
{
    private static readonly ConcurrentDictionary<int, SemaphoreSlim> _local = new();

    public static async Task<T> RunAsync<T>(PortalDbContext db, int activityId, int retries, Func<CancellationToken, Task<T>> work, CancellationToken cancellationToken)
    {
        var local = _local.GetOrAdd(activityId, _ => new SemaphoreSlim(1, 1));
        await local.WaitAsync(cancellationToken);
        try
        {
            return await RunInTransactionAsync(db, activityId, retries, work, cancellationToken);
        }
        finally
        {
            local.Release();
        }
    }

    private static async Task<T> RunInTransactionAsync<T>(PortalDbContext db, int activityId, int retries, Func<CancellationToken, Task<T>> work, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            db.ChangeTracker.Clear();
            try
            {
                await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
                await db.Database.ExecuteSqlAsync(LockActivity(db.Provider, activityId), cancellationToken);
                var result = await work(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                return result;
            }
            catch (Exception ex) when (attempt < retries && IsBusy(ex))
            {
                await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(5, 20 * attempt)), cancellationToken);
            }
        }
    }

    /// <summary>A no-op UPDATE of the activity row: its row lock serialises the activity's registrations until commit.</summary>
    internal static FormattableString LockActivity(DatabaseProvider provider, int activityId) => provider switch
    {
        DatabaseProvider.Sqlite or DatabaseProvider.PostgreSql => $"UPDATE \"Activities\" SET \"Version\" = \"Version\" WHERE \"Id\" = {activityId}",
        DatabaseProvider.SqlServer => $"UPDATE [Activities] SET [Version] = [Version] WHERE [Id] = {activityId}",
        var other => throw new NotSupportedException($"No activity lock for {other}."),
    };

    private static bool IsBusy(Exception ex) => ex switch
    {
        // Deadlock victim, lock request time-out.
        Microsoft.Data.SqlClient.SqlException sqlServer => sqlServer.Number is 1205 or 1222,
        SqliteException sqlite => sqlite.SqliteErrorCode is 5 or 6,
        PostgresException postgres => postgres.SqlState is PostgresErrorCodes.SerializationFailure or PostgresErrorCodes.DeadlockDetected,
        DbUpdateException { InnerException: { } inner } => IsBusy(inner),
        DbException { InnerException: { } inner } => IsBusy(inner),
        _ => false,
    };
}
