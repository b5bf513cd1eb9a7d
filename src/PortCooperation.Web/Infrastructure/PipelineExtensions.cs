using PortCooperation.Web.Infrastructure.Security;
using PortCooperation.Web.Services.Analytics;

namespace PortCooperation.Web.Infrastructure;

public static class PipelineExtensions
{
    /// <summary>The HTTP pipeline, in order: errors, headers, compression, localisation, routing, auth, output cache, endpoints.</summary>
    public static WebApplication UsePortalPipeline(this WebApplication app)
    {
        app.UseForwardedHeaders();
        app.UsePortalErrorHandling();
        app.UsePortalSecurityHeaders();
        app.UsePortalCompression();
        app.UsePortalStaticFiles();
        app.UsePortalLocalization();
        app.UseRouting();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UsePortalRateLimiting();
        // Before the output cache, so a page served from the cache is counted like any other (issue 6).
        app.UsePortalAnalytics();
        // After localisation (entries vary by language) and authentication (signed-in users are not cached).
        app.UseOutputCache();
        app.MapPortalHealthChecks();
        app.MapControllerRoute("areas", "{area:exists}/{controller=Dashboard}/{action=Index}/{id?}");
        app.MapControllerRoute("default", "{controller=Home}/{action=Index}/{id?}");
        app.MapOpenApi(); // /openapi/v1.json describes the statistics API (Controllers/StatisticsApiController)
        return app;
    }
}
