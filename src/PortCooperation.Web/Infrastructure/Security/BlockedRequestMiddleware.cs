namespace PortCooperation.Web.Infrastructure.Security;

/// <summary>
/// Answers probes for files that must never be served (docs/quality.md S14) before anything else can: any path
/// segment starting with "." (/.git/config, /.env) and appsettings*.json give 404; TRACE and TRACK give 405.
/// Static files already skip dot-files; this also covers catch-all routes and any future file provider.
/// /.well-known/ (RFC 8615, e.g. security.txt) stays reachable. A body whose declared charset .NET will not decode
/// (UTF-7, unknown names) gets 415: reading such a form throws an exception nobody downstream expects.
/// </summary>
public sealed class BlockedRequestMiddleware(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        var method = context.Request.Method;
        if (string.Equals(method, "TRACE", StringComparison.OrdinalIgnoreCase) || string.Equals(method, "TRACK", StringComparison.OrdinalIgnoreCase))
        {
            context.Response.StatusCode = StatusCodes.Status405MethodNotAllowed;
            context.Response.Headers.Allow = "GET, HEAD, POST";
            return Task.CompletedTask;
        }

        if (IsBlockedPath(context.Request.Path.Value))
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        }

        if (context.Request.ContentType is { } contentType && contentType.Contains("charset", StringComparison.OrdinalIgnoreCase) && !IsUsableCharset(contentType))
        {
            context.Response.StatusCode = StatusCodes.Status415UnsupportedMediaType;
            return Task.CompletedTask;
        }

        return next(context);
    }

    private static bool IsUsableCharset(string contentType)
    {
        if (!Microsoft.Net.Http.Headers.MediaTypeHeaderValue.TryParse(contentType, out var parsed) || parsed.Charset.Value is not { } charset)
        {
            return true;
        }

        try
        {
            return System.Text.Encoding.GetEncoding(charset.Trim('"')).CodePage != 65000;
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException)
        {
            return false;
        }
    }

    public static bool IsBlockedPath(string? path)
    {
        if (string.IsNullOrEmpty(path))
        {
            return false;
        }

        // Walks the segments in place: this runs on every request, cached page hits included, so it allocates nothing.
        var rest = path.AsSpan();
        var first = true;
        while (!rest.IsEmpty)
        {
            var slash = rest.IndexOf('/');
            var segment = slash < 0 ? rest : rest[..slash];
            rest = slash < 0 ? [] : rest[(slash + 1)..];
            if (segment.IsEmpty)
            {
                continue;
            }

            var wellKnown = first && segment.Equals(".well-known", StringComparison.OrdinalIgnoreCase);
            first = false;
            if (segment[0] == '.' && !wellKnown)
            {
                return true;
            }

            if (segment.StartsWith("appsettings", StringComparison.OrdinalIgnoreCase) && segment.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
