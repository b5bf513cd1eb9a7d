// Library search benchmark (docs/quality.md P4): seeds N documents, then times the library page's queries (one page of
// results, the facet counts and, when searching, the snippets: exactly what LibraryReader runs per request).
// Usage: dotnet run -c Release --project bench/library -- sqlite 1000,10000,100000
//        BENCH_PG="Host=127.0.0.1;Port=55432;Username=postgres" dotnet run -c Release --project bench/library -- postgres 1000,10000,100000
using System.Diagnostics;
using System.Globalization;
using System.Text.Encodings.Web;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;
using PortCooperation.Web.Data;
using PortCooperation.Web.Domain;
using PortCooperation.Web.Infrastructure;
using PortCooperation.Web.Models.Library;
using PortCooperation.Web.Services.Library;

var provider = args.Length > 0 ? args[0].ToLowerInvariant() : "sqlite";
var sizes = (args.Length > 1 ? args[1] : "1000,10000,100000").Split(',').Select(int.Parse).ToArray();
var iterations = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 40;
// BENCH_WARMUP: untimed runs per scenario before the timed ones (default 3). The .NET tiered JIT keeps compiling
// for the first few dozen requests (a background thread counted in this process's CPU): BENCH_WARMUP=40 shows the
// steady state of a running server.
// BENCH_COLD=1: every timed search is the first of its words since the library changed (the remembered matches
// are forgotten before each); by default a repeated search is answered from them, as on a running server.
var cold = Environment.GetEnvironmentVariable("BENCH_COLD") == "1";
var warmups = int.TryParse(Environment.GetEnvironmentVariable("BENCH_WARMUP"), CultureInfo.InvariantCulture, out var w) ? w : 3;
CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en");

var scenarios = new (string Name, LibraryQuery Query)[]
{
    ("listing with facets, page 1", new LibraryQuery()),
    ("listing, 2 facets (one with 2 values), page 3", new LibraryQuery { Kind = [SourceKind.NationalAuthority], Region = [Region.SouthAmerica, Region.Caribbean], Page = 3 }),
    ("search, common word", new LibraryQuery { Q = "port" }),
    ("search, two words", new LibraryQuery { Q = "crew change" }),
    ("search, rare word", new LibraryQuery { Q = "fumigation" }),
    ("search + facet filter", new LibraryQuery { Q = "prácticas", Topic = ["bench-security"] }),
    ("search, sorted by title", new LibraryQuery { Q = "security measures", Sort = LibrarySort.Title }),
    ("search naming a country", new LibraryQuery { Q = "Country 7" }),
    ("search naming a country and a topic, + common word", new LibraryQuery { Q = "Country 7 Topic 3 port" }),
};
var only = Environment.GetEnvironmentVariable("BENCH_ONLY");
if (!string.IsNullOrEmpty(only))
{
    scenarios = [.. scenarios.Where(s => s.Name.Contains(only, StringComparison.OrdinalIgnoreCase))];
}

