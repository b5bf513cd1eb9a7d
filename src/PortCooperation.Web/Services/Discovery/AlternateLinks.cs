using Microsoft.AspNetCore.WebUtilities;
using PortCooperation.Web.Infrastructure;

namespace PortCooperation.Web.Services.Discovery;

/// <summary>
/// The language versions of a public URL: the same address with <c>?culture=en</c> or <c>?culture=es</c>, and the
/// bare address as x-default (it answers in the visitor's preferred language). Used by the layout and the sitemap.
/// </summary>
public static class AlternateLinks
{
    public const string XDefault = "x-default";

    /// <summary>hreflang → href for every supported language, then x-default.</summary>
    public static IEnumerable<(string HrefLang, string Href)> For(string url)
    {
        foreach (var culture in LocalizationCultures.Supported)
        {
            yield return (culture, WithCulture(url, culture));
        }

        yield return (XDefault, WithoutCulture(url));
    }

    /// <summary>The URL with its <c>culture</c> parameter set to <paramref name="culture"/> (other parameters kept).</summary>
    public static string WithCulture(string url, string culture) =>
        QueryHelpers.AddQueryString(WithoutCulture(url), "culture", culture);

    /// <summary>The URL without any <c>culture</c> parameter.</summary>
    public static string WithoutCulture(string url)
    {
        var queryStart = url.IndexOf('?', StringComparison.Ordinal);
        if (queryStart < 0)
        {
            return url;
        }

        var query = QueryHelpers.ParseQuery(url[queryStart..]);
        var kept = query
            .Where(p => !string.Equals(p.Key, "culture", StringComparison.OrdinalIgnoreCase))
            .SelectMany(p => p.Value.Select(v => new KeyValuePair<string, string?>(p.Key, v)));
        return QueryHelpers.AddQueryString(url[..queryStart], kept);
    }
}
