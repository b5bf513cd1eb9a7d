namespace PortCooperation.Web.Infrastructure;

/// <summary>
/// Files of wwwroot. Views link them with <c>asp-append-version</c>, whose <c>?v=</c> is a hash of the file's
/// content: such a URL never serves other content, so it is cached for a year as immutable (docs/quality.md P7); other
/// static URLs are revalidated. Compression comes from the response-compression middleware in front.
/// (MapStaticAssets was tried: outside a published app its development handler served empty or uncompressed
/// bodies, so the plain middleware is used; see docs/decisions/0006.)
/// </summary>
public static class StaticFilesSetup
{
    public static WebApplication UsePortalStaticFiles(this WebApplication app)
    {
        var precompressed = new PrecompressedAssets(app.Environment);
        app.Use(async (context, next) =>
        {
            if (!await precompressed.TryServeAsync(context))
            {
                await next(context);
            }
        });
        app.UseStaticFiles(new StaticFileOptions
        {
            OnPrepareResponse = context =>
            {
                context.Context.Response.Headers.CacheControl = context.Context.Request.Query.ContainsKey("v")
                    ? "public, max-age=31536000, immutable"
                    : "public, max-age=3600";
            },
        });
        return app;
    }
}
