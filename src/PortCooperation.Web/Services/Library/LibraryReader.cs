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
/// (ranked by the search engine when searching), one UNION ALL query for the facet counts and the collections,
/// and, when searching, the highlighted snippets of that page.
/// <para>
/// Speed at 100,000 documents (quality.md P4): nothing but the page's 20 cards reads the wide document rows
/// (two bodies each). The filters, the order of the listing and the counts read the narrow covering index
/// IX_Documents_Library. The counts come from one grouped pass ("cube": documents counted per country, source
/// kind, source, language and year, the search and the topic filter applied) from which every facet's counts are
/// summed in memory, each with the other facets' filters; topics, the one many-to-many facet, get their own
/// grouped pass over DocumentTopics. The matching documents of a search are computed once per statement.
/// </para>
/// <para>
/// Facets take several values: a document matches a facet when it has any ticked value (OR), and it must match
/// every facet with ticked values (AND). Each facet counts its values with the filters of the other facets only,
/// so ticking one more value shows how many documents it would add.
/// </para>
/// </summary>
public sealed class LibraryReader(PortalDbContext db, TimeProvider clock, LibrarySearchEngine engine, HtmlEncoder encoder)
{
    public const int PageSize = 20;

    /// <summary>Separates topic names joined by the database (a control character no name contains).</summary>
    internal const string TopicSeparator = "\u001f";

    private enum Facet
    {
        None = -1,
        Cube = 0,
        Region = 1,
        Country = 2,
        Kind = 3,
        Source = 4,
        Topic = 5,
        Language = 6,
        Year = 7,
        CountryName = 10,
        SourceName = 11,
        TopicName = 12,
        Collection = 13,
    }

    public async Task<LibraryPageModel> ReadAsync(LibraryQuery query, CancellationToken cancellationToken)
    {
        var culture = CultureInfo.CurrentUICulture;
        var spanish = culture.TwoLetterISOLanguageName == LocalizedText.Spanish;
        var now = clock.GetUtcNow().UtcDateTime;
        var search = LibrarySearchText.Parse(query.Q);
        var sort = query.EffectiveSort(search is not null);
        var selection = new Selection(query);
        var published = db.Documents.AsNoTracking().Published(now);
        var hits = search is null ? null : engine.Hits(search);
        var matches = hits?.Select(h => h.DocumentId);

        // 1. The page of documents: the page's ids and order from the narrow index (and the engine's rank), then
        // the cards of those 20 documents only.
        var filtered = Filter(published, selection, matches, Facet.None);
        var skip = (query.Page - 1) * PageSize;
        IQueryable<BestPracticeDocument> ordered;
        if (sort == LibrarySort.Relevance && hits is not null)
        {
            var page = (from h in hits
                        join d in filtered on h.DocumentId equals d.Id
                        orderby h.Rank, d.PublishedOn descending, d.Id descending
                        select new { d.Id, h.Rank, d.PublishedOn }).Skip(skip).Take(PageSize);
            ordered = from p in page
                      join d in db.Documents.AsNoTracking() on p.Id equals d.Id
                      orderby p.Rank, p.PublishedOn descending, p.Id descending
                      select d;
        }
        else if (sort == LibrarySort.Title)
        {
            ordered = (spanish ? filtered.OrderBy(d => d.TitleEs ?? d.TitleEn) : filtered.OrderBy(d => d.TitleEn)).ThenBy(d => d.Id).Skip(skip).Take(PageSize);
        }
        else
        {
            var page = filtered.OrderByDescending(d => d.PublishedOn).ThenByDescending(d => d.Id)
                .Select(d => new { d.Id, d.PublishedOn }).Skip(skip).Take(PageSize);
            ordered = from p in page
                      join d in db.Documents.AsNoTracking() on p.Id equals d.Id
                      orderby p.PublishedOn descending, p.Id descending
                      select d;
        }

        var rows = await SelectCards(ordered).ToListAsync(cancellationToken);

        // 2. Every facet's counts, each respecting the other active filters, and the collections.
        var facetRows = await FacetQuery(published, selection, matches, now).ToListAsync(cancellationToken);

        // 3. Snippets of this page only.
        var snippets = search is null || rows.Count == 0
            ? []
            : await engine.SnippetsAsync(search, [.. rows.Select(r => r.Id)], culture, cancellationToken);

        var counts = new FacetCounts(facetRows, selection);
        return new LibraryPageModel
        {
            Query = query,
            Searching = search is not null,
            Sort = sort,
            Total = counts.Total,
            Page = query.Page,
            PageCount = Math.Max(1, (counts.Total + PageSize - 1) / PageSize),
            Documents = [.. rows.Select(r => r.ToCard(culture, snippets.TryGetValue(r.Id, out var s) ? LibrarySearchText.SnippetToHtml(s, encoder) : null))],
            Facets = counts.Build(culture),
            Collections = [.. facetRows.Where(r => r.Facet == (int)Facet.Collection && r.Count > 0)
                .Select(r => new CollectionLinkModel(r.Slug!, LocalizedText.Pick(r.NameEn, r.NameEs, culture), r.Count))
                .OrderBy(c => c.Title.Text, StringComparer.Create(culture, CompareOptions.IgnoreCase))],
        };
    }

