using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using PortCooperation.IntegrationTests.Infrastructure;
using PortCooperation.Web.Data;
using PortCooperation.Web.Domain;
using static PortCooperation.IntegrationTests.Web.Library.LibraryTestData;
using static PortCooperation.IntegrationTests.Web.WebTestData;

namespace PortCooperation.IntegrationTests.Web.Library;

/// <summary>
/// The library's facet counts come from an in-memory copy of the published documents' facet columns
/// (LibraryFacetIndex). These tests hold it to a plain SQL count of the same question, and show that a publish,
/// an unpublish, an edit and a scheduled publication time reach the page at once. Run on SQLite and PostgreSQL.
/// </summary>
public abstract partial class LibraryFacetIndexTests
{
    private static readonly DateTime Now = WebFactory.DefaultNow.UtcDateTime;

    protected abstract Task<WebFactory> CreateFactoryAsync();

    private sealed record Spec(string? Q = null, Region[]? Regions = null, string[]? Countries = null, SourceKind[]? Kinds = null, string[]? Sources = null, string[]? Topics = null, string[]? Languages = null, int[]? Years = null)
    {
        public string Url()
        {
            var parts = new List<string>();
            if (Q is not null) { parts.Add($"q={Uri.EscapeDataString(Q)}"); }
            parts.AddRange((Regions ?? []).Select(v => $"region={v}"));
            parts.AddRange((Countries ?? []).Select(v => $"country={v}"));
            parts.AddRange((Kinds ?? []).Select(v => $"kind={v}"));
            parts.AddRange((Sources ?? []).Select(v => $"source={v}"));
            parts.AddRange((Topics ?? []).Select(v => $"topic={v}"));
            parts.AddRange((Languages ?? []).Select(v => $"language={v}"));
            parts.AddRange((Years ?? []).Select(v => $"year={v}"));
            return "/library" + (parts.Count == 0 ? "" : "?" + string.Join('&', parts));
        }
    }

    /// <summary>The documents a plain SQL query says the page shows, with every filter but <paramref name="except"/>'s.</summary>
    private static IQueryable<BestPracticeDocument> Filtered(PortalDbContext db, Spec spec, DateTime now, string? except = null)
    {
        var documents = db.Documents.Where(d => d.PublicationState == PublicationState.Published && (d.PublishAtUtc == null || d.PublishAtUtc <= now));
        if (spec.Q is { } q) { documents = documents.Where(d => d.TitleEn.Contains(q)); }
        if (except != "region" && spec.Regions is { } regions) { documents = documents.Where(d => d.Country != null && regions.Contains(d.Country.Region)); }
        if (except != "country" && spec.Countries is { } countries) { documents = documents.Where(d => d.Country != null && countries.Contains(d.Country.Code)); }
        if (except != "kind" && spec.Kinds is { } kinds) { documents = documents.Where(d => kinds.Contains(d.SourceKind)); }
        if (except != "source" && spec.Sources is { } sources) { documents = documents.Where(d => d.SourceOrganisation != null && sources.Contains(d.SourceOrganisation.Slug)); }
        if (except != "topic" && spec.Topics is { } topics) { documents = documents.Where(d => d.Topics.Any(t => topics.Contains(t.Topic!.Slug))); }
        if (except != "language" && spec.Languages is { } languages) { documents = documents.Where(d => languages.Contains(d.Language)); }
        if (except != "year" && spec.Years is { } years) { documents = documents.Where(d => d.PublishedOn != null && years.Contains(d.PublishedOn.Value.Year)); }
        return documents;
    }

