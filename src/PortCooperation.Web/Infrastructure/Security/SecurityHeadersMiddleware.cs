using Microsoft.AspNetCore.Diagnostics;

namespace PortCooperation.Web.Infrastructure.Security;

/// <summary>
/// The response headers of docs/quality.md S7 on every response, error pages included (they are written when the
/// response starts, after any exception handler has cleared the headers). HSTS comes from UseHsts.
/// </summary>
public sealed class SecurityHeadersMiddleware(RequestDelegate next)
{
    // Pages with staff data or personal data must not be kept by browsers or proxies.
    private static readonly string[] _noStorePrefixes = ["/Admin", "/Identity"];

    private const string PermissionsPolicy =
        "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), payment=(), usb=()";

    public Task InvokeAsync(HttpContext context)
    {
        // The exception handler and the status code pages run the pipeline again for the same request;
        // headers and nonce are set once, from the original path: a re-execution carries their feature.
        if (context.Features.Get<IStatusCodeReExecuteFeature>() is not null || context.Features.Get<IExceptionHandlerFeature>() is not null)
        {
            return next(context);
        }

        // No closure and no per-request allocation: this runs for every response, cached pages included (P2).
        context.Response.OnStarting(static state => SetHeaders((HttpContext)state), context);
        return next(context);
    }

    private static Task SetHeaders(HttpContext context)
    {
        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy = context.UsedCspNonce() is { } nonce ? ContentSecurityPolicy(nonce) : PolicyWithoutNonce;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
        headers["Permissions-Policy"] = PermissionsPolicy;
        headers["Cross-Origin-Opener-Policy"] = "same-origin";
        // The path the visitor asked for: a status page or the error page runs under its own path when it starts
        // the response, and keeps the original in its feature.
        var path = context.Features.Get<IStatusCodeReExecuteFeature>() is { } reExecuted ? new PathString(reExecuted.OriginalPath)
            : context.Features.Get<IExceptionHandlerPathFeature>() is { } failed ? new PathString(failed.Path)
            : context.Request.Path;
        if (IsNoStore(path))
        {
            headers.CacheControl = "no-store";
            headers.Pragma = "no-cache";
            headers.Remove("Expires");
        }

        return Task.CompletedTask;
    }

    private static bool IsNoStore(PathString path)
    {
        foreach (var prefix in _noStorePrefixes)
        {
            if (path.StartsWithSegments(prefix, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The policy of a page that uses no nonce: scripts only from the portal's own origin.</summary>
    public static readonly string PolicyWithoutNonce = Policy("script-src 'self'; ");

    /// <summary>The policy of a page whose scripts carry <paramref name="nonce"/> (the staff pages).</summary>
    public static string ContentSecurityPolicy(string nonce) => Policy($"script-src 'self' 'nonce-{nonce}'; ");

    private static string Policy(string scriptSource) =>
        "default-src 'self'; " +
        scriptSource +
        "style-src 'self'; " +
        "img-src 'self' data:; " +
        "font-src 'self'; " +
        "connect-src 'self'; " +
        "frame-ancestors 'none'; " +
        "form-action 'self'; " +
        "base-uri 'self'; " +
        "object-src 'none'";
}
