using System.IO.Compression;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.ResponseCompression;

namespace PortCooperation.Web.Infrastructure;

/// <summary>
/// Brotli/gzip for pages, feeds and static files. Pages that carry secrets a visitor can influence (antiforgery tokens on staff and
/// sign-in pages, personal data on registration pages) are sent uncompressed, so BREACH-style attacks over HTTPS
/// have nothing to measure.
/// </summary>
public static class Compression
{
    private static readonly string[] _uncompressedPrefixes = ["/Admin", "/Identity", "/registrations", "/activities/"];

    public static IServiceCollection AddPortalCompression(this IServiceCollection services)
    {
        services.AddResponseCompression(options =>
        {
            options.EnableForHttps = true;
            options.Providers.Add<BrotliCompressionProvider>();
            options.Providers.Add<GzipCompressionProvider>();
            options.MimeTypes = ResponseCompressionDefaults.MimeTypes.Concat(
                ["image/svg+xml", "text/calendar", "application/atom+xml", "application/rss+xml", "application/xml", "text/csv"]);
        });
        services.Configure<BrotliCompressionProviderOptions>(o => o.Level = CompressionLevel.Fastest);
        // Gzip at "Fastest" barely compresses with this runtime's zlib-ng; "Optimal" costs little on pages of a few KB.
        services.Configure<GzipCompressionProviderOptions>(o => o.Level = CompressionLevel.Optimal);
        return services;
    }

    public static WebApplication UsePortalCompression(this WebApplication app)
    {
        app.UseResponseCompression();
        // After UseResponseCompression, which is what adds the feature switched off here.
        app.Use((context, next) =>
        {
            var path = context.Request.Path;
            if (_uncompressedPrefixes.Any(p => IsUnder(path, p)) && context.Features.Get<IHttpsCompressionFeature>() is { } feature)
            {
                feature.Mode = HttpsCompressionMode.DoNotCompress;
            }

            return next(context);
        });
        return app;
    }

    // "/activities/" covers forms under an activity (registration); the listing itself stays compressed.
    private static bool IsUnder(PathString path, string prefix) => prefix.EndsWith('/')
        ? path.Value?.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) == true && path.Value.EndsWith("/register", StringComparison.OrdinalIgnoreCase)
        : path.StartsWithSegments(prefix, StringComparison.OrdinalIgnoreCase);
}
