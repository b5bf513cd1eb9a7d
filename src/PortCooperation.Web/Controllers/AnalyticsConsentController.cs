using Microsoft.AspNetCore.Mvc;
using PortCooperation.Web.Models.Analytics;
using PortCooperation.Web.Services.Analytics;

namespace PortCooperation.Web.Controllers;

/// <summary>
/// /analytics/consent: the visitor's choice about the analytics cookie. The page and the notice fragment are never
/// output-cached (they carry an antiforgery token and show the visitor's own choice); cached public pages only
/// load /js/analytics-consent.js, which fetches the notice when the visitor has not chosen yet.
/// </summary>
[Route("analytics/consent")]
public sealed class AnalyticsConsentController(TimeProvider clock) : Controller
{
    [HttpGet("")]
    public IActionResult Index(string? returnUrl) => View(Model(returnUrl));

    /// <summary>The notice alone (no layout), for the script to place on a public page.</summary>
    [HttpGet("notice")]
    public IActionResult Notice(string? returnUrl) => PartialView("_Notice", Model(returnUrl));

    [HttpPost("")]
    public IActionResult Choose(ConsentInput input)
    {
        var accepted = input.Choice == ConsentInput.Accept;
        if (!accepted && input.Choice != ConsentInput.Decline)
        {
            return BadRequest();
        }

        var current = Request.Cookies[AnalyticsConsent.CookieName];
        var value = accepted
            // Keep the day of the first consent, so the visitor stays "returning" on later days.
            ? current is not null && AnalyticsConsent.Kind(Request, DateOnly.MaxValue) != Domain.VisitorKind.Unknown
                ? current
                : AnalyticsConsent.Accepted(AnalyticsClock.Day(clock.GetUtcNow().UtcDateTime))
            : AnalyticsConsent.Declined;
        Response.Cookies.Append(AnalyticsConsent.CookieName, value, new CookieOptions
        {
            // Read by the notice script, so not HttpOnly; it holds only the choice and its day.
            HttpOnly = false,
            Secure = Request.IsHttps,
            SameSite = SameSiteMode.Lax,
            Path = "/",
            IsEssential = true,
            Expires = clock.GetUtcNow().AddDays(365),
        });
        return LocalRedirect(SafeReturnUrl(input.ReturnUrl) ?? Url.Action(nameof(Index))!);
    }

    private ConsentPageModel Model(string? returnUrl) => new()
    {
        ReturnUrl = SafeReturnUrl(returnUrl),
        Choice = Request.Cookies[AnalyticsConsent.CookieName] switch
        {
            null => null,
            AnalyticsConsent.Declined => ConsentInput.Decline,
            _ => ConsentInput.Accept,
        },
    };

    private string? SafeReturnUrl(string? returnUrl) =>
        returnUrl is { Length: > 0 and <= 2000 } && Url.IsLocalUrl(returnUrl) ? returnUrl : null;
}