    /// <summary>The ticked values of every facet, normalised.</summary>
    private sealed class Selection(LibraryQuery query)
    {
        public Region[] Regions { get; } = [.. query.Region.Distinct()];
        public string[] Countries { get; } = [.. query.CountryCodes];
        public SourceKind[] Kinds { get; } = [.. query.Kind.Distinct()];
        public string[] Sources { get; } = [.. query.Source.Distinct(StringComparer.Ordinal)];
        public string[] Topics { get; } = [.. query.Topic.Distinct(StringComparer.Ordinal)];
        public string[] Languages { get; } = [.. query.Language.Distinct(StringComparer.Ordinal)];
        public int[] Years { get; } = [.. query.Year.Distinct()];
    }

    /// <summary>The documents matching the search and every facet's ticked values but those of <paramref name="except"/>.</summary>
    private static IQueryable<BestPracticeDocument> Filter(IQueryable<BestPracticeDocument> documents, Selection selection, IQueryable<int>? matches, Facet except)
    {
        if (matches is not null)
        {
            documents = documents.Where(d => matches.Contains(d.Id));
        }

        if (except != Facet.Region && selection.Regions is { Length: > 0 } regions)
        {
            documents = documents.Where(d => d.Country != null && regions.Contains(d.Country.Region));
        }

        if (except != Facet.Country && selection.Countries is { Length: > 0 } countries)
        {
            documents = documents.Where(d => d.Country != null && countries.Contains(d.Country.Code));
        }

        if (except != Facet.Kind && selection.Kinds is { Length: > 0 } kinds)
        {
            documents = documents.Where(d => kinds.Contains(d.SourceKind));
        }

        if (except != Facet.Source && selection.Sources is { Length: > 0 } sources)
        {
            documents = documents.Where(d => d.SourceOrganisation != null && sources.Contains(d.SourceOrganisation.Slug));
        }

        if (except != Facet.Topic && selection.Topics is { Length: > 0 } topics)
        {
            documents = documents.Where(d => d.Topics.Any(t => topics.Contains(t.Topic!.Slug)));
        }

        if (except != Facet.Language && selection.Languages is { Length: > 0 } languages)
        {
            documents = documents.Where(d => languages.Contains(d.Language));
        }

        if (except != Facet.Year && selection.Years is { Length: > 0 } years)
        {
            // Ranges rather than a year function, so the index on PublishedOn serves them.
            documents = documents.Where(YearsPredicate(years));
        }

        return documents;
    }

    private static System.Linq.Expressions.Expression<Func<BestPracticeDocument, bool>> YearsPredicate(int[] years)
    {
        var document = System.Linq.Expressions.Expression.Parameter(typeof(BestPracticeDocument), "d");
        var publishedOn = System.Linq.Expressions.Expression.Property(document, nameof(BestPracticeDocument.PublishedOn));
        System.Linq.Expressions.Expression? any = null;
        foreach (var year in years.Order())
        {
            // Each bound goes through a closure so EF sends it as a parameter (one cached plan per number of years).
            var bounds = new YearBounds(new DateOnly(year, 1, 1), new DateOnly(year + 1, 1, 1));
            var holder = System.Linq.Expressions.Expression.Constant(bounds);
            var from = System.Linq.Expressions.Expression.Convert(System.Linq.Expressions.Expression.Property(holder, nameof(YearBounds.From)), typeof(DateOnly?));
            var to = System.Linq.Expressions.Expression.Convert(System.Linq.Expressions.Expression.Property(holder, nameof(YearBounds.To)), typeof(DateOnly?));
            var inYear = System.Linq.Expressions.Expression.AndAlso(
                System.Linq.Expressions.Expression.GreaterThanOrEqual(publishedOn, from),
                System.Linq.Expressions.Expression.LessThan(publishedOn, to));
            any = any is null ? inYear : System.Linq.Expressions.Expression.OrElse(any, inYear);
        }

        return System.Linq.Expressions.Expression.Lambda<Func<BestPracticeDocument, bool>>(any!, document);
    }

