using PortCooperation.Web.Data.Seeding.ReferenceData;
using PortCooperation.Web.Domain;

namespace PortCooperation.Web.Data.Seeding.Demo;

/// <summary>
/// Report section 4: the "COVID-19 best practices" page. The report counts 7 international protocols and 16 national
/// measures (3 North America, 3 Central America, 5 South America, 5 English-speaking Caribbean) but names none of
/// them, so each record is written for the demo to stand in for one of them: its summary says what such a document
/// covers, and it is marked IsDemo so the staff area shows it as demo data to replace.
/// </summary>
internal static partial class Library
{
    public const string CollectionSlug = "covid-19-best-practices";

    public static async Task SeedAsync(SeedContext seed, CancellationToken cancellationToken)
    {
        var db = seed.Db;
        var collections = await db.EnsureAsync([Collection()], c => c.Slug, SeedMode.AddMissing, cancellationToken);
        var collection = collections[CollectionSlug];
        var seeds = International().Concat(National()).ToList();
        var documents = await db.EnsureAsync(seeds.Select(d => Document(seed, d)), d => d.Slug, SeedMode.AddMissing, cancellationToken);

        var sortOrder = 0;
        foreach (var document in seeds.Select(d => documents[d.Slug]))
        {
            if (db.IsNew(document) || db.IsNew(collection))
            {
                collection.Documents.Add(new CollectionDocument { Document = document, SortOrder = sortOrder });
            }

            sortOrder++;
        }
    }

    private sealed record DocumentSeed(
        string Slug,
        SourceKind Kind,
        string? OrganisationSlug,
        string? CountryCode,
        string Language,
        DateOnly PublishedOn,
        string ExtraTopic,
        string TitleEn,
        string TitleEs,
        string SummaryEn,
        string SummaryEs,
        string[] MeasuresEn,
        string[] MeasuresEs);

    private static DocumentCollection Collection() =>
        new()
        {
            Slug = CollectionSlug,
            TitleEn = "COVID-19 best practices",
            TitleEs = "Buenas prácticas COVID-19",
            DescriptionEn = "Protocols, resolutions and guidelines of international organisations, and measures, regulations and best practices of national port authorities of member states, to prevent the spread of COVID-19 in port facilities and keep goods flowing.",
            DescriptionEs = "Protocolos, resoluciones y directrices de organismos internacionales, y medidas, normas y buenas prácticas de las autoridades portuarias nacionales de los Estados miembros, para prevenir la propagación de la COVID-19 en las instalaciones portuarias y asegurar el flujo de mercancías.",
            PublicationState = PublicationState.Published,
        };

    private static BestPracticeDocument Document(SeedContext s, DocumentSeed d)
    {
        var document = new BestPracticeDocument
        {
            Slug = d.Slug,
            TitleEn = d.TitleEn,
            TitleEs = d.TitleEs,
            SummaryEn = d.SummaryEn,
            SummaryEs = d.SummaryEs,
            BodyEn = Body("Measures", d.MeasuresEn),
            BodyEs = Body("Medidas", d.MeasuresEs),
            SourceKind = d.Kind,
            SourceOrganisation = d.OrganisationSlug is null ? null : s.Organisation(d.OrganisationSlug),
            Country = d.CountryCode is null ? null : s.Country(d.CountryCode),
            Language = d.Language,
            PublishedOn = d.PublishedOn,
            LastReviewedOn = d.PublishedOn,
            PublicationState = PublicationState.Published,
            PublishedAtUtc = d.PublishedOn.ToDateTime(new TimeOnly(14, 0), DateTimeKind.Utc),
            IsDemo = true,
        };
        document.Topics.Add(new DocumentTopic { Topic = s.Topic(Topics.Covid19) });
        document.Topics.Add(new DocumentTopic { Topic = s.Topic(d.ExtraTopic) });
        return document;
    }

    private static string Body(string heading, string[] measures) =>
        $"## {heading}\n\n" + string.Concat(measures.Select(m => $"- {m}\n"));
}
