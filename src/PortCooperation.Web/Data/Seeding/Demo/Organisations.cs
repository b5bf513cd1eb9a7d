using PortCooperation.Web.Domain;

namespace PortCooperation.Web.Data.Seeding.Demo;

/// <summary>The partners the two source documents name, plus the organisations behind the demo library documents.</summary>
internal static class Organisations
{
    public const string CipSecretariat = "cip-secretariat";
    public const string Imo = "imo";
    public const string Eclac = "eclac";
    public const string RedPbip = "red-pbip-mexico";
    public const string Valenciaport = "fundacion-valenciaport";
    public const string Maersk = "maersk";
    public const string Apn = "apn-peru";
    public const string Uscg = "us-coast-guard";
    public const string Pmac = "pmac";
    public const string Usach = "universidad-de-santiago-de-chile";
    public const string Sct = "sct-mexico-ports-merchant-marine";
    public const string DuarteMorales = "duarte-morales";
    public const string Cocatram = "cocatram";
    public const string Piedroba = "piedroba-consulting";
    public const string MissionOfFrance = "mission-of-france";
    public const string Sela = "sela";
    public const string Caf = "caf";
    public const string Gam = "gam-cartagena";
    public const string Who = "who";
    public const string Ilo = "ilo";
    public const string Wco = "wco";

    public static async Task SeedAsync(SeedContext seed, CancellationToken cancellationToken)
    {
        var all = await seed.Db.EnsureAsync(All(seed), o => o.Slug, SeedMode.AddMissing, cancellationToken);
        seed.UseOrganisations(all);
    }

    private static IEnumerable<Organisation> All(SeedContext s) =>
    [
        New(CipSecretariat, "Secretariat of the Inter-American Committee on Ports (OAS)", "Secretaría de la Comisión Interamericana de Puertos (OEA)", "CIP", OrganisationType.InternationalOrganisation, s.Country("US"), null),
        New(Imo, "International Maritime Organization", "Organización Marítima Internacional", "IMO", OrganisationType.InternationalOrganisation, null, "https://www.imo.org"),
        New(Eclac, "Economic Commission for Latin America and the Caribbean", "Comisión Económica para América Latina y el Caribe", "ECLAC (CEPAL)", OrganisationType.InternationalOrganisation, s.Country("CL"), "https://www.cepal.org"),
        New(RedPbip, "International Network on Port Infrastructure Security (Red PBIP Mexico)", "Red Internacional de Seguridad en Infraestructura Portuaria (Red PBIP México)", "Red PBIP", OrganisationType.Network, s.Country("MX"), null),
        New(Valenciaport, "Valenciaport Foundation", "Fundación Valenciaport", null, OrganisationType.Foundation, s.Country("ES"), "https://www.fundacion.valenciaport.com"),
        New(Maersk, "Maersk", "Maersk", null, OrganisationType.Company, null, "https://www.maersk.com"),
        New(Apn, "National Port Authority of Peru", "Autoridad Portuaria Nacional del Perú", "APN", OrganisationType.NationalPortAuthority, s.Country("PE"), "https://www.apn.gob.pe"),
        New(Uscg, "United States Coast Guard", "Guardia Costera de los Estados Unidos", "USCG", OrganisationType.GovernmentAgency, s.Country("US"), "https://www.uscg.mil"),
        New(Pmac, "Port Management Association of the Caribbean", "Asociación de Gestión Portuaria del Caribe", "PMAC", OrganisationType.Network, null, null),
        New(Usach, "University of Santiago, Chile", "Universidad de Santiago de Chile", "USACH", OrganisationType.University, s.Country("CL"), "https://www.usach.cl"),
        New(Sct, "General Coordination of Ports and Merchant Marine, SCT Mexico", "Coordinación General de Puertos y Marina Mercante, SCT México", "SCT", OrganisationType.GovernmentAgency, s.Country("MX"), null),
        New(DuarteMorales, "Duarte&Morales", "Duarte&Morales", null, OrganisationType.Company, null, null),
        New(Cocatram, "Central American Commission for Maritime Transport", "Comisión Centroamericana de Transporte Marítimo", "COCATRAM", OrganisationType.InternationalOrganisation, s.Country("NI"), null),
        New(Piedroba, "PIEDROBA Consulting", "PIEDROBA Consulting", null, OrganisationType.Company, null, null),
        New(MissionOfFrance, "Mission of France", "Misión de Francia", null, OrganisationType.GovernmentAgency, s.Country("FR"), null),
        New(Sela, "Latin American and Caribbean Economic System", "Sistema Económico Latinoamericano y del Caribe", "SELA", OrganisationType.InternationalOrganisation, s.Country("VE"), "https://www.sela.org"),
        New(Caf, "CAF – Development Bank of Latin America", "CAF – Banco de Desarrollo de América Latina", "CAF", OrganisationType.InternationalOrganisation, s.Country("VE"), "https://www.caf.com"),
        New(Gam, "Methodological Support Group of Cartagena (GAM)", "Grupo de Apoyo Metodológico de Cartagena (GAM)", "GAM", OrganisationType.Other, s.Country("CO"), null),

        // Not named in the sources: sources of the demo international protocols in the COVID-19 collection.
        New(Who, "World Health Organization", "Organización Mundial de la Salud", "WHO", OrganisationType.InternationalOrganisation, null, "https://www.who.int"),
        New(Ilo, "International Labour Organization", "Organización Internacional del Trabajo", "ILO", OrganisationType.InternationalOrganisation, null, "https://www.ilo.org"),
        New(Wco, "World Customs Organization", "Organización Mundial de Aduanas", "WCO", OrganisationType.InternationalOrganisation, null, "https://www.wcoomd.org"),
    ];

    private static Organisation New(string slug, string nameEn, string nameEs, string? acronym, OrganisationType type, Country? country, string? website) =>
        new()
        {
            Slug = slug,
            NameEn = nameEn,
            NameEs = nameEs,
            Acronym = acronym,
            Type = type,
            Country = country,
            WebsiteUrl = website,
            IsDemo = true,
        };
}
