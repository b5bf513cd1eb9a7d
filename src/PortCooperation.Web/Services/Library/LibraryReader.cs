using System.Globalization;
using System.Text.Encodings.Web;
using Microsoft.EntityFrameworkCore;
using PortCooperation.Web.Data;
using PortCooperation.Web.Domain;
using PortCooperation.Web.Models.Library;
using PortCooperation.Web.Services.Content;

namespace PortCooperation.Web.Services.Library;

/// <summary>
/// The library listing in at most three SQL commands whatever the number of documents: one page of documents
/// (ranked by the search engine when searching), the counts of every facet value in one UNION ALL query, and,
/// when searching, the highlighted snippets of that page.
/// </summary>
public sealed class LibraryReader(PortalDbContext db, TimeProvider clock, LibrarySearchEngine engine, HtmlEncoder encoder)
{
    public const int PageSize = 20;


    private enum Facet
    {
        None = -1,
        Total = 0,
        Region = 1,
        Country = 2,
        Kind = 3,
        Source = 4,
        Topic = 5,
        Language = 6,
        Year = 7,
    }

    public async Task<LibraryPageModel> ReadAsync(LibraryQuery query, CancellationToken cancellationToken)
    {
        var culture = CultureInfo.CurrentUICulture;
        var spanish = culture.TwoLetterISOLanguageName == LocalizedText.Spanish;
        var now = clock.GetUtcNow().UtcDateTime;
        var search = LibrarySearchText.Parse(query.Q);
        var sort = query.EffectiveSort(search is not null);
        var published = db.Documents.AsNoTracking().Published(now);
        var hits = search is null ? null : engine.Hits(search);
        var matches = hits?.Select(h => h.DocumentId);

        // 1. The page of documents.
        var filtered = Filter(published, query, matches, Facet.None);
        IQueryable<BestPracticeDocument> ordered = (sort, hits) switch
        {
            (LibrarySort.Relevance, not null) =>
                from d in filtered
                join h in hits on d.Id equals h.DocumentId
                orderby h.Rank, d.PublishedOn descending, d.Id descending
                select d,
            (LibrarySort.Title, _) when spanish => filtered.OrderBy(d => d.TitleEs ?? d.TitleEn).ThenBy(d => d.Id),
            (LibrarySort.Title, _) => filtered.OrderBy(d => d.TitleEn).ThenBy(d => d.Id),
            _ => filtered.OrderByDescending(d => d.PublishedOn).ThenByDescending(d => d.Id),
        };
        var rows = await SelectCards(ordered.Skip((query.Page - 1) * PageSize).Take(PageSize)).ToListAsync(cancellationToken);

        // 2. Every facet's counts, each respecting the other active filters.
        var facetRows = await FacetQuery(published, query, matches).ToListAsync(cancellationToken);

        // 3. Snippets of this page only.
        var snippets = search is null || rows.Count == 0
            ? []
            : await engine.SnippetsAsync(search, [.. rows.Select(r => r.Id)], culture, cancellationToken);

        var total = facetRows.Where(f => f.Facet == (int)Facet.Total).Sum(f => f.Count);
        return new LibraryPageModel
        {
            Query = query,
            Searching = search is not null,
            Sort = sort,
            Total = total,
            Page = query.Page,
            PageCount = Math.Max(1, (total + PageSize - 1) / PageSize),
            Documents = [.. rows.Select(r => r.ToCard(culture, snippets.TryGetValue(r.Id, out var s) ? LibrarySearchText.SnippetToHtml(s, encoder) : null))],
            Facets = BuildFacets(facetRows, query, culture),
        };
    }

    private static IQueryable<BestPracticeDocument> Filter(IQueryable<BestPracticeDocument> documents, LibraryQuery query, IQueryable<int>? matches, Facet except)
    {
        if (matches is not null)
        {
            documents = documents.Where(d => matches.Contains(d.Id));
        }

        if (except != Facet.Region && query.Region is { } region)
        {
            documents = documents.Where(d => d.Country != null && d.Country.Region == region);
        }

        if (except != Facet.Country && query.Country is { } country)
        {
            var code = country.ToUpperInvariant();
            documents = documents.Where(d => d.Country != null && d.Country.Code == code);
        }

        if (except != Facet.Kind && query.Kind is { } kind)
        {
            documents = documents.Where(d => d.SourceKind == kind);
        }

        if (except != Facet.Source && query.Source is { } source)
        {
            documents = documents.Where(d => d.SourceOrganisation != null && d.SourceOrganisation.Slug == source);
        }

        if (except != Facet.Topic && query.Topic is { } topic)
        {
            documents = documents.Where(d => d.Topics.Any(t => t.Topic!.Slug == topic));
        }

        if (except != Facet.Language && query.Language is { } language)
        {
            documents = documents.Where(d => d.Language == language);
        }

        if (except != Facet.Year && query.Year is { } year)
        {
            var from = new DateOnly(year, 1, 1);
            var to = from.AddYears(1);
            documents = documents.Where(d => d.PublishedOn >= from && d.PublishedOn < to);
        }

        return documents;
    }

