using Microsoft.EntityFrameworkCore;
using PortCooperation.Web.Data;
using PortCooperation.Web.Infrastructure;

namespace PortCooperation.Web.Services.Library;

/// <summary>One row of the ids command: the ids of every match as one comma-separated text.</summary>
public sealed class LibraryIdsRow
{
    public string? Ids { get; set; }
}

/// <summary>One row of the groups command: a group's number and the ids of its text matches.</summary>
public sealed class LibraryGroupIdsRow
{
    public int Group { get; set; }

    public string? Ids { get; set; }
}

/// <summary>One ranked match.</summary>
public sealed class LibraryRankRow
{
    public int DocumentId { get; set; }

    public double Rank { get; set; }
}

/// <summary>
/// The library's full-text search on the database's own engine (made by each provider's baseline migration): FTS5
/// with bm25() on SQLite, a GIN-indexed tsvector with ts_rank() on PostgreSQL, a full-text index with CONTAINSTABLE on
/// SQL Server (LIKE where the server has no full-text component, <see cref="SqlServerLibrarySql"/>). Every query is
/// parameterised and built from the plain words of <see cref="LibrarySearchText"/> only.
/// </summary>
public sealed class LibrarySearchEngine(PortalDbContext db, SqlServerFullText? sqlServerFullText = null)
{
    private Task<bool> SqlServerFullTextAsync(CancellationToken cancellationToken) =>
        (sqlServerFullText ?? throw new InvalidOperationException("SqlServerFullText is not registered.")).IsAvailableAsync(db, cancellationToken);

    /// <summary>
    /// How many matches are ranked at most: when a search matches more documents than this, only the most recently
    /// added ones (highest ids) are scored and the others come after them in listing order
    /// (docs/decisions/0008-library-bounded-ranking.md). A search matching fewer is ranked exactly as before.
    /// </summary>
    public const int RankedMatches = 2000;

    /// <summary>
    /// The ids of every document matching the search, in no particular order: one command and one row, the ids
    /// as one comma-separated text (tens of thousands of rows materialised one by one cost more than the search).
    /// </summary>
    public async Task<MatchedIds> MatchIdsAsync(LibrarySearchText search, CancellationToken cancellationToken)
    {
        var rows = db.Provider switch
        {
            // The GIN index is on "Terms" (lexemes only): the bitmap heap scan reads narrow rows, never the vectors.
            DatabaseProvider.PostgreSql => await db.Database.SqlQuery<LibraryIdsRow>($"""
                SELECT string_agg(s."DocumentId"::text, ',') AS "Ids" FROM "LibrarySearch" s WHERE s."Terms" @@ to_tsquery('simple', {search.ToTsQuery()})
                """).ToListAsync(cancellationToken),
            DatabaseProvider.Sqlite => await db.Database.SqlQuery<LibraryIdsRow>($"""
                SELECT group_concat(rowid) AS "Ids" FROM "LibrarySearch" WHERE "LibrarySearch" MATCH {search.ToFts5Match()}
                """).ToListAsync(cancellationToken),
            DatabaseProvider.SqlServer => await db.Database
                .SqlQuery<LibraryIdsRow>(SqlServerLibrarySql.MatchIds(search, await SqlServerFullTextAsync(cancellationToken)))
                .ToListAsync(cancellationToken),
            var other => throw new NotSupportedException($"No library search for {other}."),
        };

        return MatchedIds.Parse(rows.Count == 0 ? null : rows[0].Ids);
    }

    /// <summary>
    /// The ids of the documents whose text meets each group of <paramref name="plan"/> (index = group), still one
    /// command on SQLite and PostgreSQL: one aggregate per group, joined with UNION ALL. SQL Server asks per word list.
    /// </summary>
    public async Task<MatchedIds[]> MatchGroupsAsync(LibrarySearchPlan plan, CancellationToken cancellationToken)
    {
        var groups = plan.Groups;
        var found = new string?[groups.Count];
        if (db.Provider is DatabaseProvider.PostgreSql or DatabaseProvider.Sqlite)
        {
            var postgres = db.Provider == DatabaseProvider.PostgreSql;
            var parts = groups.Select((_, i) => postgres
                ? $"SELECT {i} AS \"Group\", string_agg(s.\"DocumentId\"::text, ',') AS \"Ids\" FROM \"LibrarySearch\" s WHERE s.\"Terms\" @@ to_tsquery('simple', {{{i}}})"
                : $"SELECT {i} AS \"Group\", group_concat(rowid) AS \"Ids\" FROM \"LibrarySearch\" WHERE \"LibrarySearch\" MATCH {{{i}}}");
            object[] arguments = [.. groups.Select(g => postgres ? g.ToTsQuery() : g.ToFts5Match())];
            var sql = System.Runtime.CompilerServices.FormattableStringFactory.Create(string.Join(" UNION ALL ", parts), arguments);
            foreach (var row in await db.Database.SqlQuery<LibraryGroupIdsRow>(sql).ToListAsync(cancellationToken))
            {
                found[row.Group] = row.Ids;
            }
        }
        else if (db.Provider == DatabaseProvider.SqlServer)
        {
            var fullText = await SqlServerFullTextAsync(cancellationToken);
            for (var i = 0; i < groups.Count; i++)
            {
                var lists = new List<string>();
                foreach (var alternative in groups[i].Alternatives)
                {
                    if (LibrarySearchText.Parse(string.Join(' ', alternative)) is { } words)
                    {
                        var rows = await db.Database.SqlQuery<LibraryIdsRow>(SqlServerLibrarySql.MatchIds(words, fullText)).ToListAsync(cancellationToken);
                        lists.AddRange(rows.Select(r => r.Ids).OfType<string>().Where(ids => ids.Length > 0));
                    }
                }

                found[i] = lists.Count == 0 ? null : string.Join(',', lists);
            }
        }
        else
        {
            throw new NotSupportedException($"No library search for {db.Provider}.");
        }

        return [.. found.Select(MatchedIds.Parse)];
    }

