using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Routing;
using PortCooperation.Web.Infrastructure.Security;

namespace PortCooperation.Web.Infrastructure;

public static class SecurityPipelineExtensions
{
    /// <summary>Where the exception handler sends visitors; the Home controller renders it.</summary>
    public const string ErrorPath = "/Home/Error";

    /// <summary>Where 4xx/5xx responses without a body are re-executed for a friendly page.</summary>
    public const string StatusCodePath = "/Error/{0}";

    /// <summary>
    /// Request logging (outermost, so it sees the final status), then a friendly error page with a correlation
    /// id outside Development and friendly status pages everywhere; never a stack trace for visitors (S12).
    /// The exception handler logs the exception server-side, inside the request's TraceId scope.
    /// </summary>
    public static WebApplication UsePortalErrorHandling(this WebApplication app)
    {
        app.UsePortalRequestLogging();
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler(ErrorPath);
        }

        app.UseStatusCodePagesWithReExecute(StatusCodePath);
        return app;
    }

    /// <summary>Security headers of docs/quality.md S7 and the probe filter of S14.</summary>
    public static WebApplication UsePortalSecurityHeaders(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
        {
            // One year with subdomains; UseHsts itself leaves out plain HTTP and localhost/127.0.0.1/[::1].
            app.UseHsts();
        }

        if (SecurityOptions.From(app.Configuration).AllowInsecureCookies && !app.Environment.IsDevelopment())
        {
            app.Logger.LogWarning(
                "Security:AllowInsecureCookies is true outside Development: sign-in cookies may travel over plain HTTP. Serve HTTPS and set it to false.");
        }

        app.UseMiddleware<SecurityHeadersMiddleware>();
        app.UseMiddleware<BlockedRequestMiddleware>();
        app.UseMiddleware<PlainHttpMiddleware>();
        return app;
    }

    /// <summary>
    /// /health/live (the process answers; no database) and /health/ready (the database answers: 200, else 503).
    /// GET and HEAD only: probes read, so a POST gets 405 like any other read-only address (S2).
    /// </summary>
    public static WebApplication MapPortalHealthChecks(this WebApplication app)
    {
        var readOnly = new HttpMethodMetadata([HttpMethods.Get, HttpMethods.Head]);
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).WithMetadata(readOnly);
        app.MapHealthChecks("/health/ready", new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains(OperationsServiceCollectionExtensions.ReadyTag),
        }).WithMetadata(readOnly);
        return app;
    }
}