    private static async Task<Dictionary<string, Dictionary<string, int>>> SqlCountsAsync(PortalDbContext db, Spec spec, DateTime now)
    {
        static Dictionary<string, int> Of<TKey>(IEnumerable<(TKey Key, int Count)> rows) => rows.ToDictionary(r => Convert.ToString(r.Key, CultureInfo.InvariantCulture)!, r => r.Count);
        var topicDocuments = Filtered(db, spec, now, "topic").Select(d => d.Id);
        return new()
        {
            ["region"] = Of((await Filtered(db, spec, now, "region").Where(d => d.Country != null).GroupBy(d => d.Country!.Region).Select(g => new { g.Key, Count = g.Count() }).ToListAsync()).Select(r => (r.Key, r.Count))),
            ["country"] = Of((await Filtered(db, spec, now, "country").Where(d => d.Country != null).GroupBy(d => d.Country!.Code).Select(g => new { g.Key, Count = g.Count() }).ToListAsync()).Select(r => (r.Key, r.Count))),
            ["kind"] = Of((await Filtered(db, spec, now, "kind").GroupBy(d => d.SourceKind).Select(g => new { g.Key, Count = g.Count() }).ToListAsync()).Select(r => (r.Key, r.Count))),
            ["source"] = Of((await Filtered(db, spec, now, "source").Where(d => d.SourceOrganisation != null).GroupBy(d => d.SourceOrganisation!.Slug).Select(g => new { g.Key, Count = g.Count() }).ToListAsync()).Select(r => (r.Key, r.Count))),
            ["topic"] = Of((await db.Set<DocumentTopic>().Where(t => topicDocuments.Contains(t.DocumentId)).GroupBy(t => t.Topic!.Slug).Select(g => new { g.Key, Count = g.Count() }).ToListAsync()).Select(r => (r.Key, r.Count))),
            ["language"] = Of((await Filtered(db, spec, now, "language").GroupBy(d => d.Language).Select(g => new { g.Key, Count = g.Count() }).ToListAsync()).Select(r => (r.Key, r.Count))),
            ["year"] = Of((await Filtered(db, spec, now, "year").Where(d => d.PublishedOn != null).GroupBy(d => d.PublishedOn!.Value.Year).Select(g => new { g.Key, Count = g.Count() }).ToListAsync()).Select(r => (r.Key, r.Count))),
        };
    }

    /// <summary>Each facet's non-zero counts on the page, by query-string value.</summary>
    private static Dictionary<string, int> PageCounts(AngleSharp.Html.Dom.IHtmlDocument page, string facet) =>
        page.QuerySelectorAll($"#facet-{facet} .facet__value")
            .Select(li => (Value: li.QuerySelector("input")!.GetAttribute("value")!, Count: int.Parse(Squash(li.QuerySelector(".facet__count")!.FirstChild!.TextContent), NumberStyles.AllowThousands, CultureInfo.InvariantCulture)))
            .Where(v => v.Count > 0)
            .ToDictionary(v => v.Value, v => v.Count);

    private static int Total(AngleSharp.Html.Dom.IHtmlDocument page)
    {
        var heading = Squash(page.QuerySelector("#results-heading")!.TextContent);
        var match = OfTotal().Match(heading);
        return match.Success ? int.Parse(match.Groups[1].Value, NumberStyles.AllowThousands, CultureInfo.InvariantCulture) : 0;
    }

    [GeneratedRegex(@"of ([\d,]+)")]
    private static partial Regex OfTotal();

