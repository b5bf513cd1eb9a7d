using System.Globalization;
using PortCooperation.Web.Domain;
using PortCooperation.Web.Models.Library;
using PortCooperation.Web.Services.Content;

namespace PortCooperation.Web.Services.Library;

/// <summary>The ticked values of every facet, resolved against a snapshot (slugs and codes to ids).</summary>
public sealed class LibrarySelection
{
    public LibrarySelection(LibraryQuery query, LibraryFacetSnapshot snapshot)
    {
        Regions = [.. query.Region.Distinct()];
        Countries = [.. query.CountryCodes];
        Kinds = [.. query.Kind.Distinct()];
        Sources = [.. query.Source.Distinct(StringComparer.Ordinal)];
        Topics = [.. query.Topic.Distinct(StringComparer.Ordinal)];
        Languages = [.. query.Language.Distinct(StringComparer.Ordinal)];
        Years = [.. query.Year.Distinct()];
        CountryIds = IdsOf(snapshot.Countries, Countries);
        SourceIds = IdsOf(snapshot.Sources, Sources);
        TopicIds = IdsOf(snapshot.Topics, Topics);
        LanguageIndexes = [.. Languages.Select(l => Array.IndexOf(snapshot.Languages, l)).Where(i => i >= 0)];
    }

    public Region[] Regions { get; }

    public string[] Countries { get; }

    public SourceKind[] Kinds { get; }

    public string[] Sources { get; }

    public string[] Topics { get; }

    public string[] Languages { get; }

    public int[] Years { get; }

    public int[] CountryIds { get; }

    public int[] SourceIds { get; }

    public int[] TopicIds { get; }

    public int[] LanguageIndexes { get; }

    private static int[] IdsOf(Dictionary<int, FacetName> names, string[] keys) =>
        keys.Length == 0 ? [] : [.. names.Values.Where(n => keys.Contains(n.Key, StringComparer.Ordinal)).Select(n => n.Id)];
}

/// <summary>
/// One pass over the snapshot: the documents passing the search and every filter, in listing order, and each
/// facet's counts with the other facets' filters (a document failing exactly one facet's filter counts in that
/// facet only). Exact, like the SQL it replaces: tests compare it with a plain SQL count on both databases.
/// The per-document arrays (which pass, which are shown) are borrowed from the shared array pool and given back by
/// <see cref="Dispose"/>: at 100,000 documents they are large objects, and fresh ones on every request made the
/// process run a full garbage collection every few searches.
/// </summary>
public sealed class LibraryFacetCounter : IDisposable
{
    private const int RegionFacet = 0, CountryFacet = 1, KindFacet = 2, SourceFacet = 3, TopicFacet = 4, LanguageFacet = 5, YearFacet = 6;

    private readonly LibraryFacetSnapshot _snapshot;
    private readonly LibrarySelection _selection;
    private readonly int[][] _counts;
    private readonly int _yearBase;
    private bool[]? _passes;
    private int[]? _matching;

    private LibraryFacetCounter(LibraryFacetSnapshot snapshot, LibrarySelection selection, int[][] counts, bool[] passes, int[] matching, int total, int yearBase)
    {
        _snapshot = snapshot;
        _selection = selection;
        _counts = counts;
        _passes = passes;
        _matching = matching;
        _yearBase = yearBase;
        Total = total;
    }

    /// <summary>Positions of the documents shown, in listing order (newest first).</summary>
    public ReadOnlySpan<int> Matching => (_matching ?? throw new ObjectDisposedException(nameof(LibraryFacetCounter))).AsSpan(0, Total);

    public int Total { get; }

    /// <summary>The ids of one page in listing order.</summary>
    public int[] InListingOrder(int skip, int take)
    {
        var page = Matching[Math.Min(skip, Total)..];
        page = page[..Math.Min(take, page.Length)];
        var ids = new int[page.Length];
        for (var i = 0; i < page.Length; i++)
        {
            ids[i] = _snapshot.Ids[page[i]];
        }

        return ids;
    }

