using PortCooperation.Web.Services.Library;

namespace PortCooperation.UnitTests.Library;

/// <summary>
/// A search's remembered matches (one bit per document, the ranks of the ranked ones) give back exactly what the
/// reader computed, and a search matching nearly all of 100,000 documents is remembered without a large object.
/// </summary>
public sealed class LibraryMatchTests
{
    [Fact]
    public void RememberedMatch_GivesBackEveryPositionAndRank()
    {
        // 200 positions (not a multiple of 64): unmatched (NaN), matched without a rank (+∞) and ranked ones.
        var rank = new double[200];
        for (var p = 0; p < rank.Length; p++)
        {
            rank[p] = (p % 3) switch
            {
                0 => double.NaN,
                1 => double.PositiveInfinity,
                _ => -p / 7.0,
            };
        }

        rank[63] = 0;
        rank[64] = -1000.5;
        rank[199] = double.PositiveInfinity;
        var restored = new double[rank.Length];
        Array.Fill(restored, double.NaN);

        LibraryMatch.From(rank).ApplyTo(restored);

        Assert.Equal(rank, restored);
    }

    [Fact]
    public void BroadSearch_IsRememberedInUnder85000Bytes()
    {
        // 98,000 of 100,000 documents matched, the newest 2,000 ranked (LibrarySearchEngine.RankedMatches).
        var rank = new double[100_000];
        for (var p = 0; p < rank.Length; p++)
        {
            rank[p] = p % 50 == 49 ? double.NaN : p < LibrarySearchEngine.RankedMatches ? -p : double.PositiveInfinity;
        }

        LibraryMatch.From(rank); // once before counting, so nothing else (first calls) is counted
        var before = GC.GetAllocatedBytesForCurrentThread();
        var match = LibraryMatch.From(rank);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.NotNull(match);
        Assert.True(allocated < 85_000, $"{allocated:N0} bytes allocated: at least one object on the large object heap");
    }
}
