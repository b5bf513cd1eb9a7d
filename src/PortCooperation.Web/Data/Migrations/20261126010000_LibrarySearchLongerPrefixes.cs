using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace PortCooperation.Web.Data.Migrations;

/// <summary>
/// SQLite: the FTS5 table is rebuilt with prefix indexes for 2 to 12 characters (was 2 to 6). A search word longer
/// than the longest prefix index ("prácticas"*, "security"*) made FTS5 walk every indexed word starting with it
/// and merge their doclists into a new one, in each of a search's passes: at 100,000 documents "practicas"* cost
/// 13–16 ms per pass against 5–10 ms with the prefix index, and the bm25 pass over the newest 2,000 matches 32 ms
/// against 5 ms (sqlite3, bench/README.md "Library search"). Words of up to 12 letters now read one doclist;
/// the file grows by about a tenth at 100,000 documents. PostgreSQL: nothing changes (its GIN index reads a
/// prefix range of the lexeme tree).
/// </summary>
[DbContext(typeof(PortalDbContext))]
[Migration("20261126010000_LibrarySearchLongerPrefixes")]
public partial class LibrarySearchLongerPrefixes : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        if (migrationBuilder.ActiveProvider != "Npgsql.EntityFrameworkCore.PostgreSQL")
        {
            LibrarySearchPrefixes.Rebuild(migrationBuilder, "2 3 4 5 6 7 8 9 10 11 12");
        }
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        if (migrationBuilder.ActiveProvider != "Npgsql.EntityFrameworkCore.PostgreSQL")
        {
            LibrarySearchPrefixes.Rebuild(migrationBuilder, "2 3 4 5 6");
        }
    }
}
