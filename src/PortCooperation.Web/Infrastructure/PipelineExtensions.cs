using PortCooperation.Web.Infrastructure.Security;

namespace PortCooperation.Web.Infrastructure;

public static class PipelineExtensions
{
    /// <summary>The HTTP pipeline, in order: errors, headers, static files, localisation, routing, auth, endpoints.</summary>
    public static WebApplication UsePortalPipeline(this WebApplication app)
    {
        app.UsePortalErrorHandling();
        app.UsePortalSecurityHeaders();
        app.UseStaticFiles();
        app.UsePortalLocalization();
        app.UseRouting();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UsePortalRateLimiting();
        // After localisation (entries vary by language) and authentication (signed-in users are not cached).
        app.UseOutputCache();
        app.MapPortalHealthChecks();
        app.MapControllerRoute("areas", "{area:exists}/{controller=Dashboard}/{action=Index}/{id?}");
        app.MapControllerRoute("default", "{controller=Home}/{action=Index}/{id?}");
        app.MapRazorPages();
        return app;
    }
}
