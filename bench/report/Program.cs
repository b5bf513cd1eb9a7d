// Executive report benchmark (docs/quality.md P5): generates 5 years of data (2021-2025: 100,000 registrations,
// 10,000 scholarships, 1,000 activities, 5,000 documents, 500 speaking engagements, 100,000 page views), then times
// ExecutiveReportReader.ReadAsync — every query of the report page — for a year and for a quarter, N runs each after
// 2 warm-ups, each run on a fresh DbContext. Usage (see bench/README.md, "Executive report (P5)"):
//   dotnet bench/report/bin/Release/net10.0/ReportBench.dll sqlite [runs]
//   BENCH_PG="Host=127.0.0.1;Port=55433;Username=postgres" dotnet bench/report/bin/Release/net10.0/ReportBench.dll postgres [runs]
// bench/report/run.sh starts a throw-away PostgreSQL cluster from /usr/lib/postgresql/*/bin and runs both.
using System.Diagnostics;
using ActivityKind = PortCooperation.Web.Domain.ActivityKind;
using Activity = PortCooperation.Web.Domain.Activity;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using System.Data.Common;
using Npgsql;
using PortCooperation.Web.Data;
using PortCooperation.Web.Domain;
using PortCooperation.Web.Services.Analytics;
using PortCooperation.Web.Services.Reports;

if (args.Length == 2 && args[0] == "volume")
{
    // The load benchmark's volume: 1,000 activities with 100,000 registrations (the report's five years,
    // without its documents) and 100,000 library documents, added to an existing portal database (a SQLite file).
    await using var volume = PortalContexts.Create(new DbContextOptionsBuilder<PortalDbContext>()
        .ConfigureWarnings(w => w.Ignore(RelationalEventId.PendingModelChangesWarning))
        .UseSqlite(new SqliteConnectionStringBuilder { DataSource = args[1] }.ToString()).Options);
    await SeedAsync(volume, documentsPerYear: 0);
    await BenchSeeding.SeedDocumentsAsync(volume, 100_000);
    return;
}

var provider = args.Length > 0 ? args[0].ToLowerInvariant() : "sqlite";
var runs = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 10;
var reuse = args.Length > 2 && args[2] == "reuse";
CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en");

var commands = new CommandCounter();
var options = await CreateDatabaseAsync(provider, reuse, commands);
await using (var db = PortalContexts.Create(options))
{
    // On a reused database this applies only the migrations added since it was seeded (a new index, say).
    await db.Database.MigrateAsync();
    if (!reuse)
    {
        await SeedAsync(db, documentsPerYear: 1000);
        if (provider == "postgres")
        {
            // What autovacuum does on a live database some time after a bulk load: statistics (the planner picked
            // hashed subplans over every registration with the stale ones) and the visibility map (index-only scans
            // fetched a heap row for each of a year's page views without it).
            await db.Database.ExecuteSqlRawAsync("VACUUM ANALYZE");
        }
    }
}

