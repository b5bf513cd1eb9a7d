using PortCooperation.Web.Infrastructure.Security;
using PortCooperation.Web.Services.Analytics;

namespace PortCooperation.Web.Infrastructure;

public static class PipelineExtensions
{
    /// <summary>
    /// The HTTP pipeline, in order: errors, headers, compression, static files, routing, output cache, localisation,
    /// auth, rate limits, endpoints. The output cache sits right after routing (it needs the endpoint's policy) so
    /// that a hit skips localisation, authentication and MVC (docs/quality.md P2); the cache works out the language of
    /// its key itself and lets requests with the sign-in cookie through (<see cref="Caching.PublicPageCache"/>).
    /// </summary>
    public static WebApplication UsePortalPipeline(this WebApplication app)
    {
        app.UseForwardedHeaders();
        app.UsePortalErrorHandling();
        app.UsePortalSecurityHeaders();
        app.UsePortalCompression();
        app.UsePortalStaticFiles();
        app.UseRouting();
        // Before the output cache, so a page served from the cache is counted like any other.
        app.UsePortalAnalytics();
        app.UseOutputCache();
        app.UsePortalLocalization();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UsePortalRateLimiting();
        app.MapPortalHealthChecks();
        app.MapControllerRoute("areas", "{area:exists}/{controller=Dashboard}/{action=Index}/{id?}");
        app.MapControllerRoute("default", "{controller=Home}/{action=Index}/{id?}");
        app.MapOpenApi(); // /openapi/v1.json describes the statistics API (Controllers/StatisticsApiController)
        return app;
    }
}
