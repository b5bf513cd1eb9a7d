using System.Globalization;
using Microsoft.Extensions.Localization;

namespace PortCooperation.Web.Resources;

/// <summary>
/// Counted text from a pair of resources, <c>{key}_One</c> and <c>{key}_Other</c>: English and Spanish both use the
/// singular for exactly one and the plural for everything else, zero included ("0 records", "0 registros"). The count
/// is the first placeholder, formatted with the culture's digit grouping; further arguments follow it.
/// </summary>
public static class PluralText
{
    public const string One = "_One";
    public const string Other = "_Other";

    public static string Plural(this IStringLocalizer text, string key, int count, params object[] more)
    {
        var culture = CultureInfo.CurrentCulture;
        var format = text[key + (count == 1 ? One : Other)].Value;
        return string.Format(culture, format, [count.ToString("N0", culture), .. more]);
    }
}
