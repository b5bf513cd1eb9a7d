using Microsoft.EntityFrameworkCore;
using PortCooperation.Web.Data;

namespace PortCooperation.Web.Services.Library;

/// <summary>
/// Whether the library on SQL Server can use the full-text index made by the SQL Server baseline migration. The
/// index exists only where the server has the full-text component (the plain mssql/server container image has
/// not); without it the library searches with LIKE (<see cref="SqlServerLibrarySql"/>) and start-up logs one warning.
/// Read once per process.
/// </summary>
public sealed class SqlServerFullText(ILogger<SqlServerFullText> logger)
{
    // 0 unknown, 1 available, 2 not available; two first requests may both ask, only one logs.
    private int _state;

    public async Task<bool> IsAvailableAsync(PortalDbContext db, CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _state) is var known and not 0)
        {
            return known == 1;
        }

        var rows = await db.Database.SqlQueryRaw<int>(SqlServerLibrarySql.FullTextState).ToListAsync(cancellationToken);
        var available = rows.Count == 1 && rows[0] == 1;
        if (Interlocked.CompareExchange(ref _state, available ? 1 : 2, 0) == 0 && !available)
        {
            logger.LogWarning(
                "SQL Server has no full-text index on the library (the server's full-text component is not installed, or was not when the database was migrated): the library search uses LIKE, which is slower and matches inside words. docs/operations.md, \"SQL Server\", says how to add it.");
        }

        return available;
    }
}

/// <summary>
/// The library search's SQL on SQL Server, as text with numbered parameters, so the syntax checks parse exactly what
/// is sent. The words come from <see cref="LibrarySearchText"/> (letters and digits only) and travel as parameters.
/// <list type="bullet">
/// <item>Full-text: each word must occur in the document's columns or in one of its attachments' text, as the start of
/// a word (<c>"word*"</c>) or as an inflected form in the column's language (<c>FORMSOF(INFLECTIONAL, …)</c>: English
/// stemming for the English columns, Spanish for the Spanish ones). One CONTAINS per word, because SQL Server requires
/// all words of one CONTAINS condition to be in the same column. Ranked with CONTAINSTABLE: titles 10, summaries 4,
/// bodies 1.</item>
/// <item>Fallback without the full-text component: each word as a substring (LIKE '%word%' under an accent- and
/// case-insensitive collation) of any of those columns; ranked by where the words occur, with the same weights.
/// It reads every document row, so it is slow on a large library.</item>
/// </list>
/// </summary>
public static class SqlServerLibrarySql
{
    /// <summary>1 when the documents table has an active full-text index, 0 otherwise.</summary>
    public const string FullTextState = """
        SELECT CASE WHEN FULLTEXTSERVICEPROPERTY('IsFullTextInstalled') = 1
                     AND OBJECTPROPERTY(OBJECT_ID(N'[Documents]'), 'TableHasActiveFulltextIndex') = 1 THEN 1 ELSE 0 END AS [Value]
        """;

    private const string Columns = "d.[TitleEn], d.[TitleEs], d.[SummaryEn], d.[SummaryEs], d.[BodyEn], d.[BodyEs]";
    private const string Collation = "Latin1_General_100_CI_AI";

    /// <summary>The ids of every match as one comma-separated text.</summary>
    public static FormattableString MatchIds(LibrarySearchText search, bool fullText) => Build(
        "SELECT STRING_AGG(CAST(d.[Id] AS varchar(max)), ',') AS [Ids] FROM [Documents] d WHERE " + WhereToken,
        search, fullText, threshold: null);

    /// <summary>The rank of every match whose id is at least the threshold (lower is better).</summary>
    public static FormattableString Ranks(LibrarySearchText search, int threshold, bool fullText)
    {
        string rank;
        string joins;
        if (fullText)
        {
            rank = "-(10.0 * COALESCE(t.[RANK], 0) + 4.0 * COALESCE(s.[RANK], 0) + COALESCE(b.[RANK], 0))";
            joins = """
                LEFT JOIN CONTAINSTABLE([Documents], ([TitleEn], [TitleEs]), {1}) t ON t.[KEY] = d.[Id]
                LEFT JOIN CONTAINSTABLE([Documents], ([SummaryEn], [SummaryEs]), {1}) s ON s.[KEY] = d.[Id]
                LEFT JOIN CONTAINSTABLE([Documents], ([BodyEn], [BodyEs]), {1}) b ON b.[KEY] = d.[Id]
                """;
        }
        else
        {
            var parts = search.Terms.Select((_, i) =>
                $"10 * CASE WHEN d.[TitleEn] COLLATE {Collation} LIKE {{{i + 2}}} OR d.[TitleEs] COLLATE {Collation} LIKE {{{i + 2}}} THEN 1 ELSE 0 END + " +
                $"4 * CASE WHEN d.[SummaryEn] COLLATE {Collation} LIKE {{{i + 2}}} OR d.[SummaryEs] COLLATE {Collation} LIKE {{{i + 2}}} THEN 1 ELSE 0 END + 1");
            rank = "-(" + string.Join(" + ", parts) + ")";
            joins = "";
        }

        return Build(
            $"SELECT d.[Id] AS [DocumentId], CAST({rank} AS float) AS [Rank] FROM [Documents] d {joins} WHERE d.[Id] >= {{0}} AND {WhereToken}",
            search, fullText, threshold);
    }

    private const string WhereToken = "/*where*/";

    /// <summary>
    /// Puts the match condition in place of <see cref="WhereToken"/> in <paramref name="shape"/>. Parameters are
    /// numbered 0 threshold, 1 the ranking condition (any word), then one per word.
    /// </summary>
    private static FormattableString Build(string shape, LibrarySearchText search, bool fullText, int? threshold)
    {
        var arguments = new List<object?> { threshold ?? 0, AnyWord(search) };
        var conditions = new List<string>();
        foreach (var term in search.Terms)
        {
            var p = $"{{{arguments.Count}}}";
            if (fullText)
            {
                arguments.Add(Condition(term));
                conditions.Add(
                    $"(CONTAINS(({Columns}), {p}) OR EXISTS (SELECT 1 FROM [Attachments] a WHERE a.[DocumentId] = d.[Id] AND CONTAINS(a.[ExtractedText], {p})))");
            }
            else
            {
                arguments.Add("%" + EscapeLike(term) + "%");
                var columns = Columns.Split(", ").Select(c => $"{c} COLLATE {Collation} LIKE {p} ESCAPE '\\'");
                conditions.Add(
                    $"({string.Join(" OR ", columns)} OR EXISTS (SELECT 1 FROM [Attachments] a WHERE a.[DocumentId] = d.[Id] AND a.[ExtractedText] COLLATE {Collation} LIKE {p} ESCAPE '\\'))");
            }
        }

        var sql = shape.Replace(WhereToken, string.Join(" AND ", conditions), StringComparison.Ordinal);
        return System.Runtime.CompilerServices.FormattableStringFactory.Create(sql, [.. arguments]);
    }

    /// <summary>A word as a CONTAINS condition: a word starting with it, or a form of it in the column's language.</summary>
    private static string Condition(string term) =>
        term.Length > 1 ? $"\"{term}*\" OR FORMSOF(INFLECTIONAL, \"{term}\")" : $"\"{term}\"";

    private static string AnyWord(LibrarySearchText search) => string.Join(" OR ", search.Terms.Select(t => "(" + Condition(t) + ")"));

    private static string EscapeLike(string term) =>
        term.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal)
            .Replace("_", "\\_", StringComparison.Ordinal).Replace("[", "\\[", StringComparison.Ordinal);
}
