using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace PortCooperation.Web.Data.Migrations;

/// <summary>
/// Full-text search of the best-practice library with each database's own engine, kept in sync by triggers so
/// every writer (staff screens, seeding, imports, the benchmark) updates the index in the same transaction.
/// <list type="bullet">
/// <item>SQLite: an FTS5 table "LibrarySearch" (rowid = document id; titles, summaries, bodies in both
/// languages and the text extracted from attachments), tokenizer unicode61 with diacritics removed so
/// "práctica" and "practica" match, prefix indexes for "term*" queries; ranked with bm25().</item>
/// <item>PostgreSQL: a table "LibrarySearch" (document id, weighted tsvector: titles A, summaries B, bodies C,
/// attachments D) with a GIN index, built with the 'simple' configuration over accent-folded text
/// (<c>library_fold</c>, no unaccent extension needed); ranked with ts_rank().</item>
/// </list>
/// These objects are not in the EF model (no provider-neutral mapping exists); the schema-equals-model tests
/// exclude them by name (SchemaDump.FullTextSearchTables) and a search test proves they exist.
/// </summary>
[DbContext(typeof(PortalDbContext))]
[Migration("20261123010000_LibraryFullTextSearch")]
public partial class LibraryFullTextSearch : Migration
{
    /// <summary>Accented letters folded by PostgreSQL's translate(); the same letters lose their marks in C# (LibrarySearchText.Fold).</summary>
    public const string AccentedLetters = "áàâäãåéèêëíìîïóòôöõúùûüñçýÿÁÀÂÄÃÅÉÈÊËÍÌÎÏÓÒÔÖÕÚÙÛÜÑÇÝ";

    public const string FoldedLetters = "aaaaaaeeeeiiiiooooouuuuncyyAAAAAAEEEEIIIIOOOOOUUUUNCY";

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        if (migrationBuilder.ActiveProvider == "Npgsql.EntityFrameworkCore.PostgreSQL")
        {
            UpPostgres(migrationBuilder);
        }
        else
        {
            UpSqlite(migrationBuilder);
        }
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        if (migrationBuilder.ActiveProvider == "Npgsql.EntityFrameworkCore.PostgreSQL")
        {
            migrationBuilder.Sql("""
                DROP TRIGGER IF EXISTS library_search_document ON "Documents";
                DROP TRIGGER IF EXISTS library_search_attachment ON "Attachments";
                DROP FUNCTION IF EXISTS library_search_document_changed();
                DROP FUNCTION IF EXISTS library_search_attachment_changed();
                DROP FUNCTION IF EXISTS library_search_refresh(integer);
                DROP TABLE IF EXISTS "LibrarySearch";
                DROP FUNCTION IF EXISTS library_fold(text);
                """);
            return;
        }

