using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace PortCooperation.IntegrationTests.Infrastructure;

/// <summary>Every PostgreSQL test joins this collection, so one throw-away cluster serves the whole run.</summary>
[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresCluster>
{
    public const string Name = "PostgreSQL";
}

/// <summary>
/// A throw-away PostgreSQL cluster started from the local server binaries: initdb into a temp folder, a free
/// loopback port, trust authentication, fsync off; stopped and deleted when the run ends. It starts on the
/// first <see cref="CreateDatabaseAsync"/>, so a run whose PostgreSQL tests are all skipped never starts it.
/// </summary>
public sealed class PostgresCluster : IAsyncLifetime
{
    private static readonly TimeSpan _toolLimit = TimeSpan.FromMinutes(2);
    private readonly Lock _gate = new();
    private Task? _started;
    private string? _root;
    private int _port;
    private int _databaseCount;

    /// <summary>The server's own connection string (database "postgres"); available once started.</summary>
    public string AdminConnectionString { get; private set; } = "";

    /// <summary>Creates a new, empty, uniquely named database and returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync(string prefix = "portal")
    {
        await EnsureStartedAsync();
        var name = string.Create(CultureInfo.InvariantCulture,
            $"{prefix.ToLowerInvariant()}_{Interlocked.Increment(ref _databaseCount)}_{Guid.NewGuid().ToString("N")[..8]}");
        await using (var connection = new NpgsqlConnection(AdminConnectionString))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await create.ExecuteNonQueryAsync();
        }

        return new NpgsqlConnectionStringBuilder(AdminConnectionString) { Database = name }.ConnectionString;
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_root is null)
        {
            return;
        }

        NpgsqlConnection.ClearAllPools();
        var binaries = PostgresBinaries.Found!;
        var data = Path.Combine(_root, "data");
        if (File.Exists(Path.Combine(data, "postmaster.pid")))
        {
            await OsProcess.RunAsync(binaries.Command("pg_ctl", "-D", data, "-m", "immediate", "-w", "stop"), _toolLimit);
        }

        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // The server may still be closing files for a moment; the folder is under the OS temp area.
        }
    }

    /// <summary>Starts the cluster once; a failed start fails every later test with the same reason.</summary>
    private Task EnsureStartedAsync()
    {
        lock (_gate)
        {
            return _started ??= StartAsync();
        }
    }

    private async Task StartAsync()
    {
        var binaries = PostgresBinaries.Found
            ?? throw new InvalidOperationException(
                $"Cannot start the PostgreSQL test cluster: {PostgresBinaries.UnavailableReason}." +
                (PostgresBinaries.IsCi ? " CI=true, so the PostgreSQL tests fail instead of being skipped." : ""));

        // As root the server runs as 'postgres', which must reach the folder: a TMPDIR under /root would not do.
        var tempArea = binaries.RunAsPostgresUser ? "/tmp" : Path.GetTempPath();
        _root = Path.Combine(tempArea, "portal-pg-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(_root);
        await binaries.GiveToServerUserAsync(_root);
        var data = Path.Combine(_root, "data");

        // --no-sync and fsync=off: the cluster is thrown away, durability would only slow the tests down.
        await RunAsync(binaries.Command("initdb", "-D", data, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--locale=C", "--no-sync"));

        // A port picked free can be taken before the server binds it; then pick another.
        for (var attempt = 1; ; attempt++)
        {
            _port = FreeLoopbackPort();
            var options = string.Join(' ',
                $"-p {_port}",
                "-c listen_addresses=127.0.0.1",
                $"-c unix_socket_directories={_root}",
                "-c fsync=off -c synchronous_commit=off -c full_page_writes=off",
                "-c max_connections=300");
            var log = Path.Combine(_root, "server.log");
            var start = await OsProcess.RunAsync(
                binaries.Command("pg_ctl", "-D", data, "-l", log, "-w", "-t", "60", "-o", options, "start"), _toolLimit);
            if (start.ExitCode == 0)
            {
                break;
            }

            var serverLog = File.Exists(log) ? await File.ReadAllTextAsync(log) : "";
            if (attempt >= 3 || !serverLog.Contains("could not bind", StringComparison.OrdinalIgnoreCase))
            {
                throw new InvalidOperationException($"pg_ctl start failed ({start.ExitCode}): {start.AllOutput}{Environment.NewLine}{serverLog}");
            }
        }

        AdminConnectionString = new NpgsqlConnectionStringBuilder
        {
            Host = "127.0.0.1",
            Port = _port,
            Username = "postgres",
            Database = "postgres",
            IncludeErrorDetail = true,
        }.ConnectionString;
    }

    private static async Task RunAsync(System.Diagnostics.ProcessStartInfo command)
    {
        var result = await OsProcess.RunAsync(command, _toolLimit);
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"'{OsProcess.Describe(command)}' failed ({result.ExitCode}): {result.AllOutput}");
        }
    }

    public static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
