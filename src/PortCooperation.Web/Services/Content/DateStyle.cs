using System.Globalization;

namespace PortCooperation.Web.Services.Content;

/// <summary>
/// The one way the portal writes dates and times, per language, on pages, in mails and in calendar files:
/// "Thursday 17 December 2026, 11:00 New York time (UTC−5)" and "jueves 17 de diciembre de 2026, 11:00 hora de Nueva
/// York (UTC−5)". Months are written out, times use 24 hours (both languages' readers know them, and no "AM" is
/// misread), and a time never goes without the zone it is in, named for people by a city rather than an IANA id.
/// </summary>
public static class DateStyle
{
    /// <summary>The minus sign of typography (U+2212), as in "UTC−5".</summary>
    private const char Minus = '\u2212';

    public const string TimePattern = "HH:mm";

    private static bool IsSpanish(CultureInfo culture) => culture.TwoLetterISOLanguageName == "es";

    /// <summary>"Thursday 17 December 2026" / "jueves 17 de diciembre de 2026" as a .NET pattern (also used by the page's script).</summary>
    public static string LongDatePattern(CultureInfo culture) => IsSpanish(culture) ? "dddd d 'de' MMMM 'de' yyyy" : "dddd d MMMM yyyy";

    /// <summary>"17 December 2026" / "17 de diciembre de 2026".</summary>
    public static string DatePattern(CultureInfo culture) => IsSpanish(culture) ? "d 'de' MMMM 'de' yyyy" : "d MMMM yyyy";

    /// <summary>"December 2026" / "diciembre de 2026".</summary>
    public static string MonthPattern(CultureInfo culture) => IsSpanish(culture) ? "MMMM 'de' yyyy" : "MMMM yyyy";

    public static string Date(DateOnly date, CultureInfo culture) => date.ToString(DatePattern(culture), culture);

    public static string LongDate(DateOnly date, CultureInfo culture) => date.ToString(LongDatePattern(culture), culture);

    public static string Month(DateOnly month, CultureInfo culture) => month.ToString(MonthPattern(culture), culture);

    public static string Time(DateTime local) => local.ToString(TimePattern, CultureInfo.InvariantCulture);

    /// <summary>A moment in <paramref name="timeZoneId"/>: "Thursday 17 December 2026, 11:00 New York time (UTC−5)".</summary>
    public static string DateTime(DateTime utc, string? timeZoneId, CultureInfo culture)
    {
        var zone = ZoneNames.Find(timeZoneId);
        var local = TimeZoneInfo.ConvertTimeFromUtc(System.DateTime.SpecifyKind(utc, DateTimeKind.Utc), zone);
        return $"{LongDate(DateOnly.FromDateTime(local), culture)}, {Time(local)} {Zone(zone, utc, culture)}";
    }

    /// <summary>"New York time (UTC−5)" / "hora de Nueva York (UTC−5)"; just "UTC" for UTC itself.</summary>
    public static string Zone(TimeZoneInfo zone, DateTime utc, CultureInfo culture)
    {
        var offset = Offset(zone.GetUtcOffset(utc));
        if (ZoneNames.IsUtc(zone))
        {
            return offset;
        }

        var city = ZoneNames.City(zone.Id, culture);
        return IsSpanish(culture) ? $"hora de {city} ({offset})" : $"{city} time ({offset})";
    }

    /// <summary>"UTC", "UTC−5", "UTC+5:30": short, and the same in every language.</summary>
    public static string Offset(TimeSpan offset)
    {
        if (offset == TimeSpan.Zero)
        {
            return "UTC";
        }

        var sign = offset < TimeSpan.Zero ? Minus : '+';
        var size = offset.Duration();
        return size.Minutes == 0
            ? string.Create(CultureInfo.InvariantCulture, $"UTC{sign}{size.Hours}")
            : string.Create(CultureInfo.InvariantCulture, $"UTC{sign}{size.Hours}:{size.Minutes:00}");
    }
}
