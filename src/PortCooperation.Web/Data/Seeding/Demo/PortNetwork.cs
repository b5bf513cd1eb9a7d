using PortCooperation.Web.Domain;

namespace PortCooperation.Web.Data.Seeding.Demo;

/// <summary>
/// Seed 004: SELA's Digital and Collaborative Ports Network Programme (with CAF's support), its two phases and the
/// 21 port systems in 12 countries linked to it: 15 in phases I–II (2014–2016) and 6 more in phase III (2017–2018).
/// </summary>
internal static class PortNetwork
{
    public const string ProgrammeSlug = "digital-collaborative-ports-network";

    public static async Task SeedAsync(SeedContext seed, CancellationToken cancellationToken)
    {
        var db = seed.Db;
        var programmes = await db.EnsureAsync([Programme(seed)], p => p.Slug, SeedMode.AddMissing, cancellationToken);
        var systems = await db.EnsureAsync(
            _firstPhases.Concat(_phaseThree).Select(p => PortSystem(seed, p)), s => s.Slug, SeedMode.AddMissing, cancellationToken);

        var programme = programmes[ProgrammeSlug];
        if (!db.IsNew(programme))
        {
            return;
        }

        var firstPhases = new ProgrammePhase
        {
            Sequence = 1,
            Label = "I–II",
            StartYear = 2014,
            EndYear = 2016,
            DescriptionEn = "Institutional, operational and technological strengthening of port logistics: logistic port communities, ship-port-land synchronisation, Port Single Windows interoperating with Foreign Trade Single Windows.",
            DescriptionEs = "Fortalecimiento institucional, operativo y tecnológico de la logística portuaria: comunidades logístico-portuarias, sincronización buque-puerto-tierra, Ventanillas Únicas Portuarias en interoperación con las Ventanillas Únicas de Comercio Exterior.",
        };
        var phaseThree = new ProgrammePhase
        {
            Sequence = 2,
            Label = "III",
            StartYear = 2017,
            EndYear = 2018,
            DescriptionEn = "Consolidation and expansion towards the effective creation of the Network, until mid-2018.",
            DescriptionEs = "Consolidación y ampliación hacia la creación efectiva de la Red, hasta mediados de 2018.",
        };
        programme.Phases.Add(firstPhases);
        programme.Phases.Add(phaseThree);
        foreach (var port in _firstPhases)
        {
            programme.Memberships.Add(new ProgrammeMembership { PortSystem = systems[Slug(port)], Phase = firstPhases });
        }

        foreach (var port in _phaseThree)
        {
            programme.Memberships.Add(new ProgrammeMembership { PortSystem = systems[Slug(port)], Phase = phaseThree });
        }
    }

    private sealed record Port(string Name, string CountryCode, string? UnLocode);

    // UN/LOCODEs only where the code is certain. Colón is a complex of several terminals with codes of their own, and
    // Santa Catarina is a Brazilian state whose port system spans several ports (Itajaí, São Francisco do Sul…).
    private static readonly Port[] _firstPhases =
    [
        new("Manzanillo", "MX", "MXZLO"),
        new("Veracruz", "MX", "MXVER"),
        new("Altamira", "MX", "MXATM"),
        new("Buenaventura", "CO", "COBUN"),
        new("Cartagena", "CO", "COCTG"),
        new("Callao", "PE", "PECLL"),
        new("Paita", "PE", "PEPAI"),
        new("San Antonio", "CL", "CLSAI"),
        new("Valparaíso", "CL", "CLVAP"),
        new("Balboa", "PA", "PABLB"),
        new("Colón", "PA", null),
        new("Port of Spain", "TT", "TTPOS"),
        new("Puerto Limón", "CR", "CRLIO"),
        new("Guayaquil", "EC", "ECGYE"),
        new("Montevideo", "UY", "UYMVD"),
    ];

    private static readonly Port[] _phaseThree =
    [
        new("Lázaro Cárdenas", "MX", "MXLZC"),
        new("Kingston", "JM", "JMKIN"),
        new("Point Lisas", "TT", "TTPTS"),
        new("Barranquilla", "CO", "COBAQ"),
        new("Buenos Aires", "AR", "ARBUE"),
        new("Santa Catarina", "BR", null),
    ];

    private static string Slug(Port port) => SeedText.Slug($"{port.CountryCode} {port.Name}");

    private static PortSystem PortSystem(SeedContext s, Port port) =>
        new() { Slug = Slug(port), Name = port.Name, Country = s.Country(port.CountryCode), UnLocode = port.UnLocode };

    private static Programme Programme(SeedContext s) =>
        new()
        {
            Slug = ProgrammeSlug,
            NameEn = "Digital and Collaborative Ports Network Programme",
            NameEs = "Programa Red de Puertos Digitales y Colaborativos",
            DescriptionEn = "Proposed by SELA in 2013 and supported technically and financially by CAF – Development Bank of Latin America, the programme strengthens logistic port communities, service standards and technological innovation so that Latin American and Caribbean foreign trade is logistically competitive and sustainable. Its driving instrument is the Reference Model for the Competitiveness of the Port Logistics Chain.",
            DescriptionEs = "Propuesto por el SELA en 2013 y apoyado técnica y financieramente por CAF – Banco de Desarrollo de América Latina, el programa fortalece las comunidades logístico-portuarias, los estándares de servicio y la innovación tecnológica para un comercio exterior latinoamericano y caribeño logísticamente competitivo y sostenible. Su instrumento rector es el Modelo de Referencia para la Competitividad de la Cadena Logístico-Portuaria.",
            LeadOrganisation = s.Organisation(Organisations.Sela),
        };
}
