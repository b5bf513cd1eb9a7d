using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace PortCooperation.Web.Data.Migrations;

/// <summary>
/// Broad library searches at 100,000 documents (quality.md P4, bench/README.md "Library search"):
/// <list type="bullet">
/// <item>SQLite: the FTS5 table is rebuilt with prefix indexes for 2 to 6 characters (was 2 and 3), so a search
/// word of up to 6 letters ("port"*) reads one doclist instead of merging the doclists of every indexed word
/// starting with it (port, ports, portal, …). FTS5 cannot change its prefix option in place: the table is
/// dropped, created again and refilled from the documents; the triggers of LibraryFullTextSearch name it and
/// keep working.</item>
/// <item>PostgreSQL: the search table gets a second column, "Terms" (the document's lexemes without positions
/// or weights, <c>strip("Vector")</c>, about a third of its size), and the GIN index moves to it; the weighted
/// "Vector" is stored out of line (<c>STORAGE EXTERNAL</c>; "Terms" is <c>STORAGE MAIN</c>, so it is the one
/// kept in the row). A search's bitmap heap scan only needs the ids of the matching rows (a word or prefix query
/// needs no recheck), and now reads rows of ≈ 700 bytes instead of ≈ 2 kB (PostgreSQL kept the weighted vector
/// inline: it stays just under the 2 kB from which values leave the row). A plan that scans the table and tests
/// every row reads "Terms" in the row, never a value out of line. ts_rank() reads "Vector" for the ranked
/// matches only (LibrarySearchEngine).</item>
/// </list>
/// </summary>
[DbContext(typeof(PortalDbContext))]
[Migration("20261125020000_LibrarySearchPrefixes")]
public partial class LibrarySearchPrefixes : Migration
{
    private const string Columns = "\"TitleEn\", \"TitleEs\", \"SummaryEn\", \"SummaryEs\", \"BodyEn\", \"BodyEs\", \"Attachments\"";

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        if (migrationBuilder.ActiveProvider == "Npgsql.EntityFrameworkCore.PostgreSQL")
        {
            migrationBuilder.Sql("""
                DROP INDEX IF EXISTS "IX_LibrarySearch_Vector";
                ALTER TABLE "LibrarySearch" ALTER COLUMN "Vector" SET STORAGE EXTERNAL;
                ALTER TABLE "LibrarySearch" ADD COLUMN "Terms" tsvector;
                ALTER TABLE "LibrarySearch" ALTER COLUMN "Terms" SET STORAGE MAIN;
                UPDATE "LibrarySearch" SET "Terms" = strip("Vector");
                ALTER TABLE "LibrarySearch" ALTER COLUMN "Terms" SET NOT NULL;
                CREATE INDEX "IX_LibrarySearch_Terms" ON "LibrarySearch" USING GIN ("Terms");
                """);
            migrationBuilder.Sql(RefreshFunction("\"Vector\", \"Terms\"", "v.vector, strip(v.vector)", "\"Vector\" = EXCLUDED.\"Vector\", \"Terms\" = EXCLUDED.\"Terms\""));
            return;
        }

        Rebuild(migrationBuilder, "2 3 4 5 6");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        if (migrationBuilder.ActiveProvider == "Npgsql.EntityFrameworkCore.PostgreSQL")
        {
            migrationBuilder.Sql(RefreshFunction("\"Vector\"", "v.vector", "\"Vector\" = EXCLUDED.\"Vector\""));
            migrationBuilder.Sql("""
                DROP INDEX IF EXISTS "IX_LibrarySearch_Terms";
                ALTER TABLE "LibrarySearch" DROP COLUMN "Terms";
                ALTER TABLE "LibrarySearch" ALTER COLUMN "Vector" SET STORAGE EXTENDED;
                CREATE INDEX "IX_LibrarySearch_Vector" ON "LibrarySearch" USING GIN ("Vector");
                """);
            return;
        }

        Rebuild(migrationBuilder, "2 3");
    }

    /// <summary>library_search_refresh of LibraryFullTextSearch, writing the given columns.</summary>
    private static string RefreshFunction(string columns, string values, string update) => $"""
        CREATE OR REPLACE FUNCTION library_search_refresh(document_id integer) RETURNS void
            LANGUAGE sql VOLATILE
            AS $$
                INSERT INTO "LibrarySearch" ("DocumentId", {columns})
                SELECT v.id, {values}
                FROM (
                    SELECT d."Id" AS id,
                           setweight(to_tsvector('simple', library_fold(concat_ws(' ', d."TitleEn", d."TitleEs"))), 'A')
                        || setweight(to_tsvector('simple', library_fold(concat_ws(' ', d."SummaryEn", d."SummaryEs"))), 'B')
                        || setweight(to_tsvector('simple', library_fold(concat_ws(' ', d."BodyEn", d."BodyEs"))), 'C')
                        || setweight(to_tsvector('simple', library_fold(left(
                               (SELECT string_agg(a."ExtractedText", ' ') FROM "Attachments" a WHERE a."DocumentId" = d."Id"), 200000))), 'D') AS vector
                    FROM "Documents" d
                    WHERE d."Id" = document_id
                ) v
                ON CONFLICT ("DocumentId") DO UPDATE SET {update};
            $$;
        """;

    internal static void Rebuild(MigrationBuilder migrationBuilder, string prefixes)
    {
        migrationBuilder.Sql($"""
            DROP TABLE IF EXISTS "LibrarySearch";
            CREATE VIRTUAL TABLE "LibrarySearch" USING fts5({Columns}, tokenize = 'unicode61 remove_diacritics 2', prefix = '{prefixes}');
            INSERT INTO "LibrarySearch"(rowid, {Columns})
                SELECT d."Id", d."TitleEn", d."TitleEs", d."SummaryEn", d."SummaryEs", d."BodyEn", d."BodyEs",
                       (SELECT group_concat(a."ExtractedText", char(10)) FROM "Attachments" a WHERE a."DocumentId" = d."Id")
                FROM "Documents" d;
            """);
    }
}