    /// <summary>
    /// The lowest id that is ranked among <paramref name="ids"/>: the <see cref="RankedMatches"/>-th highest, or 0
    /// when there are no more matches than that (all are ranked). Document ids are dense, so the ids are marked in a
    /// bit set over their range and counted down from the highest: linear, without sorting (a heap of 2,000 cost
    /// 5–10 ms for 100,000 ids arriving in ascending order).
    /// </summary>
    public static int RankThreshold(ReadOnlySpan<int> ids)
    {
        if (ids.Length <= RankedMatches)
        {
            return 0;
        }

        int min = int.MaxValue, max = int.MinValue;
        foreach (var id in ids)
        {
            min = Math.Min(min, id);
            max = Math.Max(max, id);
        }

        if ((long)max - min > 64L * ids.Length)
        {
            // Very sparse ids (not seen in practice): sort a copy.
            var sorted = ids.ToArray();
            Array.Sort(sorted);
            return sorted[^RankedMatches];
        }

        var marks = new System.Collections.BitArray(max - min + 1);
        foreach (var id in ids)
        {
            marks[id - min] = true;
        }

        var seen = 0;
        for (var i = max - min; i >= 0; i--)
        {
            if (marks[i] && ++seen == RankedMatches)
            {
                return i + min;
            }
        }

        return min;
    }

    /// <summary>
    /// The rank of every match whose id is at least <paramref name="threshold"/> (lower is better on both
    /// providers): the matches found by the same query, limited to an id range, which both engines read without
    /// visiting the other matches (FTS5 seeks in the doclist by rowid; PostgreSQL reads the primary key range and
    /// tests those rows). Weights: titles 10, summaries 4, bodies and attachments 1 on SQLite (bm25, negative,
    /// best first); the A–D weights of the vector on PostgreSQL (ts_rank, negated); titles 10, summaries 4, bodies 1
    /// on SQL Server (CONTAINSTABLE ranks, negated).
    /// </summary>
    public async Task<Dictionary<int, double>> RanksAsync(LibrarySearchPlan plan, int threshold, CancellationToken cancellationToken)
    {
        var rows = db.Provider switch
        {
            DatabaseProvider.PostgreSql => await db.Database.SqlQuery<LibraryRankRow>($"""
                SELECT s."DocumentId", (-ts_rank(s."Vector", to_tsquery('simple', {plan.ToTsRankQuery()})))::float8 AS "Rank"
                FROM "LibrarySearch" s
                WHERE s."DocumentId" >= {threshold} AND s."Terms" @@ to_tsquery('simple', {plan.ToTsRankQuery()})
                """).ToListAsync(cancellationToken),
            DatabaseProvider.Sqlite => await db.Database.SqlQuery<LibraryRankRow>($"""
                SELECT rowid AS "DocumentId", bm25("LibrarySearch", 10.0, 10.0, 4.0, 4.0, 1.0, 1.0, 1.0) AS "Rank"
                FROM "LibrarySearch"
                WHERE "LibrarySearch" MATCH {plan.ToFts5RankMatch()} AND rowid >= {threshold}
                """).ToListAsync(cancellationToken),
            // SQL Server ranks the documents holding every word; those met by a facet alone rank after them.
            DatabaseProvider.SqlServer => await db.Database
                .SqlQuery<LibraryRankRow>(SqlServerLibrarySql.Ranks(plan.Search, threshold, await SqlServerFullTextAsync(cancellationToken)))
                .ToListAsync(cancellationToken),
            var other => throw new NotSupportedException($"No library ranking for {other}."),
        };

        var ranks = new Dictionary<int, double>(rows.Count);
        foreach (var row in rows)
        {
            ranks[row.DocumentId] = row.Rank;
        }

        return ranks;
    }
}

/// <summary>
/// The ids of a search's matches in a buffer borrowed from the shared array pool (a broad search at 100,000 documents
/// has 98,000: a fresh array each time, on the large object heap, made the process run a full garbage collection
/// every three or four searches — bench/README.md). Dispose gives the buffer back.
/// </summary>
public sealed class MatchedIds : IDisposable
{
    private int[]? _buffer;

    private MatchedIds(int[]? buffer, int count)
    {
        _buffer = buffer;
        Count = count;
    }

    public int Count { get; }

    public ReadOnlySpan<int> Span => _buffer is null ? [] : _buffer.AsSpan(0, Count);

    /// <summary>Parses "12,7,40" (digits and commas only, as the database writes them).</summary>
    public static MatchedIds Parse(string? ids)
    {
        if (string.IsNullOrEmpty(ids))
        {
            return new MatchedIds(null, 0);
        }

        var commas = ids.AsSpan().Count(',');
        var buffer = System.Buffers.ArrayPool<int>.Shared.Rent(commas + 1);
        var count = 0;
        var value = 0;
        foreach (var c in ids)
        {
            if (c == ',')
            {
                buffer[count++] = value;
                value = 0;
            }
            else
            {
                value = value * 10 + (c - '0');
            }
        }

        buffer[count++] = value;
        return new MatchedIds(buffer, count);
    }

    public void Dispose()
    {
        if (_buffer is { } buffer)
        {
            _buffer = null;
            System.Buffers.ArrayPool<int>.Shared.Return(buffer);
        }
    }
}
