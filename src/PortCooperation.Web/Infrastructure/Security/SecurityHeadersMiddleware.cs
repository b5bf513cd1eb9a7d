namespace PortCooperation.Web.Infrastructure.Security;

/// <summary>
/// The response headers of quality.md S7 on every response, error pages included (they are written when the
/// response starts, after any exception handler has cleared the headers). HSTS comes from UseHsts.
/// </summary>
public sealed class SecurityHeadersMiddleware(RequestDelegate next)
{
    // Pages with staff data or personal data must not be kept by browsers or proxies.
    private static readonly string[] _noStorePrefixes = ["/Admin", "/Identity"];

    private const string PermissionsPolicy =
        "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), payment=(), usb=()";

    private const string HandledKey = "PortCooperation.SecurityHeaders";

    public Task InvokeAsync(HttpContext context)
    {
        // The exception handler and the status code pages run the pipeline again for the same request;
        // headers and nonce must be set once, from the original path.
        if (!context.Items.TryAdd(HandledKey, true))
        {
            return next(context);
        }

        var noStore = _noStorePrefixes.Any(p => context.Request.Path.StartsWithSegments(p, StringComparison.OrdinalIgnoreCase));
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = context.UsedCspNonce() is { } nonce ? ContentSecurityPolicy(nonce) : PolicyWithoutNonce;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
            headers["Permissions-Policy"] = PermissionsPolicy;
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            if (noStore)
            {
                headers.CacheControl = "no-store";
                headers.Pragma = "no-cache";
                headers.Remove("Expires");
            }

            return Task.CompletedTask;
        });
        return next(context);
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
