using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.WebUtilities;

namespace PortCooperation.Web.Infrastructure;

/// <summary>The language switcher's work: remember the choice in the culture cookie and find a safe way back.</summary>
public static class LocalizationCookie
{
    private static readonly string[] CultureQueryKeys = ["culture", "ui-culture"];

    /// <summary>Stores the chosen language for a year (HttpOnly, SameSite=Lax, Secure over HTTPS).</summary>
    public static void Write(HttpContext context, string culture, TimeProvider clock)
    {
        context.Response.Cookies.Append(
            CookieRequestCultureProvider.DefaultCookieName,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
            new CookieOptions
            {
                Path = "/",
                Expires = clock.GetUtcNow().AddYears(1),
                MaxAge = TimeSpan.FromDays(365),
                HttpOnly = true,
                Secure = context.Request.IsHttps,
                SameSite = SameSiteMode.Lax,
                // A preference the visitor asked for, not tracking: allowed without a consent banner.
                IsEssential = true,
            });
    }

    /// <summary>
    /// Where to go after switching: the given URL only when it is local to this site (no open redirect), and
    /// without a <c>culture</c> query parameter that would override the choice just made.
    /// </summary>
    public static string SafeReturnUrl(string? returnUrl, Func<string, bool> isLocalUrl)
    {
        if (string.IsNullOrEmpty(returnUrl) || !isLocalUrl(returnUrl))
        {
            return "/";
        }

        var queryStart = returnUrl.IndexOf('?', StringComparison.Ordinal);
        if (queryStart < 0)
        {
            return returnUrl;
        }

        var query = QueryHelpers.ParseQuery(returnUrl[queryStart..]);
        var kept = new QueryBuilder(query
            .Where(p => !CultureQueryKeys.Contains(p.Key, StringComparer.OrdinalIgnoreCase))
            .SelectMany(p => p.Value.Select(v => new KeyValuePair<string, string>(p.Key, v ?? ""))));
        return returnUrl[..queryStart] + kept.ToQueryString();
    }
}