    private sealed record YearBounds(DateOnly From, DateOnly To);

    /// <summary>
    /// One UNION ALL: the grouped pass over documents (search and topic filter applied, the other facets summed in
    /// memory), the topic counts (every other filter applied), the names of countries, sources and topics, and the
    /// published collections with their number of visible documents. Each string column carries values of one store
    /// type only, because set operations need matching types on PostgreSQL.
    /// </summary>
    private IQueryable<FacetRow> FacetQuery(IQueryable<BestPracticeDocument> published, Selection selection, IQueryable<int>? matches, DateTime now)
    {
        var cubeSource = Filter(published, new Selection(new LibraryQuery { Topic = [.. selection.Topics] }), matches, Facet.None);
        var cube = cubeSource
            .GroupBy(d => new { d.CountryId, d.SourceKind, d.SourceOrganisationId, d.Language, Year = d.PublishedOn == null ? 0 : d.PublishedOn.Value.Year })
            .Select(g => new FacetRow { Facet = (int)Facet.Cube, Key = g.Key.CountryId ?? 0, Kind = (int)g.Key.SourceKind, Source = g.Key.SourceOrganisationId ?? 0, Year = g.Key.Year, Code = (string?)null, Language = g.Key.Language, Slug = (string?)null, NameEn = (string?)null, NameEs = (string?)null, Count = g.Count() });
        var topicDocuments = Filter(published, selection, matches, Facet.Topic).Select(d => d.Id);
        var topics = db.Set<DocumentTopic>().Where(t => topicDocuments.Contains(t.DocumentId)).GroupBy(t => t.TopicId)
            .Select(g => new FacetRow { Facet = (int)Facet.Topic, Key = g.Key, Kind = 0, Source = 0, Year = 0, Code = (string?)null, Language = (string?)null, Slug = (string?)null, NameEn = (string?)null, NameEs = (string?)null, Count = g.Count() });
        var countryNames = db.Countries.AsNoTracking()
            .Select(c => new FacetRow { Facet = (int)Facet.CountryName, Key = c.Id, Kind = (int)c.Region, Source = 0, Year = 0, Code = c.Code, Language = (string?)null, Slug = (string?)null, NameEn = c.NameEn, NameEs = c.NameEs, Count = 0 });
        var sourceNames = db.Organisations.AsNoTracking()
            .Select(o => new FacetRow { Facet = (int)Facet.SourceName, Key = o.Id, Kind = 0, Source = 0, Year = 0, Code = (string?)null, Language = (string?)null, Slug = o.Slug, NameEn = o.NameEn, NameEs = o.NameEs, Count = 0 });
        var topicNames = db.Topics.AsNoTracking()
            .Select(t => new FacetRow { Facet = (int)Facet.TopicName, Key = t.Id, Kind = 0, Source = 0, Year = 0, Code = (string?)null, Language = (string?)null, Slug = t.Slug, NameEn = t.NameEn, NameEs = t.NameEs, Count = 0 });
        var collections = db.Collections.AsNoTracking().Where(c => c.PublicationState == PublicationState.Published)
            .Select(c => new FacetRow
            {
                Facet = (int)Facet.Collection, Key = c.Id, Kind = 0, Source = 0, Year = 0, Code = (string?)null, Language = (string?)null, Slug = c.Slug, NameEn = c.TitleEn, NameEs = c.TitleEs,
                Count = c.Documents.Count(cd => cd.Document!.PublicationState == PublicationState.Published && (cd.Document.PublishAtUtc == null || cd.Document.PublishAtUtc <= now)),
            });

        return cube.Concat(topics).Concat(countryNames).Concat(sourceNames).Concat(topicNames).Concat(collections);
    }

    /// <summary>Every facet's values and counts, summed from the grouped rows of <see cref="FacetQuery"/>.</summary>
    private sealed class FacetCounts
    {
        private readonly Selection _selection;
        private readonly List<FacetRow> _cube;
        private readonly List<FacetRow> _topics;
        private readonly Dictionary<int, FacetRow> _countries;
        private readonly Dictionary<int, FacetRow> _sources;
        private readonly Dictionary<int, FacetRow> _topicNames;
        private readonly HashSet<int> _countryIds;
        private readonly HashSet<int> _sourceIds;

