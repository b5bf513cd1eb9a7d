// Library search benchmark (quality.md P4): seeds N documents, then times the library page's queries (one page of
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
using PortCooperation.Web.Models.Library;
using PortCooperation.Web.Services.Library;

var provider = args.Length > 0 ? args[0].ToLowerInvariant() : "sqlite";
var sizes = (args.Length > 1 ? args[1] : "1000,10000,100000").Split(',').Select(int.Parse).ToArray();
var iterations = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 40;
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
};
var only = Environment.GetEnvironmentVariable("BENCH_ONLY");
if (!string.IsNullOrEmpty(only))
{
    scenarios = [.. scenarios.Where(s => s.Name.Contains(only, StringComparison.OrdinalIgnoreCase))];
}

Console.WriteLine($"| provider | documents | scenario | p50 ms | p95 ms | results |");
Console.WriteLine($"| --- | ---: | --- | ---: | ---: | ---: |");
foreach (var size in sizes)
{
    // BENCH_REUSE=1 keeps a database seeded by an earlier run (same size) and only migrates it.
    var reuse = Environment.GetEnvironmentVariable("BENCH_REUSE") == "1";
    var options = await CreateDatabaseAsync(provider, size, reuse);
    await using (var db = new PortalDbContext(options))
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

    foreach (var (name, query) in scenarios)
    {
        var times = new List<double>();
        var total = 0;
        for (var i = 0; i < iterations + 3; i++)
        {
            await using var db = new PortalDbContext(options);
            var reader = new LibraryReader(db, TimeProvider.System, new LibrarySearchEngine(db), HtmlEncoder.Default);
            var watch = Stopwatch.StartNew();
            var page = await reader.ReadAsync(query, CancellationToken.None);
            watch.Stop();
            total = page.Total;
            if (i >= 3)
            {
                times.Add(watch.Elapsed.TotalMilliseconds);
            }
        }

        times.Sort();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {provider} | {size:N0} | {name} | {Percentile(times, 0.50):F1} | {Percentile(times, 0.95):F1} | {total:N0} |"));
    }
}

static double Percentile(List<double> sorted, double p) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];

static async Task<DbContextOptions<PortalDbContext>> CreateDatabaseAsync(string provider, int size, bool reuse)
{
    var builder = new DbContextOptionsBuilder<PortalDbContext>().ConfigureWarnings(w => w.Ignore(RelationalEventId.PendingModelChangesWarning));
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

    var file = Path.Combine(Path.GetTempPath(), $"library-bench-{size}.db");
    SqliteConnection.ClearAllPools();
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