    public void Dispose()
    {
        if (_passes is { } passes)
        {
            _passes = null;
            System.Buffers.ArrayPool<bool>.Shared.Return(passes);
        }

        if (_matching is { } matching)
        {
            _matching = null;
            System.Buffers.ArrayPool<int>.Shared.Return(matching);
        }
    }

    /// <param name="rank">When searching: each position's rank, NaN for a document the search does not match.</param>
    public static LibraryFacetCounter Count(LibraryFacetSnapshot s, LibrarySelection selection, double[]? rank, long nowTicks)
    {
        int maxCountry = 0, maxSource = 0, maxKind = 0, minYear = int.MaxValue, maxYear = 0;
        for (var p = 0; p < s.Count; p++)
        {
            maxCountry = Math.Max(maxCountry, s.Country[p]);
            maxSource = Math.Max(maxSource, s.Source[p]);
            maxKind = Math.Max(maxKind, s.Kind[p]);
            if (s.Year[p] != 0)
            {
                minYear = Math.Min(minYear, s.Year[p]);
                maxYear = Math.Max(maxYear, s.Year[p]);
            }
        }

        var yearBase = minYear == int.MaxValue ? 0 : minYear - 1;
        var maxTopic = s.TopicIds.Length == 0 ? 0 : s.TopicIds.Max();
        int[][] counts =
        [
            new int[16], new int[maxCountry + 1], new int[maxKind + 1], new int[maxSource + 1], new int[maxTopic + 1], new int[s.Languages.Length], new int[Math.Max(1, maxYear - yearBase + 1)],
        ];

        var regions = Mask(selection.Regions.Select(r => (int)r), 16);
        var countries = Mask(selection.CountryIds, maxCountry + 1);
        var kinds = Mask(selection.Kinds.Select(k => (int)k), maxKind + 1);
        var sources = Mask(selection.SourceIds, maxSource + 1);
        var topics = Mask(selection.TopicIds, maxTopic + 1);
        var languages = Mask(selection.LanguageIndexes, s.Languages.Length);
        var years = Mask(selection.Years.Select(y => y - yearBase), counts[YearFacet].Length);
        bool regionOn = selection.Regions.Length > 0, countryOn = selection.Countries.Length > 0, kindOn = selection.Kinds.Length > 0,
            sourceOn = selection.Sources.Length > 0, topicOn = selection.Topics.Length > 0, languageOn = selection.Languages.Length > 0, yearOn = selection.Years.Length > 0;

        var passes = System.Buffers.ArrayPool<bool>.Shared.Rent(s.Count);
        Array.Clear(passes, 0, s.Count);
        var matching = System.Buffers.ArrayPool<int>.Shared.Rent(s.Count);
        var total = 0;
        for (var p = 0; p < s.Count; p++)
        {
            if (!s.IsVisible(p, nowTicks) || (rank is not null && double.IsNaN(rank[p])))
            {
                continue;
            }

            int failed = -1, failures = 0;
            if (regionOn && !Has(regions, s.Region[p])) { failed = RegionFacet; failures++; }
            if (countryOn && !Has(countries, s.Country[p])) { failed = CountryFacet; failures++; }
            if (kindOn && !Has(kinds, s.Kind[p])) { failed = KindFacet; failures++; }
            if (sourceOn && !Has(sources, s.Source[p])) { failed = SourceFacet; failures++; }
            if (topicOn && !AnyTopic(s, p, topics)) { failed = TopicFacet; failures++; }
            if (languageOn && !Has(languages, s.Language[p])) { failed = LanguageFacet; failures++; }
            if (yearOn && !Has(years, s.Year[p] - yearBase)) { failed = YearFacet; failures++; }

            if (failures > 1)
            {
                continue;
            }

            if (failures == 0)
            {
                passes[p] = true;
                matching[total++] = p;
            }

            if (failed is -1 or RegionFacet && s.Region[p] != 0) { counts[RegionFacet][s.Region[p]]++; }
            if (failed is -1 or CountryFacet && s.Country[p] != 0) { counts[CountryFacet][s.Country[p]]++; }
            if (failed is -1 or KindFacet) { counts[KindFacet][s.Kind[p]]++; }
            if (failed is -1 or SourceFacet && s.Source[p] != 0) { counts[SourceFacet][s.Source[p]]++; }
            if (failed is -1 or TopicFacet)
            {
                for (var t = s.TopicStart[p]; t < s.TopicStart[p + 1]; t++)
                {
                    counts[TopicFacet][s.TopicIds[t]]++;
                }
            }

            if (failed is -1 or LanguageFacet) { counts[LanguageFacet][s.Language[p]]++; }
            if (failed is -1 or YearFacet && s.Year[p] != 0) { counts[YearFacet][s.Year[p] - yearBase]++; }
        }

        return new LibraryFacetCounter(s, selection, counts, passes, matching, total, yearBase);
    }

