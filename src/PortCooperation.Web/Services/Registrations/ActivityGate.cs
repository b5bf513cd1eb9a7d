using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using PortCooperation.Web.Data;

namespace PortCooperation.Web.Services.Registrations;

/// <summary>
/// Runs a change to one activity's registrations in a transaction that is serialised per activity, so seats are
/// counted and taken atomically (quality.md R1, R3). On SQLite the transaction starts with BEGIN IMMEDIATE (the
/// default of Microsoft.Data.Sqlite), which takes the database's write lock; on PostgreSQL a no-op UPDATE of the
/// activity row takes its row lock, so registrations for other activities still run in parallel. A busy database
/// (SQLITE_BUSY, serialisation failure, deadlock) rolls back and the whole unit is retried from a clean context.
/// </summary>
public static class ActivityGate
{
    public static async Task<T> RunAsync<T>(PortalDbContext db, int activityId, int retries, Func<CancellationToken, Task<T>> work, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            db.ChangeTracker.Clear();
            try
            {
                await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
                await db.Database.ExecuteSqlInterpolatedAsync(
                    $"UPDATE \"Activities\" SET \"Version\" = \"Version\" WHERE \"Id\" = {activityId}", cancellationToken);
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

    private static bool IsBusy(Exception ex) => ex switch
    {
        SqliteException sqlite => sqlite.SqliteErrorCode is 5 or 6,
        PostgresException postgres => postgres.SqlState is PostgresErrorCodes.SerializationFailure or PostgresErrorCodes.DeadlockDetected,
        DbUpdateException { InnerException: { } inner } => IsBusy(inner),
        DbException { InnerException: { } inner } => IsBusy(inner),
        _ => false,
    };
}
