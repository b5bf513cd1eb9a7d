using System.Collections.Concurrent;

namespace PortCooperation.Web.Services.Library;

/// <summary>
/// The matches and ranks of recent searches on one <see cref="LibraryFacetSnapshot"/>, so a word many people search
/// ("port", "covid") is looked up in the full-text index once per change of the library rather than once per visitor.
/// It lives and dies with its snapshot: a save that touches the library drops both at the same moment, so a cached
/// result is never older than the facet counts it is shown with (docs/decisions/0025-library-match-cache.md).
/// Bounded: when <see cref="Capacity"/> searches are held, the next one empties it (a search is a bit per document
/// and its ranks; the searches still asked come back at once).
/// </summary>
public sealed class LibraryMatchCache
{
    public const int Capacity = 32;

    private readonly ConcurrentDictionary<string, LibraryMatch> _entries = new(StringComparer.Ordinal);

    public bool TryGet(string key, out LibraryMatch match) => _entries.TryGetValue(key, out match!);

    /// <summary>Forgets every search (the benchmark times first searches this way).</summary>
    public void Clear() => _entries.Clear();

    public void Add(string key, LibraryMatch match)
    {
        if (_entries.Count >= Capacity)
        {
            _entries.Clear();
        }

        _entries[key] = match;
    }
}

/// <summary>
/// One search's result on a snapshot: the positions it matched, one bit each (small enough to stay off the large
/// object heap, whose garbage a broad search's list of positions turned into full collections), and the rank of
/// those that have one (the others are matched but unranked, +∞ in the reader's rank array).
/// </summary>
public sealed class LibraryMatch
{
    private readonly ulong[] _matched;
    private readonly int[] _rankedPositions;
    private readonly double[] _ranks;

    private LibraryMatch(ulong[] matched, int[] rankedPositions, double[] ranks)
    {
        _matched = matched;
        _rankedPositions = rankedPositions;
        _ranks = ranks;
    }

    public void ApplyTo(double[] rank)
    {
        for (var word = 0; word < _matched.Length; word++)
        {
            for (var bits = _matched[word]; bits != 0; bits &= bits - 1)
            {
                rank[(word << 6) + System.Numerics.BitOperations.TrailingZeroCount(bits)] = double.PositiveInfinity;
            }
        }

        for (var i = 0; i < _rankedPositions.Length; i++)
        {
            rank[_rankedPositions[i]] = _ranks[i];
        }
    }

    /// <summary>Reads back what the reader wrote into <paramref name="rank"/> (NaN = not matched).</summary>
    public static LibraryMatch From(ReadOnlySpan<double> rank)
    {
        var matched = new ulong[(rank.Length + 63) >> 6];
        var ranked = 0;
        for (var p = 0; p < rank.Length; p++)
        {
            var value = rank[p];
            if (!double.IsNaN(value))
            {
                matched[p >> 6] |= 1UL << (p & 63);
                if (!double.IsPositiveInfinity(value))
                {
                    ranked++;
                }
            }
        }

        var rankedPositions = new int[ranked];
        var ranks = new double[ranked];
        var i = 0;
        for (var p = 0; i < ranked; p++)
        {
            if (!double.IsNaN(rank[p]) && !double.IsPositiveInfinity(rank[p]))
            {
                rankedPositions[i] = p;
                ranks[i++] = rank[p];
            }
        }

        return new LibraryMatch(matched, rankedPositions, ranks);
    }
}
