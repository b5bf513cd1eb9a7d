using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Logging;
using PortCooperation.IntegrationTests.Database.Schema;
using PortCooperation.IntegrationTests.Infrastructure;
using PortCooperation.Web.Data;

namespace PortCooperation.IntegrationTests.Database;

/// <summary>
/// Makes empty databases of one provider and opens <see cref="PortalDbContext"/>s on them with the options
/// the app uses (see <c>AddPortalDatabase</c>), so data-level tests run once per provider.
/// </summary>
public abstract class TestDatabases
{
    public abstract string ProviderName { get; }

    /// <summary>A new database with no tables; its connection string.</summary>
    public abstract Task<string> CreateEmptyAsync();

    public abstract Task<SchemaDump> ReadSchemaAsync(string connectionString);

    /// <param name="onEvent">Receives EF's events whose id <paramref name="events"/> lists (for counting migrations applied).</param>
    public PortalDbContext Open(string connectionString, Action<EventData>? onEvent = null, params EventId[] events)
    {
        var options = new DbContextOptionsBuilder<PortalDbContext>();
        Configure(options, connectionString);

        // Same as the app: migrations are hand-written without a snapshot (ADR 0001).
        options.ConfigureWarnings(w => w.Ignore(RelationalEventId.PendingModelChangesWarning));
        if (onEvent is not null)
        {
            options.LogTo((id, _) => events.Contains(id), onEvent);
        }

        return new PortalDbContext(options.Options);
    }

    protected abstract void Configure(DbContextOptionsBuilder<PortalDbContext> options, string connectionString);

    protected static string MigrationsAssembly => typeof(PortalDbContext).Assembly.FullName!;
}

/// <summary>Real SQLite files in a temp folder deleted afterwards.</summary>
public sealed class SqliteDatabases : TestDatabases, IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "portal-tests", "sqlite-" + Guid.NewGuid().ToString("N")[..12]);
    private int _count;

    public SqliteDatabases() => Directory.CreateDirectory(_folder);

    public override string ProviderName => "SQLite";

    public override Task<string> CreateEmptyAsync()
    {
        var file = Path.Combine(_folder, $"db{Interlocked.Increment(ref _count)}.db");
        return Task.FromResult(new SqliteConnectionStringBuilder { DataSource = file, Pooling = true }.ToString());
    }

    public override Task<SchemaDump> ReadSchemaAsync(string connectionString) => SqliteSchemaReader.ReadAsync(connectionString);

    protected override void Configure(DbContextOptionsBuilder<PortalDbContext> options, string connectionString) =>
        options.UseSqlite(connectionString, sqlite => sqlite.MigrationsAssembly(MigrationsAssembly));

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open for a moment stays in the OS temp folder.
        }
    }
}

/// <summary>Fresh databases in the run's throw-away PostgreSQL cluster.</summary>
public sealed class PostgresDatabases(PostgresCluster cluster) : TestDatabases
{
    public override string ProviderName => "PostgreSQL";

    public override Task<string> CreateEmptyAsync() => cluster.CreateDatabaseAsync();

    public override Task<SchemaDump> ReadSchemaAsync(string connectionString) => PostgresSchemaReader.ReadAsync(connectionString);

    protected override void Configure(DbContextOptionsBuilder<PortalDbContext> options, string connectionString) =>
        options.UseNpgsql(connectionString, npgsql => npgsql.MigrationsAssembly(MigrationsAssembly));
}