    protected async Task FacetCountsEqualAPlainSqlCount()
    {
        using var factory = await CreateFactoryAsync();
        var countries = await factory.WithDbAsync(async db =>
        {
            var list = new[] { await CountryAsync(db, "PE", "Peru", "Perú"), await CountryAsync(db, "CL", "Chile", "Chile"), await CountryAsync(db, "JM", "Jamaica", "Jamaica") };
            list[2].Region = Region.Caribbean;
            await db.SaveChangesAsync();
            return list;
        });
        var organisations = new[] { new Organisation { Slug = "org-a", NameEn = "Org A" }, new Organisation { Slug = "org-b", NameEn = "Org B" } };
        var topics = new[] { new Topic { Slug = "t-a", NameEn = "Topic A" }, new Topic { Slug = "t-b", NameEn = "Topic B" }, new Topic { Slug = "t-c", NameEn = "Topic C" } };
        await factory.AddAsync([.. organisations, .. topics]);
        SourceKind[] kinds = [SourceKind.NationalAuthority, SourceKind.InternationalOrganisation, SourceKind.Other];
        var documents = Enumerable.Range(0, 140).Select(i => NewDocument(i % 5 == 1 ? $"Berthing window rule {i}" : $"Cargo note {i}", d =>
        {
            d.CountryId = i % 4 == 3 ? null : countries[i % 3].Id;
            d.SourceKind = kinds[i % 5 % 3];
            d.SourceOrganisationId = i % 6 == 5 ? null : organisations[i % 2].Id;
            d.Language = i % 7 < 3 ? "es" : "en";
            d.PublishedOn = i % 10 == 9 ? null : new DateOnly(2028 + i % 4, 1 + i % 12, 1);
            d.PublicationState = i % 9 == 4 ? PublicationState.Draft : PublicationState.Published;
            d.PublishAtUtc = i % 11 == 2 ? Now.AddDays(2) : i % 13 == 1 ? Now.AddDays(-2) : null;
            foreach (var t in Enumerable.Range(0, i % 3).Select(k => topics[(i + k) % 3]))
            {
                d.Topics.Add(new DocumentTopic { TopicId = t.Id });
            }
        })).ToList();
        await factory.AddAsync([.. documents]);
        var client = factory.CreateClient();

        Spec[] specs =
        [
            new(),
            new(Kinds: [SourceKind.NationalAuthority], Years: [2030, 2031]),
            new(Countries: ["PE", "CL"], Topics: ["t-b"], Languages: ["es"]),
            new(Regions: [Region.Caribbean], Sources: ["org-a"]),
            new(Q: "Berthing", Regions: [Region.SouthAmerica]),
            new(Q: "Berthing", Sources: ["org-a"], Topics: ["t-b", "t-c"], Years: [2028, 2029, 2031]),
            new(Countries: ["PE"], Kinds: [SourceKind.Other, SourceKind.InternationalOrganisation], Languages: ["en"], Years: [2029]),
        ];
        foreach (var spec in specs)
        {
            var page = await client.GetDocumentAsync(spec.Url());
            var expected = await factory.WithDbAsync(db => SqlCountsAsync(db, spec, Now));
            foreach (var (facet, counts) in expected)
            {
                PageCounts(page, facet).ShouldBe(counts, ignoreOrder: true, $"{facet} on {spec.Url()}");
            }

            var total = await factory.WithDbAsync(db => Filtered(db, spec, Now).CountAsync());
            total.ShouldBeGreaterThan(0, $"a case that shows something: {spec.Url()}");
            Total(page).ShouldBe(total, spec.Url());
        }
    }

    protected async Task PublishingAndUnpublishingShowAtOnce()
    {
        using var factory = await CreateFactoryAsync();
        var peru = await factory.WithDbAsync(db => CountryAsync(db, "PE", "Peru", "Perú"));
        var first = NewDocument("First guide", d => d.CountryId = peru.Id);
        var second = NewDocument("Second guide", d => d.PublicationState = PublicationState.Draft);
        var scheduled = NewDocument("Scheduled guide", d => d.PublishAtUtc = Now.AddHours(1));
        await factory.AddAsync(first, second, scheduled);
        var client = factory.CreateClient();
        async Task<(int Total, Dictionary<string, int> Countries)> ReadAsync(string url)
        {
            var page = await client.GetDocumentAsync(url);
            return (Total(page), PageCounts(page, "country"));
        }

        (await ReadAsync("/library")).Total.ShouldBe(1);

        async Task SetAsync(int id, Action<BestPracticeDocument> change) => await factory.WithDbAsync(async db =>
        {
            change(await db.Documents.SingleAsync(d => d.Id == id));
            await db.SaveChangesAsync();
        });

        await SetAsync(second.Id, d => d.PublicationState = PublicationState.Published);
        (await ReadAsync("/library")).Total.ShouldBe(2, "published: shown at once");
        (await ReadAsync("/library?q=second")).Total.ShouldBe(1);

        await SetAsync(first.Id, d => d.PublicationState = PublicationState.Draft);
        var afterUnpublish = await ReadAsync("/library");
        afterUnpublish.Total.ShouldBe(1, "unpublished: gone at once");
        afterUnpublish.Countries.ShouldBeEmpty("its country no longer counts");
        (await ReadAsync("/library?country=PE")).Total.ShouldBe(0);

        await SetAsync(first.Id, d => d.PublicationState = PublicationState.Published);
        await SetAsync(second.Id, d => d.CountryId = peru.Id);
        (await ReadAsync("/library?country=PE")).Countries.ShouldBe(new Dictionary<string, int> { ["PE"] = 2 }, "an edited facet value counts at once");

        // Scheduled publishing: shown once the clock passes its time, without any save.
        factory.Clock.Now = WebFactory.DefaultNow.AddHours(2);
        (await ReadAsync("/library?after=publish-time")).Total.ShouldBe(3);
    }
}

