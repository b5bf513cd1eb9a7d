using Serilog;

namespace PortCooperation.Web.Infrastructure;

public static class LoggingExtensions
{
    /// <summary>Serilog configured from the "Serilog" section of appsettings (console + rolling file).</summary>
    public static WebApplicationBuilder AddPortalLogging(this WebApplicationBuilder builder)
    {
        var logger = new LoggerConfiguration()
            .ReadFrom.Configuration(builder.Configuration)
            .Enrich.FromLogContext()
            .CreateLogger();
        builder.Logging.ClearProviders();
        builder.Logging.AddSerilog(logger, dispose: true);
        return builder;
    }
}
