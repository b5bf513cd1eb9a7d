using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Hosting;
using Microsoft.Playwright;
using PortCooperation.IntegrationTests.Infrastructure;

namespace PortCooperation.BrowserTests.Infrastructure;

/// <summary>
/// The real app on a real loopback port (Kestrel, not the test server) over a fresh seeded SQLite file (a copy of a
/// template the app migrated and seeded once per test process, see <see cref="MigratedDataFolder"/>), and one
/// headless Debian Chromium driven by Playwright. Shared by every browser test in a collection.
/// </summary>
public class BrowserApp : IAsyncLifetime, IDisposable
{
    private readonly Factory _factory;
    private IPlaywright? _playwright;

    public BrowserApp()
        : this(new Dictionary<string, string?>())
    {
    }

    /// <summary>An app with some settings of its own (e.g. two-factor sign-in required, as in production).</summary>
    protected BrowserApp(IReadOnlyDictionary<string, string?> settings) => _factory = new Factory(settings);

    public IBrowser Browser { get; private set; } = null!;

    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>The app's services, for arranging what a browser cannot (e.g. a staff account).</summary>
    public IServiceProvider Services => _factory.Services;

    public async Task InitializeAsync()
    {
        _factory.UseKestrel(0);
        _factory.StartServer();
        BaseAddress = _factory.ClientOptions.BaseAddress;
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath(),
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    /// <summary>A fresh browser context (own cookies) and page, in English unless told otherwise.</summary>
    public async Task<IPage> NewPageAsync(BrowserNewContextOptions? options = null)
    {
        options ??= new BrowserNewContextOptions();
        options.BaseURL = BaseAddress.ToString();
        options.Locale ??= "en-GB";
        var context = await Browser.NewContextAsync(options);
        return await context.NewPageAsync();
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }

        _playwright?.Dispose();
        await _factory.DisposeAsync();
    }

    public void Dispose()
    {
        _factory.Dispose();
        GC.SuppressFinalize(this);
    }

    private static string ChromiumPath()
    {
        foreach (var candidate in new[] { Environment.GetEnvironmentVariable("CHROMIUM_PATH"), "/usr/bin/chromium", "/usr/bin/chromium-browser" })
        {
            if (!string.IsNullOrEmpty(candidate) && File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException("Chromium not found: install Debian's chromium package (.ci/run does) or set CHROMIUM_PATH.");
    }

    private sealed class Factory(IReadOnlyDictionary<string, string?> settings) : WebApplicationFactory<Program>
    {
        private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "portal-browser-tests", Guid.NewGuid().ToString("N"));

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            Directory.CreateDirectory(_dataDirectory);
            builder.UseEnvironment("Testing");
            // Outside Development the build-time compressed assets (obj/…/compressed) are only found through the
            // static web assets manifest; without it a browser asking for br/gzip got an empty stylesheet.
            builder.UseStaticWebAssets();
            builder.UseSetting("Data:Directory", _dataDirectory);
            builder.UseSetting("Serilog:WriteTo:1:Args:path", Path.Combine(_dataDirectory, "logs", "portal-.log"));
            // Plain http on loopback: cookies without the Secure flag, as in Development.
            builder.UseSetting("Security:AllowInsecureCookies", "true");
            // Outside Development the app expects published output; serve the build's static web assets instead,
            // or a browser asking for compressed CSS gets an empty response and the pages render unstyled.
            builder.UseStaticWebAssets();
            foreach (var (key, value) in settings)
            {
                builder.UseSetting(key, value);
            }
        }

        protected override IHost CreateHost(IHostBuilder builder)
        {
            builder.ConfigureServices(MigratedDataFolder.ProvideOnStart);
            return base.CreateHost(builder);
        }

        public override async ValueTask DisposeAsync()
        {
            await base.DisposeAsync();
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(_dataDirectory, recursive: true);
            }
            catch (IOException)
            {
                // A log file may still be open for a moment; the temp folder is cleaned by the OS.
            }
        }
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserApp>
{
    public const string Name = "browser";
}