    /// <summary>
    /// One UNION ALL over the facets. Each string column carries values of one store type only (code, language,
    /// slug, names), because set operations need matching types on PostgreSQL.
    /// </summary>
    private static IQueryable<FacetRow> FacetQuery(IQueryable<BestPracticeDocument> published, LibraryQuery query, IQueryable<int>? matches)
    {
        IQueryable<BestPracticeDocument> Except(Facet facet) => Filter(published, query, matches, facet);

        var total = Except(Facet.None).GroupBy(d => 1).Select(g => new FacetRow { Facet = (int)Facet.Total, Key = 0, Code = (string?)null, Language = (string?)null, Slug = (string?)null, NameEn = (string?)null, NameEs = (string?)null, Count = g.Count() });
        var regions = Except(Facet.Region).Where(d => d.Country != null).GroupBy(d => d.Country!.Region)
            .Select(g => new FacetRow { Facet = (int)Facet.Region, Key = (int)g.Key, Code = (string?)null, Language = (string?)null, Slug = (string?)null, NameEn = (string?)null, NameEs = (string?)null, Count = g.Count() });
        var countries = Except(Facet.Country).Where(d => d.Country != null)
            .GroupBy(d => new { d.Country!.Id, d.Country.Code, d.Country.NameEn, d.Country.NameEs })
            .Select(g => new FacetRow { Facet = (int)Facet.Country, Key = g.Key.Id, Code = g.Key.Code, Language = (string?)null, Slug = (string?)null, NameEn = g.Key.NameEn, NameEs = g.Key.NameEs, Count = g.Count() });
        var kinds = Except(Facet.Kind).GroupBy(d => d.SourceKind)
            .Select(g => new FacetRow { Facet = (int)Facet.Kind, Key = (int)g.Key, Code = (string?)null, Language = (string?)null, Slug = (string?)null, NameEn = (string?)null, NameEs = (string?)null, Count = g.Count() });
        var sources = Except(Facet.Source).Where(d => d.SourceOrganisation != null)
            .GroupBy(d => new { d.SourceOrganisation!.Id, d.SourceOrganisation.Slug, d.SourceOrganisation.NameEn, d.SourceOrganisation.NameEs })
            .Select(g => new FacetRow { Facet = (int)Facet.Source, Key = g.Key.Id, Code = (string?)null, Language = (string?)null, Slug = g.Key.Slug, NameEn = g.Key.NameEn, NameEs = g.Key.NameEs, Count = g.Count() });
        var topics = Except(Facet.Topic).SelectMany(d => d.Topics)
            .GroupBy(t => new { t.Topic!.Id, t.Topic.Slug, t.Topic.NameEn, t.Topic.NameEs })
            .Select(g => new FacetRow { Facet = (int)Facet.Topic, Key = g.Key.Id, Code = (string?)null, Language = (string?)null, Slug = g.Key.Slug, NameEn = g.Key.NameEn, NameEs = g.Key.NameEs, Count = g.Count() });
        var languages = Except(Facet.Language).GroupBy(d => d.Language)
            .Select(g => new FacetRow { Facet = (int)Facet.Language, Key = 0, Code = (string?)null, Language = g.Key, Slug = (string?)null, NameEn = (string?)null, NameEs = (string?)null, Count = g.Count() });
        var years = Except(Facet.Year).Where(d => d.PublishedOn != null).GroupBy(d => d.PublishedOn!.Value.Year)
            .Select(g => new FacetRow { Facet = (int)Facet.Year, Key = g.Key, Code = (string?)null, Language = (string?)null, Slug = (string?)null, NameEn = (string?)null, NameEs = (string?)null, Count = g.Count() });

        return total.Concat(regions).Concat(countries).Concat(kinds).Concat(sources).Concat(topics).Concat(languages).Concat(years);
    }

