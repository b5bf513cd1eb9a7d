using PortCooperation.Web.Domain;

namespace PortCooperation.Web.Data.Seeding.ReferenceData;

/// <summary>The 35 OAS member states and the non-members the source documents name (participants come from them).</summary>
internal static class Countries
{
    public static Task<Dictionary<string, Country>> SeedAsync(PortalDbContext db, CancellationToken cancellationToken) =>
        db.EnsureAsync(All(), c => c.Code, SeedMode.FirstStartOnly, cancellationToken);

    public static IEnumerable<Country> All() =>
    [
        Member("CA", "Canada", "Canadá", Region.NorthAmerica),
        Member("US", "United States", "Estados Unidos", Region.NorthAmerica),
        Member("MX", "Mexico", "México", Region.NorthAmerica),

        Member("CR", "Costa Rica", "Costa Rica", Region.CentralAmerica),
        Member("SV", "El Salvador", "El Salvador", Region.CentralAmerica),
        Member("GT", "Guatemala", "Guatemala", Region.CentralAmerica),
        Member("HN", "Honduras", "Honduras", Region.CentralAmerica),
        Member("NI", "Nicaragua", "Nicaragua", Region.CentralAmerica),
        Member("PA", "Panama", "Panamá", Region.CentralAmerica),

        Member("AR", "Argentina", "Argentina", Region.SouthAmerica),
        Member("BO", "Bolivia", "Bolivia", Region.SouthAmerica),
        Member("BR", "Brazil", "Brasil", Region.SouthAmerica),
        Member("CL", "Chile", "Chile", Region.SouthAmerica),
        Member("CO", "Colombia", "Colombia", Region.SouthAmerica),
        Member("EC", "Ecuador", "Ecuador", Region.SouthAmerica),
        Member("PY", "Paraguay", "Paraguay", Region.SouthAmerica),
        Member("PE", "Peru", "Perú", Region.SouthAmerica),
        Member("UY", "Uruguay", "Uruguay", Region.SouthAmerica),
        Member("VE", "Venezuela", "Venezuela", Region.SouthAmerica),

        // Belize, Guyana and Suriname sit with the Caribbean, not with Central or South America: they are CARICOM
        // members and the CIP report counts them that way. Its course "for the English-speaking Caribbean" (with the
        // US Coast Guard) lists Belize and Suriname among its countries, and its "5 of the English-speaking Caribbean"
        // best practices are a bucket beside Central and South America. Region.Caribbean is therefore the report's
        // "English-speaking Caribbean" plus Cuba, the Dominican Republic and Haiti.
        Member("BZ", "Belize", "Belice", Region.Caribbean),
        Member("GY", "Guyana", "Guyana", Region.Caribbean),
        Member("SR", "Suriname", "Surinam", Region.Caribbean),
        Member("AG", "Antigua and Barbuda", "Antigua y Barbuda", Region.Caribbean),
        Member("BS", "Bahamas", "Bahamas", Region.Caribbean),
        Member("BB", "Barbados", "Barbados", Region.Caribbean),
        Member("CU", "Cuba", "Cuba", Region.Caribbean),
        Member("DM", "Dominica", "Dominica", Region.Caribbean),
        Member("DO", "Dominican Republic", "República Dominicana", Region.Caribbean),
        Member("GD", "Grenada", "Granada", Region.Caribbean),
        Member("HT", "Haiti", "Haití", Region.Caribbean),
        Member("JM", "Jamaica", "Jamaica", Region.Caribbean),
        Member("KN", "Saint Kitts and Nevis", "San Cristóbal y Nieves", Region.Caribbean),
        Member("LC", "Saint Lucia", "Santa Lucía", Region.Caribbean),
        Member("VC", "Saint Vincent and the Grenadines", "San Vicente y las Granadinas", Region.Caribbean),
        Member("TT", "Trinidad and Tobago", "Trinidad y Tobago", Region.Caribbean),

        // Non-members: the audience of the Duarte&Morales webinar (Europe) and the two British overseas territories
        // that joined the US Coast Guard course through the Port Management Association of the Caribbean.
        NonMember("ES", "Spain", "España", Region.Europe),
        NonMember("FR", "France", "Francia", Region.Europe),
        NonMember("NL", "Netherlands", "Países Bajos", Region.Europe),
        NonMember("CH", "Switzerland", "Suiza", Region.Europe),
        NonMember("MS", "Montserrat", "Montserrat", Region.Caribbean),
        NonMember("VG", "British Virgin Islands", "Islas Vírgenes Británicas", Region.Caribbean),
    ];

    private static Country Member(string code, string nameEn, string nameEs, Region region) =>
        new() { Code = code, NameEn = nameEn, NameEs = nameEs, Region = region, IsMemberState = true };

    private static Country NonMember(string code, string nameEn, string nameEs, Region region) =>
        new() { Code = code, NameEn = nameEn, NameEs = nameEs, Region = region, IsMemberState = false };
}