        public FacetCounts(List<FacetRow> rows, Selection selection)
        {
            _selection = selection;
            _cube = [.. rows.Where(r => r.Facet == (int)Facet.Cube)];
            _topics = [.. rows.Where(r => r.Facet == (int)Facet.Topic)];
            _countries = rows.Where(r => r.Facet == (int)Facet.CountryName).ToDictionary(r => r.Key);
            _sources = rows.Where(r => r.Facet == (int)Facet.SourceName).ToDictionary(r => r.Key);
            _topicNames = rows.Where(r => r.Facet == (int)Facet.TopicName).ToDictionary(r => r.Key);
            _countryIds = [.. _countries.Values.Where(c => selection.Countries.Contains(c.Code, StringComparer.Ordinal)).Select(c => c.Key)];
            _sourceIds = [.. _sources.Values.Where(s => selection.Sources.Contains(s.Slug, StringComparer.Ordinal)).Select(s => s.Key)];
            Total = _cube.Where(r => Matches(r, Facet.None)).Sum(r => r.Count);
        }

        public int Total { get; }

        private Region? RegionOf(FacetRow row) => _countries.TryGetValue(row.Key, out var country) ? (Region)country.Kind : null;

        /// <summary>Whether a group of documents passes every facet filter but <paramref name="except"/>'s (topics are applied in SQL).</summary>
        private bool Matches(FacetRow row, Facet except) =>
            (except == Facet.Region || _selection.Regions.Length == 0 || RegionOf(row) is { } region && _selection.Regions.Contains(region))
            && (except == Facet.Country || _selection.Countries.Length == 0 || _countryIds.Contains(row.Key))
            && (except == Facet.Kind || _selection.Kinds.Length == 0 || _selection.Kinds.Contains((SourceKind)row.Kind))
            && (except == Facet.Source || _selection.Sources.Length == 0 || _sourceIds.Contains(row.Source))
            && (except == Facet.Language || _selection.Languages.Length == 0 || _selection.Languages.Contains(row.Language, StringComparer.Ordinal))
            && (except == Facet.Year || _selection.Years.Length == 0 || _selection.Years.Contains(row.Year));

        private IEnumerable<(TKey Key, int Count)> Count<TKey>(Facet facet, Func<FacetRow, TKey?> key)
            where TKey : struct =>
            _cube.Where(r => Matches(r, facet)).Select(r => (Key: key(r), r.Count)).Where(r => r.Key is not null)
                .GroupBy(r => r.Key!.Value).Select(g => (g.Key, g.Sum(r => r.Count)));