    private static List<FacetModel> BuildFacets(List<FacetRow> rows, LibraryQuery query, CultureInfo culture)
    {
        IEnumerable<FacetRow> Of(Facet facet) => rows.Where(r => r.Facet == (int)facet);
        static LocalizedText Name(FacetRow r, CultureInfo culture) => LocalizedText.Pick(r.NameEn, r.NameEs, culture) with { IsFallback = false };
        static LocalizedText Plain(string text) => new(text, "", false);

        var regionSelected = query.Region?.ToString();
        var kindSelected = query.Kind?.ToString();
        var countrySelected = query.Country?.ToUpperInvariant();
        var yearSelected = query.Year?.ToString(CultureInfo.InvariantCulture);
        return
        [
            new("region", "Library_Facet_Region", regionSelected, [.. Of(Facet.Region).OrderBy(r => r.Key)
                .Select(r => new FacetValueModel(((Region)r.Key).ToString(), Plain(""), r.Count, ((Region)r.Key).ToString() == regionSelected))]),
            new("country", "Library_Facet_Country", countrySelected, [.. Of(Facet.Country)
                .Select(r => new FacetValueModel(r.Code!, Name(r, culture), r.Count, r.Code == countrySelected))
                .OrderBy(v => v.Label.Text, StringComparer.Create(culture, CompareOptions.IgnoreCase))]),
            new("kind", "Library_Facet_Kind", kindSelected, [.. Of(Facet.Kind).OrderBy(r => r.Key)
                .Select(r => new FacetValueModel(((SourceKind)r.Key).ToString(), Plain(""), r.Count, ((SourceKind)r.Key).ToString() == kindSelected))]),
            new("source", "Library_Facet_Source", query.Source, [.. Of(Facet.Source)
                .Select(r => new FacetValueModel(r.Slug!, Name(r, culture), r.Count, r.Slug == query.Source))
                .OrderByDescending(v => v.Count).ThenBy(v => v.Label.Text, StringComparer.Create(culture, CompareOptions.IgnoreCase))]),
            new("topic", "Library_Facet_Topic", query.Topic, [.. Of(Facet.Topic)
                .Select(r => new FacetValueModel(r.Slug!, Name(r, culture), r.Count, r.Slug == query.Topic))
                .OrderByDescending(v => v.Count).ThenBy(v => v.Label.Text, StringComparer.Create(culture, CompareOptions.IgnoreCase))]),
            new("language", "Library_Facet_Language", query.Language, [.. Of(Facet.Language).OrderByDescending(r => r.Count).ThenBy(r => r.Language, StringComparer.Ordinal)
                .Select(r => new FacetValueModel(r.Language!, Plain(""), r.Count, r.Language == query.Language))]),
            new("year", "Library_Facet_Year", yearSelected, [.. Of(Facet.Year).OrderByDescending(r => r.Key)
                .Select(r => new FacetValueModel(r.Key.ToString(CultureInfo.InvariantCulture), Plain(r.Key.ToString(CultureInfo.InvariantCulture)), r.Count, r.Key.ToString(CultureInfo.InvariantCulture) == yearSelected))]),
        ];
    }

    /// <summary>The columns a document card shows, read in the page's single query.</summary>
    internal static IQueryable<CardRow> SelectCards(IQueryable<BestPracticeDocument> documents) =>
        documents.Select(d => new CardRow
        {
            Id = d.Id,
            Slug = d.Slug,
            TitleEn = d.TitleEn,
            TitleEs = d.TitleEs,
            SummaryEn = d.SummaryEn,
            SummaryEs = d.SummaryEs,
            SourceKind = d.SourceKind,
            Language = d.Language,
            PublishedOn = d.PublishedOn,
            SourceEn = d.SourceOrganisation == null ? null : d.SourceOrganisation.NameEn,
            SourceEs = d.SourceOrganisation == null ? null : d.SourceOrganisation.NameEs,
            CountryEn = d.Country == null ? null : d.Country.NameEn,
            CountryEs = d.Country == null ? null : d.Country.NameEs,
            Region = d.Country == null ? null : d.Country.Region,
            Topics = d.Topics.Select(t => new NamePair { En = t.Topic!.NameEn, Es = t.Topic.NameEs }).ToList(),
            AttachmentCount = d.Attachments.Count,
        });

    private sealed class FacetRow
    {
        public int Facet { get; init; }
        public int Key { get; init; }
        public string? Code { get; init; }
        public string? Language { get; init; }
        public string? Slug { get; init; }
        public string? NameEn { get; init; }
        public string? NameEs { get; init; }
        public int Count { get; init; }
    }
}

internal sealed class NamePair
{
    public string En { get; init; } = "";
    public string? Es { get; init; }
}

internal sealed class CardRow
{
    public int Id { get; init; }
    public string Slug { get; init; } = "";
    public string TitleEn { get; init; } = "";
    public string? TitleEs { get; init; }
    public string? SummaryEn { get; init; }
    public string? SummaryEs { get; init; }
    public SourceKind SourceKind { get; init; }
    public string Language { get; init; } = "en";
    public DateOnly? PublishedOn { get; init; }
    public string? SourceEn { get; init; }
    public string? SourceEs { get; init; }
    public string? CountryEn { get; init; }
    public string? CountryEs { get; init; }
    public Region? Region { get; init; }
    public List<NamePair> Topics { get; init; } = [];
    public int AttachmentCount { get; init; }

    public DocumentCardModel ToCard(CultureInfo culture, string? snippetHtml = null) => new()
    {
        Slug = Slug,
        Title = LocalizedText.Pick(TitleEn, TitleEs, culture),
        Summary = LocalizedText.Pick(SummaryEn, SummaryEs, culture),
        SnippetHtml = string.IsNullOrEmpty(snippetHtml) ? null : snippetHtml,
        SourceKind = SourceKind,
        // Proper names: shown as spelled, without the "other language" marker.
        Source = LocalizedText.Pick(SourceEn, SourceEs, culture) with { IsFallback = false },
        Country = LocalizedText.Pick(CountryEn, CountryEs, culture) with { IsFallback = false },
        Region = Region,
        Language = Language,
        PublishedOn = PublishedOn,
        Topics = [.. Topics.Select(t => LocalizedText.Pick(t.En, t.Es, culture) with { IsFallback = false })
            .OrderBy(t => t.Text, StringComparer.Create(culture, CompareOptions.IgnoreCase))],
        AttachmentCount = AttachmentCount,
    };
}
