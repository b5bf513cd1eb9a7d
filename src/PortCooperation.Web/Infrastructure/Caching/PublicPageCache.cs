using System.Globalization;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Options;

namespace PortCooperation.Web.Infrastructure.Caching;

/// <summary>
/// Output caching of anonymous public pages (docs/operations.md says what it serves and when it is evicted). A page opts in with
/// <c>[OutputCache(PolicyName = PublicPageCache.Policy, Tags = [CacheTags.Activities, …])]</c>, naming a tag for each
/// kind of record it shows; <see cref="CacheEvictionInterceptor"/> evicts those tags whenever such a record is saved.
/// Entries vary by the whole query string and by the request's language (query, cookie or Accept-Language).
/// The cache runs right after routing, before localisation and authentication, so a hit costs neither (see
/// <see cref="PipelineExtensions"/>): the language of the key is worked out here with the same providers, and a
/// request carrying a valid sign-in cookie bypasses the cache (signed-in staff see their own pages). Responses that set
/// cookies are never stored (the default policy's rule).
/// </summary>
public static class PublicPageCache
{
    public const string Policy = "PublicPage";

    public static IServiceCollection AddPortalOutputCache(this IServiceCollection services)
    {
        services.AddOutputCache(options =>
        {
            options.AddPolicy(Policy, policy => policy
                .AddPolicy<BypassForSignedInVisitors>()
                .Expire(TimeSpan.FromMinutes(30))
                .SetVaryByQuery("*")
                .AddPolicy<VaryByLanguage>()
                // Pages that depend on "now" (upcoming/past) must not outlive a day boundary by much.
                .Tag(CacheTags.All));
        });
        return services;
    }

    /// <summary>
    /// A request with a valid sign-in cookie neither reads nor fills the cache: the cache runs before authentication,
    /// so the cookie is unprotected here (a decryption and a signature check, no database) and its expiry checked. A
    /// cookie that merely has the name — garbage, forged, expired — is answered from the cache like any visitor, so it
    /// cannot be used to make every request render its page. After the page ran, an authenticated user is checked again.
    /// </summary>
    /// <remarks>
    /// The options come in through the constructor (the policy is made once): reading them from RequestServices made
    /// every cache hit create and dispose a DI scope (bench/README.md, "Load").
    /// </remarks>
    private sealed class BypassForSignedInVisitors(IOptionsMonitor<CookieAuthenticationOptions> cookies, TimeProvider clock) : IOutputCachePolicy
    {
        public ValueTask CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
        {
            if (HasValidSignIn(context.HttpContext))
            {
                context.AllowCacheLookup = false;
                context.AllowCacheStorage = false;
            }

            return ValueTask.CompletedTask;
        }

        private bool HasValidSignIn(HttpContext context)
        {
            var options = cookies.Get(IdentityConstants.ApplicationScheme);
            if (options.Cookie.Name is not { } name || !context.Request.Cookies.ContainsKey(name))
            {
                return false;
            }

            var ticket = options.CookieManager.GetRequestCookie(context, name) is { } value ? options.TicketDataFormat.Unprotect(value) : null;
            return ticket?.Principal?.Identity?.IsAuthenticated == true
                && (ticket.Properties.ExpiresUtc is not { } expires || expires > clock.GetUtcNow());
        }

        public ValueTask ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

        public ValueTask ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation)
        {
            if (context.HttpContext.User.Identity?.IsAuthenticated == true)
            {
                context.AllowCacheStorage = false;
            }

            return ValueTask.CompletedTask;
        }
    }
}

/// <summary>The cache key varies by the request's language, worked out as localisation will (<see cref="RequestLanguage"/>).</summary>
internal sealed class VaryByLanguage(IOptions<RequestLocalizationOptions> localization) : IOutputCachePolicy
{
    public async ValueTask CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation) =>
        context.CacheVaryByRules.VaryByValues["lang"] = await RequestLanguage.ResolveAsync(context.HttpContext, localization.Value);

    public ValueTask ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

    public ValueTask ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;
}

/// <summary>
/// The UI language the request-localisation middleware will pick for this request ("en" or "es"), found with the
/// same providers and the same rules (first provider with a supported culture or UI culture wins; parents count;
/// otherwise the default), so a cache entry's language always matches the page stored under it.
/// </summary>
public static class RequestLanguage
{
    public static async ValueTask<string> ResolveAsync(HttpContext context, RequestLocalizationOptions options)
    {
        var defaultUi = options.DefaultRequestCulture.UICulture;
        foreach (var provider in options.RequestCultureProviders)
        {
            var result = await provider.DetermineProviderCultureResult(context);
            if (result is null)
            {
                continue;
            }

            var culture = Supported(result.Cultures, options.SupportedCultures, options.FallBackToParentCultures);
            var uiCulture = Supported(result.UICultures, options.SupportedUICultures, options.FallBackToParentUICultures);
            if (culture is null && uiCulture is null)
            {
                continue;
            }

            return (uiCulture ?? defaultUi).TwoLetterISOLanguageName;
        }

        return defaultUi.TwoLetterISOLanguageName;
    }

    private static CultureInfo? Supported(IList<Microsoft.Extensions.Primitives.StringSegment> names, IList<CultureInfo>? supported, bool parents)
    {
        if (supported is null)
        {
            return null;
        }

        foreach (var name in names)
        {
            CultureInfo? candidate;
            try
            {
                candidate = CultureInfo.GetCultureInfo(name.ToString());
            }
            catch (CultureNotFoundException)
            {
                continue;
            }

            for (var c = candidate; c is not null && !Equals(c, CultureInfo.InvariantCulture); c = parents ? c.Parent : null)
            {
                var match = supported.FirstOrDefault(s => string.Equals(s.Name, c.Name, StringComparison.OrdinalIgnoreCase));
                if (match is not null)
                {
                    return match;
                }
            }
        }

        return null;
    }
}

/// <summary>
/// Tags naming the kinds of records a cached page shows. A page lists the tags it depends on; a save of an entity
/// evicts the tag of its kind (see <see cref="CacheTags.ForEntity"/>). <see cref="All"/> is on every entry.
/// </summary>
public static class CacheTags
{
    public const string All = "public";
    public const string Activities = "activities";
    public const string Registrations = "registrations";
    public const string Library = "library";
    public const string Countries = "countries";
    public const string Organisations = "organisations";
    public const string PortNetwork = "port-network";
    public const string Scholarships = "scholarships";
    public const string SpeakingEngagements = "speaking-engagements";

    /// <summary>The tag evicted when an entity of this CLR type is added, changed or deleted; null when no page shows it.</summary>
    public static string? ForEntity(Type type) => type.Name switch
    {
        "Activity" or "ActivityPartner" or "ActivityCountry" => Activities,
        "Registration" => Registrations,
        "BestPracticeDocument" or "Attachment" or "DocumentTopic" or "DocumentCollection" or "CollectionDocument" or "Topic" => Library,
        "Country" => Countries,
        "Organisation" => Organisations,
        "Programme" or "ProgrammePhase" or "ProgrammeMembership" or "PortSystem" => PortNetwork,
        "ScholarshipAward" => Scholarships,
        "SpeakingEngagement" or "SpeakingEngagementCountry" => SpeakingEngagements,
        _ => null,
    };
}
