using System.Buffers;
using System.Globalization;
using System.Text.Encodings.Web;
using Microsoft.EntityFrameworkCore;
using PortCooperation.Web.Data;
using PortCooperation.Web.Domain;
using PortCooperation.Web.Models.Library;
using PortCooperation.Web.Services.Content;

namespace PortCooperation.Web.Services.Library;

/// <summary>
/// The library listing (docs/quality.md P4). The facet columns of the published documents live in memory
/// (<see cref="LibraryFacetIndex"/>); the filters, every facet's counts, the collections' counts and the page's
/// order are computed there. SQL is left with what only the database knows: the ids of the documents matching a
/// search (one command), the rank of the newest of them when sorted by relevance (FTS5 bm25 / tsvector ts_rank,
/// one command) and the 20 cards of the page with, when searching, the texts their highlighted extracts are cut
/// from (one command). A listing without a search is one command.
/// <para>
/// Facets take several values: a document matches a facet when it has any ticked value (OR), and it must match
/// every facet with ticked values (AND). Each facet counts its values with the filters of the other facets only,
/// so ticking one more value shows how many documents it would add.
/// </para>
/// </summary>
public sealed class LibraryReader(PortalDbContext db, TimeProvider clock, LibrarySearchEngine engine, LibraryFacetIndex index, HtmlEncoder encoder)
{
    public const int PageSize = 20;

    /// <summary>Separates topic names joined by the database (a control character no name contains).</summary>
    internal const string TopicSeparator = "\u001f";

    public async Task<LibraryPageModel> ReadAsync(LibraryQuery query, CancellationToken cancellationToken)
    {
        var culture = CultureInfo.CurrentUICulture;
        var spanish = culture.TwoLetterISOLanguageName == LocalizedText.Spanish;
        var now = clock.GetUtcNow().UtcDateTime;
        var search = LibrarySearchText.Parse(query.Q);
        var sort = query.EffectiveSort(search is not null);
        var snapshot = await index.GetAsync(db, cancellationToken);

        // 1. When searching, the matching documents and their rank (lower is better), from the engine's index.
        // NaN: not matched; +∞: matched, not ranked (sorted otherwise, or beyond the ranked matches), so it
        // comes after every ranked match, in listing order.
        // The rank array is borrowed from the shared pool (98,000 entries at 100,000 documents; see MatchedIds).
        double[]? rank = null;
        if (search is not null)
        {
            rank = ArrayPool<double>.Shared.Rent(snapshot.Count);
            Array.Fill(rank, double.NaN, 0, snapshot.Count);
        }

        try
        {
            return await ReadAsync(query, search, sort, snapshot, rank, culture, spanish, now, cancellationToken);
        }
        finally
        {
            if (rank is not null)
            {
                ArrayPool<double>.Shared.Return(rank);
            }
        }
    }