var explainFile = Environment.GetEnvironmentVariable("BENCH_EXPLAIN");
var only = Environment.GetEnvironmentVariable("BENCH_ONLY");
// Warm-up builds before the timed ones: enough for the JIT's tiering to settle, so the CPU figure is the steady state's.
var warmups = int.Parse(Environment.GetEnvironmentVariable("BENCH_WARMUP") ?? "5", CultureInfo.InvariantCulture);
Console.WriteLine("| provider | report | runs | median ms | max ms | CPU ms per build (bench process) | CPU ms per build (PostgreSQL backend) | SQL commands | scholarships | registrations counted |");
Console.WriteLine("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
(string Name, ReportPeriod Period, ReportScope Scope)[] scenarios =
[
    ("year 2024", ReportPeriod.Year(2024), ReportScope.Everything),
    ("year 2024, one region", ReportPeriod.Year(2024), new ReportScope(Region.CentralAmerica)),
    ("Q2 2024", ReportPeriod.Quarter(2024, 2), ReportScope.Everything),
    ("Q2 2024, one region", ReportPeriod.Quarter(2024, 2), new ReportScope(Region.CentralAmerica)),
];
foreach (var (name, period, scope) in scenarios)
{
    if (only is not null && !name.StartsWith(only, StringComparison.Ordinal))
    {
        continue;
    }

    var times = new List<double>();
    ExecutiveReport? report = null;
    var sql = 0;
    long cpuBefore = 0, backendBefore = 0;
    for (var i = 0; i < runs + warmups; i++)
    {
        if (i == warmups)
        {
            // CPU time (utime + stime, /proc/<pid>/stat) of this process and of the PostgreSQL backends serving the
            // bench database, before and after the timed runs: independent of the other processes on a shared machine.
            cpuBefore = Cpu.ProcessTicks(Environment.ProcessId);
            backendBefore = await Cpu.BackendTicksAsync(provider);
        }

        await using var db = PortalContexts.Create(options);
        var reader = new ExecutiveReportReader(db, TimeProvider.System, new AnalyticsReader(db));
        commands.Count = 0;
        commands.Compilations = 0;
        commands.Executed.Clear();
        var watch = Stopwatch.StartNew();
        report = await reader.ReadAsync(period, scope, CancellationToken.None);
        watch.Stop();
        sql = commands.Count;
        if (i >= warmups)
        {
            times.Add(watch.Elapsed.TotalMilliseconds);
        }
    }

    Console.Error.WriteLine($"{provider} {name}: {commands.Compilations} query compilation(s) in the last run");
    var cpu = (Cpu.ProcessTicks(Environment.ProcessId) - cpuBefore) * 1000.0 / Cpu.TicksPerSecond / runs;
    var backend = provider == "postgres" ? ((await Cpu.BackendTicksAsync(provider)) - backendBefore) * 1000.0 / Cpu.TicksPerSecond / runs : double.NaN;
    times.Sort();
    if (Environment.GetEnvironmentVariable("BENCH_SLOWEST") is { } slowest)
    {
        Console.Error.WriteLine($"=== {provider} {name}: the {slowest} slowest commands of the last run");
        foreach (var (ms, text, _) in commands.Executed.OrderByDescending(e => e.Ms).Take(int.Parse(slowest, CultureInfo.InvariantCulture)))
        {
            Console.Error.WriteLine($"--- {ms:F1} ms{Environment.NewLine}{text}");
        }
    }

    if (explainFile is not null)
    {
        await Explain.WriteAsync(provider, options, $"{explainFile}.{provider}.{name.Replace(' ', '-').Replace(",", "")}.txt", commands.Executed);
    }

    var scholarships = report!.AllFigures().First(f => f.Figure.Key == "scholarships.count").Figure.Current;
    var participants = report.AllFigures().Where(f => f.Figure.Key.EndsWith(".participants", StringComparison.Ordinal)).Sum(f => f.Figure.Current);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"| {provider} | {name} | {runs} | {times[times.Count / 2]:F0} | {times[^1]:F0} | {cpu:F0} | {(double.IsNaN(backend) ? "–" : backend.ToString("F0", CultureInfo.InvariantCulture))} | {sql} | {scholarships:N0} | {participants:N0} |"));
    if (Environment.GetEnvironmentVariable("BENCH_FIGURES") is { } figuresFile)
    {
        // The whole report (figures and lists) as JSON, to compare two versions of the reader on the same data.
        var jsonOptions = new System.Text.Json.JsonSerializerOptions { WriteIndented = true, Converters = { new PeriodConverter() } };
        var node = System.Text.Json.JsonSerializer.SerializeToNode(report, jsonOptions)!.AsObject();
        node.Remove(nameof(ExecutiveReport.GeneratedAtUtc));
        var json = node.ToJsonString(jsonOptions);
        await File.WriteAllTextAsync($"{figuresFile}.{provider}.{name.Replace(' ', '-').Replace(",", "")}.json", json);
    }
}

