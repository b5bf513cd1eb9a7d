using System.Globalization;
using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using PortCooperation.IntegrationTests.Web;
using PortCooperation.Web.Domain;
using static PortCooperation.IntegrationTests.Web.Library.LibraryTestData;
using static PortCooperation.IntegrationTests.Web.WebTestData;

namespace PortCooperation.IntegrationTests.Admin;

/// <summary>/Admin/Documents: the library's documents managed by staff, and what the public then sees.</summary>
public sealed class DocumentAdminTests
{
    private static readonly DateTime Now = WebFactory.DefaultNow.UtcDateTime;

    [Fact]
    public async Task List_UsesAtMostFiveSqlCommands_TheSameFor10And1000Documents()
    {
        var counts = new List<int>();
        foreach (var rows in new[] { 10, 1000 })
        {
            using var factory = new WebFactory();
            var topic = await factory.WithDbAsync(db => db.Topics.FirstAsync());
            await factory.AddAsync([.. Enumerable.Range(0, rows).Select(i => NewDocument($"Document {i:0000}", d => d.Topics.Add(new DocumentTopic { TopicId = topic.Id })))]);
            var client = await factory.SignedInStaffAsync();
            await client.PageAsync("/Admin/Audit");

            // The lower of two counts: the outbox's background polling may add a command to one of them.
            var seen = new List<int>();
            for (var attempt = 0; attempt < 2; attempt++)
            {
                factory.SqlCommands.Reset();
                var page = await client.PageAsync($"/Admin/Documents?kind=InternationalOrganisation&publication=published&topic={topic.Id}&sort=-title");
                seen.Add(factory.SqlCommands.Count);
                page.QuerySelectorAll("#documents tbody tr").Length.ShouldBe(Math.Min(rows, 25));
            }

            counts.Add(seen.Min());
        }

        counts[0].ShouldBeLessThanOrEqualTo(5);
        counts[1].ShouldBe(counts[0]);
    }

    [Fact]
    public async Task List_SearchesFiltersSortsAndPages()
    {
        using var factory = new WebFactory();
        var (peru, canada, topic) = await factory.WithDbAsync(async db =>
            (await db.Countries.SingleAsync(c => c.Code == "PE"), await db.Countries.SingleAsync(c => c.Code == "CA"), await db.Topics.SingleAsync(t => t.Slug == "environment")));
        await factory.AddAsync(
            NewDocument("Peruvian port sanitation measure", d => { d.SourceKind = SourceKind.NationalAuthority; d.CountryId = peru.Id; }),
            NewDocument("Canadian crew change protocol", d => { d.SourceKind = SourceKind.NationalAuthority; d.CountryId = canada.Id; d.PublicationState = PublicationState.Draft; }),
            NewDocument("Green ports guideline", d => { d.Topics.Add(new DocumentTopic { TopicId = topic.Id }); d.PublishAtUtc = Now.AddDays(2); }),
            NewDocument("IMO circular on seafarers"));
        await factory.AddAsync([.. Enumerable.Range(0, 30).Select(i => NewDocument($"Filler {i:00}"))]);
        var client = await factory.SignedInStaffAsync();

        (await TitlesAsync(client, "/Admin/Documents?q=PROTOCOL")).ShouldBe(["Canadian crew change protocol"]);
        (await TitlesAsync(client, "/Admin/Documents?region=SouthAmerica")).ShouldBe(["Peruvian port sanitation measure"]);
        (await TitlesAsync(client, $"/Admin/Documents?country={canada.Id}")).ShouldBe(["Canadian crew change protocol"]);
        (await TitlesAsync(client, "/Admin/Documents?kind=NationalAuthority&sort=title")).ShouldBe(["Canadian crew change protocol", "Peruvian port sanitation measure"]);
        (await TitlesAsync(client, $"/Admin/Documents?topic={topic.Id}")).ShouldBe(["Green ports guideline"]);
        (await TitlesAsync(client, "/Admin/Documents?publication=draft")).ShouldBe(["Canadian crew change protocol"]);
        (await TitlesAsync(client, "/Admin/Documents?publication=scheduled")).ShouldBe(["Green ports guideline"]);
        (await TitlesAsync(client, "/Admin/Documents?kind=Nonsense&region=9999&country=abc&sort=%27;drop")).Count.ShouldBe(25);
        (await TitlesAsync(client, "/Admin/Documents?q=filler&sort=-title&page=2")).ShouldBe(["Filler 04", "Filler 03", "Filler 02", "Filler 01", "Filler 00"]);
    }

