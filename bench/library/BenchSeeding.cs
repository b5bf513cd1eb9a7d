// Generated data shared by the benchmarks (bench/library, bench/report, and the load benchmark's volume through
// `ReportBench.dll volume`): reference rows made once per database (get-or-create, so two seeders can fill the same
// database), and the library's documents. Country codes are ISO 3166 user-assigned ones (XA–XZ, QM–QZ), so they
// never collide with the real countries of the demo data.
using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using PortCooperation.Web.Data;
using PortCooperation.Web.Domain;

public static class BenchSeeding
{
    public static async Task<List<Country>> CountriesAsync(PortalDbContext db, int count, int memberStates)
    {
        var codes = Enumerable.Range(0, 26).Select(i => $"X{(char)('A' + i)}").Concat(Enumerable.Range(12, 14).Select(i => $"Q{(char)('A' + i)}")).Take(count).ToList();
        var existing = await db.Countries.Where(c => codes.Contains(c.Code)).ToDictionaryAsync(c => c.Code);
        var countries = codes.Select((code, i) => existing.GetValueOrDefault(code) ?? db.Countries.Add(new Country
        {
            Code = code, NameEn = $"Country {i}", NameEs = $"País {i}", IsMemberState = i < memberStates, Region = (Region)new[] { 1, 2, 3, 4 }[i % 4],
        }).Entity).ToList();
        await db.SaveChangesAsync();
        return countries;
    }

    public static async Task<List<Organisation>> OrganisationsAsync(PortalDbContext db, int count)
    {
        var slugs = Enumerable.Range(0, count).Select(i => $"bench-org-{i}").ToList();
        var existing = await db.Organisations.Where(o => slugs.Contains(o.Slug)).ToDictionaryAsync(o => o.Slug);
        var organisations = slugs.Select((slug, i) => existing.GetValueOrDefault(slug)
            ?? db.Organisations.Add(new Organisation { Slug = slug, NameEn = $"Organisation {i}", NameEs = $"Organización {i}" }).Entity).ToList();
        await db.SaveChangesAsync();
        return organisations;
    }

    public static async Task<List<Topic>> TopicsAsync(PortalDbContext db, IReadOnlyList<string> slugs)
    {
        var existing = await db.Topics.Where(t => slugs.Contains(t.Slug)).ToDictionaryAsync(t => t.Slug);
        var topics = slugs.Select((slug, i) => existing.GetValueOrDefault(slug)
            ?? db.Topics.Add(new Topic { Slug = slug, NameEn = $"Topic {i}", NameEs = $"Tema {i}" }).Entity).ToList();
        await db.SaveChangesAsync();
        return topics;
    }

    /// <summary>
    /// <paramref name="size"/> documents drawn from a fixed vocabulary (seeded random): 250-word bodies in English and
    /// Spanish, 30 countries, 40 organisations, 12 topics, two topics each, 2% drafts.
    /// </summary>
    public static async Task SeedDocumentsAsync(PortalDbContext db, int size)
    {
        var random = new Random(42);
        string[] en = ["port", "ports", "crew", "change", "cargo", "security", "measures", "health", "protocol", "terminal", "ship", "vessel", "customs", "logistics", "dredging", "channel", "berth", "pilot", "safety", "inspection", "container", "quarantine", "training", "governance", "environment", "emissions", "digital", "window", "trade", "facilitation"];
        string[] es = ["puerto", "puertos", "tripulación", "cambio", "carga", "seguridad", "medidas", "salud", "protocolo", "terminal", "buque", "aduanas", "logística", "dragado", "canal", "atraque", "práctico", "prácticas", "inspección", "contenedor", "cuarentena", "formación", "gobernanza", "ambiente", "emisiones", "digital", "ventanilla", "comercio", "facilitación", "buenas"];
        string Words(string[] vocabulary, int count) => string.Join(' ', Enumerable.Range(0, count).Select(_ => vocabulary[random.Next(vocabulary.Length)]));

        var countries = await CountriesAsync(db, 30, 30);
        var organisations = await OrganisationsAsync(db, 40);
        var topics = await TopicsAsync(db, Enumerable.Range(0, 12).Select(i => i == 0 ? "bench-security" : $"bench-topic-{i}").ToList());
        var watch = Stopwatch.StartNew();
        for (var start = 0; start < size; start += 2000)
        {
            db.ChangeTracker.Clear();
            for (var i = start; i < Math.Min(size, start + 2000); i++)
            {
                var national = i % 3 != 0;
                var document = new BestPracticeDocument
                {
                    Slug = $"bench-{i}",
                    TitleEn = Words(en, 6) + (i % 997 == 0 ? " fumigation" : ""),
                    TitleEs = Words(es, 6),
                    SummaryEn = Words(en, 30),
                    SummaryEs = Words(es, 30),
                    BodyEn = Words(en, 250),
                    BodyEs = Words(es, 250),
                    SourceKind = national ? SourceKind.NationalAuthority : SourceKind.InternationalOrganisation,
                    CountryId = national ? countries[i % countries.Count].Id : null,
                    SourceOrganisationId = organisations[i % organisations.Count].Id,
                    Language = i % 2 == 0 ? "en" : "es",
                    PublishedOn = new DateOnly(2015 + i % 10, 1 + i % 12, 1 + i % 28),
                    PublicationState = i % 50 == 0 ? PublicationState.Draft : PublicationState.Published,
                };
                document.Topics.Add(new DocumentTopic { TopicId = topics[i % topics.Count].Id });
                document.Topics.Add(new DocumentTopic { TopicId = topics[(i % topics.Count + 1 + i / 7 % (topics.Count - 1)) % topics.Count].Id });
                db.Documents.Add(document);
            }

            await db.SaveChangesAsync();
        }

        Console.Error.WriteLine($"seeded {size:N0} documents in {watch.Elapsed.TotalSeconds:F0} s");
    }
}
