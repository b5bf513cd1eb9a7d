using PortCooperation.Web.Infrastructure.Operations;
using Serilog;

namespace PortCooperation.Web.Infrastructure;

public static class LoggingExtensions
{
    /// <summary>
    /// Serilog configured from the "Serilog" section of appsettings (console + rolling file). A relative file
    /// path there ("logs/portal-.log") lives in the data folder (Data:Directory), next to the database, so a
    /// container needs one volume. Every event passes the <see cref="RedactionEnricher"/> (S13).
    /// </summary>
    public static WebApplicationBuilder AddPortalLogging(this WebApplicationBuilder builder)
    {
        var settings = new ConfigurationBuilder()
            .AddConfiguration(builder.Configuration)
            .AddInMemoryCollection(FileSinkPathsInDataDirectory(builder.Configuration, builder.Environment))
            .Build();
        var logger = new LoggerConfiguration()
            .ReadFrom.Configuration(settings)
            .Enrich.FromLogContext()
            .Enrich.With<RedactionEnricher>()
            .CreateLogger();
        builder.Logging.ClearProviders();
        builder.Logging.AddSerilog(logger, dispose: true);
        return builder;
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
