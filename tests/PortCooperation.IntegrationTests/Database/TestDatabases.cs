using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Logging;
using PortCooperation.IntegrationTests.Database.Schema;
using PortCooperation.IntegrationTests.Infrastructure;
using PortCooperation.Web.Data;
using PortCooperation.Web.Infrastructure;

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

    /// <summary>The provider, as <c>Database:Provider</c> names it.</summary>
    public abstract DatabaseProvider Provider { get; }

    /// <param name="onEvent">Receives EF's events whose id <paramref name="events"/> lists (for counting migrations applied).</param>
    public PortalDbContext Open(string connectionString, Action<EventData>? onEvent = null, params EventId[] events) => Provider switch
    {
        DatabaseProvider.Sqlite => Open<SqlitePortalDbContext>(connectionString, onEvent, events, o => new SqlitePortalDbContext(o)),
        DatabaseProvider.PostgreSql => Open<PostgreSqlPortalDbContext>(connectionString, onEvent, events, o => new PostgreSqlPortalDbContext(o)),
        DatabaseProvider.SqlServer => Open<SqlServerPortalDbContext>(connectionString, onEvent, events, o => new SqlServerPortalDbContext(o)),
        var other => throw new NotSupportedException(other.ToString()),
    };

    /// <summary>The provider's context type with the options the app uses (UsePortalProvider).</summary>
    private TContext Open<TContext>(string connectionString, Action<EventData>? onEvent, EventId[] events, Func<DbContextOptions<TContext>, TContext> create)
        where TContext : PortalDbContext
    {
        var options = new DbContextOptionsBuilder<TContext>();
        options.UsePortalProvider(Provider, connectionString);
        if (onEvent is not null)
        {
            options.LogTo((id, _) => events.Contains(id), onEvent);
        }

        return create(options.Options);
    }
}

/// <summary>Real SQLite files in a temp folder deleted afterwards.</summary>
public sealed class SqliteDatabases : TestDatabases, IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "portal-tests", "sqlite-" + Guid.NewGuid().ToString("N")[..12]);
    private int _count;

    public SqliteDatabases() => Directory.CreateDirectory(_folder);

    public override string ProviderName => "SQLite";

    public override DatabaseProvider Provider => DatabaseProvider.Sqlite;

    public override Task<string> CreateEmptyAsync()
    {
        var file = Path.Combine(_folder, $"db{Interlocked.Increment(ref _count)}.db");
        return Task.FromResult(new SqliteConnectionStringBuilder { DataSource = file, Pooling = true }.ToString());
    }

    public override Task<SchemaDump> ReadSchemaAsync(string connectionString) => SqliteSchemaReader.ReadAsync(connectionString);

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

    public override DatabaseProvider Provider => DatabaseProvider.PostgreSql;

    public override Task<string> CreateEmptyAsync() => cluster.CreateDatabaseAsync();

    public override Task<SchemaDump> ReadSchemaAsync(string connectionString) => PostgresSchemaReader.ReadAsync(connectionString);
}

/// <summary>
/// Fresh databases on the SQL Server named by PORTAL_TEST_SQLSERVER (a connection string to a login that may
/// create databases), for the tests of category SqlServer; each database is dropped afterwards.
/// </summary>
public sealed class SqlServerDatabases : TestDatabases, IDisposable
{
    public const string Variable = "PORTAL_TEST_SQLSERVER";
    private readonly List<string> _names = [];

    public override string ProviderName => "SQL Server";

    public override DatabaseProvider Provider => DatabaseProvider.SqlServer;

    /// <summary>The server's connection string; a test of category SqlServer run without it fails saying so.</summary>
    public static string Server => Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value
        ? value
        : throw new InvalidOperationException($"Tests of category SqlServer need {Variable} to hold a SQL Server connection string (README, \"Set up\").");

    public override async Task<string> CreateEmptyAsync()
    {
        var name = "portal_test_" + Guid.NewGuid().ToString("N")[..12];
        await ExecuteOnMasterAsync($"CREATE DATABASE [{name}]");
        lock (_names)
        {
            _names.Add(name);
        }

        return new Microsoft.Data.SqlClient.SqlConnectionStringBuilder(Server) { InitialCatalog = name }.ToString();
    }

    public override Task<SchemaDump> ReadSchemaAsync(string connectionString) => SqlServerSchemaReader.ReadAsync(connectionString);

    public void Dispose()
    {
        Microsoft.Data.SqlClient.SqlConnection.ClearAllPools();
        foreach (var name in _names)
        {
            ExecuteOnMasterAsync($"ALTER DATABASE [{name}] SET SINGLE_USER WITH ROLLBACK IMMEDIATE; DROP DATABASE [{name}]").GetAwaiter().GetResult();
        }
    }

    private static async Task ExecuteOnMasterAsync(string sql)
    {
        var master = new Microsoft.Data.SqlClient.SqlConnectionStringBuilder(Server) { InitialCatalog = "master" }.ToString();
        await using var connection = new Microsoft.Data.SqlClient.SqlConnection(master);
        await connection.OpenAsync();
        await using var command = new Microsoft.Data.SqlClient.SqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
