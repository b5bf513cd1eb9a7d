using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using PortCooperation.Web.Infrastructure;
using PortCooperation.Web.Infrastructure.Caching;
using PortCooperation.Web.Models.Shared;
using PortCooperation.Web.Services.Content;

namespace PortCooperation.Web.Controllers;

public sealed class HomeController(TimeProvider clock) : Controller
{
    [HttpGet]
    [OutputCache(PolicyName = PublicPageCache.Policy, Tags = [CacheTags.Activities, CacheTags.Library, CacheTags.Countries, CacheTags.Scholarships, CacheTags.Registrations])]
    public async Task<IActionResult> Index([FromServices] HomePageReader reader, CancellationToken cancellationToken) =>
        View(await reader.ReadAsync(cancellationToken));

    /// <summary>
    /// The language switcher: a plain link, so it works without JavaScript and pages carry no antiforgery token
    /// (which would make them uncacheable). Remembering a language preference is not a change of data (S3).
    /// </summary>
    [HttpGet("/language/{culture}")]
    [ResponseCache(Location = ResponseCacheLocation.None, NoStore = true)]
    public IActionResult SetLanguage(string? culture, string? returnUrl)
    {
        if (!LocalizationCultures.IsSupported(culture))
        {
            return BadRequest();
        }

        LocalizationCookie.Write(HttpContext, culture!.ToLowerInvariant(), clock);
        return LocalRedirect(LocalizationCookie.SafeReturnUrl(returnUrl, Url.IsLocalUrl));
    }

    /// <summary>Target of the exception handler. Any method: a failed POST is re-executed as a POST.</summary>
    [IgnoreAntiforgeryToken]
    [ResponseCache(Location = ResponseCacheLocation.None, NoStore = true)]
    public IActionResult Error() => ErrorPage(HttpContext.Features.Get<Microsoft.AspNetCore.Diagnostics.IExceptionHandlerFeature>()?.Error switch
    {
        null => StatusCodes.Status404NotFound, // visited directly: there is no error to report
        BadHttpRequestException bad => bad.StatusCode, // the request itself was bad (body too slow: 408, too large: 413)
        _ => StatusCodes.Status500InternalServerError,
    });

    /// <summary>
    /// Target of the status-code pages (404, 403…): <c>UseStatusCodePagesWithReExecute("/Error/{0}")</c>. The code is
    /// read from the route, not model-bound: a failed POST is re-executed as a POST, and model binding would read its
    /// form again — when that body cannot be read (it timed out: 408) the binding is skipped, the code stayed 0 and
    /// the page (and the request log) said 404.
    /// </summary>
    [IgnoreAntiforgeryToken]
    [ResponseCache(Location = ResponseCacheLocation.None, NoStore = true)]
    [Route("/Error/{code:int}")]
    public IActionResult HttpStatus() => ErrorPage(
        int.TryParse(RouteData.Values["code"] as string, NumberStyles.None, CultureInfo.InvariantCulture, out var code) && code is >= 400 and <= 599
            ? code
            : StatusCodes.Status404NotFound);

    private ViewResult ErrorPage(int statusCode)
    {
        Response.StatusCode = statusCode;
        return View("Error", new ErrorViewModel { StatusCode = statusCode, CorrelationId = HttpContext.TraceIdentifier });
    }
}
