using System.Net;
using System.Xml.Linq;
using Microsoft.EntityFrameworkCore;
using PortCooperation.IntegrationTests.Infrastructure;
using PortCooperation.Web.Domain;
using PortCooperation.Web.Services.Library;
using static PortCooperation.IntegrationTests.Web.Library.LibraryTestData;
using static PortCooperation.IntegrationTests.Web.WebTestData;

namespace PortCooperation.IntegrationTests.Web.Library;

/// <summary>The library's search, facets, pages and files, run once on SQLite and once on PostgreSQL.</summary>
public abstract class LibraryTests
{
    private static readonly DateTime Now = WebFactory.DefaultNow.UtcDateTime;

    protected abstract Task<WebFactory> CreateFactoryAsync();

    private static List<string> ResultTitles(AngleSharp.Html.Dom.IHtmlDocument page) =>
        [.. page.QuerySelectorAll("#library-results .doc-card__title").Select(e => Squash(e.TextContent))];

    protected async Task TitleMatchOutranksBodyMatch()
    {
        using var factory = await CreateFactoryAsync();
        await factory.AddAsync(
            NewDocument("Cargo handling guide", d => d.BodyEn = "Chapter on dredging of access channels and dredging permits."),
            NewDocument("Dredging of port access channels"),
            NewDocument("Unrelated protocol"));

        var page = await factory.CreateClient().GetDocumentAsync("/library?q=dredging");

        ResultTitles(page).ShouldBe(["Dredging of port access channels", "Cargo handling guide"]);
        Squash(page.QuerySelector("#results-heading")!.TextContent).ShouldContain("of 2");
    }

    protected async Task BroadSearchRanksTheNewestMatches()
    {
        using var factory = await CreateFactoryAsync();
        // Added first (lowest id): the best match by far, but older than the ranked ones once more than
        // LibrarySearchEngine.RankedMatches documents match (docs/decisions/0008-library-bounded-ranking.md).
        await factory.AddAsync(NewDocument("Harbour pilots"));
        var total = LibrarySearchEngine.RankedMatches + 30;
        await factory.AddAsync([.. Enumerable.Range(1, total - 2).Select(i => NewDocument($"Note {i:0000}", d => d.BodyEn = "Harbour works."))]);
        await factory.AddAsync(NewDocument("Harbour guide", d => d.BodyEn = "Notes for pilots."));
        var client = factory.CreateClient();

        var first = await client.GetDocumentAsync("/library?q=harbour");
        var last = await client.GetDocumentAsync("/library?q=harbour&page=102");

        // Ranked: the newest matches, best first (a title match before body matches).
        ResultTitles(first)[0].ShouldBe("Harbour guide");
        ResultTitles(first).Count.ShouldBe(20);
        // Every match is counted and paged; the ones beyond the ranked matches follow in listing order.
        Squash(last.QuerySelector(".pager")!.TextContent).ShouldContain("Page 102 of 102");
        ResultTitles(last).Count.ShouldBe(10);
        ResultTitles(last)[^1].ShouldBe("Harbour pilots");
        ResultTitles(last)[^2].ShouldBe("Note 0001");
        Counts(first, "year").ShouldBe(new Dictionary<string, int> { ["2031"] = total });

        // A second word narrows the matches under the bound: exact ranking again (a title match before a body match).
        ResultTitles(await client.GetDocumentAsync("/library?q=harbour+pilots")).ShouldBe(["Harbour pilots", "Harbour guide"]);
    }

    protected async Task SearchIgnoresAccentsAndCase()
    {
        using var factory = await CreateFactoryAsync();
        await factory.AddAsync(
            NewDocument("Buenas prácticas de dragado", d => d.Language = "es"),
            NewDocument("Medidas sanitarias", d => d.SummaryEn = "Practicas recomendadas sin tilde."),
            NewDocument("Other"));
        var client = factory.CreateClient();

        foreach (var q in new[] { "practicas", "PRÁCTICAS", "prácticas", "Practicas" })
        {
            var titles = ResultTitles(await client.GetDocumentAsync($"/library?q={Uri.EscapeDataString(q)}"));
            titles.Order().ToList().ShouldBe(["Buenas prácticas de dragado", "Medidas sanitarias"], $"q={q}");
        }

        // Words also match as the start of a longer word: "protocol" finds "protocols".
        ResultTitles(await client.GetDocumentAsync("/library?q=dragad")).ShouldBe(["Buenas prácticas de dragado"]);
    }

    protected async Task SearchResultsArePaged()
    {
        using var factory = await CreateFactoryAsync();
        await factory.AddAsync([.. Enumerable.Range(1, 25).Select(i => NewDocument($"Harbour safety note {i:00}", d => d.PublishedOn = new DateOnly(2030, 1, 1).AddDays(i)))]);
        var client = factory.CreateClient();

        var first = await client.GetDocumentAsync("/library?q=harbour&sort=newest");
        var second = await client.GetDocumentAsync("/library?q=harbour&sort=newest&page=2");
        var byTitle = await client.GetDocumentAsync("/library?q=harbour&sort=title&page=2");

        ResultTitles(first).Count.ShouldBe(20);
        ResultTitles(first)[0].ShouldBe("Harbour safety note 25");
        ResultTitles(second).ShouldBe(["Harbour safety note 05", "Harbour safety note 04", "Harbour safety note 03", "Harbour safety note 02", "Harbour safety note 01"]);
        ResultTitles(byTitle).ShouldBe(["Harbour safety note 21", "Harbour safety note 22", "Harbour safety note 23", "Harbour safety note 24", "Harbour safety note 25"]);
        Squash(second.QuerySelector(".pager")!.TextContent).ShouldContain("Page 2 of 2");
        (first.QuerySelector(".pager a[rel=next]")!.GetAttribute("href") ?? "").ShouldContain("page=2");
    }