Console.WriteLine($"| provider | documents | scenario | p50 ms | p95 ms | CPU ms/request: app | CPU ms/request: database server | SQL commands | results | full GCs per 100 requests |");
Console.WriteLine($"| --- | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
var commands = new CommandCounter();
foreach (var size in sizes)
{
    // BENCH_REUSE=1 keeps a database seeded by an earlier run (same size) and only migrates it.
    var reuse = Environment.GetEnvironmentVariable("BENCH_REUSE") == "1";
    var options = await CreateDatabaseAsync(provider, size, reuse, commands);
    await using (var db = PortalContexts.Create(options))
    {
        await db.Database.MigrateAsync();
        if (!await db.Documents.AnyAsync())
        {
            await BenchSeeding.SeedDocumentsAsync(db, size);
        }

        if (provider == "postgres")
        {
            // What autovacuum does soon after a bulk load: statistics, and the visibility map that index-only scans need.
            db.Database.SetCommandTimeout(TimeSpan.FromMinutes(10));
            await db.Database.ExecuteSqlRawAsync("VACUUM ANALYZE");
        }
    }

    // The app keeps one facet index (a singleton); its first reading after a change is timed on its own.
    using var index = new LibraryFacetIndex();
    {
        await using var db = PortalContexts.Create(options);
        var watch = Stopwatch.StartNew();
        var snapshot = await index.GetAsync(db, CancellationToken.None);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {provider} | {size:N0} | (facet index read after a change: {snapshot.Count:N0} published documents) | {watch.Elapsed.TotalMilliseconds:F1} | | | | | | |"));
    }

    foreach (var (name, query) in scenarios)
    {
        var times = new List<double>();
        var total = 0;
        TimeSpan appCpu = TimeSpan.Zero;
        double serverCpu = 0;
        var gen2 = 0;
        for (var i = 0; i < iterations + warmups; i++)
        {
            await using var db = PortalContexts.Create(options);
            if (cold)
            {
                (await index.GetAsync(db, CancellationToken.None)).Matches.Clear();
            }

            var reader = new LibraryReader(db, TimeProvider.System, new LibrarySearchEngine(db), index, HtmlEncoder.Default);
            commands.Reset();
            // The server's CPU first: reading /proc costs this process CPU that is not the request's.
            var server = provider == "postgres" ? PostgresCpuMilliseconds() : 0;
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var collections = GC.CollectionCount(2);
            var watch = Stopwatch.StartNew();
            var page = await reader.ReadAsync(query, CancellationToken.None);
            watch.Stop();
            total = page.Total;
            if (i >= warmups)
            {
                times.Add(watch.Elapsed.TotalMilliseconds);
                appCpu += Process.GetCurrentProcess().TotalProcessorTime - cpu;
                gen2 += GC.CollectionCount(2) - collections;
                serverCpu += provider == "postgres" ? PostgresCpuMilliseconds() - server : 0;
            }
        }

        times.Sort();
        var serverText = provider == "postgres" ? (serverCpu / iterations).ToString("F1", CultureInfo.InvariantCulture) : "(in app)";
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {provider} | {size:N0} | {name} | {Percentile(times, 0.50):F1} | {Percentile(times, 0.95):F1} | {appCpu.TotalMilliseconds / iterations:F1} | {serverText} | {commands.Count} | {total:N0} | {gen2 * 100.0 / iterations:F0} |"));
    }
}

// CPU time of every PostgreSQL process (utime + stime from /proc, in clock ticks of 10 ms: meaningful as a mean over runs).
static double PostgresCpuMilliseconds()
{
    double ticks = 0;
    foreach (var dir in Directory.EnumerateDirectories("/proc"))
    {
        try
        {
            var stat = File.ReadAllText(Path.Combine(dir, "stat"));
            var close = stat.LastIndexOf(')');
            if (!stat[..close].Contains("(postgres", StringComparison.Ordinal))
            {
                continue;
            }

            var fields = stat[(close + 2)..].Split(' ');
            ticks += double.Parse(fields[11], CultureInfo.InvariantCulture) + double.Parse(fields[12], CultureInfo.InvariantCulture);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    return ticks * 10;
}

static double Percentile(List<double> sorted, double p) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];

static async Task<DbContextOptions<PortalDbContext>> CreateDatabaseAsync(string provider, int size, bool reuse, CommandCounter commands)
{
    var builder = new DbContextOptionsBuilder<PortalDbContext>().ConfigureWarnings(w => w.Ignore(RelationalEventId.PendingModelChangesWarning))
        .AddInterceptors(commands);
    if (Environment.GetEnvironmentVariable("BENCH_SQL") == "1")
    {
        // Prints every command with its duration: the plan to look at with EXPLAIN (QUERY PLAN).
        builder.LogTo(Console.Error.WriteLine, [RelationalEventId.CommandExecuted]);
    }

    if (provider == "postgres")
    {
        var admin = Environment.GetEnvironmentVariable("BENCH_PG") ?? throw new InvalidOperationException("Set BENCH_PG to a PostgreSQL connection string that may create databases.");
        var name = $"library_bench_{size}";
        await using (var connection = new NpgsqlConnection(admin))
        {
            await connection.OpenAsync();
            await using var exists = new NpgsqlCommand($"SELECT count(*) FROM pg_database WHERE datname = '{name}'", connection);
            if (reuse && (long)(await exists.ExecuteScalarAsync())! > 0)
            {
                return builder.UseNpgsql(new NpgsqlConnectionStringBuilder(admin) { Database = name }.ConnectionString).Options;
            }
        }

        await using (var connection = new NpgsqlConnection(admin))
        {
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await create.ExecuteNonQueryAsync();
        }

        return builder.UseNpgsql(new NpgsqlConnectionStringBuilder(admin) { Database = name }.ConnectionString).Options;
    }

    // BENCH_SQLITE_DIR: where the SQLite files live (so parallel runs by different people do not share them).
    var file = Path.Combine(Environment.GetEnvironmentVariable("BENCH_SQLITE_DIR") ?? Path.GetTempPath(), $"library-bench-{size}.db");
    SqliteConnection.ClearAllPools();
    // As the app does (Infrastructure/SqliteConnectionTuning); BENCH_MMAP=0 measures SQLite's default page cache.
    if (Environment.GetEnvironmentVariable("BENCH_MMAP") != "0")
    {
        builder.AddInterceptors(SqliteConnectionTuning.Instance);
    }

    if (reuse && File.Exists(file))
    {
        return builder.UseSqlite(new SqliteConnectionStringBuilder { DataSource = file, Pooling = true }.ToString()).Options;
    }

    foreach (var suffix in new[] { "", "-wal", "-shm" })
    {
        File.Delete(file + suffix);
    }

    return builder.UseSqlite(new SqliteConnectionStringBuilder { DataSource = file, Pooling = true }.ToString()).Options;
}

/// <summary>Counts the SQL commands of one request (as the tests' SqlCommandCounter).</summary>
internal sealed class CommandCounter : DbCommandInterceptor
{
    private int _count;

    public int Count => _count;

    public void Reset() => _count = 0;

    public override InterceptionResult<System.Data.Common.DbDataReader> ReaderExecuting(System.Data.Common.DbCommand command, CommandEventData eventData, InterceptionResult<System.Data.Common.DbDataReader> result)
    {
        Interlocked.Increment(ref _count);
        return result;
    }

    public override ValueTask<InterceptionResult<System.Data.Common.DbDataReader>> ReaderExecutingAsync(System.Data.Common.DbCommand command, CommandEventData eventData, InterceptionResult<System.Data.Common.DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _count);
        return ValueTask.FromResult(result);
    }
}
