using PortCooperation.Web.Domain;

namespace PortCooperation.Web.Data.Seeding;

/// <summary>The tracked reference records the demo areas link to, looked up by natural key.</summary>
internal sealed class SeedContext(
    PortalDbContext db,
    IReadOnlyDictionary<string, Country> countries,
    IReadOnlyDictionary<string, Topic> topics)
{
    private IReadOnlyDictionary<string, Organisation> _organisations = new Dictionary<string, Organisation>();

    public PortalDbContext Db { get; } = db;

    public Country Country(string code) =>
        countries.TryGetValue(code, out var country)
            ? country
            : throw new InvalidOperationException($"Seed data refers to country '{code}', which the reference data lacks.");

    public Topic Topic(string slug) =>
        topics.TryGetValue(slug, out var topic)
            ? topic
            : throw new InvalidOperationException($"Seed data refers to topic '{slug}', which the reference data lacks.");

    public Organisation Organisation(string slug) =>
        _organisations.TryGetValue(slug, out var organisation)
            ? organisation
            : throw new InvalidOperationException($"Seed data refers to organisation '{slug}', which the demo data lacks.");

    public void UseOrganisations(IReadOnlyDictionary<string, Organisation> organisations) => _organisations = organisations;
}
