using System.Collections.Concurrent;

namespace PortCooperation.Web.Services.Library;

/// <summary>
/// The matches and ranks of recent searches on one <see cref="LibraryFacetSnapshot"/>, so a word many people search
/// ("port", "covid") is looked up in the full-text index once per change of the library rather than once per visitor.
/// It lives and dies with its snapshot: a save that touches the library drops both at the same moment, so a cached
/// result is never older than the facet counts it is shown with (docs/decisions/0025-library-match-cache.md).
/// Bounded: when <see cref="Capacity"/> searches are held, the next one empties it (a few MB at most at 100,000
/// documents; the searches still asked come back at once).
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
/// One search's result on a snapshot: the positions it matched, and the rank of those that have one (the others are
/// matched but unranked, +∞ in the reader's rank array).
/// </summary>
public sealed class LibraryMatch(int[] positions, int[] rankedPositions, double[] ranks)
{
    public void ApplyTo(double[] rank)
    {
        foreach (var p in positions)
        {
            rank[p] = double.PositiveInfinity;
        }

        for (var i = 0; i < rankedPositions.Length; i++)
        {
            rank[rankedPositions[i]] = ranks[i];
        }
    }

    /// <summary>Reads back what the reader wrote into <paramref name="rank"/> (NaN = not matched).</summary>
    public static LibraryMatch From(ReadOnlySpan<double> rank)
    {
        var positions = new List<int>();
        var rankedPositions = new List<int>();
        var ranks = new List<double>();
        for (var p = 0; p < rank.Length; p++)
        {
            var value = rank[p];
            if (double.IsNaN(value))
            {
                continue;
            }

            positions.Add(p);
            if (!double.IsPositiveInfinity(value))
            {
                rankedPositions.Add(p);
                ranks.Add(value);
            }
        }

        return new LibraryMatch([.. positions], [.. rankedPositions], [.. ranks]);
    }
}
