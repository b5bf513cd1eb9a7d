using System.Globalization;
using Microsoft.AspNetCore.OutputCaching;

namespace PortCooperation.Web.Infrastructure.Caching;

/// <summary>
/// Output caching of anonymous public pages (quality.md P2). A page opts in with
/// <c>[OutputCache(PolicyName = PublicPageCache.Policy, Tags = [CacheTags.Activities, …])]</c>, naming a tag for each
/// kind of record it shows; <see cref="CacheEvictionInterceptor"/> evicts those tags whenever such a record is saved.
/// Entries vary by the whole query string and by the request's language (query, cookie or Accept-Language).
/// Signed-in users and responses that set cookies are never cached (the default policy's rules).
/// </summary>
public static class PublicPageCache
{
    public const string Policy = "PublicPage";

    public static IServiceCollection AddPortalOutputCache(this IServiceCollection services)
    {
        services.AddOutputCache(options =>
        {
            options.AddPolicy(Policy, policy => policy
                .Expire(TimeSpan.FromMinutes(30))
                .SetVaryByQuery("*")
                .VaryByValue(_ => new KeyValuePair<string, string>("lang", CultureInfo.CurrentUICulture.TwoLetterISOLanguageName))
                // Pages that depend on "now" (upcoming/past) must not outlive a day boundary by much.
                .Tag(CacheTags.All));
        });
        services.AddSingleton<CacheEvictionInterceptor>();
        return services;
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