    protected async Task FacetCountsRespectTheOtherFilters()
    {
        using var factory = await CreateFactoryAsync();
        var (peru, chile) = await factory.WithDbAsync(async db => (await CountryAsync(db, "PE", "Peru", "Perú"), await CountryAsync(db, "CL", "Chile", "Chile")));
        await factory.AddAsync(
            NewDocument("Peru national 1", d => { d.CountryId = peru.Id; d.SourceKind = SourceKind.NationalAuthority; }),
            NewDocument("Peru national 2", d => { d.CountryId = peru.Id; d.SourceKind = SourceKind.NationalAuthority; d.Language = "es"; }),
            NewDocument("Peru other", d => { d.CountryId = peru.Id; d.SourceKind = SourceKind.Other; }),
            NewDocument("Chile national", d => { d.CountryId = chile.Id; d.SourceKind = SourceKind.NationalAuthority; d.PublishedOn = new DateOnly(2029, 3, 3); }),
            NewDocument("International", d => d.SourceKind = SourceKind.InternationalOrganisation),
            NewDocument("Draft Peru national", d => { d.CountryId = peru.Id; d.SourceKind = SourceKind.NationalAuthority; d.PublicationState = PublicationState.Draft; }));
        var client = factory.CreateClient();

        var page = await client.GetDocumentAsync("/library?kind=NationalAuthority");

        Counts(page, "country").ShouldBe(new Dictionary<string, int> { ["Chile"] = 1, ["Peru"] = 2 });
        // The facet of the active filter keeps counting the other values, so the visitor can switch.
        Counts(page, "kind").ShouldBe(new Dictionary<string, int> { ["International organisation"] = 1, ["National authority"] = 3, ["Other source"] = 1 });
        Counts(page, "year").ShouldBe(new Dictionary<string, int> { ["2031"] = 2, ["2029"] = 1 });
        Counts(page, "language").ShouldBe(new Dictionary<string, int> { ["English"] = 2, ["Spanish"] = 1 });
        ResultTitles(page).Count.ShouldBe(3);

        var both = await client.GetDocumentAsync("/library?kind=NationalAuthority&country=PE");
        ResultTitles(both).Order().ToList().ShouldBe(["Peru national 1", "Peru national 2"]);
        Counts(both, "kind").ShouldBe(new Dictionary<string, int> { ["National authority"] = 2, ["Other source"] = 1 });
        Counts(both, "country").ShouldBe(new Dictionary<string, int> { ["Chile"] = 1, ["Peru"] = 2 });
    }

    private static Dictionary<string, int> Counts(AngleSharp.Html.Dom.IHtmlDocument page, string facet) =>
        page.QuerySelectorAll($"#facet-{facet} .facet__value").ToDictionary(
            a => Squash(a.QuerySelector(".facet__name")!.TextContent),
            a => int.Parse(Squash(a.QuerySelector(".facet__count")!.FirstChild!.TextContent), System.Globalization.NumberStyles.AllowThousands, System.Globalization.CultureInfo.InvariantCulture));

    private static List<string> Ticked(AngleSharp.Html.Dom.IHtmlDocument page, string facet) =>
        [.. page.QuerySelectorAll($"#facet-{facet} input[type=checkbox][checked]").Select(i => i.GetAttribute("value")!)];

    protected async Task FacetsTakeSeveralValues_OrWithinAFacet_AndAcrossFacets()
    {
        using var factory = await CreateFactoryAsync();
        var (peru, chile, cuba) = await factory.WithDbAsync(async db => (await CountryAsync(db, "PE", "Peru", "Perú"), await CountryAsync(db, "CL", "Chile", "Chile"), await CountryAsync(db, "CU", "Cuba", "Cuba")));
        var topic = new Topic { Slug = "test-health", NameEn = "Health", NameEs = "Salud" };
        await factory.AddAsync(topic);
        await factory.AddAsync(
            NewDocument("Peru 2031 en", d => { d.CountryId = peru.Id; d.SourceKind = SourceKind.NationalAuthority; d.Topics.Add(new DocumentTopic { TopicId = topic.Id }); }),
            NewDocument("Peru 2029 es", d => { d.CountryId = peru.Id; d.SourceKind = SourceKind.NationalAuthority; d.Language = "es"; d.PublishedOn = new DateOnly(2029, 5, 1); }),
            NewDocument("Chile 2031 es", d => { d.CountryId = chile.Id; d.SourceKind = SourceKind.NationalAuthority; d.Language = "es"; d.Topics.Add(new DocumentTopic { TopicId = topic.Id }); }),
            NewDocument("Cuba 2031 en", d => { d.CountryId = cuba.Id; d.SourceKind = SourceKind.NationalAuthority; }),
            NewDocument("International 2029 en", d => { d.SourceKind = SourceKind.InternationalOrganisation; d.PublishedOn = new DateOnly(2029, 1, 1); }));
        var client = factory.CreateClient();

        // OR within a facet.
        var two = await client.GetDocumentAsync("/library?country=PE&country=CL");
        ResultTitles(two).Order().ToList().ShouldBe(["Chile 2031 es", "Peru 2029 es", "Peru 2031 en"]);
        Ticked(two, "country").Order().ToList().ShouldBe(["CL", "PE"]);
        Counts(two, "country").ShouldBe(new Dictionary<string, int> { ["Chile"] = 1, ["Cuba"] = 1, ["Peru"] = 2 }, "a facet counts without its own filter");
        Counts(two, "language").ShouldBe(new Dictionary<string, int> { ["Spanish"] = 2, ["English"] = 1 });
        Squash(two.QuerySelector("#results-heading")!.TextContent).ShouldContain("of 3");

        // AND across facets, OR inside each; every facet counts with the others' filters.
        var mixed = await client.GetDocumentAsync("/library?country=PE&country=CL&country=CU&language=es&year=2031&year=2029");
        ResultTitles(mixed).Order().ToList().ShouldBe(["Chile 2031 es", "Peru 2029 es"]);
        Counts(mixed, "country").ShouldBe(new Dictionary<string, int> { ["Chile"] = 1, ["Peru"] = 1, ["Cuba"] = 0 }, "a ticked value keeps its checkbox at 0");
        Counts(mixed, "year").ShouldBe(new Dictionary<string, int> { ["2031"] = 1, ["2029"] = 1 });
        Counts(mixed, "language").ShouldBe(new Dictionary<string, int> { ["English"] = 2, ["Spanish"] = 2 });
        Counts(mixed, "topic").ShouldBe(new Dictionary<string, int> { ["Health"] = 1 });
        mixed.QuerySelectorAll(".active-filter").Length.ShouldBe(6);

        // A topic filter narrows the other facets' counts too.
        var health = await client.GetDocumentAsync("/library?topic=test-health&kind=NationalAuthority&kind=InternationalOrganisation");
        ResultTitles(health).Order().ToList().ShouldBe(["Chile 2031 es", "Peru 2031 en"]);
        Counts(health, "country").ShouldBe(new Dictionary<string, int> { ["Chile"] = 1, ["Peru"] = 1 });
        Counts(health, "topic").ShouldBe(new Dictionary<string, int> { ["Health"] = 2 });

        // The filter form is a GET form of checkboxes; the search form and the chips keep every ticked value.
        var form = mixed.QuerySelector("form#facet-form")!;
        form.GetAttribute("method").ShouldBe("get");
        mixed.QuerySelectorAll("form[role=search] input[type=hidden][name=country]").Select(i => i.GetAttribute("value")).Order().ToList().ShouldBe(["CL", "CU", "PE"]);
        var removePeru = mixed.QuerySelectorAll(".active-filter").Single(a => Squash(a.TextContent).Contains("Peru")).GetAttribute("href")!;
        removePeru.ShouldContain("country=CL");
        removePeru.ShouldContain("country=CU");
        removePeru.ShouldNotContain("country=PE");
        removePeru.ShouldContain("year=2029");
        ResultTitles(await client.GetDocumentAsync(removePeru)).ShouldBe(["Chile 2031 es"]);
    }