        public List<FacetModel> Build(CultureInfo culture)
        {
            static LocalizedText Name(FacetRow r, CultureInfo culture) => LocalizedText.Pick(r.NameEn, r.NameEs, culture) with { IsFallback = false };
            static LocalizedText Plain(string text) => new(text, "", false);
            var byName = StringComparer.Create(culture, CompareOptions.IgnoreCase);
            var regions = _selection.Regions.Select(r => r.ToString()).ToHashSet(StringComparer.Ordinal);
            var kinds = _selection.Kinds.Select(k => k.ToString()).ToHashSet(StringComparer.Ordinal);
            var years = _selection.Years.Select(y => y.ToString(CultureInfo.InvariantCulture)).ToHashSet(StringComparer.Ordinal);

            List<FacetModel> facets =
            [
                new("region", "Library_Facet_Region", [.. regions], [.. Count(Facet.Region, RegionOf).OrderBy(r => r.Key)
                    .Select(r => new FacetValueModel(r.Key.ToString(), Plain(""), r.Count, regions.Contains(r.Key.ToString())))]),
                new("country", "Library_Facet_Country", _selection.Countries, [.. Count(Facet.Country, r => r.Key == 0 ? (int?)null : r.Key)
                    .Where(r => _countries.ContainsKey(r.Key))
                    .Select(r => (Row: _countries[r.Key], r.Count))
                    .Select(r => new FacetValueModel(r.Row.Code!, Name(r.Row, culture), r.Count, _selection.Countries.Contains(r.Row.Code, StringComparer.Ordinal)))
                    .OrderBy(v => v.Label.Text, byName)]),
                new("kind", "Library_Facet_Kind", [.. kinds], [.. Count(Facet.Kind, r => (SourceKind?)r.Kind).OrderBy(r => r.Key)
                    .Select(r => new FacetValueModel(r.Key.ToString(), Plain(""), r.Count, kinds.Contains(r.Key.ToString())))]),
                new("source", "Library_Facet_Source", _selection.Sources, [.. Count(Facet.Source, r => r.Source == 0 ? (int?)null : r.Source)
                    .Where(r => _sources.ContainsKey(r.Key))
                    .Select(r => (Row: _sources[r.Key], r.Count))
                    .Select(r => new FacetValueModel(r.Row.Slug!, Name(r.Row, culture), r.Count, _selection.Sources.Contains(r.Row.Slug, StringComparer.Ordinal)))
                    .OrderByDescending(v => v.Count).ThenBy(v => v.Label.Text, byName)]),
                new("topic", "Library_Facet_Topic", _selection.Topics, [.. _topics.Where(r => _topicNames.ContainsKey(r.Key))
                    .Select(r => (Row: _topicNames[r.Key], r.Count))
                    .Select(r => new FacetValueModel(r.Row.Slug!, Name(r.Row, culture), r.Count, _selection.Topics.Contains(r.Row.Slug, StringComparer.Ordinal)))
                    .OrderByDescending(v => v.Count).ThenBy(v => v.Label.Text, byName)]),
                new("language", "Library_Facet_Language", _selection.Languages, [.. _cube.Where(r => Matches(r, Facet.Language)).GroupBy(r => r.Language!, StringComparer.Ordinal)
                    .Select(g => (Key: g.Key, Count: g.Sum(r => r.Count)))
                    .OrderByDescending(r => r.Count).ThenBy(r => r.Key, StringComparer.Ordinal)
                    .Select(r => new FacetValueModel(r.Key, Plain(""), r.Count, _selection.Languages.Contains(r.Key, StringComparer.Ordinal)))]),
                new("year", "Library_Facet_Year", [.. years], [.. Count(Facet.Year, r => r.Year == 0 ? (int?)null : r.Year).OrderByDescending(r => r.Key)
                    .Select(r => (Text: r.Key.ToString(CultureInfo.InvariantCulture), r.Count))
                    .Select(r => new FacetValueModel(r.Text, Plain(r.Text), r.Count, years.Contains(r.Text)))]),
            ];

            // A ticked value that no longer matches anything stays in its list (count 0), so it can be unticked.
            return [.. facets.Select(f => f with
            {
                Values = [.. f.Values, .. f.Selected.Where(v => !f.Values.Any(x => x.Value == v)).Select(v => new FacetValueModel(v, MissingLabel(f.Name, v, culture), 0, true))],
            })];
        }

        private LocalizedText MissingLabel(string facet, string value, CultureInfo culture)
        {
            var row = facet switch
            {
                "country" => _countries.Values.FirstOrDefault(c => c.Code == value),
                "source" => _sources.Values.FirstOrDefault(c => c.Slug == value),
                "topic" => _topicNames.Values.FirstOrDefault(c => c.Slug == value),
                _ => null,
            };
            return row is null ? new LocalizedText(value, "", false) : LocalizedText.Pick(row.NameEn, row.NameEs, culture) with { IsFallback = false };
        }
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
            // Joined into one string per language (group_concat / string_agg) rather than a projected collection:
            // a collection makes the query join every document's topics before the page is cut (bench/README.md).
            TopicsEn = string.Join(TopicSeparator, d.Topics.Select(t => t.Topic!.NameEn)),
            TopicsEs = string.Join(TopicSeparator, d.Topics.Select(t => t.Topic!.NameEs ?? t.Topic.NameEn)),
            AttachmentCount = d.Attachments.Count,
        });

    private sealed class FacetRow
    {
        public int Facet { get; init; }
        public int Key { get; init; }
        public int Kind { get; init; }
        public int Source { get; init; }
        public int Year { get; init; }
        public string? Code { get; init; }
        public string? Language { get; init; }
        public string? Slug { get; init; }
        public string? NameEn { get; init; }
        public string? NameEs { get; init; }
        public int Count { get; init; }
    }
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
    public string? TopicsEn { get; init; }
    public string? TopicsEs { get; init; }
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
        Topics = [.. Split(culture.TwoLetterISOLanguageName == LocalizedText.Spanish ? TopicsEs : TopicsEn)
            .Select(t => new LocalizedText(t, culture.TwoLetterISOLanguageName, false))
            .OrderBy(t => t.Text, StringComparer.Create(culture, CompareOptions.IgnoreCase))],
        AttachmentCount = AttachmentCount,
    };

    private static string[] Split(string? joined) =>
        string.IsNullOrEmpty(joined) ? [] : joined.Split(LibraryReader.TopicSeparator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
