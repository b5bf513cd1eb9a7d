using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PortCooperation.Web.Data;

namespace PortCooperation.Web.Services.Library;

public sealed class LibrarySnippet
{
    public int DocumentId { get; set; }

    public string? Snippet { get; set; }
}

/// <summary>The documents matching a search: all their ids, and the ranks of those ranked (lower is better).</summary>
public sealed record LibraryMatches(int[] Ids, Dictionary<int, double> Ranks);

/// <summary>One row of the matches command: either the ids of every match (Ids) or one ranked match.</summary>
public sealed class LibraryMatchRow
{
    public int? DocumentId { get; set; }

    public double? Rank { get; set; }

    public string? Ids { get; set; }
}

/// <summary>The indexed texts of one document, as the FTS5 table holds them.</summary>
public sealed class LibrarySearchTexts
{
    public int DocumentId { get; set; }

    public string? TitleEn { get; set; }

    public string? TitleEs { get; set; }

    public string? SummaryEn { get; set; }

    public string? SummaryEs { get; set; }

    public string? BodyEn { get; set; }

    public string? BodyEs { get; set; }

    public string? Attachments { get; set; }
}

/// <summary>
/// The library's full-text search on the database's own engine (see migration LibraryFullTextSearch): FTS5 with
/// bm25() on SQLite, a GIN-indexed tsvector with ts_rank() on PostgreSQL. Every query is parameterised and
/// built by <see cref="LibrarySearchText"/> from plain words only.
/// </summary>
public sealed class LibrarySearchEngine(PortalDbContext db)
{
    private bool IsPostgres => db.Database.IsNpgsql();

    /// <summary>
    /// How many matches are ranked at most: when a search matches more documents than this, only the most recently
    /// added ones (highest ids) are scored and the others come after them in listing order
    /// (docs/decisions/0008-library-bounded-ranking.md). A search matching fewer is ranked exactly as before.
    /// </summary>
    public const int RankedMatches = 2000;

    /// <summary>
    /// Every document matching the search and, with <paramref name="ranked"/>, the rank of each of the
    /// <see cref="RankedMatches"/> most recently added matches (lower is better on both providers). One command:
    /// its first row carries the ids of all matches as one comma-separated text (tens of thousands of rows
    /// materialised one by one cost more than the search itself), the next rows the ranked matches.
    /// </summary>
    public async Task<LibraryMatches> MatchesAsync(LibrarySearchText search, bool ranked, CancellationToken cancellationToken)
    {
        var limit = ranked ? RankedMatches : 0;
        List<LibraryMatchRow> rows;
        if (IsPostgres)
        {
            // The GIN index is on "Terms" (lexemes only, stored out of line): the bitmap heap scan reads narrow
            // rows and never the vectors. ts_rank reads the weighted "Vector" of the ranked matches only.
            var tsQuery = search.ToTsQuery();
            rows = await db.Database.SqlQuery<LibraryMatchRow>($"""
                WITH m AS MATERIALIZED (SELECT s."DocumentId" FROM "LibrarySearch" s WHERE s."Terms" @@ to_tsquery('simple', {tsQuery}))
                SELECT NULL::integer AS "DocumentId", NULL::float8 AS "Rank", (SELECT string_agg(m."DocumentId"::text, ',') FROM m) AS "Ids"
                UNION ALL
                SELECT s."DocumentId", (-ts_rank(s."Vector", to_tsquery('simple', {tsQuery})))::float8, NULL
                FROM (SELECT m."DocumentId" FROM m ORDER BY m."DocumentId" DESC LIMIT {limit}) t
                JOIN "LibrarySearch" s ON s."DocumentId" = t."DocumentId"
                """).ToListAsync(cancellationToken);
        }
        else
        {
            // Weights per column: titles 10, summaries 4, bodies 1, attachments 1; bm25() is negative, best first.
            // The ranked rows are those at or above the rowid of the N-th newest match (a descending scan of the same
            // doclist that stops there), so a word found in most documents does not have them all scored.
            var match = search.ToFts5Match();
            rows = await db.Database.SqlQuery<LibraryMatchRow>($"""
                SELECT NULL AS "DocumentId", NULL AS "Rank", (SELECT group_concat(rowid) FROM "LibrarySearch" WHERE "LibrarySearch" MATCH {match}) AS "Ids"
                UNION ALL
                SELECT rowid, bm25("LibrarySearch", 10.0, 10.0, 4.0, 4.0, 1.0, 1.0, 1.0), NULL
                FROM "LibrarySearch"
                WHERE {limit} > 0 AND "LibrarySearch" MATCH {match}
                  AND rowid >= coalesce((SELECT rowid FROM "LibrarySearch" WHERE "LibrarySearch" MATCH {match} ORDER BY rowid DESC LIMIT 1 OFFSET {limit - 1}), 0)
                """).ToListAsync(cancellationToken);
        }

        var ranks = new Dictionary<int, double>();
        string? ids = null;
        foreach (var row in rows)
        {
            if (row.DocumentId is { } id)
            {
                ranks[id] = row.Rank ?? 0;
            }
            else
            {
                ids = row.Ids;
            }
        }

        return new LibraryMatches(ParseIds(ids), ranks);
    }

