using System.Collections.Concurrent;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using PortCooperation.Web.Infrastructure;

namespace PortCooperation.IntegrationTests.Infrastructure;

/// <summary>
/// Gives a test host on a fresh SQLite data folder a copy of a data folder the app itself initialised (migrations,
/// roles, reference and demo data, demo attachments), instead of migrating and seeding a new file every time:
/// copying a file is far cheaper than migrating it. Each template is made once per test process by the app's own
/// start-up path, with the same environment, seed setting and clock instant as the host that receives it, so the
/// copy is what that host's first start would have produced; the host then finds nothing to migrate or seed.
/// Anything else (another provider, a connection string, an existing database, migration or seeding switched
/// off, a clock that is not a fixed instance) starts on the empty folder as before.
/// </summary>
public static class MigratedDataFolder
{
    private const string DatabaseFile = "portal.db";
    private const string LogsFolder = "logs";

    private static readonly string Root = Path.Combine(Path.GetTempPath(), "portal-test-templates", $"{Environment.ProcessId}-{Guid.NewGuid():N}");
    private static readonly ConcurrentDictionary<string, Lazy<string>> Templates = new(StringComparer.Ordinal);
    private static int _hostStarts;
    private static int _copies;

    static MigratedDataFolder() => AppDomain.CurrentDomain.ProcessExit += (_, _) => Report();

    /// <summary>Hosts started through <see cref="ProvideOnStart"/> so far.</summary>
    public static int HostStarts => Volatile.Read(ref _hostStarts);

    /// <summary>Hosts that received a template copy.</summary>
    public static int Copies => Volatile.Read(ref _copies);

    /// <summary>Templates made (each one ran every migration and the seeding once).</summary>
    public static int TemplatesMade => Templates.Count;

    /// <summary>
    /// Called while the host is being built (before the app touches its database): copies the matching template into
    /// the host's data folder when the host would start a fresh SQLite database with the default start-up work.
    /// </summary>
    public static void ProvideOnStart(HostBuilderContext context, IServiceCollection services)
    {
        Interlocked.Increment(ref _hostStarts);
        var key = TemplateKey(context.Configuration, context.HostingEnvironment.EnvironmentName, services, out var clock);
        if (key is null)
        {
            return;
        }

        var dataDirectory = context.Configuration["Data:Directory"]!;
        var template = Templates.GetOrAdd(key, k => new Lazy<string>(() => Make(k, context.HostingEnvironment.EnvironmentName, SeedsDemoData(context.Configuration), clock))).Value;
        CopyFolder(template, dataDirectory);
        Interlocked.Increment(ref _copies);
    }

    private static string? TemplateKey(IConfiguration configuration, string environment, IServiceCollection services, out DateTimeOffset? clock)
    {
        clock = null;
        var dataDirectory = configuration["Data:Directory"];
        if (string.IsNullOrEmpty(dataDirectory)
            || DatabaseServiceCollectionExtensions.ParseProvider(configuration["Database:Provider"]) != DatabaseProvider.Sqlite
            || !string.IsNullOrWhiteSpace(configuration.GetConnectionString("Portal"))
            || !configuration.GetValue("Database:MigrateOnStartup", true)
            || !IsFresh(dataDirectory))
        {
            return null;
        }

        // The seed stamps rows with the app's clock: a test clock fixed at an instant gets a template made at that instant.
        var registered = services.LastOrDefault(d => d.ServiceType == typeof(TimeProvider));
        if (registered is not null && !ReferenceEquals(registered.ImplementationInstance, TimeProvider.System))
        {
            if (registered.ImplementationInstance is not TimeProvider fixedClock)
            {
                return null;
            }

            clock = fixedClock.GetUtcNow();
        }

        return $"{environment}|demo={SeedsDemoData(configuration)}|clock={clock?.UtcTicks.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "system"}";
    }

    private static bool SeedsDemoData(IConfiguration configuration) => configuration.GetValue("Database:SeedDemoData", true);