static async Task<DbContextOptions<PortalDbContext>> CreateDatabaseAsync(string provider, bool reuse, CommandCounter commands)
{
    var builder = new DbContextOptionsBuilder<PortalDbContext>()
        .ConfigureWarnings(w => w.Ignore(RelationalEventId.PendingModelChangesWarning))
        .AddInterceptors(commands)
        // Counts the queries EF Core compiles (a query cache miss) in a run: after the warm-ups there should be none.
        .LogTo(_ => commands.Compilations++, [CoreEventId.QueryCompilationStarting]);
    if (provider == "postgres")
    {
        var admin = Environment.GetEnvironmentVariable("BENCH_PG") ?? throw new InvalidOperationException("Set BENCH_PG to a PostgreSQL connection string that may create databases.");
        var name = BenchDatabase.Name;
        if (!reuse)
        {
            await using var connection = new NpgsqlConnection(admin);
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await create.ExecuteNonQueryAsync();
        }

        return builder.UseNpgsql(new NpgsqlConnectionStringBuilder(admin) { Database = name }.ConnectionString).Options;
    }

    var file = Environment.GetEnvironmentVariable("BENCH_SQLITE") ?? Path.Combine(Path.GetTempPath(), "report-bench.db");
    SqliteConnection.ClearAllPools();
    if (!reuse)
    {
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            File.Delete(file + suffix);
        }
    }

    Console.Error.WriteLine($"SQLite file: {file}");
    return builder.UseSqlite(new SqliteConnectionStringBuilder { DataSource = file, Pooling = true }.ToString()).Options;
}