    /// <summary>
    /// Peru's documents: one filed under Peru and COVID-19 (Spanish, with Spanish text), one filed under Peru only,
    /// one that only names Peru, one that names both, Chile's COVID-19 measure and an unrelated one.
    /// </summary>
    private static async Task<WebFactory> SeedPeruAsync(WebFactory factory)
    {
        var (peru, chile) = await factory.WithDbAsync(async db => (await CountryAsync(db, "PE", "Peru", "Perú"), await CountryAsync(db, "CL", "Chile", "Chile")));
        var covid = new Topic { Slug = "test-covid-19", NameEn = "COVID-19", NameEs = "COVID-19" };
        var authority = new Organisation { Slug = "test-apn", NameEn = "National Port Authority", NameEs = "Autoridad Portuaria Nacional", Acronym = "APN" };
        await factory.AddAsync(covid, authority);
        await factory.AddAsync(
            NewDocument("Prevention at port terminals", d =>
            {
                d.CountryId = peru.Id;
                d.SourceOrganisationId = authority.Id;
                d.SourceKind = SourceKind.NationalAuthority;
                d.Language = "es";
                d.PublishedOn = new DateOnly(2031, 1, 1);
                d.TitleEs = "Prevención en terminales portuarias";
                d.SummaryEn = "Measures against contagion at port terminals.";
                d.SummaryEs = "Medidas contra el contagio en las terminales portuarias.";
                d.BodyEn = "- Temperature checks at the gates.\n- Staggered shifts for dockers.";
                d.BodyEs = "- Control de temperatura en los accesos.\n- Turnos escalonados para los estibadores.";
                d.Topics.Add(new DocumentTopic { TopicId = covid.Id });
            }),
            NewDocument("Port community system of Callao", d => { d.CountryId = peru.Id; d.PublishedOn = new DateOnly(2031, 2, 1); }),
            NewDocument("Regional port statistics", d => { d.BodyEn = "Figures for Peru, Chile and Ecuador."; d.PublishedOn = new DateOnly(2031, 3, 1); }),
            NewDocument("Pandemic notes", d => { d.BodyEn = "What the COVID-19 crisis changed in Peru."; d.PublishedOn = new DateOnly(2031, 4, 1); }),
            NewDocument("Sanitary protocol for terminals", d => { d.CountryId = chile.Id; d.Topics.Add(new DocumentTopic { TopicId = covid.Id }); }),
            NewDocument("Dredging guide"));
        return factory;
    }

    protected async Task CountryNamesAndCodesFindTheCountrysDocuments_FiledFirst()
    {
        using var factory = await SeedPeruAsync(await CreateFactoryAsync());
        var client = factory.CreateClient();

        foreach (var q in new[] { "Peru", "Perú", "peru", "PERU", "PE", "PER", "pe" })
        {
            var titles = ResultTitles(await client.GetDocumentAsync($"/library?q={Uri.EscapeDataString(q)}"));
            titles.Count.ShouldBe(4, $"q={q}");
            // Filed under Peru first (the newer of the two first), then the documents that only name Peru.
            titles.Take(2).ShouldBe(["Port community system of Callao", "Prevention at port terminals"], ignoreOrder: true, $"q={q}");
            titles.Skip(2).ShouldBe(["Regional port statistics", "Pandemic notes"], ignoreOrder: true, $"q={q}");
        }

        // A code inside a sentence counts only in capitals: "pe" among other words is a word.
        ResultTitles(await client.GetDocumentAsync("/library?q=pe+dredging")).ShouldBeEmpty();
    }

