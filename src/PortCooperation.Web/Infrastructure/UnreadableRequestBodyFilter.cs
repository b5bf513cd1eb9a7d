using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Core.Infrastructure;
using Microsoft.AspNetCore.Mvc.Filters;

namespace PortCooperation.Web.Infrastructure;

/// <summary>
/// Antiforgery validation is the first thing that reads a POST's form. When the body itself cannot be read —
/// Kestrel gave up on a body arriving slower than its minimum data rate (408) or one over the size limit (413) —
/// the antiforgery filter reports that as an ordinary token failure (400). This filter gives such a request the
/// status Kestrel decided, so the visitor's page and the request log say what happened. The form feature keeps
/// the failed read, so asking again costs nothing and reads nothing more.
/// </summary>
public sealed class UnreadableRequestBodyFilter : IAsyncAlwaysRunResultFilter
{
    public async Task OnResultExecutionAsync(ResultExecutingContext context, ResultExecutionDelegate next)
    {
        if (context.Result is IAntiforgeryValidationFailedResult && context.HttpContext.Request.HasFormContentType)
        {
            try
            {
                await context.HttpContext.Request.ReadFormAsync(context.HttpContext.RequestAborted);
            }
            catch (BadHttpRequestException ex)
            {
                context.Result = new StatusCodeResult(ex.StatusCode);
            }
            catch (Exception ex) when (ex is IOException or InvalidDataException or OperationCanceledException)
            {
                // A malformed form or a client that went away: the antiforgery failure (400) stands.
            }
        }

        await next();
    }
}
