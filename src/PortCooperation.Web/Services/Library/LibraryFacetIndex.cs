using Microsoft.EntityFrameworkCore;
using PortCooperation.Web.Data;
using PortCooperation.Web.Domain;
using PortCooperation.Web.Infrastructure.Caching;
using PortCooperation.Web.Services.Content;

namespace PortCooperation.Web.Services.Library;

/// <summary>
/// The facet columns of every published document, held in memory (docs/quality.md P4): a few compact arrays, one slot
/// per document, in the listing's order (newest first). The library page filters, counts every facet and cuts its
/// page from these arrays, so a listing needs one SQL command (the 20 cards) and a search two or three (the matches,
/// the cards, the snippets), whatever the number of documents.
/// <para>
/// Freshness: the snapshot is dropped whenever a save evicts the library's, the countries' or the organisations'
/// output-cache tag (<see cref="ICacheEvictionListener"/>, called by CacheEvictionInterceptor), the same moment the
/// cached pages go, and is read again by the next request. Scheduled publishing needs no refresh: each document's
/// PublishAtUtc is kept and compared with the request's "now". Drafts and archived documents are never loaded.
/// </para>
/// </summary>
public sealed class LibraryFacetIndex : ICacheEvictionListener, IDisposable
{
    private readonly SemaphoreSlim _loading = new(1, 1);
    private LibraryFacetSnapshot? _current;
    private long _generation;

    /// <summary>How many times the snapshot was read from the database (tests and the benchmark look at it).</summary>
    public int Loads { get; private set; }

    public void Evicted(IReadOnlyCollection<string> tags)
    {
        if (tags.Contains(CacheTags.Library) || tags.Contains(CacheTags.Countries) || tags.Contains(CacheTags.Organisations))
        {
            Invalidate();
        }
    }

    public void Dispose() => _loading.Dispose();

    public void Invalidate()
    {
        Interlocked.Increment(ref _generation);
        Volatile.Write(ref _current, null);
    }

    public async Task<LibraryFacetSnapshot> GetAsync(PortalDbContext db, CancellationToken cancellationToken)
    {
        var current = Volatile.Read(ref _current);
        if (current is not null && current.Generation == Interlocked.Read(ref _generation))
        {
            return current;
        }

        await _loading.WaitAsync(cancellationToken);
        try
        {
            var generation = Interlocked.Read(ref _generation);
            current = Volatile.Read(ref _current);
            if (current is not null && current.Generation == generation)
            {
                return current;
            }

            var loaded = await LibraryFacetSnapshot.LoadAsync(db, generation, cancellationToken);
            Loads++;
            // A save that landed while loading leaves the snapshot for this request only; the next one reloads.
            if (generation == Interlocked.Read(ref _generation))
            {
                Volatile.Write(ref _current, loaded);
            }

            return loaded;
        }
        finally
        {
            _loading.Release();
        }
    }
}

public sealed record FacetName(int Id, string Key, string NameEn, string? NameEs, Region Region = 0);

public sealed record CollectionEntry(string Slug, string TitleEn, string? TitleEs, int[] Positions);

/// <summary>One immutable reading of the published documents' facet columns; positions are in listing order.</summary>
public sealed class LibraryFacetSnapshot
{
    public long Generation { get; private init; }

    public int Count => Ids.Length;

    public int[] Ids { get; private init; } = [];

    /// <summary>PublishAtUtc ticks, 0 when published at once.</summary>
    public long[] PublishAt { get; private init; } = [];

    public int[] Country { get; private init; } = [];

    public int[] Region { get; private init; } = [];

    public int[] Kind { get; private init; } = [];

    public int[] Source { get; private init; } = [];

    /// <summary>Index into <see cref="Languages"/>.</summary>
    public int[] Language { get; private init; } = [];

    public int[] Year { get; private init; } = [];

    /// <summary>The topics of the document at position p are TopicIds[TopicStart[p]..TopicStart[p + 1]].</summary>
    public int[] TopicStart { get; private init; } = [];

    public int[] TopicIds { get; private init; } = [];

