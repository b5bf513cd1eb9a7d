namespace PortCooperation.Web.Services.Registrations;

/// <summary>One country of ISO 3166-1 with its short name in English and Spanish.</summary>
public sealed record WorldCountry(string Code, string NameEn, string NameEs);

/// <summary>
/// Every country of ISO 3166-1 (249), shipped with the app as a data file: code, English and Spanish short names
/// (taken from Debian's iso-codes, with the Spanish names in their everyday order). An official from any country can
/// register; the countries table only holds those the portal has a record for, so a registration from a country it
/// lacks adds that country as a non-member.
/// </summary>
public static class WorldCountries
{
    public const string ResourceName = "PortCooperation.Web.Countries.tsv";

    private static readonly Lazy<Dictionary<string, WorldCountry>> _all = new(Load);

    public static IReadOnlyCollection<WorldCountry> All => _all.Value.Values;

    /// <summary>The country with this alpha-2 code (any case), or null.</summary>
    public static WorldCountry? Find(string? code) =>
        code is { Length: 2 } && _all.Value.TryGetValue(code.ToUpperInvariant(), out var country) ? country : null;

    private static Dictionary<string, WorldCountry> Load()
    {
        using var stream = typeof(WorldCountries).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The country list {ResourceName} is not embedded in the assembly.");
        using var reader = new StreamReader(stream);
        var countries = new Dictionary<string, WorldCountry>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            var fields = line.Split('\t');
            if (fields.Length == 3)
            {
                countries[fields[0]] = new WorldCountry(fields[0], fields[1], fields[2]);
            }
        }

        return countries;
    }
}
