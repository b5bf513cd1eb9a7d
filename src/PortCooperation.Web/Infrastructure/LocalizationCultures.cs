using System.Globalization;

namespace PortCooperation.Web.Infrastructure;

/// <summary>The languages the portal speaks. English is the default and the neutral resource language.</summary>
public static class LocalizationCultures
{
    public const string Default = "en";

    public static IReadOnlyList<string> Supported { get; } = ["en", "es"];

    public static bool IsSupported(string? culture) =>
        culture is not null && Supported.Contains(culture, StringComparer.OrdinalIgnoreCase);

    /// <summary>A language's name in that language ("English", "Español"), as a language switcher shows it.</summary>
    public static string NativeName(string culture)
    {
        var info = CultureInfo.GetCultureInfo(culture);
        var name = info.NativeName;
        return name.Length == 0 ? culture : char.ToUpper(name[0], info) + name[1..];
    }

    /// <summary>The UI language of the current request as a two-letter code ("en" or "es").</summary>
    public static string Current => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;
}