// Five years, 2021-2025, generated from a fixed seed: 200 activities a year (a third webinars, a fifth courses,
// 5% cancelled and 5% postponed with reasons), 100 registrations each, 2,000 scholarships a year, documentsPerYear
// documents a year, 100 speaking engagements a year and 20,000 page views a year.
static async Task SeedAsync(PortalDbContext db, int documentsPerYear)
{
    var random = new Random(42);
    var watch = Stopwatch.StartNew();
    var countries = await BenchSeeding.CountriesAsync(db, 35, 31);
    var organisations = await BenchSeeding.OrganisationsAsync(db, 40);
    var topics = await BenchSeeding.TopicsAsync(db, Enumerable.Range(0, 12).Select(i => $"bench-topic-{i}").ToList());

    ActivityKind[] kinds = [ActivityKind.Webinar, ActivityKind.Webinar, ActivityKind.Course, ActivityKind.Seminar, ActivityKind.Meeting, ActivityKind.Webinar, ActivityKind.Conference, ActivityKind.Course, ActivityKind.Forum, ActivityKind.Diploma];
    var registrations = 0;
    for (var year = 2021; year <= 2025; year++)
    {
        db.ChangeTracker.Clear();
        var activities = new List<Activity>();
        for (var i = 0; i < 200; i++)
        {
            var starts = new DateTime(year, 1, 1, 14, 0, 0, DateTimeKind.Utc).AddDays(random.Next(365));
            var status = i % 20 == 0 ? ActivityStatus.Cancelled : i % 20 == 1 ? ActivityStatus.Postponed : ActivityStatus.Held;
            var activity = new Activity
            {
                Slug = $"bench-{year}-{i}", Kind = kinds[i % kinds.Length], TitleEn = $"Bench activity {year}-{i}", TitleEs = $"Actividad {year}-{i}",
                StartsAtUtc = starts, EndsAtUtc = starts.AddHours(2), IsOnline = i % 2 == 0, HostCountryId = countries[i % countries.Count].Id,
                Status = status, PublicationState = PublicationState.Published, PublishedAtUtc = starts.AddDays(-30),
                OriginalStartsAtUtc = status == ActivityStatus.Postponed ? starts.AddDays(-20) : null,
                OriginalEndsAtUtc = status == ActivityStatus.Postponed ? starts.AddDays(-20).AddHours(2) : null,
                StatusReasonEn = status is ActivityStatus.Cancelled or ActivityStatus.Postponed ? "Travel restrictions" : null,
                RegistrationEnabled = true, ReportedParticipants = 80 + i % 50, ReportedMemberStates = 10 + i % 15,
            };
            activity.Partners.Add(new ActivityPartner { OrganisationId = organisations[i % organisations.Count].Id });
            activity.ParticipatingCountries.Add(new ActivityCountry { CountryId = countries[(i + 3) % countries.Count].Id, Participants = 10 + i % 7 });
            activities.Add(activity);
        }

        db.Activities.AddRange(activities);
        await db.SaveChangesAsync();

        foreach (var chunk in activities.Chunk(20))
        {
            db.ChangeTracker.Clear();
            foreach (var activity in chunk)
            {
                for (var r = 0; r < 100; r++)
                {
                    var email = $"person{r}-{activity.Id}@example.org";
                    db.Registrations.Add(new Registration
                    {
                        ActivityId = activity.Id, FullName = $"Person {r}", Email = email, NormalizedEmail = email.ToUpperInvariant(),
                        CountryId = countries[random.Next(countries.Count)].Id, Gender = r % 3 == 0 ? Gender.Female : Gender.Male,
                        ConsentGivenAtUtc = activity.StartsAtUtc.AddDays(-10), ConsentTextVersion = "bench",
                        Status = r % 10 == 0 ? RegistrationStatus.Cancelled : RegistrationStatus.Confirmed, Attended = r % 4 != 0,
                        AccessToken = Guid.NewGuid().ToString("N"),
                    });
                    registrations++;
                }
            }

            await db.SaveChangesAsync();
        }

        db.ChangeTracker.Clear();
        for (var s = 0; s < 2000; s++)
        {
            db.ScholarshipAwards.Add(new ScholarshipAward
            {
                RecipientName = $"Scholar {year}-{s}", Gender = s % 3 == 0 ? Gender.Female : Gender.Male, CountryId = countries[random.Next(countries.Count)].Id,
                ActivityId = activities[s % activities.Count].Id, AmountUsd = 1000 + s % 17 * 125.5m, AwardedOn = new DateOnly(year, 1, 1).AddDays(random.Next(365)),
            });
        }

        for (var d = 0; d < documentsPerYear; d++)
        {
            var document = new BestPracticeDocument
            {
                Slug = $"bench-doc-{year}-{d}", TitleEn = $"Practice {year}-{d}", SummaryEn = "A short summary of a port practice.",
                SourceKind = d % 3 == 0 ? SourceKind.InternationalOrganisation : SourceKind.NationalAuthority,
                CountryId = d % 3 == 0 ? null : countries[d % countries.Count].Id, SourceOrganisationId = organisations[d % organisations.Count].Id,
                PublishedOn = new DateOnly(year, 1, 1).AddDays(d % 365), PublicationState = PublicationState.Published,
                PublishedAtUtc = new DateTime(year, 1, 1, 12, 0, 0, DateTimeKind.Utc).AddDays(d % 365),
            };
            document.Topics.Add(new DocumentTopic { TopicId = topics[d % topics.Count].Id });
            db.Documents.Add(document);
        }

        for (var e = 0; e < 100; e++)
        {
            var engagement = new SpeakingEngagement { TitleEn = $"Talk {year}-{e}", Date = new DateOnly(year, 1, 1).AddDays(random.Next(365)) };
            db.SpeakingEngagements.Add(engagement);
        }

        await db.SaveChangesAsync();

        for (var start = 0; start < 20_000; start += 5000)
        {
            db.ChangeTracker.Clear();
            for (var v = start; v < start + 5000; v++)
            {
                var at = new DateTime(year, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddMinutes(random.Next(365 * 24 * 60));
                var day = AnalyticsClock.Day(at);
                db.PageViews.Add(new PageView
                {
                    // Like PageViewWriter: a visitor key belongs to one report day (Washington), the day its salt is for.
                    OccurredAtUtc = at, Day = day, Path = $"/activities/bench-{year}-{v % 200}", VisitorKey = $"v{v % 3000}-{day:yyyyMMdd}",
                    SessionKey = $"s{v % 3000}-{at:yyyyMMddHH}", VisitorKind = (VisitorKind)(v % 3), CountryCode = countries[v % countries.Count].Code, Language = "en",
                });
            }

            await db.SaveChangesAsync();
        }

        Console.Error.WriteLine($"seeded {year} ({registrations:N0} registrations so far) in {watch.Elapsed.TotalSeconds:F0} s");
    }
}

sealed class CommandCounter : DbCommandInterceptor
{
    public int Count;

    public int Compilations;

    /// <summary>Every command of the current run: its time (execute only), its text, and a copy to EXPLAIN later.</summary>
    public List<(double Ms, string Sql, DbCommand? Copy)> Executed { get; } = [];

    public override ValueTask<DbDataReader> ReaderExecutedAsync(DbCommand command, CommandExecutedEventData eventData, DbDataReader result, CancellationToken cancellationToken = default)
    {
        Executed.Add((eventData.Duration.TotalMilliseconds, command.CommandText, Explain.Enabled ? Explain.Copy(command) : null));
        return ValueTask.FromResult(result);
    }

    public override ValueTask<object?> ScalarExecutedAsync(DbCommand command, CommandExecutedEventData eventData, object? result, CancellationToken cancellationToken = default)
    {
        Executed.Add((eventData.Duration.TotalMilliseconds, command.CommandText, Explain.Enabled ? Explain.Copy(command) : null));
        return ValueTask.FromResult(result);
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Count++;
        return ValueTask.FromResult(result);
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        Count++;
        return ValueTask.FromResult(result);
    }
}

static class Cpu
{
    public const double TicksPerSecond = 100; // getconf CLK_TCK

    /// <summary>utime + stime of a process, in clock ticks (fields 14 and 15 of /proc/&lt;pid&gt;/stat).</summary>
    public static long ProcessTicks(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        }
        catch (IOException)
        {
            return 0;
        }
    }

    /// <summary>CPU ticks of every PostgreSQL backend connected to the bench database (the pooled connections).</summary>
    public static async Task<long> BackendTicksAsync(string provider)
    {
        if (provider != "postgres")
        {
            return 0;
        }

        await using var connection = new NpgsqlConnection(Environment.GetEnvironmentVariable("BENCH_PG"));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT pid FROM pg_stat_activity WHERE datname = @name", connection);
        command.Parameters.AddWithValue("name", BenchDatabase.Name);
        var pids = new List<int>();
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                pids.Add(reader.GetInt32(0));
            }
        }

        return pids.Sum(ProcessTicks);
    }
}

