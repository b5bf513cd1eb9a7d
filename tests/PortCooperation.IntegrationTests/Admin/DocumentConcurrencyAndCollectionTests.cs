using System.Globalization;
using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using PortCooperation.IntegrationTests.Infrastructure;
using PortCooperation.IntegrationTests.Web;
using PortCooperation.Web.Domain;
using static PortCooperation.IntegrationTests.Web.Library.LibraryTestData;
using static PortCooperation.IntegrationTests.Web.WebTestData;

namespace PortCooperation.IntegrationTests.Admin;

/// <summary>R6 for documents on both databases, and the collections screen (names, order within sections, removal).</summary>
[Collection(PostgresCollection.Name)]
public sealed class DocumentConcurrencyAndCollectionTests(PostgresCluster cluster)
{
    [Fact]
    public async Task StaleDocumentEdit_IsRefused_KeepsTheTypedValues_AndShowsTheChanges_OnSqlite()
    {
        using var factory = new WebFactory();
        await StaleEditScenarioAsync(factory);
    }

    [PostgresFact]
    public async Task StaleDocumentEdit_IsRefused_KeepsTheTypedValues_AndShowsTheChanges_OnPostgres()
    {
        using var factory = new WebFactory(settings: new Dictionary<string, string?>
        {
            ["Database:Provider"] = "PostgreSQL",
            ["ConnectionStrings:Portal"] = await cluster.CreateDatabaseAsync(),
        });
        await StaleEditScenarioAsync(factory);
    }

    [PostgresFact]
    public async Task DashboardAndDocumentList_WorkOnPostgres()
    {
        using var factory = new WebFactory(settings: new Dictionary<string, string?>
        {
            ["Database:Provider"] = "PostgreSQL",
            ["ConnectionStrings:Portal"] = await cluster.CreateDatabaseAsync(),
        });
        var topic = await factory.WithDbAsync(db => db.Topics.FirstAsync());
        await factory.AddAsync(NewDocument("Draft on PostgreSQL", d => { d.PublicationState = PublicationState.Draft; d.Topics.Add(new DocumentTopic { TopicId = topic.Id }); }));
        var client = await factory.SignedInStaffAsync();

        (await client.PageAsync("/Admin")).QuerySelector("[data-count=draft-documents]")!.TextContent.ShouldBe("1");
        (await client.PageAsync($"/Admin/Documents?q=postgresql&region=SouthAmerica&topic={topic.Id}&publication=draft")).QuerySelectorAll("#documents tbody tr").Length.ShouldBe(0);
        (await client.PageAsync($"/Admin/Documents?q=postgresql&topic={topic.Id}&publication=draft&sort=kind")).QuerySelectorAll("#documents tbody tr").Length.ShouldBe(1);
    }

    [Fact]
    public async Task AStaleDocumentDelete_IsRefused_AndTheColleaguesChangeStays()
    {
        using var factory = new WebFactory();
        var document = NewDocument("Port health protocol", d => d.PublicationState = PublicationState.Draft);
        await factory.AddAsync(document);
        var client = await factory.SignedInStaffAsync();
        var url = $"/Admin/Documents/Edit/{document.Id}";
        var page = await client.PageAsync(url);
        await client.SubmitAsync(url, "#document-form", new() { ["TitleEs"] = "Protocolo sanitario" });

        using var stale = await client.SubmitAsync(page, "#delete-document", [], url);

        stale.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        stale.Headers.Location!.OriginalString.ShouldBe(url);
        (await client.PageAsync(url)).QuerySelector("[role=alert]")!.TextContent.ShouldContain("someone changed this record after you opened it");
        (await factory.WithDbAsync(db => db.Documents.AsNoTracking().SingleAsync(d => d.Id == document.Id))).TitleEs.ShouldBe("Protocolo sanitario");

        using var current = await client.SubmitAsync(url, "#delete-document", []);
        current.Headers.Location!.OriginalString.ShouldBe("/Admin/Documents");
        (await factory.WithDbAsync(db => db.Documents.CountAsync(d => d.Id == document.Id))).ShouldBe(0);
    }