public abstract partial class LibraryFacetIndexTests
{
    protected async Task ARepeatedSearchIsAnsweredFromMemoryUntilTheLibraryChanges()
    {
        using var factory = await CreateFactoryAsync();
        var guide = NewDocument("Mooring guide");
        var lines = NewDocument("Mooring lines");
        await factory.AddAsync(guide, lines);
        var client = factory.CreateClient();
        async Task<(List<string> Titles, int Commands)> SearchAsync(string url)
        {
            // The fewest of three: the mail outbox poller may run its own commands inside one request's window.
            var fewest = int.MaxValue;
            List<string> titles = [];
            for (var attempt = 1; attempt <= 3; attempt++)
            {
                factory.SqlCommands.Reset();
                var page = await client.GetDocumentAsync($"{url}&attempt={attempt}&at={Guid.NewGuid():N}");
                fewest = Math.Min(fewest, factory.SqlCommands.Count);
                titles = [.. page.QuerySelectorAll("#library-results .doc-card__title").Select(e => e.TextContent.Trim())];
            }

            return (titles, fewest);
        }

        // The output cache is bypassed by a new query string each time; what is left is the page's own SQL.
        (await client.GetAsync("/library?q=warm&warm-up=1")).EnsureSuccessStatusCode();
        factory.SqlCommands.Reset();
        var first = await client.GetDocumentAsync("/library?q=mooring&first=1");
        var firstCommands = factory.SqlCommands.Count;
        first.QuerySelectorAll("#library-results .doc-card__title").Length.ShouldBe(2);

        var repeated = await SearchAsync("/library?q=mooring");
        repeated.Titles.Count.ShouldBe(2);
        repeated.Commands.ShouldBe(1, "only the page's cards: the matches and their ranks come from memory");
        firstCommands.ShouldBeGreaterThan(repeated.Commands, "the first search asks the full-text index");
        (await SearchAsync("/library?q=mooring&sort=title")).Titles.Count.ShouldBe(2);

        // A save that touches the library drops the remembered matches with the facet snapshot: the next search sees it.
        await factory.WithDbAsync(async db =>
        {
            var stored = await db.Documents.SingleAsync(d => d.Id == lines.Id);
            stored.TitleEn = "Berthing lines";
            stored.TitleEs = "Líneas de atraque";
            await db.SaveChangesAsync();
        });
        (await SearchAsync("/library?q=mooring")).Titles.ShouldBe(["Mooring guide"]);
        (await SearchAsync("/library?q=berthing")).Titles.ShouldBe(["Berthing lines"]);
    }
}

public sealed class LibraryFacetIndexOnSqlite : LibraryFacetIndexTests
{
    protected override Task<WebFactory> CreateFactoryAsync() => Task.FromResult(new WebFactory());

    [Fact] public Task FacetCounts_EqualAPlainSqlCount() => FacetCountsEqualAPlainSqlCount();
    [Fact] public Task Publishing_AndUnpublishing_ShowAtOnce() => PublishingAndUnpublishingShowAtOnce();
    [Fact] public Task ARepeatedSearch_IsAnsweredFromMemory_UntilTheLibraryChanges() => ARepeatedSearchIsAnsweredFromMemoryUntilTheLibraryChanges();
}

[Collection(PostgresCollection.Name)]
public sealed class LibraryFacetIndexOnPostgres(PostgresCluster cluster) : LibraryFacetIndexTests
{
    protected override async Task<WebFactory> CreateFactoryAsync() =>
        new(settings: new Dictionary<string, string?>
        {
            ["Database:Provider"] = "PostgreSQL",
            ["ConnectionStrings:Portal"] = await cluster.CreateDatabaseAsync(),
        });

    [PostgresFact] public Task FacetCounts_EqualAPlainSqlCount() => FacetCountsEqualAPlainSqlCount();
    [PostgresFact] public Task Publishing_AndUnpublishing_ShowAtOnce() => PublishingAndUnpublishingShowAtOnce();
    [PostgresFact] public Task ARepeatedSearch_IsAnsweredFromMemory_UntilTheLibraryChanges() => ARepeatedSearchIsAnsweredFromMemoryUntilTheLibraryChanges();
}
