using PortCooperation.Web.Infrastructure.Telemetry;

namespace PortCooperation.Web.Infrastructure;

public static class PortalServices
{
    /// <summary>
    /// Every service of the portal but logging, in one place: start-up and the test that checks which settings the
    /// portal binds build the same application.
    /// </summary>
    public static WebApplicationBuilder AddPortalServices(this WebApplicationBuilder builder)
    {
        builder.Services.AddPortalDatabase(builder.Configuration, builder.Environment);
        builder.Services.AddPortalIdentity(builder.Configuration);
        builder.Services.AddPortalOperations(builder.Configuration, builder.Environment);
        builder.Services.AddPortalTelemetry(builder.Configuration);
        builder.Services.AddPortalWeb();
        builder.Services.AddPortalForwardedHeaders(builder.Configuration);
        return builder;
    }
}