    [Fact]
    public async Task AStaleCollectionDelete_IsRefused_AndTheColleaguesChangeStays()
    {
        using var factory = new WebFactory();
        var collection = new DocumentCollection { Slug = "ports", TitleEn = "Ports", PublicationState = PublicationState.Published };
        await factory.AddAsync(collection);
        var client = await factory.SignedInStaffAsync();
        var url = $"/Admin/Collections/Edit/{collection.Id}";
        var page = await client.PageAsync(url);
        await client.SubmitAsync(url, "#collection-form", new() { ["TitleEs"] = "Puertos" });

        using var stale = await client.SubmitAsync(page, "#delete-collection", [], url);

        stale.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        stale.Headers.Location!.OriginalString.ShouldBe(url);
        (await client.PageAsync(url)).QuerySelector("[role=alert]")!.TextContent.ShouldContain("someone changed this record after you opened it");
        (await factory.WithDbAsync(db => db.Collections.AsNoTracking().SingleAsync(c => c.Id == collection.Id))).TitleEs.ShouldBe("Puertos");

        using var current = await client.SubmitAsync(url, "#delete-collection", []);
        current.Headers.Location!.OriginalString.ShouldBe("/Admin/Collections");
        (await factory.WithDbAsync(db => db.Collections.CountAsync(c => c.Id == collection.Id))).ShouldBe(0);
    }