        migrationBuilder.Sql("""
            DROP TRIGGER IF EXISTS "LibrarySearch_DocumentInserted";
            DROP TRIGGER IF EXISTS "LibrarySearch_DocumentUpdated";
            DROP TRIGGER IF EXISTS "LibrarySearch_DocumentDeleted";
            DROP TRIGGER IF EXISTS "LibrarySearch_AttachmentInserted";
            DROP TRIGGER IF EXISTS "LibrarySearch_AttachmentUpdated";
            DROP TRIGGER IF EXISTS "LibrarySearch_AttachmentDeleted";
            DROP TABLE IF EXISTS "LibrarySearch";
            """);
    }

    private static void UpSqlite(MigrationBuilder migrationBuilder)
    {
        const string columns = "\"TitleEn\", \"TitleEs\", \"SummaryEn\", \"SummaryEs\", \"BodyEn\", \"BodyEs\", \"Attachments\"";
        static string Values(string row) =>
            $"{row}.\"Id\", {row}.\"TitleEn\", {row}.\"TitleEs\", {row}.\"SummaryEn\", {row}.\"SummaryEs\", {row}.\"BodyEn\", {row}.\"BodyEs\", " +
            $"(SELECT group_concat(a.\"ExtractedText\", char(10)) FROM \"Attachments\" a WHERE a.\"DocumentId\" = {row}.\"Id\")";
        static string RefreshAttachments(string row) =>
            $"UPDATE \"LibrarySearch\" SET \"Attachments\" = (SELECT group_concat(a.\"ExtractedText\", char(10)) FROM \"Attachments\" a " +
            $"WHERE a.\"DocumentId\" = {row}.\"DocumentId\") WHERE rowid = {row}.\"DocumentId\";";

        migrationBuilder.Sql($"""
            CREATE VIRTUAL TABLE "LibrarySearch" USING fts5({columns}, tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3');
            """);
        migrationBuilder.Sql($"""
            CREATE TRIGGER "LibrarySearch_DocumentInserted" AFTER INSERT ON "Documents" BEGIN
                INSERT INTO "LibrarySearch"(rowid, {columns}) VALUES ({Values("new")});
            END;
            """);
        migrationBuilder.Sql($"""
            CREATE TRIGGER "LibrarySearch_DocumentUpdated" AFTER UPDATE ON "Documents" BEGIN
                DELETE FROM "LibrarySearch" WHERE rowid = old."Id";
                INSERT INTO "LibrarySearch"(rowid, {columns}) VALUES ({Values("new")});
            END;
            """);
        migrationBuilder.Sql("""
            CREATE TRIGGER "LibrarySearch_DocumentDeleted" AFTER DELETE ON "Documents" BEGIN
                DELETE FROM "LibrarySearch" WHERE rowid = old."Id";
            END;
            """);
        migrationBuilder.Sql($"""
            CREATE TRIGGER "LibrarySearch_AttachmentInserted" AFTER INSERT ON "Attachments" WHEN new."DocumentId" IS NOT NULL BEGIN
                {RefreshAttachments("new")}
            END;
            """);
        migrationBuilder.Sql($"""
            CREATE TRIGGER "LibrarySearch_AttachmentUpdated" AFTER UPDATE ON "Attachments" BEGIN
                {RefreshAttachments("old")}
                {RefreshAttachments("new")}
            END;
            """);
        migrationBuilder.Sql($"""
            CREATE TRIGGER "LibrarySearch_AttachmentDeleted" AFTER DELETE ON "Attachments" WHEN old."DocumentId" IS NOT NULL BEGIN
                {RefreshAttachments("old")}
            END;
            """);
        migrationBuilder.Sql($"""
            INSERT INTO "LibrarySearch"(rowid, {columns}) SELECT {Values("d")} FROM "Documents" d;
            """);
    }

    private static void UpPostgres(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql($"""
            CREATE FUNCTION library_fold(value text) RETURNS text
                LANGUAGE sql IMMUTABLE PARALLEL SAFE
                AS $$ SELECT translate(coalesce(value, ''), '{AccentedLetters}', '{FoldedLetters}') $$;
            """);
        migrationBuilder.Sql("""
            CREATE TABLE "LibrarySearch" (
                "DocumentId" integer NOT NULL,
                "Vector" tsvector NOT NULL,
                CONSTRAINT "PK_LibrarySearch" PRIMARY KEY ("DocumentId"),
                CONSTRAINT "FK_LibrarySearch_Documents_DocumentId" FOREIGN KEY ("DocumentId") REFERENCES "Documents" ("Id") ON DELETE CASCADE
            );
            CREATE INDEX "IX_LibrarySearch_Vector" ON "LibrarySearch" USING GIN ("Vector");
            """);

        // tsvector holds at most 1 MB: attachment text beyond the first 200,000 characters is not indexed.
        migrationBuilder.Sql("""
            CREATE FUNCTION library_search_refresh(document_id integer) RETURNS void
                LANGUAGE sql VOLATILE
                AS $$
                    INSERT INTO "LibrarySearch" ("DocumentId", "Vector")
                    SELECT d."Id",
                           setweight(to_tsvector('simple', library_fold(concat_ws(' ', d."TitleEn", d."TitleEs"))), 'A')
                        || setweight(to_tsvector('simple', library_fold(concat_ws(' ', d."SummaryEn", d."SummaryEs"))), 'B')
                        || setweight(to_tsvector('simple', library_fold(concat_ws(' ', d."BodyEn", d."BodyEs"))), 'C')
                        || setweight(to_tsvector('simple', library_fold(left(
                               (SELECT string_agg(a."ExtractedText", ' ') FROM "Attachments" a WHERE a."DocumentId" = d."Id"), 200000))), 'D')
                    FROM "Documents" d
                    WHERE d."Id" = document_id
                    ON CONFLICT ("DocumentId") DO UPDATE SET "Vector" = EXCLUDED."Vector";
                $$;
            """);
        migrationBuilder.Sql("""
            CREATE FUNCTION library_search_document_changed() RETURNS trigger
                LANGUAGE plpgsql AS $$
                BEGIN
                    PERFORM library_search_refresh(NEW."Id");
                    RETURN NULL;
                END;
                $$;
            CREATE TRIGGER library_search_document AFTER INSERT OR UPDATE ON "Documents"
                FOR EACH ROW EXECUTE FUNCTION library_search_document_changed();
            """);
        migrationBuilder.Sql("""
            CREATE FUNCTION library_search_attachment_changed() RETURNS trigger
                LANGUAGE plpgsql AS $$
                BEGIN
                    IF TG_OP IN ('UPDATE', 'DELETE') AND OLD."DocumentId" IS NOT NULL THEN
                        PERFORM library_search_refresh(OLD."DocumentId");
                    END IF;
                    IF TG_OP IN ('INSERT', 'UPDATE') AND NEW."DocumentId" IS NOT NULL THEN
                        PERFORM library_search_refresh(NEW."DocumentId");
                    END IF;
                    RETURN NULL;
                END;
                $$;
            CREATE TRIGGER library_search_attachment AFTER INSERT OR UPDATE OR DELETE ON "Attachments"
                FOR EACH ROW EXECUTE FUNCTION library_search_attachment_changed();
            """);
        migrationBuilder.Sql("""
            SELECT library_search_refresh(d."Id") FROM "Documents" d;
            """);
    }
}