    private async Task<LibraryPageModel> ReadAsync(LibraryQuery query, LibrarySearchText? search, LibrarySort sort, LibraryFacetSnapshot snapshot,
        double[]? rank, CultureInfo culture, bool spanish, DateTime now, CancellationToken cancellationToken)
    {
        LibrarySearchPlan? plan = null;
        if (search is not null && rank is not null)
        {
            plan = LibrarySearchPlan.Create(search, query.Q, snapshot);
            var key = plan.CacheKey(sort == LibrarySort.Relevance);
            if (snapshot.Matches.TryGet(key, out var cached))
            {
                cached.ApplyTo(rank);
            }
            else
            {
                await MatchAsync(plan, sort, snapshot, rank, cancellationToken);
                snapshot.Matches.Add(key, LibraryMatch.From(rank.AsSpan(0, snapshot.Count)));
            }
        }

        // 2. Filters and counts, in memory.
        using var counts = LibraryFacetCounter.Count(snapshot, new LibrarySelection(query, snapshot), rank, now.Ticks);

        // 3. The page: positions in the chosen order, then the cards of those documents only. A page beyond the
        // last (an old link, a typed number) shows the last page.
        var pageCount = Math.Max(1, (counts.Total + PageSize - 1) / PageSize);
        var pageNumber = Math.Clamp(query.Page, 1, pageCount);
        var skip = (pageNumber - 1) * PageSize;
        var pageIds = sort switch
        {
            LibrarySort.Relevance when rank is not null => counts.TopByRank(rank, skip, PageSize),
            LibrarySort.Title => counts.InOrder(await snapshot.TitleOrderAsync(db, spanish, cancellationToken), skip, PageSize),
            _ => counts.InListingOrder(skip, PageSize),
        };

        // By primary key only: the ids come from the published documents of the snapshot. (Adding the published
        // test here makes SQLite, without statistics, scan the covering index for it instead: 250 ms at 100k.)
        // Run even for an empty page, so a request's number of commands does not depend on the data (P3).
        // The topics' names come from the snapshot: projected in SQL they made SQLite join all of DocumentTopics
        // with Topics before picking the page's 20 rows (600 ms CPU at 100k).
        // When searching, the same command brings the texts the highlighted extract is cut from (the
        // summaries, bodies and attachment text of these documents only), so a search stays at three commands.
        var cards = db.Documents.AsNoTracking().Where(d => pageIds.Contains(d.Id));
        var rows = await (search is null ? SelectCardsWithoutTopics(cards) : SelectCardsWithTexts(cards)).ToListAsync(cancellationToken);
        foreach (var row in rows)
        {
            var position = snapshot.PositionOf[row.Id];
            row.NameTopics(snapshot.TopicIds[snapshot.TopicStart[position]..snapshot.TopicStart[position + 1]], snapshot.Topics);
        }

        var byId = rows.ToDictionary(r => r.Id);
        rows = [.. pageIds.Where(byId.ContainsKey).Select(id => byId[id])];

        // 4. Snippets of this page only: the window of the texts with the most matches, in the page's language when
        // the document has text in it (else its summary in that language is shown); the other language's texts and
        // the attachments only for documents without any text in the visitor's language.
        string? Snippet(CardRow r)
        {
            if (search is null)
            {
                return null;
            }

            string?[] own = spanish ? [r.SummaryEs, r.BodyEs, r.TitleEs] : [r.SummaryEn, r.BodyEn, r.TitleEn];
            return own.Take(2).Any(t => !string.IsNullOrWhiteSpace(t))
                ? search.Extract(own)
                : search.Extract(spanish ? [r.AttachmentText, r.SummaryEn, r.BodyEn, r.TitleEn] : [r.AttachmentText, r.SummaryEs, r.BodyEs, r.TitleEs]);
        }

        var facets = counts.Build(culture);
        return new LibraryPageModel
        {
            Query = query,
            Searching = search is not null,
            Sort = sort,
            Total = counts.Total,
            Page = pageNumber,
            PageCount = pageCount,
            Suggestions = plan is null ? [] : Suggest(plan, facets, culture),
            Documents = [.. rows.Select(r => r.ToCard(culture, Snippet(r) is { } s ? LibrarySearchText.SnippetToHtml(s, encoder) : null))],
            Facets = facets,
            Collections = [.. snapshot.Collections
                .Select(c => new CollectionLinkModel(c.Slug, LocalizedText.Pick(c.TitleEn, c.TitleEs, culture), c.Positions.Count(p => snapshot.IsVisible(p, now.Ticks))))
                .Where(c => c.Count > 0)
                .OrderBy(c => c.Title.Text, StringComparer.Create(culture, CompareOptions.IgnoreCase))],
        };
    }

