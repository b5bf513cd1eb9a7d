using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PortCooperation.Web.Data;

namespace PortCooperation.Web.Services.Library;

/// <summary>
/// A document matching a search and its rank: lower is better on both providers. Mapped as a keyed entity with
/// no table (see LibrarySearchHitConfiguration) and only ever read through FromSql, so LINQ can join it with
/// documents and still project collections (topics) in the same single query.
/// </summary>
public sealed class LibrarySearchHit
{
    public int DocumentId { get; set; }

    public double Rank { get; set; }
}

public sealed class LibrarySnippet
{
    public int DocumentId { get; set; }

    public string? Snippet { get; set; }
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

    /// <summary>The matching documents with their rank, composable with LINQ (a subquery of the page's query).</summary>
    public IQueryable<LibrarySearchHit> Hits(LibrarySearchText search)
    {
        if (IsPostgres)
        {
            var tsQuery = search.ToTsQuery();
            return db.Set<LibrarySearchHit>().FromSql($"""
                SELECT s."DocumentId", (-ts_rank(s."Vector", to_tsquery('simple', {tsQuery})))::float8 AS "Rank"
                FROM "LibrarySearch" s
                WHERE s."Vector" @@ to_tsquery('simple', {tsQuery})
                """).AsNoTracking();
        }

        // Weights per column: titles 10, summaries 4, bodies 1, attachments 1; bm25() is negative, best first.
        var match = search.ToFts5Match();
        return db.Set<LibrarySearchHit>().FromSql($"""
            SELECT rowid AS "DocumentId", bm25("LibrarySearch", 10.0, 10.0, 4.0, 4.0, 1.0, 1.0, 1.0) AS "Rank"
            FROM "LibrarySearch"
            WHERE "LibrarySearch" MATCH {match}
            """).AsNoTracking();
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
