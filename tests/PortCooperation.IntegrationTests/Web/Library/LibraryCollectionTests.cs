using static PortCooperation.IntegrationTests.Web.WebTestData;

namespace PortCooperation.IntegrationTests.Web.Library;

/// <summary>The seeded "COVID-19 best practices" page reads as the report lays it out.</summary>
public sealed class LibraryCollectionTests
{
    [Fact]
    public async Task Covid19Collection_ListsSevenInternationalProtocols_ThenSixteenNationalMeasuresByRegion()
    {
        using var factory = new WebFactory(settings: new Dictionary<string, string?> { ["Database:SeedDemoData"] = "true" });
        var client = factory.CreateClient();

        var page = await client.GetDocumentAsync("/library/collections/covid-19-best-practices");
        var pagina = await client.GetDocumentAsync("/library/collections/covid-19-best-practices?culture=es");

        Squash(page.QuerySelector("h1")!.TextContent).ShouldBe("COVID-19 best practices");
        page.QuerySelectorAll("h1").Length.ShouldBe(1);
        var sections = page.QuerySelectorAll(".collection__section").ToList();
        sections.Select(s => Squash(s.QuerySelector("h2")!.TextContent)).ShouldBe(["International protocols", "National measures by region"]);
        sections[0].QuerySelectorAll(".doc-card").Length.ShouldBe(7);
        sections[0].QuerySelectorAll(".doc-card .tag--kind").Select(t => Squash(t.TextContent)).Distinct().ShouldBe(["International organisation"]);
        var regions = page.QuerySelectorAll(".collection__region").Select(r => (
            Name: Squash(r.QuerySelector("h3")!.FirstChild!.TextContent),
            Count: r.QuerySelectorAll(".doc-card").Length)).ToList();
        regions.ShouldBe([("North America", 3), ("Central America", 3), ("South America", 5), ("Caribbean", 5)]);
        pagina.QuerySelectorAll(".collection__region h3").Select(h => Squash(h.FirstChild!.TextContent))
            .ShouldBe(["América del Norte", "Centroamérica", "América del Sur", "Caribe"]);
        Squash(pagina.QuerySelector("h1")!.TextContent).ShouldBe("Buenas prácticas COVID-19");

        // The library lists the same 23 documents and links every one to its own page.
        var library = await client.GetDocumentAsync("/library");
        Squash(library.QuerySelector("#results-heading")!.TextContent).ShouldBe("Documents 1–20 of 23");
        // The library links its collections, with their number of documents.
        var collectionLink = library.QuerySelector(".library__collections a[href='/library/collections/covid-19-best-practices']")!;
        Squash(collectionLink.TextContent).ShouldBe("COVID-19 best practices");
        Squash(collectionLink.ParentElement!.QuerySelector(".facet__count")!.FirstChild!.TextContent).ShouldBe("23");
        // Each card names its topics as the library's card of the same document does (read another way there).
        static Dictionary<string, string> TopicsBySlug(AngleSharp.Dom.IDocument html) => html.QuerySelectorAll(".doc-card")
            .ToDictionary(c => c.QuerySelector(".doc-card__title a")!.GetAttribute("href")!, c => Squash(c.QuerySelector(".doc-card__topics")?.TextContent ?? ""));
        var inCollection = TopicsBySlug(page);
        var inLibrary = TopicsBySlug(library);
        inLibrary.Count.ShouldBe(20);
        inLibrary.Where(d => d.Value.Length > 0).Count().ShouldBeGreaterThan(0);
        foreach (var (slug, topics) in inLibrary)
        {
            inCollection[slug].ShouldBe(topics, slug);
        }

        var first = library.QuerySelector("#library-results .doc-card__title a")!.GetAttribute("href")!;
        var document = await client.GetDocumentAsync(first);
        document.QuerySelectorAll("h1").Length.ShouldBe(1);
        document.QuerySelector(".breadcrumbs a[href='/library/collections/covid-19-best-practices']").ShouldNotBeNull();
    }
}
