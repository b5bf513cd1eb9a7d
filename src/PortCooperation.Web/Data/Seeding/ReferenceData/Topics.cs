using PortCooperation.Web.Domain;

namespace PortCooperation.Web.Data.Seeding.ReferenceData;

/// <summary>The themes the secretariat files documents and activities under.</summary>
internal static class Topics
{
    public const string Covid19 = "covid-19";
    public const string Security = "security";
    public const string Digitalisation = "digitalisation";
    public const string Environment = "environment";
    public const string Logistics = "logistics";
    public const string Gender = "gender";
    public const string Governance = "governance";
    public const string TradeFacilitation = "trade-facilitation";
    public const string CrewAndHealth = "crew-and-health";

    public static Task<Dictionary<string, Topic>> SeedAsync(PortalDbContext db, CancellationToken cancellationToken) =>
        db.EnsureAsync(All(), t => t.Slug, SeedMode.FirstStartOnly, cancellationToken);

    public static IEnumerable<Topic> All() =>
    [
        New(Covid19, "COVID-19", "COVID-19"),
        New(Security, "Port security", "Seguridad portuaria"),
        New(Digitalisation, "Digitalisation", "Digitalización"),
        New(Environment, "Environment and sustainability", "Medio ambiente y sostenibilidad"),
        New(Logistics, "Logistics", "Logística"),
        New(Gender, "Gender equity", "Equidad de género"),
        New(Governance, "Port governance", "Gobernanza portuaria"),
        New(TradeFacilitation, "Trade facilitation", "Facilitación del comercio"),
        New(CrewAndHealth, "Crew and port health", "Tripulaciones y sanidad portuaria"),
    ];

    private static Topic New(string slug, string nameEn, string nameEs) => new() { Slug = slug, NameEn = nameEn, NameEs = nameEs };
}