    /// <summary>
    /// A document matches when it meets every group of the plan (filed under one of the group's facets, or its text
    /// holds the group's words). Its rank is the engine's text rank (lower is better; 0 without a text match) less
    /// <see cref="AboutBonus"/> per group met by a facet, so a document about Peru comes before one that names it.
    /// </summary>
    private async Task MatchAsync(LibrarySearchPlan plan, LibrarySort sort, LibraryFacetSnapshot snapshot, double[] rank, CancellationToken cancellationToken)
    {
        var n = snapshot.Count;
        var groups = await engine.MatchGroupsAsync(plan, cancellationToken);
        // met[p]: how many groups, in order, position p has met so far; tagged[p]: how many by a facet.
        var met = ArrayPool<byte>.Shared.Rent(n);
        var tagged = ArrayPool<byte>.Shared.Rent(n);
        var matched = ArrayPool<int>.Shared.Rent(n);
        try
        {
            Array.Clear(met, 0, n);
            Array.Clear(tagged, 0, n);
            for (var g = 0; g < groups.Length; g++)
            {
                var group = plan.Groups[g];
                if (group.Facets.Count > 0)
                {
                    for (var p = 0; p < n; p++)
                    {
                        if (met[p] == g && group.IsTagged(snapshot, p))
                        {
                            met[p]++;
                            tagged[p]++;
                        }
                    }
                }

                foreach (var id in groups[g].Span)
                {
                    if (snapshot.TryGetPosition(id, out var position) && met[position] == g)
                    {
                        met[position]++;
                    }
                }
            }

            var count = 0;
            for (var p = 0; p < n; p++)
            {
                if (met[p] == groups.Length)
                {
                    rank[p] = double.PositiveInfinity;
                    matched[count++] = snapshot.Ids[p];
                }
            }

            // Ranked: the newest matches only (at most LibrarySearchEngine.RankedMatches), a second command that reads
            // just their id range (sorting all the ids in SQL to find them cost more than the search itself).
            if (sort == LibrarySort.Relevance && count > 0)
            {
                var threshold = LibrarySearchEngine.RankThreshold(matched.AsSpan(0, count));
                var ranks = await engine.RanksAsync(plan, threshold, cancellationToken);
                for (var p = 0; p < n; p++)
                {
                    if (met[p] != groups.Length)
                    {
                        continue;
                    }

                    var ranked = snapshot.Ids[p] >= threshold;
                    if (ranked || tagged[p] > 0)
                    {
                        rank[p] = (ranked ? ranks.GetValueOrDefault(snapshot.Ids[p]) : 0) - AboutBonus * tagged[p];
                    }
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(met);
            ArrayPool<byte>.Shared.Return(tagged);
            ArrayPool<int>.Shared.Return(matched);
            foreach (var ids in groups)
            {
                ids.Dispose();
            }
        }
    }

    /// <summary>Larger than any text rank of either engine (bm25 and negated ts_rank stay far below it).</summary>
    private const double AboutBonus = 1000;

    /// <summary>"Filter by Peru": the facets the search named that are not ticked yet and that some result is filed under.</summary>
    private static List<FacetSuggestionModel> Suggest(LibrarySearchPlan plan, List<FacetModel> facets, CultureInfo culture) => [.. plan.Named
            .Where(n => facets.FirstOrDefault(f => f.Name == n.Facet) is { } facet
                && !facet.Selected.Contains(n.Key, StringComparer.OrdinalIgnoreCase)
                && facet.Values.Any(v => v.Value == n.Key && v.Count > 0))
            .DistinctBy(n => (n.Facet, n.Key))
            .Take(3)
            .Select(n => new FacetSuggestionModel(n.Facet, n.Key, LocalizedText.Pick(n.Name.NameEn, n.Name.NameEs, culture) with { IsFallback = false }))];

    /// <summary>The card's columns but its topics (the library page adds them from its snapshot).</summary>
    private static IQueryable<CardRow> SelectCardsWithoutTopics(IQueryable<BestPracticeDocument> documents) =>
        documents.Select(d => new CardRow
        {
            Id = d.Id, Slug = d.Slug, TitleEn = d.TitleEn, TitleEs = d.TitleEs, SummaryEn = d.SummaryEn, SummaryEs = d.SummaryEs,
            SourceKind = d.SourceKind, Language = d.Language, PublishedOn = d.PublishedOn,
            SourceEn = d.SourceOrganisation == null ? null : d.SourceOrganisation.NameEn, SourceEs = d.SourceOrganisation == null ? null : d.SourceOrganisation.NameEs,
            CountryEn = d.Country == null ? null : d.Country.NameEn, CountryEs = d.Country == null ? null : d.Country.NameEs,
            Region = d.Country == null ? null : d.Country.Region, AttachmentCount = d.Attachments.Count,
        });

    /// <summary>The card's columns but its topics, and the texts a search extract is cut from.</summary>
    private static IQueryable<CardRow> SelectCardsWithTexts(IQueryable<BestPracticeDocument> documents) =>
        documents.Select(d => new CardRow
        {
            Id = d.Id, Slug = d.Slug, TitleEn = d.TitleEn, TitleEs = d.TitleEs, SummaryEn = d.SummaryEn, SummaryEs = d.SummaryEs,
            SourceKind = d.SourceKind, Language = d.Language, PublishedOn = d.PublishedOn,
            SourceEn = d.SourceOrganisation == null ? null : d.SourceOrganisation.NameEn, SourceEs = d.SourceOrganisation == null ? null : d.SourceOrganisation.NameEs,
            CountryEn = d.Country == null ? null : d.Country.NameEn, CountryEs = d.Country == null ? null : d.Country.NameEs,
            Region = d.Country == null ? null : d.Country.Region, AttachmentCount = d.Attachments.Count,
            BodyEn = d.BodyEn, BodyEs = d.BodyEs,
            AttachmentText = string.Join("\n", d.Attachments.OrderBy(a => a.Id).Select(a => a.ExtractedText)),
        });

    /// <summary>
    /// The card's columns with the ids of its topics; <see cref="NameTopicsAsync"/> adds the names. (The names
    /// projected in SQL made SQLite materialise all of DocumentTopics joined with Topics, twice: 390 ms for a
    /// collection of 23 documents in a library of 100,000.)
    /// </summary>
    internal static IQueryable<CardRow> SelectCards(IQueryable<BestPracticeDocument> documents) =>
        documents.Select(d => new CardRow
        {
            Id = d.Id, Slug = d.Slug, TitleEn = d.TitleEn, TitleEs = d.TitleEs, SummaryEn = d.SummaryEn, SummaryEs = d.SummaryEs,
            SourceKind = d.SourceKind, Language = d.Language, PublishedOn = d.PublishedOn,
            SourceEn = d.SourceOrganisation == null ? null : d.SourceOrganisation.NameEn, SourceEs = d.SourceOrganisation == null ? null : d.SourceOrganisation.NameEs,
            CountryEn = d.Country == null ? null : d.Country.NameEn, CountryEs = d.Country == null ? null : d.Country.NameEs,
            Region = d.Country == null ? null : d.Country.Region, AttachmentCount = d.Attachments.Count,
            TopicIds = d.Topics.Select(t => t.TopicId).ToList(),
        });

    /// <summary>The topics' names of cards read with <see cref="SelectCards"/>, from one read of the (short) topic list.</summary>
    internal static async Task NameTopicsAsync(PortalDbContext db, IReadOnlyList<CardRow> rows, CancellationToken cancellationToken)
    {
        var topics = await db.Topics.AsNoTracking()
            .Select(t => new FacetName(t.Id, t.Slug, t.NameEn, t.NameEs, default))
            .ToDictionaryAsync(t => t.Id, cancellationToken);
        foreach (var row in rows)
        {
            row.NameTopics(row.TopicIds, topics);
        }
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
    public string? TopicsEn { get; set; }
    public string? TopicsEs { get; set; }
    public List<int> TopicIds { get; init; } = [];

    /// <summary>Sets both languages' topic lists from the topics' ids (unknown ids are left out).</summary>
    public void NameTopics(IEnumerable<int> topicIds, IReadOnlyDictionary<int, FacetName> topics)
    {
        var names = topicIds.Where(topics.ContainsKey).Select(id => topics[id]).ToList();
        TopicsEn = string.Join(LibraryReader.TopicSeparator, names.Select(n => n.NameEn));
        TopicsEs = string.Join(LibraryReader.TopicSeparator, names.Select(n => n.NameEs ?? n.NameEn));
    }
    public int AttachmentCount { get; init; }

    /// <summary>Read only when searching, for the extract (<see cref="LibrarySearchText.Extract"/>).</summary>
    public string? BodyEn { get; init; }
    public string? BodyEs { get; init; }
    public string? AttachmentText { get; init; }

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
