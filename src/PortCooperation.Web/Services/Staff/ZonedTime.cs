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

/// <summary>
/// The time-zone list of the activity form: the IANA zones grouped by region (America first, the zones of the
/// member states), each labelled with its city and UTC offset so typing a city finds it, and the zone a host country
/// implies (its capital's) when staff leave the field on "from the host country".
/// </summary>
public static class TimeZoneChoices
{
    private static readonly string[] _regions = ["America", "Europe", "Africa", "Asia", "Atlantic", "Australia", "Indian", "Pacific", "Antarctica"];

    /// <summary>The capital's zone of the countries the portal records, by ISO code.</summary>
    private static readonly Dictionary<string, string> _byCountry = new(StringComparer.OrdinalIgnoreCase)
    {
        ["AG"] = "America/Antigua", ["AR"] = "America/Argentina/Buenos_Aires", ["BS"] = "America/Nassau", ["BB"] = "America/Barbados",
        ["BZ"] = "America/Belize", ["BO"] = "America/La_Paz", ["BR"] = "America/Sao_Paulo", ["CA"] = "America/Toronto", ["CL"] = "America/Santiago",
        ["CO"] = "America/Bogota", ["CR"] = "America/Costa_Rica", ["CU"] = "America/Havana", ["DM"] = "America/Dominica", ["DO"] = "America/Santo_Domingo",
        ["EC"] = "America/Guayaquil", ["SV"] = "America/El_Salvador", ["GD"] = "America/Grenada", ["GT"] = "America/Guatemala", ["GY"] = "America/Guyana",
        ["HT"] = "America/Port-au-Prince", ["HN"] = "America/Tegucigalpa", ["JM"] = "America/Jamaica", ["MX"] = "America/Mexico_City",
        ["NI"] = "America/Managua", ["PA"] = "America/Panama", ["PY"] = "America/Asuncion", ["PE"] = "America/Lima", ["KN"] = "America/St_Kitts",
        ["LC"] = "America/St_Lucia", ["VC"] = "America/St_Vincent", ["SR"] = "America/Paramaribo", ["TT"] = "America/Port_of_Spain",
        ["US"] = "America/New_York", ["UY"] = "America/Montevideo", ["VE"] = "America/Caracas",
        ["ES"] = "Europe/Madrid", ["PT"] = "Europe/Lisbon", ["FR"] = "Europe/Paris", ["NL"] = "Europe/Amsterdam", ["DE"] = "Europe/Berlin",
        ["IT"] = "Europe/Rome", ["GB"] = "Europe/London", ["BE"] = "Europe/Brussels", ["CN"] = "Asia/Shanghai", ["JP"] = "Asia/Tokyo", ["KR"] = "Asia/Seoul",
    };

    /// <summary>Region name and its zones (value, label), regions in <see cref="_regions"/> order, then UTC.</summary>
    public static IReadOnlyList<(string Region, IReadOnlyList<(string Id, string Label)> Zones)> Groups { get; } = Build();

    public static string? ForCountry(string? code) =>
        code is not null && _byCountry.TryGetValue(code, out var zone) && ZonedTime.Find(zone) is not null ? zone : null;

    private static List<(string, IReadOnlyList<(string, string)>)> Build()
    {
        var groups = new List<(string, IReadOnlyList<(string, string)>)>();
        foreach (var region in _regions)
        {
            var zones = ZonedTime.Zones.Where(z => z.StartsWith(region + "/", StringComparison.Ordinal))
                .Select(z => (z, Label(z)))
                .OrderBy(z => z.Item2, StringComparer.Ordinal)
                .ToList();
            if (zones.Count > 0)
            {
                groups.Add((region, zones));
            }
        }

        groups.Add(("UTC", [("UTC", "UTC")]));
        return groups;
    }

    /// <summary>"Argentina / Buenos Aires (UTC-03:00)": the place first, so typing it in the list finds the zone.</summary>
    private static string Label(string id)
    {
        var place = id[(id.IndexOf('/', StringComparison.Ordinal) + 1)..].Replace('_', ' ').Replace("/", " / ", StringComparison.Ordinal);
        var offset = ZonedTime.Find(id)?.BaseUtcOffset ?? TimeSpan.Zero;
        return $"{place} (UTC{(offset < TimeSpan.Zero ? "-" : "+")}{offset:hh\\:mm})";
    }
}