    private int[]? _titleOrderEn;
    private int[]? _titleOrderEs;

    public string[] Languages { get; private init; } = [];

    public Dictionary<int, int> PositionOf { get; private init; } = [];

    public Dictionary<int, FacetName> Countries { get; private init; } = [];

    public Dictionary<int, FacetName> Sources { get; private init; } = [];

    public Dictionary<int, FacetName> Topics { get; private init; } = [];

    public List<CollectionEntry> Collections { get; private init; } = [];

    /// <summary>Organisations' acronyms by id (searched as codes).</summary>
    public Dictionary<int, string> SourceAcronyms { get; private init; } = [];

    private LibrarySearchNames? _searchNames;

    /// <summary>Recent searches' matches on this reading, dropped with it.</summary>
    public LibraryMatchCache Matches { get; } = new();

    /// <summary>The facets' names as a search can mention them, built on the first search after a change.</summary>
    public LibrarySearchNames SearchNames
    {
        get
        {
            if (Volatile.Read(ref _searchNames) is { } known)
            {
                return known;
            }

            var built = LibrarySearchNames.From(this, SourceAcronyms);
            Volatile.Write(ref _searchNames, built);
            return built;
        }
    }

    /// <summary>
    /// Positions sorted by English title, or by Spanish title (English when missing), then id, in the database's
    /// collation: read on the first title-sorted request after a change (titles live in the wide rows only).
    /// </summary>
    public async Task<int[]> TitleOrderAsync(PortalDbContext db, bool spanish, CancellationToken cancellationToken)
    {
        if ((spanish ? Volatile.Read(ref _titleOrderEs) : Volatile.Read(ref _titleOrderEn)) is { } known)
        {
            return known;
        }

        var published = db.Documents.AsNoTracking().Where(d => d.PublicationState == PublicationState.Published);
        var ordered = spanish ? published.OrderBy(d => d.TitleEs ?? d.TitleEn) : published.OrderBy(d => d.TitleEn);
        var ids = await ordered.ThenBy(d => d.Id).Select(d => d.Id).ToListAsync(cancellationToken);
        int[] order = [.. ids.Where(PositionOf.ContainsKey).Select(id => PositionOf[id])];
        if (spanish)
        {
            Volatile.Write(ref _titleOrderEs, order);
        }
        else
        {
            Volatile.Write(ref _titleOrderEn, order);
        }

        return order;
    }

    /// <summary>The position of a document id, by an array rather than <see cref="PositionOf"/>: a broad search looks up 100,000 ids.</summary>
    public bool TryGetPosition(int id, out int position)
    {
        position = id >= 0 && id < PositionById.Length ? PositionById[id] : -1;
        return position >= 0;
    }

    private int[] PositionById { get; init; } = [];

    public bool IsVisible(int position, long nowTicks) => PublishAt[position] == 0 || PublishAt[position] <= nowTicks;

