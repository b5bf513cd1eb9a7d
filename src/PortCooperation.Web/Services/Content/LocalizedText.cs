using System.Globalization;

namespace PortCooperation.Web.Services.Content;

/// <summary>
/// A content field (title, summary…) picked from its paired English and Spanish columns for the reader's
/// UI language. When the reader's language is missing the other one is used and <see cref="IsFallback"/> is
/// set, so the page can mark the text and give it its own <c>lang</c> attribute (WCAG 3.1.2).
/// </summary>
public readonly record struct LocalizedText(string Text, string Language, bool IsFallback)
{
    public const string English = "en";
    public const string Spanish = "es";

    public static LocalizedText Empty { get; } = new("", English, false);

    public bool IsEmpty => Text.Length == 0;

    /// <summary>Picks the column for <paramref name="culture"/> (default: the current UI culture).</summary>
    public static LocalizedText Pick(string? en, string? es, CultureInfo? culture = null)
    {
        var wantsSpanish = IsSpanish(culture ?? CultureInfo.CurrentUICulture);
        var (preferred, preferredLanguage, other, otherLanguage) = wantsSpanish
            ? (es, Spanish, en, English)
            : (en, English, es, Spanish);

        if (!string.IsNullOrWhiteSpace(preferred))
        {
            return new LocalizedText(preferred.Trim(), preferredLanguage, false);
        }

        return string.IsNullOrWhiteSpace(other)
            ? Empty with { Language = preferredLanguage }
            : new LocalizedText(other.Trim(), otherLanguage, true);
    }

    public override string ToString() => Text;

    private static bool IsSpanish(CultureInfo culture) =>
        string.Equals(culture.TwoLetterISOLanguageName, Spanish, StringComparison.OrdinalIgnoreCase);
}