    private static async Task StaleEditScenarioAsync(WebFactory factory)
    {
        var document = NewDocument("Port health protocol", d => d.PublicationState = PublicationState.Draft);
        await factory.AddAsync(document);
        var topic = await factory.WithDbAsync(db => db.Topics.SingleAsync(t => t.Slug == "security"));
        var ana = await factory.SignedInStaffAsync("ana@example.org");
        var jose = await factory.SignedInStaffAsync("jose@example.org");
        var url = $"/Admin/Documents/Edit/{document.Id}";
        var anasForm = await ana.PageAsync(url);

        using (var josesSave = await jose.SubmitAsync(url, "#document-form", new()
        {
            ["TitleEs"] = "Protocolo de salud portuaria", ["TopicIds"] = topic.Id.ToString(CultureInfo.InvariantCulture),
        }))
        {
            josesSave.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        using var refused = await ana.SubmitAsync(anasForm, "#document-form", new() { ["TitleEn"] = "Ana's title", ["SummaryEn"] = "Ana's summary" }, url);

        refused.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        var page = await ParseAsync(refused);
        page.QuerySelector<IHtmlInputElement>("#f-TitleEn")!.Value.ShouldBe("Ana's title");
        page.QuerySelector("#f-SummaryEn")!.TextContent.ShouldBe("Ana's summary");
        Squash(page.QuerySelector("#conflict-summary")!.TextContent).ShouldContain("jose@example.org");
        page.QuerySelectorAll("#conflict-summary li").Select(li => Squash(li.TextContent))
            .ShouldBe(["Title (Spanish): Protocolo de salud portuaria", "Topics: Port security"], ignoreOrder: true);
        page.QuerySelector("#f-TitleEn-conflict").ShouldBeNull();
        var stored = await factory.WithDbAsync(db => db.Documents.AsNoTracking().SingleAsync(d => d.Id == document.Id));
        (stored.TitleEn, stored.TitleEs, stored.Version).ShouldBe(("Port health protocol", "Protocolo de salud portuaria", 2L));

        // A publish from the old page is refused too.
        using (var stalePublish = await ana.SubmitAsync(anasForm, "#publish-now", [], url))
        {
            stalePublish.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        (await ana.PageAsync(url)).QuerySelector("[role=alert]")!.TextContent.ShouldContain("Someone changed this document");
        (await factory.WithDbAsync(db => db.Documents.AsNoTracking().SingleAsync(d => d.Id == document.Id))).PublicationState.ShouldBe(PublicationState.Draft);

        // Having seen the change, Ana saves again on purpose.
        using var second = await ana.SubmitAsync(page, "#document-form", [], url);
        second.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        stored = await factory.WithDbAsync(db => db.Documents.AsNoTracking().SingleAsync(d => d.Id == document.Id));
        (stored.TitleEn, stored.SummaryEn, stored.Version).ShouldBe(("Ana's title", "Ana's summary", 3L));
    }

    [Fact]
    public async Task Collections_AreCreatedRenamedReorderedWithinSections_AndMembersRemoved()
    {
        using var factory = new WebFactory();
        var peru = await factory.WithDbAsync(db => db.Countries.SingleAsync(c => c.Code == "PE"));
        var client = await factory.SignedInStaffAsync();

        using (var invalid = await client.SubmitAsync("/Admin/Collections/Create", "#collection-form", new() { ["TitleEn"] = "", ["Slug"] = "Bad Slug" }))
        {
            invalid.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
            var page = await ParseAsync(invalid);
            page.QuerySelector("#f-TitleEn-error").ShouldNotBeNull();
            Squash(page.QuerySelector("#f-Slug-error")!.TextContent).ShouldContain("lower-case");
        }

        using var created = await client.SubmitAsync("/Admin/Collections/Create", "#collection-form", new()
        {
            ["TitleEn"] = "Climate resilience", ["TitleEs"] = "Resiliencia climática", ["IsPublished"] = "true",
        });
        created.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var collection = await factory.WithDbAsync(db => db.Collections.SingleAsync());
        (collection.Slug, collection.TitleEs, collection.PublicationState).ShouldBe(("climate-resilience", "Resiliencia climática", PublicationState.Published));

        var protocolA = NewDocument("Protocol A", d => d.Collections.Add(new CollectionDocument { CollectionId = collection.Id, SortOrder = 0 }));
        var national = NewDocument("Peru measure", d => { d.SourceKind = SourceKind.NationalAuthority; d.CountryId = peru.Id; d.Collections.Add(new CollectionDocument { CollectionId = collection.Id, SortOrder = 1 }); });
        var protocolB = NewDocument("Protocol B", d => d.Collections.Add(new CollectionDocument { CollectionId = collection.Id, SortOrder = 2 }));
        await factory.AddAsync(protocolA, national, protocolB);
        var url = $"/Admin/Collections/Edit/{collection.Id}";
        var form = await client.PageAsync(url);
        form.QuerySelector("#section-international")!.TextContent.ShouldContain("International protocols");
        form.QuerySelector("#section-national")!.TextContent.ShouldContain("National measures");

        // Protocol B before protocol A; the national measure removed.
        var fields = StaffClient.FieldsOf((IHtmlFormElement)form.QuerySelector("#collection-form")!);
        var index = fields.Where(f => f.Key.EndsWith(".DocumentId", StringComparison.Ordinal)).ToDictionary(f => int.Parse(f.Value, CultureInfo.InvariantCulture), f => f.Key.Split('.')[0]);
        using var saved = await client.SubmitAsync(form, "#collection-form", new()
        {
            [$"{index[protocolB.Id]}.SortOrder"] = "0", [$"{index[protocolA.Id]}.SortOrder"] = "5", [$"{index[national.Id]}.Remove"] = "true",
        }, url);
        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var order = await factory.WithDbAsync(db => db.CollectionDocuments.Where(c => c.CollectionId == collection.Id).OrderBy(c => c.SortOrder).Select(c => c.Document!.TitleEn).ToListAsync());
        order.ShouldBe(["Protocol B", "Protocol A"]);
        var publicPage = await factory.CreateClient().GetDocumentAsync("/library/collections/climate-resilience");
        publicPage.QuerySelectorAll("#international .doc-card__title").Select(e => Squash(e.TextContent)).ShouldBe(["Protocol B", "Protocol A"]);

        // A stale save is refused and keeps what was typed.
        var stalePage = await client.PageAsync(url);
        await client.SubmitAsync(url, "#collection-form", new() { ["TitleEs"] = "Otra" });
        using var stale = await client.SubmitAsync(stalePage, "#collection-form", new() { ["TitleEn"] = "Mine" }, url);
        stale.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await ParseAsync(stale)).QuerySelector<IHtmlInputElement>("#f-TitleEn")!.Value.ShouldBe("Mine");

        using var deleted = await client.SubmitAsync(url, "#delete-collection", new());
        deleted.Headers.Location!.OriginalString.ShouldBe("/Admin/Collections");
        (await factory.WithDbAsync(db => db.Documents.CountAsync())).ShouldBe(3);
        (await factory.CreateClient().GetAsync("/library/collections/climate-resilience")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}
