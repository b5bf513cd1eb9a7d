namespace PortCooperation.Web.Data.Seeding;

/// <summary>
/// Turns the wall-clock dates of the source documents into UTC through the IANA zone of the venue, so the
/// seeded instants never depend on the machine's zone or on when the seed runs.
/// </summary>
internal static class SeedTime
{
    /// <summary>The secretariat's zone (Washington, D.C.), used when a source gives no venue.</summary>
    public const string Secretariat = "America/New_York";
    public const string Lima = "America/Lima";
    public const string MexicoCity = "America/Mexico_City";
    public const string Bogota = "America/Bogota";
    public const string Santiago = "America/Santiago";
    public const string Panama = "America/Panama";

    public static DateTime Utc(string timeZoneId, int year, int month, int day, int hour = 0, int minute = 0)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(timeZoneId);
        return TimeZoneInfo.ConvertTimeToUtc(new DateTime(year, month, day, hour, minute, 0, DateTimeKind.Unspecified), zone);
    }

    /// <summary>
    /// An all-day span for sources that give dates only: from local midnight of the first day to 23:59 local on the
    /// last day (inclusive), so converting the end back to the venue's zone shows the last day the source names.
    /// </summary>
    public static (DateTime Start, DateTime End) Days(string timeZoneId, DateOnly first, DateOnly last) =>
        (Utc(timeZoneId, first.Year, first.Month, first.Day),
         Utc(timeZoneId, last.Year, last.Month, last.Day, 23, 59));
}
