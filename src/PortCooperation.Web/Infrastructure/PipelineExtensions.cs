using PortCooperation.Web.Infrastructure.Security;

namespace PortCooperation.Web.Infrastructure;

public static class PipelineExtensions
{
    /// <summary>The HTTP pipeline, in order: errors, headers, compression, localisation, routing, auth, output cache, endpoints.</summary>
    public static WebApplication UsePortalPipeline(this WebApplication app)
    {
        app.UseForwardedHeaders();
        app.UsePortalErrorHandling();
        app.UsePortalSecurityHeaders();
        app.UsePortalLocalization();
        app.UseRouting();
        app.UsePortalCompression();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UsePortalRateLimiting();
        // After localisation (entries vary by language) and authentication (signed-in users are not cached).
        app.UseOutputCache();
        app.MapPortalHealthChecks();
        // Files of wwwroot, pre-compressed at build time (br, gzip) with ETags. Views link them with
        // asp-append-version, whose ?v= is the file's content hash: such URLs never change content, so they are
        // cached for a year as immutable (quality.md P7).
        app.MapStaticAssets().Add(endpoint =>
        {
            var serve = endpoint.RequestDelegate!;
            endpoint.RequestDelegate = context =>
            {
                if (context.Request.Query.ContainsKey("v"))
                {
                    context.Response.OnStarting(() =>
                    {
                        if (context.Response.StatusCode == StatusCodes.Status200OK)
                        {
                            context.Response.Headers.CacheControl = "public, max-age=31536000, immutable";
                        }

                        return Task.CompletedTask;
                    });
                }

                return serve(context);
            };
        });
        app.MapControllerRoute("areas", "{area:exists}/{controller=Dashboard}/{action=Index}/{id?}").WithStaticAssets();
        app.MapControllerRoute("default", "{controller=Home}/{action=Index}/{id?}").WithStaticAssets();
        app.MapOpenApi(); // /openapi/v1.json describes the statistics API (Controllers/StatisticsApiController)
        return app;
    }
}
