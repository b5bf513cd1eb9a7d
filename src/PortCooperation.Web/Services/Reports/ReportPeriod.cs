using System.Globalization;
using PortCooperation.Web.Resources;

namespace PortCooperation.Web.Services.Reports;

/// <summary>
/// A reporting period of whole days, <see cref="From"/> to <see cref="To"/> inclusive, read in the secretariat's time
/// zone (Washington, D.C.), where the report is written. A period of whole calendar months (a quarter, a year, or a
/// custom range such as April–June) steps to its previous and next period by the same number of months; any other
/// range steps by its number of days.
/// </summary>
public sealed record ReportPeriod(DateOnly From, DateOnly To)
{
    public const string TimeZoneId = "America/New_York";

    private static readonly TimeZoneInfo _zone = TimeZoneInfo.FindSystemTimeZoneById(TimeZoneId);

    public static ReportPeriod Quarter(int year, int quarter)
    {
        var from = new DateOnly(year, (quarter - 1) * 3 + 1, 1);
        return new ReportPeriod(from, from.AddMonths(3).AddDays(-1));
    }

    public static ReportPeriod Year(int year) => new(new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));

    /// <summary>The calendar quarter (1–4) a day falls in. The only place the quarter arithmetic is written.</summary>
    public static int QuarterOf(DateOnly day) => (day.Month - 1) / 3 + 1;

    /// <summary>The last quarter that has ended on <paramref name="today"/>.</summary>
    public static ReportPeriod LastCompleteQuarter(DateOnly today)
    {
        var previous = Quarter(today.Year, QuarterOf(today)).From.AddMonths(-3);
        return Quarter(previous.Year, QuarterOf(previous));
    }

    /// <summary>The day it is in the secretariat's time zone at <paramref name="utcNow"/>: the day reports are asked on.</summary>
    public static DateOnly Today(DateTime utcNow) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(utcNow, _zone));

    /// <summary>The quarter (1–4) the period starts in; with <see cref="IsQuarter"/> it names a calendar quarter.</summary>
    public int QuarterNumber => QuarterOf(From);

    /// <summary>True when the period is exactly one calendar quarter.</summary>
    public bool IsQuarter => Months == 3 && From.Month % 3 == 1;

    /// <summary>True when the period is exactly one calendar year.</summary>
    public bool IsYear => Months == 12 && From.Month == 1;

    /// <summary>Number of whole calendar months, or null when the period does not start on a 1st and end on a last day.</summary>
    public int? Months =>
        From.Day == 1 && To.AddDays(1).Day == 1
            ? (To.Year - From.Year) * 12 + To.Month - From.Month + 1
            : null;

    public int Days => To.DayNumber - From.DayNumber + 1;

    public ReportPeriod Previous => Months is { } months
        ? new ReportPeriod(From.AddMonths(-months), From.AddDays(-1))
        : new ReportPeriod(From.AddDays(-Days), From.AddDays(-1));

    public ReportPeriod Next => Months is { } months
        ? new ReportPeriod(To.AddDays(1), To.AddDays(1).AddMonths(months).AddDays(-1))
        : new ReportPeriod(To.AddDays(1), To.AddDays(Days));

    /// <summary>The first instant of the period (local midnight of <see cref="From"/>), in UTC.</summary>
    public DateTime StartUtc => ToUtc(From);

    /// <summary>The first instant after the period (local midnight after <see cref="To"/>), in UTC.</summary>
    public DateTime EndUtc => ToUtc(To.AddDays(1));

    /// <summary>
    /// The period as each language writes it: "2020", "Q2 2020 (April–June)" / "T2 2020 (abril–junio)",
    /// "July–September 2020" / "julio–septiembre de 2020", "1 April 2020 – 15 May 2020" / "1 de abril de 2020 – 15 de mayo de 2020".
    /// </summary>
    public string Label(CultureInfo culture)
    {
        if (IsYear)
        {
            return From.Year.ToString(culture);
        }

        if (IsQuarter)
        {
            // "Q2 2020 (April–June)"; Spanish writes "T" for trimestre.
            return string.Create(culture, $"{QuarterLetter(culture)}{QuarterNumber} {From.Year} ({MonthSpan(culture)})");
        }

        if (Months is not null)
        {
            return From.Year == To.Year
                ? (DateText.IsSpanish(culture) ? $"{MonthSpan(culture)} de {To.Year.ToString(culture)}" : $"{MonthSpan(culture)} {To.Year.ToString(culture)}")
                : $"{DateText.MonthYear(From.Month, From.Year, culture)} – {DateText.MonthYear(To.Month, To.Year, culture)}";
        }

        return $"{DateText.LongDate(From, culture)} – {DateText.LongDate(To, culture)}";
    }

    /// <summary>A column heading: "Q2 2020", "T2 2020", "2019", "Apr–Jun 2020" / "abr–jun 2020", or "1 Apr 2020 – 15 May 2020".</summary>
    public string ShortLabel(CultureInfo culture)
    {
        var months = Months;
        if (IsYear)
        {
            return From.Year.ToString(culture);
        }

        if (IsQuarter)
        {
            return string.Create(culture, $"{QuarterLetter(culture)}{QuarterNumber} {From.Year}");
        }

        if (months is not null)
        {
            var first = DateText.ShortMonth(From.Month, culture);
            var last = DateText.ShortMonth(To.Month, culture);
            return From.Year == To.Year
                ? (months == 1 ? $"{first} {To.Year}" : $"{first}–{last} {To.Year}")
                : $"{first} {From.Year} – {last} {To.Year}";
        }

        return $"{From.ToString("d MMM yyyy", culture)} – {To.ToString("d MMM yyyy", culture)}";
    }

    private static string QuarterLetter(CultureInfo culture) => DateText.IsSpanish(culture) ? "T" : "Q";

    private string MonthSpan(CultureInfo culture)
    {
        var first = DateText.Month(From.Month, culture);
        var last = DateText.Month(To.Month, culture);
        return From.Month == To.Month && From.Year == To.Year ? first : $"{first}–{last}";
    }

    private static DateTime ToUtc(DateOnly day) =>
        TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified), _zone);
}
