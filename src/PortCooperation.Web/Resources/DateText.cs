using System.Globalization;

namespace PortCooperation.Web.Resources;

/// <summary>
/// Dates as each language writes them in running text: "1 January 2020" in English and "1 de enero de 2020" in
/// Spanish (month names lower-case, joined by "de"), rather than one pattern for both.
/// </summary>
public static class DateText
{
    public static bool IsSpanish(CultureInfo culture) => culture.TwoLetterISOLanguageName == "es";

    /// <summary>"1 January 2020" / "1 de enero de 2020".</summary>
    public static string LongDate(DateOnly date, CultureInfo culture) =>
        date.ToString(IsSpanish(culture) ? "d 'de' MMMM 'de' yyyy" : "d MMMM yyyy", culture);

    /// <summary>"1 January 2020, 14:05" / "1 de enero de 2020, 14:05".</summary>
    public static string LongDateTime(DateTime value, CultureInfo culture) =>
        $"{LongDate(DateOnly.FromDateTime(value), culture)}, {value.ToString("HH:mm", culture)}";

    /// <summary>The month's name as the language writes it in a sentence: "July" / "julio".</summary>
    public static string Month(int month, CultureInfo culture)
    {
        var name = culture.DateTimeFormat.GetMonthName(month);
        return IsSpanish(culture) ? name.ToLower(culture) : culture.TextInfo.ToTitleCase(name);
    }

    /// <summary>"July 2020" / "julio de 2020".</summary>
    public static string MonthYear(int month, int year, CultureInfo culture) =>
        IsSpanish(culture) ? $"{Month(month, culture)} de {year.ToString(culture)}" : $"{Month(month, culture)} {year.ToString(culture)}";

    /// <summary>The abbreviated month of a column heading: "Jul" / "jul".</summary>
    public static string ShortMonth(int month, CultureInfo culture)
    {
        var name = culture.DateTimeFormat.GetAbbreviatedMonthName(month).TrimEnd('.');
        return IsSpanish(culture) ? name.ToLower(culture) : culture.TextInfo.ToTitleCase(name);
    }
}