    [Fact]
    public async Task Create_SavesADraft_WithTopicsCollectionsAndCountry_AndAudits()
    {
        using var factory = new WebFactory();
        var collection = new DocumentCollection { Slug = "covid", TitleEn = "COVID-19 best practices", PublicationState = PublicationState.Published };
        var organisation = new Organisation { Slug = "apn", NameEn = "National Port Authority", Acronym = "APN", Type = OrganisationType.NationalPortAuthority };
        await factory.AddAsync(collection, organisation, NewDocument("Already in the collection", d => d.Collections.Add(new CollectionDocument { Collection = collection, SortOrder = 4 })));
        var (peru, topics) = await factory.WithDbAsync(async db => (await db.Countries.SingleAsync(c => c.Code == "PE"), await db.Topics.OrderBy(t => t.Id).Take(2).ToListAsync()));
        var client = await factory.SignedInStaffAsync("lucia@example.org");

        using var response = await client.SubmitAsync("/Admin/Documents/Create", "#document-form", new Dictionary<string, string>
        {
            ["TitleEn"] = "Sanitary protocol for cruise terminals", ["TitleEs"] = "Protocolo sanitario para terminales de cruceros",
            ["SummaryEn"] = "Steps for cruise terminals.", ["BodyEs"] = "## Medidas\n\n- Limpieza", ["SourceKind"] = "NationalAuthority",
            ["SourceOrganisationId"] = organisation.Id.ToString(CultureInfo.InvariantCulture), ["CountryId"] = peru.Id.ToString(CultureInfo.InvariantCulture),
            ["Language"] = "es", ["PublishedOn"] = "2031-06-01", ["ExternalUrl"] = "https://example.org/protocol.pdf",
        }.WithEach("TopicIds", topics.Select(t => t.Id)).WithEach("CollectionIds", [collection.Id]));

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        var saved = await factory.WithDbAsync(db => db.Documents.Include(d => d.Topics).Include(d => d.Collections).SingleAsync(d => d.TitleEn.StartsWith("Sanitary")));
        (saved.PublicationState, saved.Slug, saved.CountryId, saved.SourceOrganisationId, saved.Language, saved.PublishedOn, saved.TitleEs)
            .ShouldBe((PublicationState.Draft, "sanitary-protocol-for-cruise-terminals", (int?)peru.Id, (int?)organisation.Id, "es", (DateOnly?)new DateOnly(2031, 6, 1), "Protocolo sanitario para terminales de cruceros"));
        saved.Topics.Select(t => t.TopicId).Order().ShouldBe(topics.Select(t => t.Id).Order());
        saved.Collections.ShouldHaveSingleItem().SortOrder.ShouldBe(5);
        var audit = await factory.WithDbAsync(db => db.AuditEntries.Where(e => e.EntityType == nameof(BestPracticeDocument)).SingleAsync());
        (audit.Action, audit.UserName).ShouldBe(("create", "lucia@example.org"));

        var form = await client.PageAsync(response.Headers.Location!.OriginalString);
        form.QuerySelector("[role=status]")!.TextContent.ShouldContain("created as a draft");
        form.QuerySelector<IHtmlInputElement>($"#f-TopicIds-{topics[0].Id}")!.IsChecked.ShouldBeTrue();
        form.QuerySelector("#publication-state")!.TextContent.ShouldContain("Draft");
    }

    [Theory]
    [InlineData("en", "Title (English) is required.", "Choose the country of a national measure.", "The review date must not be before the issue date.")]
    [InlineData("es", "El campo «Título (inglés)» es obligatorio.", "Elija el país de la medida nacional.", "La fecha de revisión no puede ser anterior a la de emisión.")]
    public async Task Create_Invalid_ShowsEachMessageBesideItsField_AndKeepsWhatWasTyped(string culture, string required, string country, string reviewed)
    {
        using var factory = new WebFactory();
        var client = await factory.SignedInStaffAsync();
        (await client.GetAsync($"/language/{culture}")).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        using var response = await client.SubmitAsync("/Admin/Documents/Create", "#document-form", new()
        {
            ["TitleEn"] = "", ["TitleEs"] = "Título que no se pierde", ["SourceKind"] = "NationalAuthority", ["CountryId"] = "",
            ["PublishedOn"] = "2031-06-01", ["LastReviewedOn"] = "2031-01-01",
        });

        response.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        var page = await ParseAsync(response);
        Squash(page.QuerySelector("#f-TitleEn-error")!.TextContent).ShouldBe(required);
        Squash(page.QuerySelector("#f-CountryId-error")!.TextContent).ShouldBe(country);
        Squash(page.QuerySelector("#f-LastReviewedOn-error")!.TextContent).ShouldBe(reviewed);
        page.QuerySelector("#f-TitleEn")!.GetAttribute("aria-invalid").ShouldBe("true");
        page.QuerySelector<IHtmlInputElement>("#f-TitleEs")!.Value.ShouldBe("Título que no se pierde");
        page.QuerySelectorAll("#error-summary li").Length.ShouldBe(3);
        (await factory.WithDbAsync(db => db.Documents.CountAsync())).ShouldBe(0);
    }