    protected async Task TopicAndCountryTogether_AndCovidFindsEveryCovidDocument()
    {
        using var factory = await SeedPeruAsync(await CreateFactoryAsync());
        var client = factory.CreateClient();

        ResultTitles(await client.GetDocumentAsync("/library?q=COVID-19+Peru")).ShouldBe(["Prevention at port terminals", "Pandemic notes"]);
        foreach (var q in new[] { "covid", "COVID-19", "Covid 19" })
        {
            ResultTitles(await client.GetDocumentAsync($"/library?q={Uri.EscapeDataString(q)}")).ShouldBe(
                ["Prevention at port terminals", "Sanitary protocol for terminals", "Pandemic notes"], ignoreOrder: true, $"q={q}");
        }

        // Organisations by name in either language or by acronym.
        foreach (var q in new[] { "National Port Authority", "autoridad portuaria nacional", "APN" })
        {
            ResultTitles(await client.GetDocumentAsync($"/library?q={Uri.EscapeDataString(q)}"))[0].ShouldBe("Prevention at port terminals", $"q={q}");
        }
    }

    protected async Task NamedFacetsAreSuggested_AndTheSuggestionFilters()
    {
        using var factory = await SeedPeruAsync(await CreateFactoryAsync());
        var client = factory.CreateClient();

        var page = await client.GetDocumentAsync("/library?q=Per%C3%BA");
        var suggestion = page.QuerySelectorAll(".library-suggestion").ShouldHaveSingleItem();
        Squash(suggestion.TextContent).ShouldBe("Filter by Peru");
        var href = suggestion.GetAttribute("href")!;
        href.ShouldContain("country=PE");

        var filtered = await client.GetDocumentAsync(href);
        ResultTitles(filtered).ShouldBe(["Port community system of Callao", "Prevention at port terminals"], ignoreOrder: true);
        filtered.QuerySelectorAll(".library-suggestion").ShouldBeEmpty("the facet is ticked now");

        var both = await client.GetDocumentAsync("/library?q=COVID-19+Peru&culture=es");
        both.QuerySelectorAll(".library-suggestion").Select(a => Squash(a.TextContent)).ShouldBe(["Filtrar por COVID-19", "Filtrar por Perú"], ignoreOrder: true);
    }

    protected async Task SpanishVisitorsSeeSpanishExtracts_WithoutMarkdown()
    {
        using var factory = await SeedPeruAsync(await CreateFactoryAsync());
        var client = factory.CreateClient();

        var spanish = await client.GetDocumentAsync("/library?q=temperatura&culture=es");
        var snippet = Squash(spanish.QuerySelector("#library-results .doc-card__snippet")!.TextContent);
        snippet.ShouldContain("Control de temperatura en los accesos");
        snippet.ShouldNotContain("- ");

        // A word of the English text only: the Spanish visitor still reads the Spanish text, not an English extract.
        var english = await client.GetDocumentAsync("/library?q=dockers&culture=es");
        Squash(english.QuerySelector("#library-results .doc-card")!.TextContent).ShouldNotContain("Staggered");
        Squash(english.QuerySelector("#library-results .doc-card")!.TextContent).ShouldContain("Medidas contra el contagio");

        var en = await client.GetDocumentAsync("/library?q=temperature");
        var englishSnippet = Squash(en.QuerySelector("#library-results .doc-card__snippet")!.TextContent);
        englishSnippet.ShouldContain("Temperature checks at the gates. Staggered shifts");
        englishSnippet.ShouldNotContain("- ");
    }

    protected async Task OutOfRangePageShowsTheLast_UnknownSortTheDefaultOrder()
    {
        using var factory = await CreateFactoryAsync();
        await factory.AddAsync([.. Enumerable.Range(1, 23).Select(i => NewDocument($"Harbour note {i:00}", d => d.PublishedOn = new DateOnly(2030, 1, 1).AddDays(i)))]);
        var client = factory.CreateClient();

        var beyond = await client.GetDocumentAsync("/library?page=99");
        Squash(beyond.QuerySelector("#results-heading")!.TextContent).ShouldBe("Documents 21–23 of 23");
        Squash(beyond.QuerySelector(".pager")!.TextContent).ShouldContain("Page 2 of 2");
        ResultTitles(beyond).ShouldBe(["Harbour note 03", "Harbour note 02", "Harbour note 01"]);
        Squash((await client.GetDocumentAsync("/library?q=harbour&page=5")).QuerySelector("#results-heading")!.TextContent).ShouldStartWith("Results 21–23 of 23");

        foreach (var sort in new[] { "zzz", "7", "relevance%00" })
        {
            using var response = await client.GetAsync($"/library?sort={sort}");
            response.StatusCode.ShouldBe(HttpStatusCode.OK, sort);
            ResultTitles(await ParseAsync(response)).Take(2).ShouldBe(["Harbour note 23", "Harbour note 22"], sort);
        }

        ResultTitles(await client.GetDocumentAsync("/library?sort=TITLE")).First().ShouldBe("Harbour note 01");
    }

    protected async Task HighlightsAreEscaped()
    {
        using var factory = await CreateFactoryAsync();
        await factory.AddAsync(NewDocument("<script>alert('x')</script> Dredging rules", d =>
        {
            d.SummaryEn = "<b>bold</b> dredging & <img src=x onerror=alert(1)> summary";
            d.BodyEn = "<iframe src=evil></iframe> dredging body";
        }));
        var client = factory.CreateClient();

        using var response = await client.GetAsync("/library?q=dredging");
        var html = await response.Content.ReadAsStringAsync();
        var page = await ParseAsync(response);

        html.ShouldNotContain("<script>alert");
        html.ShouldNotContain("<img src=x");
        html.ShouldNotContain("<iframe");
        html.ShouldNotContain("<b>bold");
        Squash(page.QuerySelector("#library-results .doc-card__title")!.TextContent).ShouldBe("<script>alert('x')</script> Dredging rules");
        var snippet = page.QuerySelector("#library-results .doc-card__snippet")!;
        snippet.QuerySelectorAll("mark").Select(m => m.TextContent.ToLowerInvariant()).ShouldAllBe(t => t == "dredging");
        snippet.QuerySelectorAll("mark").Length.ShouldBeGreaterThan(0);
        snippet.QuerySelectorAll("*").Select(e => e.LocalName).ShouldAllBe(n => n == "mark");

        var slug = await factory.WithDbAsync(db => db.Documents.Select(d => d.Slug).SingleAsync());
        var documentHtml = await (await client.GetAsync($"/library/{slug}")).Content.ReadAsStringAsync();
        documentHtml.ShouldNotContain("<script>alert");
        documentHtml.ShouldNotContain("<iframe");
        documentHtml.ShouldContain("&lt;iframe");
    }

