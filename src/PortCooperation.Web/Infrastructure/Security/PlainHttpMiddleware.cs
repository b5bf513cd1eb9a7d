using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using PortCooperation.Web.Resources;

namespace PortCooperation.Web.Infrastructure.Security;

/// <summary>
/// With secure-only cookies (the production setting), a page with a form cannot work over plain HTTP: antiforgery
/// refuses to issue its cookie there and throws. Such a request gets 400 and a page saying what to do (open the
/// address with https://, or tell the operator to forward the scheme from the TLS proxy) instead of a 500.
/// </summary>
public sealed class PlainHttpMiddleware(RequestDelegate next, IOptions<SecurityOptions> security, IOptions<RequestLocalizationOptions> localization, IStringLocalizer<SharedResource> text)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (context.Request.IsHttps || security.Value.AllowInsecureCookies)
        {
            await next(context);
            return;
        }

        try
        {
            await next(context);
        }
        catch (InvalidOperationException) when (!context.Response.HasStarted)
        {
            // Localisation runs further in: the page's language is worked out as the page cache does.
            var language = await Caching.RequestLanguage.ResolveAsync(context, localization.Value);
            System.Globalization.CultureInfo.CurrentUICulture = System.Globalization.CultureInfo.GetCultureInfo(language);
            context.Response.Clear();
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            context.Response.ContentType = "text/html; charset=utf-8";
            var https = $"https://{context.Request.Host}{context.Request.PathBase}{context.Request.Path}{context.Request.QueryString}";
            await context.Response.WriteAsync(
                $"<!DOCTYPE html><html lang=\"{WebUtility.HtmlEncode(language)}\"><head><meta charset=\"utf-8\"><title>{WebUtility.HtmlEncode(text["PlainHttp_Title"].Value)}</title></head>"
                + $"<body><main id=\"plain-http\"><h1>{WebUtility.HtmlEncode(text["PlainHttp_Title"].Value)}</h1><p>{WebUtility.HtmlEncode(text["PlainHttp_Body"].Value)}</p>"
                + $"<p><a href=\"{WebUtility.HtmlEncode(https)}\">{WebUtility.HtmlEncode(https)}</a></p></main></body></html>",
                context.RequestAborted);
        }
    }
}