    internal static async Task<LibraryFacetSnapshot> LoadAsync(PortalDbContext db, long generation, CancellationToken cancellationToken)
    {
        var rows = await db.Documents.AsNoTracking()
            .Where(d => d.PublicationState == PublicationState.Published)
            // Only columns of the covering index IX_Documents_Library: read without touching the wide rows.
            .Select(d => new { d.Id, d.PublishAtUtc, d.PublishedOn, d.CountryId, d.SourceKind, d.SourceOrganisationId, d.Language })
            .ToListAsync(cancellationToken);
        var topicRows = await db.Set<DocumentTopic>().AsNoTracking().Select(t => new { t.DocumentId, t.TopicId }).ToListAsync(cancellationToken);
        var countries = await db.Countries.AsNoTracking().Select(c => new FacetName(c.Id, c.Code, c.NameEn, c.NameEs, c.Region)).ToDictionaryAsync(c => c.Id, cancellationToken);
        var organisations = await db.Organisations.AsNoTracking().Select(o => new { o.Id, o.Slug, o.NameEn, o.NameEs, o.Acronym }).ToListAsync(cancellationToken);
        var sources = organisations.ToDictionary(o => o.Id, o => new FacetName(o.Id, o.Slug, o.NameEn, o.NameEs, default));
        var topics = await db.Topics.AsNoTracking().Select(t => new FacetName(t.Id, t.Slug, t.NameEn, t.NameEs, default)).ToDictionaryAsync(t => t.Id, cancellationToken);
        var collections = await db.Collections.AsNoTracking().Public()
            .Select(c => new { c.Id, c.Slug, c.TitleEn, c.TitleEs }).ToListAsync(cancellationToken);
        var members = await db.Set<CollectionDocument>().AsNoTracking().Select(m => new { m.CollectionId, m.DocumentId }).ToListAsync(cancellationToken);

        // The listing's order: newest first (undated last), then the highest id.
        rows.Sort((a, b) =>
        {
            var byDate = (b.PublishedOn ?? DateOnly.MinValue).CompareTo(a.PublishedOn ?? DateOnly.MinValue);
            return byDate != 0 ? byDate : b.Id.CompareTo(a.Id);
        });

        var n = rows.Count;
        var positionOf = new Dictionary<int, int>(n);
        var languages = new List<string>();
        var languageIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        int[] ids = new int[n], country = new int[n], region = new int[n], kind = new int[n], source = new int[n], language = new int[n], year = new int[n];
        var publishAt = new long[n];
        for (var p = 0; p < n; p++)
        {
            var r = rows[p];
            ids[p] = r.Id;
            positionOf[r.Id] = p;
            publishAt[p] = r.PublishAtUtc is { } at ? DateTime.SpecifyKind(at, DateTimeKind.Utc).Ticks : 0;
            country[p] = r.CountryId ?? 0;
            region[p] = r.CountryId is { } c && countries.TryGetValue(c, out var known) ? (int)known.Region : 0;
            kind[p] = (int)r.SourceKind;
            source[p] = r.SourceOrganisationId ?? 0;
            if (!languageIndex.TryGetValue(r.Language, out var l))
            {
                l = languages.Count;
                languageIndex[r.Language] = l;
                languages.Add(r.Language);
            }

            language[p] = l;
            year[p] = r.PublishedOn?.Year ?? 0;
        }

        var topicCount = new int[n + 1];
        var topicPairs = topicRows.Where(t => positionOf.ContainsKey(t.DocumentId)).Select(t => (Position: positionOf[t.DocumentId], t.TopicId)).ToList();
        foreach (var (position, _) in topicPairs)
        {
            topicCount[position + 1]++;
        }

        for (var p = 0; p < n; p++)
        {
            topicCount[p + 1] += topicCount[p];
        }

        var topicIds = new int[topicPairs.Count];
        var fill = (int[])topicCount.Clone();
        foreach (var (position, topicId) in topicPairs)
        {
            topicIds[fill[position]++] = topicId;
        }

        var positionById = new int[n == 0 ? 0 : ids.Max() + 1];
        Array.Fill(positionById, -1);
        for (var p = 0; p < n; p++)
        {
            positionById[ids[p]] = p;
        }

        var membersOf = members.Where(m => positionOf.ContainsKey(m.DocumentId)).ToLookup(m => m.CollectionId, m => positionOf[m.DocumentId]);
        return new LibraryFacetSnapshot
        {
            Generation = generation,
            Ids = ids,
            PublishAt = publishAt,
            Country = country,
            Region = region,
            Kind = kind,
            Source = source,
            Language = language,
            Year = year,
            TopicStart = topicCount,
            TopicIds = topicIds,
            Languages = [.. languages],
            PositionOf = positionOf,
            PositionById = positionById,
            Countries = countries,
            Sources = sources,
            Topics = topics,
            SourceAcronyms = organisations.Where(o => !string.IsNullOrWhiteSpace(o.Acronym)).ToDictionary(o => o.Id, o => o.Acronym!),
            Collections = [.. collections.Select(c => new CollectionEntry(c.Slug, c.TitleEn, c.TitleEs, [.. membersOf[c.Id].Distinct()]))],
        };
    }
}
