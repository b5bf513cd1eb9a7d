using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace PortCooperation.Web.Infrastructure.Telemetry;

public static class TelemetryServiceCollectionExtensions
{
    /// <summary>The standard OpenTelemetry setting (an environment variable) that switches export on.</summary>
    public const string EndpointSetting = "OTEL_EXPORTER_OTLP_ENDPOINT";

    /// <summary>
    /// Traces and metrics over OTLP, only when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set: requests (ASP.NET Core),
    /// outgoing HTTP, database commands (EF Core's diagnostic events, see <see cref="EntityFrameworkActivities"/>),
    /// the runtime and the portal's own <see cref="PortalMetrics"/>. Without it no provider, listener or exporter
    /// exists. The other OTEL_* variables (protocol, headers, service name, resource attributes) work as usual.
    /// </summary>
    public static IServiceCollection AddPortalTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddMetrics();
        services.AddSingleton<PortalMetrics>();
        if (string.IsNullOrWhiteSpace(configuration[EndpointSetting]))
        {
            return services;
        }

        services.AddHostedService<EntityFrameworkActivities>();
        services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService("PortCooperation"))
            .WithTracing(tracing => tracing
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddSource(EntityFrameworkActivities.SourceName)
                .AddOtlpExporter())
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                // EF Core's and Npgsql's own meters; SQLite has none.
                .AddMeter("Microsoft.EntityFrameworkCore", "Npgsql")
                .AddMeter(PortalMetrics.MeterName)
                .AddOtlpExporter());
        return services;
    }
}
