using System.Globalization;
using System.Security.Claims;
using PortCooperation.Web.Infrastructure.Operations;
using Serilog;
using Serilog.Events;

namespace PortCooperation.Web.Infrastructure;

/// <summary>
/// Logging in two stages. The bootstrap logger (console only, nothing read from configuration, so nothing there can
/// break it) logs what goes wrong while the host is being put together; the host's logger, configured from the
/// "Serilog" section of appsettings (console + rolling file), takes over once the host is built. Neither touches
/// Serilog's static Log.Logger: the integration tests run many hosts in one process. Every event of both passes the
/// <see cref="RedactionEnricher"/> (S13).
/// </summary>
public static class LoggingExtensions
{
    /// <summary>The source of the lines Program writes about start-up itself.</summary>
    public const string StartupSource = "PortCooperation.Startup";

    /// <summary>The same layout as the configured console sink (appsettings.json), so a start-up failure looks like any other line.</summary>
    private const string ConsoleTemplate = "[{Timestamp:HH:mm:ss} {Level:u3}] {SourceContext}: {Message:lj}{NewLine}{Exception}";

    /// <summary>
    /// The request's reference: <see cref="HttpContext.TraceIdentifier"/>, which the error and status pages show and
    /// the audit keeps. ASP.NET Core's hosting scope puts it on every event logged during a request under this name.
    /// </summary>
    public const string RequestIdProperty = "RequestId";

    public static Serilog.Core.Logger CreateBootstrapLogger() =>
        new LoggerConfiguration()
            .MinimumLevel.Information()
            .Enrich.With<RedactionEnricher>()
            .WriteTo.Console(outputTemplate: ConsoleTemplate, formatProvider: CultureInfo.InvariantCulture, standardErrorFromLevel: LogEventLevel.Error)
            .CreateLogger();

    /// <summary>
    /// The host's logger: the "Serilog" section, where a relative file path ("logs/portal-.log") lives in the data
    /// folder (Data:Directory), next to the database, so a container needs one volume; plus any Serilog sink
    /// registered as a service (the tests read the request log that way).
    /// </summary>
    public static WebApplicationBuilder AddPortalLogging(this WebApplicationBuilder builder)
    {
        var settings = new ConfigurationBuilder()
            .AddConfiguration(builder.Configuration)
            .AddInMemoryCollection(FileSinkPathsInDataDirectory(builder.Configuration, builder.Environment))
            .Build();
        builder.Logging.ClearProviders();
        var keysEncrypted = DataProtectionCertificate.IsConfigured(builder.Configuration);
        builder.Services.AddSerilog(
            (services, logger) => logger
                .Filter.ByExcluding(e => !keysEncrypted && DataProtectionCertificate.IsUnencryptedKeyWarning(e))
                .ReadFrom.Configuration(settings)
                .ReadFrom.Services(services)
                .Enrich.FromLogContext()
                .Enrich.With<RedactionEnricher>(),
            preserveStaticLogger: true);
        return builder;
    }

    /// <summary>
    /// One line per request (Serilog.AspNetCore): method, path without the query string (tokens and addresses travel
    /// there), status, elapsed milliseconds and the request's reference; the signed-in user's id as a property, never
    /// a name or an address. Outermost, so it sees the final status; an error page's re-execution restores the
    /// original path before the line is written.
    /// </summary>
    public static WebApplication UsePortalRequestLogging(this WebApplication app)
    {
        app.UseSerilogRequestLogging(options =>
        {
            options.Logger = app.Services.GetRequiredService<Serilog.ILogger>();
            options.MessageTemplate = "HTTP {RequestMethod} {RequestPath} responded {StatusCode} in {Elapsed:0.0} ms (trace {" + RequestIdProperty + "})";
            options.IncludeQueryInRequestPath = false;
            options.GetLevel = (context, _, exception) =>
                exception is not null || context.Response.StatusCode >= 500 ? LogEventLevel.Error
                // Health probes arrive every few seconds; they only matter in the log when they fail.
                : context.Request.Path.StartsWithSegments("/health", StringComparison.OrdinalIgnoreCase) ? LogEventLevel.Debug
                : LogEventLevel.Information;
            options.EnrichDiagnosticContext = (diagnostics, context) =>
            {
                diagnostics.Set(RequestIdProperty, context.TraceIdentifier);
                if (context.User.FindFirstValue(ClaimTypes.NameIdentifier) is { } userId)
                {
                    diagnostics.Set("UserId", userId);
                }
            };
        });
        return app;
    }

    private static Dictionary<string, string?> FileSinkPathsInDataDirectory(ConfigurationManager configuration, IHostEnvironment environment)
    {
        var overrides = new Dictionary<string, string?>();
        foreach (var sink in configuration.GetSection("Serilog:WriteTo").GetChildren())
        {
            var path = sink["Args:path"];
            if (string.Equals(sink["Name"], "File", StringComparison.OrdinalIgnoreCase) && !string.IsNullOrWhiteSpace(path) && !Path.IsPathRooted(path))
            {
                overrides[$"{sink.Path}:Args:path"] = Path.Combine(DataDirectory.Resolve(configuration, environment), path);
            }
        }

        return overrides;
    }
}