    [Fact]
    public async Task Edit_IgnoresOverPostedIdSlugAndPublication()
    {
        using var factory = new WebFactory();
        var document = NewDocument("Draft guideline", d => d.PublicationState = PublicationState.Draft);
        var other = NewDocument("Someone else's");
        await factory.AddAsync(document, other);
        var client = await factory.SignedInStaffAsync();

        using var response = await client.SubmitAsync($"/Admin/Documents/Edit/{document.Id}", "#document-form", new()
        {
            ["TitleEn"] = "Draft guideline, renamed", ["Id"] = other.Id.ToString(CultureInfo.InvariantCulture), ["PublicationState"] = "Published",
            ["PublishAtUtc"] = "2030-01-01", ["Slug"] = "hijacked", ["IsDemo"] = "true",
        });

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var saved = await factory.WithDbAsync(db => db.Documents.AsNoTracking().SingleAsync(d => d.Id == document.Id));
        (saved.TitleEn, saved.PublicationState, saved.PublishAtUtc, saved.Slug, saved.IsDemo, saved.Version)
            .ShouldBe(("Draft guideline, renamed", PublicationState.Draft, (DateTime?)null, document.Slug, false, 2L));
        (await factory.WithDbAsync(db => db.Documents.AsNoTracking().SingleAsync(d => d.Id == other.Id))).TitleEn.ShouldBe("Someone else's");
        (await client.GetAsync("/Admin/Documents/Edit/4242")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Publishing_ReachesLibrarySearchFeedAndSitemap_OnlyWhilePublished()
    {
        using var factory = new WebFactory();
        var document = NewDocument("Quarantine berthing procedure", d => { d.PublicationState = PublicationState.Draft; d.PublishedAtUtc = null; });
        await factory.AddAsync(document);
        var client = await factory.SignedInStaffAsync();
        var anonymous = factory.CreateClient();
        var url = $"/Admin/Documents/Edit/{document.Id}";
        await ShouldBePublicAsync(anonymous, document.Slug, false);

        await client.SubmitAsync(url, "#publish-now", new());
        await ShouldBePublicAsync(anonymous, document.Slug, true);
        (await client.PageAsync(url)).QuerySelector("#publication-state")!.TextContent.ShouldContain("Published");

        await client.SubmitAsync(url, "#unpublish", new());
        await ShouldBePublicAsync(anonymous, document.Slug, false);

        using (var past = await client.SubmitAsync(url, "#publish-schedule", new() { ["PublishAt"] = "2020-01-01T09:00" }))
        {
            past.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        (await client.PageAsync(url)).QuerySelector("[role=alert]")!.TextContent.ShouldContain("in the future");
        await client.SubmitAsync(url, "#publish-schedule", new() { ["PublishAt"] = "2032-03-02T09:00" });
        var scheduled = await factory.WithDbAsync(db => db.Documents.AsNoTracking().SingleAsync(d => d.Id == document.Id));
        (scheduled.PublicationState, scheduled.PublishAtUtc).ShouldBe((PublicationState.Published, (DateTime?)new DateTime(2032, 3, 2, 9, 0, 0, DateTimeKind.Utc)));
        await ShouldBePublicAsync(anonymous, document.Slug, false);
        (await client.PageAsync("/Admin/Documents?publication=scheduled")).QuerySelectorAll("#documents tbody tr").Length.ShouldBe(1);

        // The next day the scheduled moment has come: the same record is public without anyone touching it.
        using var tomorrow = new WebFactory(Now.AddDays(2), new Dictionary<string, string?> { ["Data:Directory"] = factory.DataDirectory });
        await ShouldBePublicAsync(tomorrow.CreateClient(), document.Slug, true);

        var actions = await factory.WithDbAsync(db => db.AuditEntries.Where(e => e.EntityType == nameof(BestPracticeDocument)).OrderBy(e => e.Id).Select(e => e.Action).ToListAsync());
        actions.ShouldBe(["publish", "unpublish", "publish"]);
    }

    [Fact]
    public async Task Search_FindsTheNewTitleAfterPublish_AndNotAfterUnpublish()
    {
        using var factory = new WebFactory();
        var document = NewDocument("Old name", d => d.PublicationState = PublicationState.Draft);
        await factory.AddAsync(document);
        var client = await factory.SignedInStaffAsync();
        var anonymous = factory.CreateClient();
        var url = $"/Admin/Documents/Edit/{document.Id}";

        await client.SubmitAsync(url, "#document-form", new() { ["TitleEn"] = "Ballast water zanzibarite rules", ["TitleEs"] = "Reglas de agua de lastre" });
        (await SearchAsync(anonymous, "zanzibarite")).ShouldBeEmpty();
        await client.SubmitAsync(url, "#publish-now", new());
        (await SearchAsync(anonymous, "zanzibarite")).ShouldBe(["Ballast water zanzibarite rules"]);
        (await SearchAsync(anonymous, "old")).ShouldBeEmpty();
        await client.SubmitAsync(url, "#unpublish", new());
        (await SearchAsync(anonymous, "zanzibarite")).ShouldBeEmpty();
    }

    [Fact]
    public async Task Delete_RemovesTheDocumentItsLinksAndFiles()
    {
        using var factory = new WebFactory();
        var collection = new DocumentCollection { Slug = "c", TitleEn = "C", PublicationState = PublicationState.Published };
        var document = NewDocument("To be deleted", d => d.Collections.Add(new CollectionDocument { Collection = collection }));
        await factory.AddAsync(document, NewDocument("Stays"));
        var file = await factory.AttachAsync(document, "notes.txt", "text/plain", "notes");
        var storage = (PortCooperation.Web.Services.Library.AttachmentStorage)factory.Services.GetService(typeof(PortCooperation.Web.Services.Library.AttachmentStorage))!;
        File.Exists(storage.PathOf(file.StoredFileName)).ShouldBeTrue();
        var client = await factory.SignedInStaffAsync();

        using var deleted = await client.SubmitAsync($"/Admin/Documents/Edit/{document.Id}", "#delete-document", new());

        deleted.Headers.Location!.OriginalString.ShouldBe("/Admin/Documents");
        (await factory.WithDbAsync(db => db.Documents.Select(d => d.TitleEn).ToListAsync())).ShouldBe(["Stays"]);
        (await factory.WithDbAsync(db => db.CollectionDocuments.CountAsync())).ShouldBe(0);
        (await factory.WithDbAsync(db => db.Collections.CountAsync())).ShouldBe(1);
        File.Exists(storage.PathOf(file.StoredFileName)).ShouldBeFalse();
        (await factory.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.EntityType == nameof(BestPracticeDocument) && e.Action == "delete"))).ShouldBe(1);
    }

    [Fact]
    public async Task Export_IsCsvOfTheFilteredList_WithFormulasNeutralised()
    {
        using var factory = new WebFactory();
        await factory.AddAsync(NewDocument("=cmd|' /C calc'!A0"), NewDocument("A draft", d => d.PublicationState = PublicationState.Draft));
        var client = await factory.SignedInStaffAsync();

        using var response = await client.GetAsync("/Admin/Documents/Export?publication=published");
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/csv");
        var lines = (await response.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        lines.Length.ShouldBe(2);
        lines[1].ShouldContain(",'=cmd|' /C calc'!A0,");
    }

    private static async Task ShouldBePublicAsync(HttpClient anonymous, string slug, bool expected)
    {
        (await anonymous.GetAsync($"/library/{slug}")).StatusCode.ShouldBe(expected ? HttpStatusCode.OK : HttpStatusCode.NotFound, $"document page of {slug}");
        (await anonymous.GetStringAsync("/library")).Contains($"/library/{slug}", StringComparison.Ordinal).ShouldBe(expected, "library list");
        (await anonymous.GetStringAsync("/library/feed.atom")).Contains($"/library/{slug}", StringComparison.Ordinal).ShouldBe(expected, "feed");
        (await anonymous.GetStringAsync("/sitemap.xml")).Contains($"/library/{slug}", StringComparison.Ordinal).ShouldBe(expected, "sitemap");
        (await anonymous.GetStringAsync("/library?q=quarantine+berthing")).Contains($"/library/{slug}", StringComparison.Ordinal).ShouldBe(expected, "search");
    }

    internal static async Task<List<string>> SearchAsync(HttpClient client, string q) =>
        [.. (await client.GetDocumentAsync($"/library?q={Uri.EscapeDataString(q)}")).QuerySelectorAll("#library-results .doc-card__title").Select(e => Squash(e.TextContent))];

    private static async Task<List<string>> TitlesAsync(HttpClient client, string url) =>
        [.. (await client.PageAsync(url)).QuerySelectorAll("#documents tbody tr td:first-child").Select(td => Squash(td.TextContent))];
}

internal static class FormValues
{
    /// <summary>The values plus one "name=value" pair per item, as a browser posts checked boxes of the same name.</summary>
    public static Dictionary<string, string> WithEach(this Dictionary<string, string> values, string name, IEnumerable<int> ids)
    {
        var i = 0;
        foreach (var id in ids)
        {
            values[$"{name}[{i++}]"] = id.ToString(CultureInfo.InvariantCulture);
        }

        return values;
    }
}