    /// <summary>Nothing there yet but perhaps logs: a first start.</summary>
    internal static bool IsFresh(string dataDirectory) =>
        !Directory.Exists(dataDirectory)
        || Directory.EnumerateFileSystemEntries(dataDirectory).All(entry => Path.GetFileName(entry) == LogsFolder);

    private static string Make(string key, string environment, bool seedDemoData, DateTimeOffset? clock)
    {
        var folder = Path.Combine(Root, Templates.Count.ToString(System.Globalization.CultureInfo.InvariantCulture) + "-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);

        // On its own thread without the caller's execution context: the caller is inside another host's start-up,
        // whose entry-point interception must not see this host.
        using (ExecutionContext.SuppressFlow())
        {
            Task.Run(() =>
            {
                using var host = new TemplateHost(folder, environment, seedDemoData, clock);
                _ = host.Services;
            }).GetAwaiter().GetResult();
        }

        SqliteConnection.ClearAllPools();
        var database = Path.Combine(folder, DatabaseFile);
        using (var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = database, Pooling = false }.ToString()))
        {
            connection.Open();
            using var checkpoint = connection.CreateCommand();
            checkpoint.CommandText = "PRAGMA wal_checkpoint(TRUNCATE)";
            checkpoint.ExecuteNonQuery();
        }

        // The last connection closing deletes the write-ahead log once everything is in the main file; a log left
        // behind would hold rows a copy of the main file alone would miss.
        if (File.Exists(database + "-wal") && new FileInfo(database + "-wal").Length > 0)
        {
            throw new InvalidOperationException($"The template database for {key} still has a write-ahead log after a checkpoint.");
        }

        File.Delete(database + "-wal");
        File.Delete(database + "-shm");
        Directory.Delete(Path.Combine(folder, LogsFolder), recursive: true);
        return folder;
    }

    private static void CopyFolder(string from, string to)
    {
        foreach (var directory in Directory.EnumerateDirectories(from, "*", SearchOption.AllDirectories))
        {
            Directory.CreateDirectory(Path.Combine(to, Path.GetRelativePath(from, directory)));
        }

        Directory.CreateDirectory(to);
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            File.Copy(file, Path.Combine(to, Path.GetRelativePath(from, file)));
        }
    }

    private static void Report()
    {
        // One line per test process, for measuring how many hosts still migrate (PORTAL_TEST_HOST_COUNTS names a file).
        var file = Environment.GetEnvironmentVariable("PORTAL_TEST_HOST_COUNTS");
        if (!string.IsNullOrEmpty(file))
        {
            File.AppendAllText(file, $"{AppDomain.CurrentDomain.FriendlyName} hosts={HostStarts} copies={Copies} templates={TemplatesMade} migrated={HostStarts - Copies + TemplatesMade}{Environment.NewLine}");
        }

        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // The temp folder is cleaned by the OS.
        }
    }

    /// <summary>
    /// The app started only as far as its start-up work: the background services (mail rounds, jobs, key-ring
    /// creation) are removed, so the template holds what the start-up work wrote and nothing a running app adds.
    /// </summary>
    private sealed class TemplateHost(string folder, string environment, bool seedDemoData, DateTimeOffset? clock) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment(environment);
            builder.UseSetting("Data:Directory", folder);
            builder.UseSetting("Serilog:WriteTo:1:Args:path", Path.Combine(folder, LogsFolder, "portal-.log"));
            builder.UseSetting("Database:SeedDemoData", seedDemoData ? "true" : "false");
            builder.ConfigureTestServices(services =>
            {
                foreach (var background in services.Where(d => d.ServiceType == typeof(IHostedService) && !IsWebServer(d)).ToList())
                {
                    services.Remove(background);
                }

                if (clock is { } instant)
                {
                    services.RemoveAll<TimeProvider>();
                    services.AddSingleton<TimeProvider>(new FixedClock(instant));
                }
            });
        }

        private static bool IsWebServer(ServiceDescriptor descriptor) =>
            descriptor.ImplementationType?.FullName == "Microsoft.AspNetCore.Hosting.GenericWebHostService";
    }

    private sealed class FixedClock(DateTimeOffset instant) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => instant;
    }
}