    private static bool[] Mask(IEnumerable<int> values, int size)
    {
        var mask = new bool[size];
        foreach (var v in values)
        {
            if (v >= 0 && v < size)
            {
                mask[v] = true;
            }
        }

        return mask;
    }

    private static bool Has(bool[] mask, int value) => value >= 0 && value < mask.Length && mask[value];

    private static bool AnyTopic(LibraryFacetSnapshot s, int p, bool[] topics)
    {
        for (var t = s.TopicStart[p]; t < s.TopicStart[p + 1]; t++)
        {
            if (Has(topics, s.TopicIds[t]))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The ids of one page in the engine's rank (best first), ties in listing order.</summary>
    public int[] TopByRank(double[] rank, int skip, int take)
    {
        var wanted = skip + take;
        var byRank = Comparer<(double Rank, int Position)>.Create((a, b) => a.Rank != b.Rank ? a.Rank.CompareTo(b.Rank) : a.Position.CompareTo(b.Position));
        var matching = Matching;
        List<(double Rank, int Position)> best;
        if (wanted >= matching.Length)
        {
            best = new(matching.Length);
            foreach (var p in matching)
            {
                best.Add((rank[p], p));
            }
        }
        else
        {
            // The page's end only: a heap of the best "skip + take", worst on top. Positions come in ascending order,
            // so once the heap is full a rank no better than its worst loses the tie too: most matches of a broad
            // search are unranked (+∞) and are passed over without touching the heap.
            var heap = new PriorityQueue<int, (double Rank, int Position)>(wanted, Comparer<(double Rank, int Position)>.Create((a, b) => byRank.Compare(b, a)));
            var worst = double.PositiveInfinity;
            foreach (var p in matching)
            {
                var r = rank[p];
                if (heap.Count == wanted && r >= worst)
                {
                    continue;
                }

                if (heap.Count < wanted)
                {
                    heap.Enqueue(p, (r, p));
                }
                else
                {
                    heap.EnqueueDequeue(p, (r, p));
                }

                if (heap.Count == wanted && heap.TryPeek(out _, out var top))
                {
                    worst = top.Rank;
                }
            }

            best = [.. heap.UnorderedItems.Select(i => i.Priority)];
        }

        best.Sort(byRank);
        return [.. best.Skip(skip).Take(take).Select(b => _snapshot.Ids[b.Position])];
    }

    /// <summary>The ids of one page in a precomputed order of all positions (titles).</summary>
    public int[] InOrder(int[] order, int skip, int take)
    {
        var page = new List<int>(take);
        var seen = 0;
        var passes = _passes ?? throw new ObjectDisposedException(nameof(LibraryFacetCounter));
        foreach (var p in order)
        {
            if (!passes[p])
            {
                continue;
            }

            if (seen++ >= skip)
            {
                page.Add(_snapshot.Ids[p]);
                if (page.Count == take)
                {
                    break;
                }
            }
        }

        return [.. page];
    }

    private IEnumerable<(int Key, int Count)> Values(int facet)
    {
        var counts = _counts[facet];
        for (var key = 0; key < counts.Length; key++)
        {
            if (counts[key] > 0)
            {
                yield return (key, counts[key]);
            }
        }
    }

    public List<FacetModel> Build(CultureInfo culture)
    {
        static LocalizedText Name(FacetName n, CultureInfo culture) => LocalizedText.Pick(n.NameEn, n.NameEs, culture) with { IsFallback = false };
        static LocalizedText Plain(string text) => new(text, "", false);
        var byName = StringComparer.Create(culture, CompareOptions.IgnoreCase);
        var regions = _selection.Regions.Select(r => r.ToString()).ToHashSet(StringComparer.Ordinal);
        var kinds = _selection.Kinds.Select(k => k.ToString()).ToHashSet(StringComparer.Ordinal);
        var years = _selection.Years.Select(y => y.ToString(CultureInfo.InvariantCulture)).ToHashSet(StringComparer.Ordinal);

        List<FacetModel> facets =
        [
            new("region", "Library_Facet_Region", [.. regions], [.. Values(RegionFacet)
                .Select(r => new FacetValueModel(((Region)r.Key).ToString(), Plain(""), r.Count, regions.Contains(((Region)r.Key).ToString())))]),
            new("country", "Library_Facet_Country", _selection.Countries, [.. Values(CountryFacet)
                .Where(r => _snapshot.Countries.ContainsKey(r.Key))
                .Select(r => (Row: _snapshot.Countries[r.Key], r.Count))
                .Select(r => new FacetValueModel(r.Row.Key, Name(r.Row, culture), r.Count, _selection.Countries.Contains(r.Row.Key, StringComparer.Ordinal)))
                .OrderBy(v => v.Label.Text, byName)]),
            new("kind", "Library_Facet_Kind", [.. kinds], [.. Values(KindFacet)
                .Select(r => new FacetValueModel(((SourceKind)r.Key).ToString(), Plain(""), r.Count, kinds.Contains(((SourceKind)r.Key).ToString())))]),
            new("source", "Library_Facet_Source", _selection.Sources, [.. Values(SourceFacet)
                .Where(r => _snapshot.Sources.ContainsKey(r.Key))
                .Select(r => (Row: _snapshot.Sources[r.Key], r.Count))
                .Select(r => new FacetValueModel(r.Row.Key, Name(r.Row, culture), r.Count, _selection.Sources.Contains(r.Row.Key, StringComparer.Ordinal)))
                .OrderByDescending(v => v.Count).ThenBy(v => v.Label.Text, byName)]),
            new("topic", "Library_Facet_Topic", _selection.Topics, [.. Values(TopicFacet)
                .Where(r => _snapshot.Topics.ContainsKey(r.Key))
                .Select(r => (Row: _snapshot.Topics[r.Key], r.Count))
                .Select(r => new FacetValueModel(r.Row.Key, Name(r.Row, culture), r.Count, _selection.Topics.Contains(r.Row.Key, StringComparer.Ordinal)))
                .OrderByDescending(v => v.Count).ThenBy(v => v.Label.Text, byName)]),
            new("language", "Library_Facet_Language", _selection.Languages, [.. Values(LanguageFacet)
                .Select(r => (Key: _snapshot.Languages[r.Key], r.Count))
                .OrderByDescending(r => r.Count).ThenBy(r => r.Key, StringComparer.Ordinal)
                .Select(r => new FacetValueModel(r.Key, Plain(""), r.Count, _selection.Languages.Contains(r.Key, StringComparer.Ordinal)))]),
            new("year", "Library_Facet_Year", [.. years], [.. Values(YearFacet).OrderByDescending(r => r.Key)
                .Select(r => (Text: (r.Key + _yearBase).ToString(CultureInfo.InvariantCulture), r.Count))
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
        var names = facet switch
        {
            "country" => _snapshot.Countries,
            "source" => _snapshot.Sources,
            "topic" => _snapshot.Topics,
            _ => null,
        };
        var row = names?.Values.FirstOrDefault(n => n.Key == value);
        return row is null ? new LocalizedText(value, "", false) : LocalizedText.Pick(row.NameEn, row.NameEs, culture) with { IsFallback = false };
    }
}
