using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace PortCooperation.Web.Data.Migrations;

/// <summary>
/// The public documents of a country counted from one index (country, publication state, scheduled time): the
/// member states directory counted them per country by walking the library index's published entries once per
/// country — 0.69 s of SQLite at 100,000 documents, 11 ms with this index (bench/README.md, "Load"). It replaces the
/// plain CountryId index, which is its prefix and still serves the foreign key.
/// </summary>
[DbContext(typeof(PortalDbContext))]
[Migration("20261207010000_DocumentsByCountryIndex")]
public partial class DocumentsByCountryIndex : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropIndex(name: "IX_Documents_CountryId", table: "Documents");
        migrationBuilder.CreateIndex(
            name: "IX_Documents_Country",
            table: "Documents",
            columns: ["CountryId", "PublicationState", "PublishAtUtc"]);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropIndex(name: "IX_Documents_Country", table: "Documents");
        migrationBuilder.CreateIndex(name: "IX_Documents_CountryId", table: "Documents", column: "CountryId");
    }
}
