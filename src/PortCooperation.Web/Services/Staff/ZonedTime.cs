namespace PortCooperation.Web.Services.Staff;

/// <summary>Staff enter times in a record's IANA time zone; the database keeps UTC.</summary>
public static class ZonedTime
{
    /// <summary>The IANA zones the server knows, for the time-zone list of the forms.</summary>
    public static IReadOnlyList<string> Zones { get; } =
        [.. TimeZoneInfo.GetSystemTimeZones().Select(z => z.Id).Where(id => id.Contains('/', StringComparison.Ordinal) || id == "UTC").Order(StringComparer.Ordinal)];

    public static TimeZoneInfo? Find(string? id) =>
        !string.IsNullOrWhiteSpace(id) && TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) ? zone : null;

    /// <summary>The UTC moment of a wall-clock time in <paramref name="zone"/>, or null when that time does not exist there (a DST gap).</summary>
    public static DateTime? ToUtc(DateTime local, TimeZoneInfo zone)
    {
        var wall = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        return zone.IsInvalidTime(wall) ? null : TimeZoneInfo.ConvertTimeToUtc(wall, zone);
    }

    public static DateTime ToLocal(DateTime utc, TimeZoneInfo zone) =>
        DateTime.SpecifyKind(TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), zone), DateTimeKind.Unspecified);
}
