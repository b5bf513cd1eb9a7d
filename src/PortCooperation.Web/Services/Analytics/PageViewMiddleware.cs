using System.Globalization;
using Microsoft.Extensions.Options;
using PortCooperation.Web.Domain;
using PortCooperation.Web.Infrastructure;

namespace PortCooperation.Web.Services.Analytics;

/// <summary>
/// Notes a view of a public HTML page: GET, answered 200 with text/html, outside the staff, sign-in, API, feed and
/// health paths, from a browser that sends no Do Not Track / Global Privacy Control signal and does not look like a
/// bot. It sits before the output cache, so pages served from the cache are counted too, and it only queues the
/// view (<see cref="PageViewBuffer"/>): the request itself sends no SQL for analytics.
/// </summary>
public sealed class PageViewMiddleware(
    RequestDelegate next,
    PageViewBuffer buffer,
    CountryResolver countries,
    TimeProvider clock,
    IOptions<AnalyticsOptions> options)
{
    private readonly string[] _bots = options.Value.BotPatterns ?? AnalyticsOptions.DefaultBotPatterns;
    private readonly string[] _excluded = options.Value.ExcludedPaths ?? AnalyticsOptions.DefaultExcludedPaths;

    public Task InvokeAsync(HttpContext context)
    {
        if (options.Value.Enabled && Candidate(context) is { } hit)
        {
            context.Response.OnStarting(() =>
            {
                var response = context.Response;
                // Runs before authentication and localisation (a cached page skips both): the signed-in check and
                // the page's language are read when the response starts, from the user and the Content-Language.
                if (response.StatusCode == StatusCodes.Status200OK
                    && response.ContentType?.StartsWith("text/html", StringComparison.OrdinalIgnoreCase) == true
                    && context.User.Identity?.IsAuthenticated != true)
                {
                    var language = response.Headers.ContentLanguage.ToString();
                    buffer.Add(hit with { Language = language.Length >= 2 ? language[..2].ToLowerInvariant() : LocalizationCultures.Current });
                }

                return Task.CompletedTask;
            });
        }

        return next(context);
    }

    private PageViewHit? Candidate(HttpContext context)
    {
        var request = context.Request;
        if (!HttpMethods.IsGet(request.Method))
        {
            return null;
        }

        var path = request.Path.Value ?? "/";
        foreach (var prefix in _excluded)
        {
            if (path.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)
                && (path.Length == prefix.Length || path[prefix.Length] == '/' || path[prefix.Length] == '.'))
            {
                return null;
            }
        }

        if (IsOptOut(request) || IsBot(request.Headers.UserAgent.ToString()))
        {
            return null;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var address = context.Connection.RemoteIpAddress;
        return new PageViewHit(
            now,
            path.Length > 400 ? path[..400] : path,
            address?.ToString() ?? "",
            request.Headers.UserAgent.ToString(),
            AnalyticsConsent.Kind(request, AnalyticsClock.Day(now)),
            ExternalReferrer(request),
            countries.Resolve(request, address),
            LocalizationCultures.Current);
    }

    /// <summary>Do Not Track (DNT: 1) and Global Privacy Control (Sec-GPC: 1) both mean: do not record me.</summary>
    public static bool IsOptOut(HttpRequest request) =>
        request.Headers["DNT"].ToString().Trim() == "1" || request.Headers["Sec-GPC"].ToString().Trim() == "1";

    public bool IsBot(string userAgent)
    {
        if (string.IsNullOrWhiteSpace(userAgent))
        {
            return true;
        }

        foreach (var pattern in _bots)
        {
            if (userAgent.Contains(pattern, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The host of the referring page when it is another site; the portal's own pages are not referrers.</summary>
    public static string? ExternalReferrer(HttpRequest request)
    {
        if (!Uri.TryCreate(request.Headers.Referer.ToString(), UriKind.Absolute, out var referrer)
            || referrer.Scheme is not ("http" or "https"))
        {
            return null;
        }

        var host = referrer.IdnHost.ToLower(CultureInfo.InvariantCulture);
        if (host.Equals(request.Host.Host, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        return host.Length > 255 ? host[..255] : host;
    }
}
