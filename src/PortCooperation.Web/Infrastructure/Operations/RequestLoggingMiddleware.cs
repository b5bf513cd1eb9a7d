using System.Diagnostics;

namespace PortCooperation.Web.Infrastructure.Operations;

/// <summary>
/// One log line per request: method, path (never the query string, which can carry tokens or e-mail
/// addresses), status, elapsed milliseconds and trace id. Serilog.AspNetCore is not available here, so this
/// replaces its UseSerilogRequestLogging. Every log written while the request runs carries the TraceId,
/// which is also what the error page shows as the correlation id.
/// </summary>
public sealed class RequestLoggingMiddleware(RequestDelegate next, ILogger<RequestLoggingMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var started = Stopwatch.GetTimestamp();
        // Read now: an error page's re-execution changes the request's path before the line is written.
        var method = context.Request.Method;
        var path = context.Request.Path.Value;
        // The scope's TraceId is worked out only if something is logged: most requests of a busy site (cached pages
        // with the request line switched off) log nothing, and then cost no dictionary and no id string (P2).
        var scope = new RequestScope(context);
        using var disposable = logger.BeginScope(scope);
        try
        {
            await next(context);
        }
        catch (Exception ex)
        {
            // Only reached where no exception handler runs (Development); there the developer page shows it.
            logger.LogError(ex, "HTTP {Method} {Path} threw {ExceptionType} after {Elapsed:0.0} ms (trace {TraceId})",
                method, LogRedaction.SanitisePath(path), ex.GetType().Name,
                Stopwatch.GetElapsedTime(started).TotalMilliseconds, scope.TraceId);
            throw;
        }

        var status = context.Response.StatusCode;
        // Health probes arrive every few seconds; they only matter in the log when they fail.
        var level = status >= 500 ? LogLevel.Error
            : context.Request.Path.StartsWithSegments("/health", StringComparison.OrdinalIgnoreCase) ? LogLevel.Debug
            : LogLevel.Information;
        if (logger.IsEnabled(level))
        {
            logger.Log(level, "HTTP {Method} {Path} responded {StatusCode} in {Elapsed:0.0} ms (trace {TraceId})",
                method, LogRedaction.SanitisePath(path), status,
                Stopwatch.GetElapsedTime(started).TotalMilliseconds, scope.TraceId);
        }
    }

    /// <summary>
    /// The request's log scope: one property, TraceId, read when a log event enumerates it. It is the request's
    /// <see cref="HttpContext.TraceIdentifier"/>, the reference the error and status pages show and the audit log
    /// keeps, so a visitor's report finds the server-side lines (it used to be the W3C activity id, which no page showed).
    /// </summary>
    private sealed class RequestScope(HttpContext context) : IReadOnlyList<KeyValuePair<string, object>>
    {
        public string TraceId => context.TraceIdentifier;

        public int Count => 1;

        public KeyValuePair<string, object> this[int index] =>
            index == 0 ? new KeyValuePair<string, object>("TraceId", TraceId) : throw new ArgumentOutOfRangeException(nameof(index));

        public IEnumerator<KeyValuePair<string, object>> GetEnumerator()
        {
            yield return this[0];
        }

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();

        public override string ToString() => $"TraceId:{TraceId}";
    }
}