    protected async Task UnpublishedDocumentsNeverAppear()
    {
        using var factory = await CreateFactoryAsync();
        var draft = NewDocument("Secret draft dredging", d => d.PublicationState = PublicationState.Draft);
        var scheduled = NewDocument("Scheduled dredging", d => d.PublishAtUtc = Now.AddDays(1));
        var visible = NewDocument("Visible dredging");
        await factory.AddAsync(draft, scheduled, visible);
        var file = await factory.AttachAsync(draft, "secret.txt", "text/plain", "secret dredging text");
        var client = factory.CreateClient();

        ResultTitles(await client.GetDocumentAsync("/library")).ShouldBe(["Visible dredging"]);
        ResultTitles(await client.GetDocumentAsync("/library?q=dredging")).ShouldBe(["Visible dredging"]);
        (await client.GetAsync($"/library/{draft.Slug}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await client.GetAsync($"/library/{scheduled.Slug}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await client.GetAsync($"/library/attachments/{file.Id}/secret.txt")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var feed = await client.GetStringAsync("/library/feed.atom");
        feed.ShouldContain("Visible dredging");
        feed.ShouldNotContain("Secret");
        feed.ShouldNotContain("Scheduled");
    }

    protected async Task UnknownSlugsAndFilesAre404()
    {
        using var factory = await CreateFactoryAsync();
        var client = factory.CreateClient();

        (await client.GetAsync("/library/no-such-document")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await client.GetAsync("/library/collections/no-such-collection")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await client.GetAsync("/library/attachments/999999/file.pdf")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    protected async Task JunkQueryStringsAre400OrHarmless()
    {
        using var factory = await CreateFactoryAsync();
        await factory.AddAsync(NewDocument("Near miss reporting"));
        var client = factory.CreateClient();

        foreach (var junk in new[] { "country=PE&country=PERU", "year=2031&year=x", "region=Caribbean&region=Mars", "language=e", "page=abc", "page=0", "page=-3", "year=twenty", "region=Mars", "kind=99x", "country=PERU", "topic=%3Cscript%3E", "q=" + new string('x', 300) })
        {
            (await client.GetAsync($"/library?{junk}")).StatusCode.ShouldBe(HttpStatusCode.BadRequest, junk);
        }

        // Search syntax of either engine is taken as plain words, never as syntax.
        foreach (var q in new[] { "\"", "\"near", "near*", "NEAR(miss reporting)", "-near", "near -", "((near", "near)", "a AND OR NOT", "*", "^near", "near:*", "near & | !", "'; DROP TABLE \"Documents\"; --", "col:near", "{near}" })
        {
            var response = await client.GetAsync($"/library?q={Uri.EscapeDataString(q)}");
            response.StatusCode.ShouldBe(HttpStatusCode.OK, q);
        }

        ResultTitles(await client.GetDocumentAsync($"/library?q={Uri.EscapeDataString("NEAR(\"miss\" -")}")).ShouldBe(["Near miss reporting"]);
    }

    protected async Task EmptyFilterValuesFilterNothing()
    {
        using var factory = await CreateFactoryAsync();
        await factory.AddAsync(NewDocument("Empty filters harm nothing"));
        var client = factory.CreateClient();

        foreach (var empty in new[] { "country=", "country=&country=PE", "source=", "topic=", "language=", "q=" })
        {
            using var response = await client.GetAsync($"/library?{empty}");
            response.StatusCode.ShouldBe(HttpStatusCode.OK, empty);
        }

        // An empty number or choice cannot be bound: the request is the visitor's error, as with any unbindable value.
        foreach (var empty in new[] { "region=", "kind=", "year=", "sort=", "page=" })
        {
            using var response = await client.GetAsync($"/library?{empty}");
            ((int)response.StatusCode).ShouldBeLessThan(500, empty);
        }

        ResultTitles(await client.GetDocumentAsync("/library?country=")).ShouldBe(["Empty filters harm nothing"]);
    }

    protected async Task AttachmentsDownloadWithTheirHeaders_AndTheirTextIsSearchable()
    {
        using var factory = await CreateFactoryAsync();
        var document = NewDocument("Port health plan");
        await factory.AddAsync(document);
        var text = await factory.AttachAsync(document, "checklist.txt", "text/plain", "Quarantine anchorage checklist for inspectors.");
        var html = await factory.AttachAsync(document, "guide.html", "text/html", "<html><body><script>var zzsecret=1;</script><p>Fumigation of holds</p></body></html>");
        var client = factory.CreateClient();

        using var download = await client.GetAsync($"/library/attachments/{text.Id}/checklist.txt");
        download.StatusCode.ShouldBe(HttpStatusCode.OK);
        download.Content.Headers.ContentType!.MediaType.ShouldBe("text/plain");
        download.Content.Headers.ContentDisposition!.DispositionType.ShouldBe("attachment");
        download.Content.Headers.ContentDisposition.FileNameStar.ShouldBe("checklist.txt");
        download.Headers.GetValues("X-Content-Type-Options").ShouldBe(["nosniff"]);
        (await download.Content.ReadAsStringAsync()).ShouldBe("Quarantine anchorage checklist for inspectors.");

        using var htmlDownload = await client.GetAsync($"/library/attachments/{html.Id}/guide.html");
        htmlDownload.Content.Headers.ContentDisposition!.DispositionType.ShouldBe("attachment");

        // A wrong file name in the URL is corrected, the id decides.
        using var renamed = await factory.CreateBrowserLikeClient().GetAsync($"/library/attachments/{text.Id}/other.txt");
        renamed.StatusCode.ShouldBe(HttpStatusCode.MovedPermanently);
        renamed.Headers.Location!.ToString().ShouldEndWith($"/library/attachments/{text.Id}/checklist.txt");

        // The files are stored outside wwwroot, under the data folder.
        File.Exists(Path.Combine(factory.DataDirectory, "attachments", text.StoredFileName)).ShouldBeTrue();

        ResultTitles(await client.GetDocumentAsync("/library?q=anchorage")).ShouldBe(["Port health plan"]);
        ResultTitles(await client.GetDocumentAsync("/library?q=fumigation")).ShouldBe(["Port health plan"]);
        ResultTitles(await client.GetDocumentAsync("/library?q=zzsecret")).ShouldBeEmpty();

        var page = await client.GetDocumentAsync($"/library/{document.Slug}");
        page.QuerySelectorAll(".attachment").Select(a => a.GetAttribute("href")).ShouldBe(
            [$"/library/attachments/{text.Id}/checklist.txt", $"/library/attachments/{html.Id}/guide.html"]);

        // Removing an attachment removes its words from the index (triggers keep the index in step).
        await factory.WithDbAsync(async db =>
        {
            db.Attachments.Remove(await db.Attachments.SingleAsync(a => a.Id == text.Id));
            await db.SaveChangesAsync();
        });
        ResultTitles(await client.GetDocumentAsync("/library?q=anchorage")).ShouldBeEmpty();
    }

    protected async Task OfficeAttachments_AreSearchableByTheirText()
    {
        using var factory = await CreateFactoryAsync();
        var word = NewDocument("Word guide");
        var excel = NewDocument("Excel register");
        var slides = NewDocument("Slide deck");
        var broken = NewDocument("Broken file");
        await factory.AddAsync(word, excel, slides, broken);
        var docx = OfficeFiles.Word("Ballast water sampling", "Annex on zooplankton counts");
        await factory.AttachAsync(word, "guide.docx", OfficeText.WordType, docx);
        await factory.AttachAsync(excel, "register.xlsx", OfficeText.ExcelType, OfficeFiles.Excel("Hinterland", "Reefer plugs", "Tugboat roster", 4242));
        await factory.AttachAsync(slides, "deck.pptx", OfficeText.PowerPointType, OfficeFiles.PowerPoint("Welcome", "Cybersecurity drills"));
        var damaged = await factory.AttachAsync(broken, "broken.docx", OfficeText.WordType, [.. docx.Take(300)]);
        var client = factory.CreateClient();

        ResultTitles(await client.GetDocumentAsync("/library?q=zooplankton")).ShouldBe(["Word guide"]);
        ResultTitles(await client.GetDocumentAsync("/library?q=reefer+plugs")).ShouldBe(["Excel register"]);
        ResultTitles(await client.GetDocumentAsync("/library?q=tugboat")).ShouldBe(["Excel register"], "inline strings count");
        ResultTitles(await client.GetDocumentAsync("/library?q=hinterland")).ShouldBe(["Excel register"], "sheet names count");
        ResultTitles(await client.GetDocumentAsync("/library?q=4242")).ShouldBe(["Excel register"]);
        ResultTitles(await client.GetDocumentAsync("/library?q=cybersecurity")).ShouldBe(["Slide deck"]);
        damaged.ExtractedText.ShouldBeNull("a damaged file is stored without text, not refused with an error");

        // Downloaded as stored, byte for byte.
        var attachmentId = await factory.WithDbAsync(db => db.Attachments.Where(a => a.DocumentId == word.Id).Select(a => a.Id).SingleAsync());
        using var download = await client.GetAsync($"/library/attachments/{attachmentId}/guide.docx");
        download.Content.Headers.ContentType!.MediaType.ShouldBe(OfficeText.WordType);
        (await download.Content.ReadAsByteArrayAsync()).ShouldBe(docx);
    }

    protected async Task EditsReachTheIndexAndTheCachedPages()
    {
        using var factory = await CreateFactoryAsync();
        var document = NewDocument("Mooring guide");
        await factory.AddAsync(document);
        var client = factory.CreateClient();
        ResultTitles(await client.GetDocumentAsync("/library?q=mooring")).ShouldBe(["Mooring guide"]);

        factory.SqlCommands.Reset();
        ResultTitles(await client.GetDocumentAsync("/library?q=mooring")).ShouldBe(["Mooring guide"]);
        factory.SqlCommands.Count.ShouldBe(0, "the second request is served from the output cache");

        await factory.WithDbAsync(async db =>
        {
            var stored = await db.Documents.SingleAsync();
            stored.TitleEn = "Berthing guide";
            stored.TitleEs = "Guía de atraque";
            await db.SaveChangesAsync();
        });

        ResultTitles(await client.GetDocumentAsync("/library?q=mooring")).ShouldBeEmpty();
        ResultTitles(await client.GetDocumentAsync("/library?q=berthing")).ShouldBe(["Berthing guide"]);
    }

    protected async Task PagesNeedAtMostThreeSqlCommands_WithTenOrAThousandDocuments()
    {
        var counts = new List<int>();
        foreach (var size in new[] { 10, 1000 })
        {
            using var factory = await CreateFactoryAsync();
            var peru = await factory.WithDbAsync(db => CountryAsync(db, "PE", "Peru", "Perú"));
            var org = new Organisation { Slug = "imo", NameEn = "International Maritime Organization" };
            var topic = new Topic { Slug = "test-security", NameEn = "Security", NameEs = "Seguridad" };
            var collection = new DocumentCollection { Slug = "set", TitleEn = "A set", PublicationState = PublicationState.Published };
            await factory.AddAsync(org, topic, collection);
            var documents = Enumerable.Range(0, size).Select(i => NewDocument($"Port security measure {i}", d =>
            {
                d.CountryId = i % 2 == 0 ? peru.Id : null;
                d.SourceOrganisationId = i % 2 == 1 ? org.Id : null;
                d.SourceKind = i % 2 == 0 ? SourceKind.NationalAuthority : SourceKind.InternationalOrganisation;
                d.Topics.Add(new DocumentTopic { TopicId = topic.Id });
                d.Collections.Add(new CollectionDocument { CollectionId = collection.Id, SortOrder = i });
            })).ToList();
            await factory.AddAsync([.. documents]);
            var slug = documents[0].Slug;
            var attachment = await factory.AttachAsync(documents[0], "a.txt", "text/plain", "security text");
            var client = factory.CreateClient();
            (await client.GetAsync("/library?warm-up=1")).StatusCode.ShouldBe(HttpStatusCode.OK);
            (await client.GetAsync($"/library/{slug}?warm-up=1")).StatusCode.ShouldBe(HttpStatusCode.OK);

            foreach (var url in new[] { "/library", "/library?q=security+measure&topic=test-security", "/library?kind=NationalAuthority&country=PE&sort=title&page=2", "/library?q=security&kind=NationalAuthority&kind=InternationalOrganisation&year=2031&year=2030&topic=test-security", $"/library/{slug}", "/library/collections/set", "/library/feed.atom" })
            {
                // The fewest of three uncached requests: the mail outbox poller (every 5 s) runs its own commands
                // and may land inside one request's window; a command of the page itself shows in all three.
                var fewest = int.MaxValue;
                for (var attempt = 1; attempt <= 3; attempt++)
                {
                    factory.SqlCommands.Reset();
                    (await client.GetAsync($"{url}{(url.Contains('?') ? '&' : '?')}attempt={attempt}")).StatusCode.ShouldBe(HttpStatusCode.OK, url);
                    fewest = Math.Min(fewest, factory.SqlCommands.Count);
                }

                fewest.ShouldBeInRange(1, 3, $"{url} with {size} documents");
                counts.Add(fewest);
            }

            factory.SqlCommands.Reset();
            (await client.GetAsync($"/library/attachments/{attachment.Id}/a.txt")).StatusCode.ShouldBe(HttpStatusCode.OK);
            factory.SqlCommands.Count.ShouldBe(1);
        }

        counts.Take(counts.Count / 2).ShouldBe(counts.Skip(counts.Count / 2), "the same number of commands with 10 and 1,000 documents");
    }

    protected async Task FeedIsAtomInBothLanguages()
    {
        using var factory = await CreateFactoryAsync();
        await factory.AddAsync(
            NewDocument("Older", d => d.PublishedAtUtc = new DateTime(2031, 1, 1, 0, 0, 0, DateTimeKind.Utc)),
            NewDocument("Newer & better", d => { d.TitleEs = "Más nuevo"; d.PublishedAtUtc = new DateTime(2031, 6, 1, 0, 0, 0, DateTimeKind.Utc); }),
            NewDocument("Only English", d => { d.TitleEs = null; d.PublishedAtUtc = new DateTime(2030, 6, 1, 0, 0, 0, DateTimeKind.Utc); }));
        var client = factory.CreateClient();

        using var response = await client.GetAsync("/library/feed.atom?culture=en");
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/atom+xml");
        XNamespace atom = "http://www.w3.org/2005/Atom";
        var english = XDocument.Parse(await response.Content.ReadAsStringAsync());
        var spanish = XDocument.Parse(await client.GetStringAsync("/library/feed.atom?culture=es"));

        english.Root!.Name.ShouldBe(atom + "feed");
        english.Root.Element(atom + "id").ShouldNotBeNull();
        english.Root.Element(atom + "updated")!.Value.ShouldBe("2032-03-01T12:00:00Z", "the newest change: rows were saved at the fixed clock's now");
        english.Root.Elements(atom + "entry").First().Element(atom + "published")!.Value.ShouldBe("2031-06-01T00:00:00Z");
        english.Root.Elements(atom + "link").Single(l => (string?)l.Attribute("rel") == "self").Attribute("href")!.Value.ShouldContain("/library/feed.atom");
        var entries = english.Root.Elements(atom + "entry").ToList();
        entries.Select(e => e.Element(atom + "title")!.Value).ShouldBe(["Newer & better", "Older", "Only English"]);
        entries.ShouldAllBe(e => e.Element(atom + "id") != null && e.Element(atom + "updated") != null && e.Element(atom + "link") != null);
        ((string?)spanish.Root!.Attribute(XNamespace.Xml + "lang")).ShouldBe("es");
        spanish.Root.Elements(atom + "entry").Select(e => e.Element(atom + "title")!.Value).ShouldBe(["Más nuevo", "Older (ES)", "Only English"]);
        // A title shown in the other language says so.
        ((string?)spanish.Root.Elements(atom + "entry").Last().Element(atom + "title")!.Attribute(XNamespace.Xml + "lang")).ShouldBe("en");
        spanish.Root.Elements(atom + "entry").Select(e => e.Element(atom + "id")!.Value)
            .ShouldBe(entries.Select(e => e.Element(atom + "id")!.Value), "entry ids do not depend on the language");
    }
}

public sealed class LibraryOnSqlite : LibraryTests
{
    protected override Task<WebFactory> CreateFactoryAsync() => Task.FromResult(new WebFactory());

    [Fact] public Task Search_TitleMatchOutranksBodyMatch() => TitleMatchOutranksBodyMatch();
    [Fact] public Task Search_BroadSearchRanksTheNewestMatches() => BroadSearchRanksTheNewestMatches();
    [Fact] public Task Search_IgnoresAccentsAndCase() => SearchIgnoresAccentsAndCase();
    [Fact] public Task Search_ResultsArePaged() => SearchResultsArePaged();
    [Fact] public Task Facets_CountRespectingTheOtherFilters() => FacetCountsRespectTheOtherFilters();
    [Fact] public Task Facets_TakeSeveralValues() => FacetsTakeSeveralValues_OrWithinAFacet_AndAcrossFacets();
    [Fact] public Task Search_CountryNamesAndCodes_FiledFirst() => CountryNamesAndCodesFindTheCountrysDocuments_FiledFirst();
    [Fact] public Task Search_TopicAndCountry_CovidFindsEveryCovidDocument() => TopicAndCountryTogether_AndCovidFindsEveryCovidDocument();
    [Fact] public Task Search_SuggestsNamedFacets() => NamedFacetsAreSuggested_AndTheSuggestionFilters();
    [Fact] public Task Search_SpanishExtracts_WithoutMarkdown() => SpanishVisitorsSeeSpanishExtracts_WithoutMarkdown();
    [Fact] public Task Pages_OutOfRangeClamps_UnknownSortFallsBack() => OutOfRangePageShowsTheLast_UnknownSortTheDefaultOrder();
    [Fact] public Task Highlights_AreEscaped() => HighlightsAreEscaped();
    [Fact] public Task Unpublished_NeverAppear() => UnpublishedDocumentsNeverAppear();
    [Fact] public Task Unknown_SlugsAndFiles_Are404() => UnknownSlugsAndFilesAre404();
    [Fact] public Task JunkQueryStrings_Are400OrHarmless() => JunkQueryStringsAre400OrHarmless();
    [Fact] public Task EmptyFilterValues_FilterNothing() => EmptyFilterValuesFilterNothing();
    [Fact] public Task Attachments_DownloadWithHeaders_AndAreSearchable() => AttachmentsDownloadWithTheirHeaders_AndTheirTextIsSearchable();
    [Fact] public Task OfficeAttachments_AreSearchable() => OfficeAttachments_AreSearchableByTheirText();
    [Fact] public Task Edits_ReachTheIndexAndTheCache() => EditsReachTheIndexAndTheCachedPages();
    [Fact] public Task Pages_NeedAtMostThreeSqlCommands() => PagesNeedAtMostThreeSqlCommands_WithTenOrAThousandDocuments();
    [Fact] public Task Feed_IsAtomInBothLanguages() => FeedIsAtomInBothLanguages();
}

[Collection(PostgresCollection.Name)]
public sealed class LibraryOnPostgres(PostgresCluster cluster) : LibraryTests
{
    protected override async Task<WebFactory> CreateFactoryAsync() =>
        new(settings: new Dictionary<string, string?>
        {
            ["Database:Provider"] = "PostgreSQL",
            ["ConnectionStrings:Portal"] = await cluster.CreateDatabaseAsync(),
        });

    [PostgresFact] public Task Search_TitleMatchOutranksBodyMatch() => TitleMatchOutranksBodyMatch();
    [PostgresFact] public Task Search_BroadSearchRanksTheNewestMatches() => BroadSearchRanksTheNewestMatches();
    [PostgresFact] public Task Search_IgnoresAccentsAndCase() => SearchIgnoresAccentsAndCase();
    [PostgresFact] public Task Search_ResultsArePaged() => SearchResultsArePaged();
    [PostgresFact] public Task Facets_CountRespectingTheOtherFilters() => FacetCountsRespectTheOtherFilters();
    [PostgresFact] public Task Facets_TakeSeveralValues() => FacetsTakeSeveralValues_OrWithinAFacet_AndAcrossFacets();
    [PostgresFact] public Task Search_CountryNamesAndCodes_FiledFirst() => CountryNamesAndCodesFindTheCountrysDocuments_FiledFirst();
    [PostgresFact] public Task Search_TopicAndCountry_CovidFindsEveryCovidDocument() => TopicAndCountryTogether_AndCovidFindsEveryCovidDocument();
    [PostgresFact] public Task Search_SuggestsNamedFacets() => NamedFacetsAreSuggested_AndTheSuggestionFilters();
    [PostgresFact] public Task Search_SpanishExtracts_WithoutMarkdown() => SpanishVisitorsSeeSpanishExtracts_WithoutMarkdown();
    [PostgresFact] public Task Pages_OutOfRangeClamps_UnknownSortFallsBack() => OutOfRangePageShowsTheLast_UnknownSortTheDefaultOrder();
    [PostgresFact] public Task Highlights_AreEscaped() => HighlightsAreEscaped();
    [PostgresFact] public Task Unpublished_NeverAppear() => UnpublishedDocumentsNeverAppear();
    [PostgresFact] public Task Unknown_SlugsAndFiles_Are404() => UnknownSlugsAndFilesAre404();
    [PostgresFact] public Task JunkQueryStrings_Are400OrHarmless() => JunkQueryStringsAre400OrHarmless();
    [PostgresFact] public Task EmptyFilterValues_FilterNothing() => EmptyFilterValuesFilterNothing();
    [PostgresFact] public Task Attachments_DownloadWithHeaders_AndAreSearchable() => AttachmentsDownloadWithTheirHeaders_AndTheirTextIsSearchable();
    [PostgresFact] public Task OfficeAttachments_AreSearchable() => OfficeAttachments_AreSearchableByTheirText();
    [PostgresFact] public Task Edits_ReachTheIndexAndTheCache() => EditsReachTheIndexAndTheCachedPages();
    [PostgresFact] public Task Pages_NeedAtMostThreeSqlCommands() => PagesNeedAtMostThreeSqlCommands_WithTenOrAThousandDocuments();
    [PostgresFact] public Task Feed_IsAtomInBothLanguages() => FeedIsAtomInBothLanguages();
}
