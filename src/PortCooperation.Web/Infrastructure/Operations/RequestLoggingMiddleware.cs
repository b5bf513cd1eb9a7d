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
        var traceId = Activity.Current?.TraceId.ToString() ?? context.TraceIdentifier;
        var method = context.Request.Method;
        var path = LogRedaction.SanitisePath(context.Request.Path.Value);
        var started = Stopwatch.GetTimestamp();
        using var scope = logger.BeginScope(new Dictionary<string, object> { ["TraceId"] = traceId });
        try
        {
            await next(context);
        }
        catch (Exception ex)
        {
            // Only reached where no exception handler runs (Development); there the developer page shows it.
            logger.LogError(ex, "HTTP {Method} {Path} threw {ExceptionType} after {Elapsed:0.0} ms (trace {TraceId})",
                method, path, ex.GetType().Name, Stopwatch.GetElapsedTime(started).TotalMilliseconds, traceId);
            throw;
        }

        var status = context.Response.StatusCode;
        // Health probes arrive every few seconds; they only matter in the log when they fail.
        var level = status >= 500 ? LogLevel.Error
            : context.Request.Path.StartsWithSegments("/health", StringComparison.OrdinalIgnoreCase) ? LogLevel.Debug
            : LogLevel.Information;
        logger.Log(level, "HTTP {Method} {Path} responded {StatusCode} in {Elapsed:0.0} ms (trace {TraceId})",
            method, path, status, Stopwatch.GetElapsedTime(started).TotalMilliseconds, traceId);
    }
}
