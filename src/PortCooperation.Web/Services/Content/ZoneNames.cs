using System.Globalization;

namespace PortCooperation.Web.Services.Content;

/// <summary>
/// Time zones named for people: the city an IANA zone is known by, in English and Spanish, for the zones the member
/// states (and the European partners) use. Any other zone is named by its exemplar city, the last part of its id.
/// </summary>
public static class ZoneNames
{
    private static readonly Dictionary<string, (string En, string Es)> _cities = new(StringComparer.OrdinalIgnoreCase)
    {
        ["America/Antigua"] = ("St. John's", "Saint John's"),
        ["America/Argentina/Buenos_Aires"] = ("Buenos Aires", "Buenos Aires"),
        ["America/Buenos_Aires"] = ("Buenos Aires", "Buenos Aires"),
        ["America/Nassau"] = ("Nassau", "Nasáu"),
        ["America/Barbados"] = ("Bridgetown", "Bridgetown"),
        ["America/Belize"] = ("Belize City", "Ciudad de Belice"),
        ["America/La_Paz"] = ("La Paz", "La Paz"),
        ["America/Sao_Paulo"] = ("São Paulo", "São Paulo"),
        ["America/Manaus"] = ("Manaus", "Manaos"),
        ["America/Toronto"] = ("Toronto", "Toronto"),
        ["America/Vancouver"] = ("Vancouver", "Vancouver"),
        ["America/Halifax"] = ("Halifax", "Halifax"),
        ["America/Santiago"] = ("Santiago", "Santiago"),
        ["America/Bogota"] = ("Bogotá", "Bogotá"),
        ["America/Costa_Rica"] = ("San José", "San José"),
        ["America/Havana"] = ("Havana", "La Habana"),
        ["America/Dominica"] = ("Roseau", "Roseau"),
        ["America/Santo_Domingo"] = ("Santo Domingo", "Santo Domingo"),
        ["America/Guayaquil"] = ("Quito", "Quito"),
        ["America/El_Salvador"] = ("San Salvador", "San Salvador"),
        ["America/Grenada"] = ("St. George's", "Saint George's"),
        ["America/Guatemala"] = ("Guatemala City", "Ciudad de Guatemala"),
        ["America/Guyana"] = ("Georgetown", "Georgetown"),
        ["America/Port-au-Prince"] = ("Port-au-Prince", "Puerto Príncipe"),
        ["America/Tegucigalpa"] = ("Tegucigalpa", "Tegucigalpa"),
        ["America/Jamaica"] = ("Kingston", "Kingston"),
        ["America/Mexico_City"] = ("Mexico City", "Ciudad de México"),
        ["America/Cancun"] = ("Cancún", "Cancún"),
        ["America/Tijuana"] = ("Tijuana", "Tijuana"),
        ["America/Managua"] = ("Managua", "Managua"),
        ["America/Panama"] = ("Panama City", "Ciudad de Panamá"),
        ["America/Asuncion"] = ("Asunción", "Asunción"),
        ["America/Lima"] = ("Lima", "Lima"),
        ["America/St_Kitts"] = ("Basseterre", "Basseterre"),
        ["America/St_Lucia"] = ("Castries", "Castries"),
        ["America/St_Vincent"] = ("Kingstown", "Kingstown"),
        ["America/Paramaribo"] = ("Paramaribo", "Paramaribo"),
        ["America/Port_of_Spain"] = ("Port of Spain", "Puerto España"),
        ["America/New_York"] = ("New York", "Nueva York"),
        ["America/Chicago"] = ("Chicago", "Chicago"),
        ["America/Denver"] = ("Denver", "Denver"),
        ["America/Los_Angeles"] = ("Los Angeles", "Los Ángeles"),
        ["America/Montevideo"] = ("Montevideo", "Montevideo"),
        ["America/Caracas"] = ("Caracas", "Caracas"),
        ["America/Montserrat"] = ("Plymouth", "Plymouth"),
        ["America/Tortola"] = ("Road Town", "Road Town"),
        ["Europe/Madrid"] = ("Madrid", "Madrid"),
        ["Europe/Paris"] = ("Paris", "París"),
        ["Europe/Amsterdam"] = ("Amsterdam", "Ámsterdam"),
        ["Europe/Zurich"] = ("Zurich", "Zúrich"),
        ["Europe/London"] = ("London", "Londres"),
    };

    /// <summary>The zone with this IANA id; UTC for an unknown or missing id (an import's typo must not break a page).</summary>
    public static TimeZoneInfo Find(string? timeZoneId) =>
        !string.IsNullOrWhiteSpace(timeZoneId) && TimeZoneInfo.TryFindSystemTimeZoneById(timeZoneId, out var zone) ? zone : TimeZoneInfo.Utc;

    public static bool IsUtc(TimeZoneInfo zone) =>
        zone.Id is "UTC" or "Etc/UTC" or "Etc/GMT" or "Etc/Universal" or "Etc/Zulu" or "Universal" or "Zulu" || zone == TimeZoneInfo.Utc;

    /// <summary>"New York" / "Nueva York" for America/New_York; "Kolkata" for Asia/Kolkata (not in the list).</summary>
    public static string City(string timeZoneId, CultureInfo culture)
    {
        if (_cities.TryGetValue(timeZoneId, out var city))
        {
            return culture.TwoLetterISOLanguageName == "es" ? city.Es : city.En;
        }

        var last = timeZoneId.LastIndexOf('/');
        return timeZoneId[(last + 1)..].Replace('_', ' ');
    }
}