static class Explain
{
    public static bool Enabled { get; } = Environment.GetEnvironmentVariable("BENCH_EXPLAIN") is not null;

    public static DbCommand Copy(DbCommand command)
    {
        if (command is NpgsqlCommand npgsql)
        {
            return npgsql.Clone();
        }

        var copy = new SqliteCommand(command.CommandText);
        foreach (SqliteParameter p in command.Parameters)
        {
            copy.Parameters.Add(new SqliteParameter(p.ParameterName, p.Value ?? DBNull.Value) { SqliteType = p.SqliteType });
        }

        return copy;
    }

    /// <summary>Runs each command again under EXPLAIN (ANALYZE, BUFFERS) on PostgreSQL, EXPLAIN QUERY PLAN on SQLite.</summary>
    public static async Task WriteAsync(string provider, DbContextOptions<PortalDbContext> options, string file, List<(double Ms, string Sql, DbCommand? Copy)> executed)
    {
        await using var db = PortalContexts.Create(options);
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        await using var output = new StreamWriter(file);
        var n = 0;
        foreach (var (ms, text, copy) in executed)
        {
            n++;
            await output.WriteLineAsync($"===== command {n}: {ms:F1} ms in the timed run");
            await output.WriteLineAsync(text);
            await output.WriteLineAsync("----- plan");
            copy!.Connection = connection;
            copy.CommandText = (provider == "postgres" ? "EXPLAIN (ANALYZE, BUFFERS) " : "EXPLAIN QUERY PLAN ") + text;
            await using var reader = await copy.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                await output.WriteLineAsync(provider == "postgres"
                    ? reader.GetString(0)
                    : $"{reader.GetValue(0)} {reader.GetValue(1)} {reader.GetValue(3)}");
            }
        }

        Console.Error.WriteLine($"plans written to {file}");
    }
}

/// <summary>A period as its two days (its Previous and Next are computed, endlessly).</summary>
sealed class PeriodConverter : System.Text.Json.Serialization.JsonConverter<ReportPeriod>
{
    public override ReportPeriod Read(ref System.Text.Json.Utf8JsonReader reader, Type typeToConvert, System.Text.Json.JsonSerializerOptions options) =>
        throw new NotSupportedException();

    public override void Write(System.Text.Json.Utf8JsonWriter writer, ReportPeriod value, System.Text.Json.JsonSerializerOptions options) =>
        writer.WriteStringValue($"{value.From:yyyy-MM-dd}..{value.To:yyyy-MM-dd}");
}

static class BenchDatabase
{
    /// <summary>The PostgreSQL database: report_bench, or $BENCH_PG_DATABASE (say, a copy with another schema version).</summary>
    public static string Name { get; } = Environment.GetEnvironmentVariable("BENCH_PG_DATABASE") ?? "report_bench";
}
