using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using PortCooperation.Web.Data;

namespace PortCooperation.IntegrationTests.Infrastructure;

/// <summary>
/// The real app over a real database: by default a fresh SQLite file in its own temp data folder (a copy of a
/// migrated and seeded template, see <see cref="MigratedDataFolder"/>, unless <see cref="MigratesItself"/>).
/// Pass settings (e.g. Database:Provider=PostgreSQL and a connection string) to run on PostgreSQL.
/// </summary>
public class PortalFactory : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> _settings;

    public PortalFactory(IDictionary<string, string?>? settings = null)
    {
        // Production cookie rules (Secure, __Host- prefix) stay on in tests, so clients speak HTTPS to the test server.
        ClientOptions.BaseAddress = new Uri("https://localhost");
        DataDirectory = Path.Combine(Path.GetTempPath(), "portal-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(DataDirectory);
        _settings = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
        {
            ["Data:Directory"] = DataDirectory,
            ["Serilog:WriteTo:1:Args:path"] = Path.Combine(DataDirectory, "logs", "portal-.log"),
        };
        if (settings is not null)
        {
            foreach (var (key, value) in settings)
            {
                _settings[key] = value;
            }
        }
    }

    public string DataDirectory { get; }

    public string EnvironmentName { get; init; } = "Testing";

    /// <summary>Start on the empty folder and let the app migrate and seed it, as a first start in production does.</summary>
    public bool MigratesItself { get; init; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(EnvironmentName);
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }
    }

    protected override IHost CreateHost(IHostBuilder builder)
    {
        if (!MigratesItself)
        {
            builder.ConfigureServices(MigratedDataFolder.ProvideOnStart);
        }

        return base.CreateHost(builder);
    }

    /// <summary>Runs code against the app's own DbContext (for arranging data and asserting effects).</summary>
    public async Task<T> WithDbAsync<T>(Func<PortalDbContext, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        return await work(db);
    }

    public async Task WithDbAsync(Func<PortalDbContext, Task> work)
    {
        await using var scope = Services.CreateAsyncScope();
        await work(scope.ServiceProvider.GetRequiredService<PortalDbContext>());
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(DataDirectory, recursive: true);
            }
            catch (IOException)
            {
                // A log file may still be open for a moment; the temp folder is cleaned by the OS.
            }
        }
    }
}
