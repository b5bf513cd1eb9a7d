using PortCooperation.Web.Services.Library;

namespace PortCooperation.UnitTests.Library;

/// <summary>The id from which a broad search's matches are ranked: the RankedMatches-th highest match.</summary>
public sealed class RankThresholdTests
{
    private const int N = LibrarySearchEngine.RankedMatches;

    [Fact]
    public void NoMoreMatchesThanRanked_RanksThemAll()
    {
        Assert.Equal(0, LibrarySearchEngine.RankThreshold([]));
        Assert.Equal(0, LibrarySearchEngine.RankThreshold([.. Enumerable.Range(500, N)]));
    }

    [Fact]
    public void DenseIdsInAnyOrder_TheNthHighest()
    {
        var ids = Enumerable.Range(1, 5_000).ToArray();
        Random.Shared.Shuffle(ids);
        Assert.Equal(5_000 - N + 1, LibrarySearchEngine.RankThreshold(ids));
    }

    [Fact]
    public void IdsWithGaps_TheNthHighestMatch()
    {
        // Every third id matches: the N-th highest of 1, 4, 7, … 3·(k−1)+1.
        var ids = Enumerable.Range(0, 3 * N).Select(i => 3 * i + 1).Reverse().ToArray();
        var expected = ids.OrderDescending().ElementAt(N - 1);
        Assert.Equal(expected, LibrarySearchEngine.RankThreshold(ids));
    }

    [Fact]
    public void VerySparseIds_TheNthHighest()
    {
        var ids = Enumerable.Range(0, N + 5).Select(i => i * 1_000).ToArray();
        Random.Shared.Shuffle(ids);
        Assert.Equal(5 * 1_000, LibrarySearchEngine.RankThreshold(ids));
    }
}