    private static int[] ParseIds(string? ids)
    {
        if (string.IsNullOrEmpty(ids))
        {
            return [];
        }

        var result = new List<int>(ids.Length / 6 + 1);
        var value = 0;
        foreach (var c in ids)
        {
            if (c == ',')
            {
                result.Add(value);
                value = 0;
            }
            else
            {
                value = value * 10 + (c - '0');
            }
        }

        result.Add(value);
        return [.. result];
    }

    /// <summary>Highlighted extracts of the given documents (one page of results), matches between marker characters.</summary>
    public async Task<Dictionary<int, string?>> SnippetsAsync(LibrarySearchText search, IReadOnlyCollection<int> documentIds, CultureInfo culture, CancellationToken cancellationToken)
    {
        if (documentIds.Count == 0)
        {
            return [];
        }

        var start = LibrarySearchText.MatchStart.ToString();
        var end = LibrarySearchText.MatchEnd.ToString();
        List<LibrarySnippet> rows;
        if (IsPostgres)
        {
            var ids = documentIds.ToArray();
            var headlineQuery = search.ToHeadlineTsQuery();
            var options = $"StartSel={start}, StopSel={end}, MaxWords=32, MinWords=12, ShortWord=2, MaxFragments=2, FragmentDelimiter=\" … \"";
            var spanish = culture.TwoLetterISOLanguageName == "es";
            rows = await db.Database.SqlQuery<LibrarySnippet>($"""
                SELECT d."Id" AS "DocumentId",
                       ts_headline('simple',
                           concat_ws(' ',
                               CASE WHEN {spanish} THEN coalesce(d."SummaryEs", d."SummaryEn") ELSE coalesce(d."SummaryEn", d."SummaryEs") END,
                               CASE WHEN {spanish} THEN coalesce(d."BodyEs", d."BodyEn") ELSE coalesce(d."BodyEn", d."BodyEs") END,
                               left((SELECT string_agg(a."ExtractedText", ' ') FROM "Attachments" a WHERE a."DocumentId" = d."Id"), 20000)),
                           to_tsquery('simple', {headlineQuery}), {options}) AS "Snippet"
                FROM "Documents" d
                WHERE d."Id" = ANY({ids})
                """).ToListAsync(cancellationToken);
        }
        else
        {
            // The page's texts by rowid, without MATCH: a prefix word ("port"*) with a rowid constraint makes FTS5
            // expand the prefix again for every row (1 s at 100,000 documents for 20 rows); the extract is cut here.
            var ids = JsonSerializer.Serialize(documentIds);
            var texts = await db.Database.SqlQuery<LibrarySearchTexts>($"""
                SELECT rowid AS "DocumentId", "TitleEn", "TitleEs", "SummaryEn", "SummaryEs", "BodyEn", "BodyEs", "Attachments"
                FROM "LibrarySearch"
                WHERE rowid IN (SELECT value FROM json_each({ids}))
                """).ToListAsync(cancellationToken);
            var spanish = culture.TwoLetterISOLanguageName == "es";
            rows = [.. texts.Select(t => new LibrarySnippet
            {
                DocumentId = t.DocumentId,
                Snippet = search.Extract(spanish
                    ? [t.SummaryEs, t.BodyEs, t.Attachments, t.SummaryEn, t.BodyEn, t.TitleEs, t.TitleEn]
                    : [t.SummaryEn, t.BodyEn, t.Attachments, t.SummaryEs, t.BodyEs, t.TitleEn, t.TitleEs]),
            })];
        }

        return rows.ToDictionary(r => r.DocumentId, r => r.Snippet);
    }
}
