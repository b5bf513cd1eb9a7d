using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace PortCooperation.Web.Data.Migrations;

/// <summary>
/// One narrow index holding every column the library filters, orders and counts by (publication state and
/// time, date, country, source kind and organisation, language, id), so the listing and the facet counts read
/// index entries of a few dozen bytes instead of document rows carrying two bodies each (bench/README.md,
/// "Library search"). It replaces the (PublicationState, PublishedOn) index, which is its prefix.
/// </summary>
[DbContext(typeof(PortalDbContext))]
[Migration("20261123140000_LibraryCoveringIndex")]
public partial class LibraryCoveringIndex : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropIndex(name: "IX_Documents_PublicationState_PublishedOn", table: "Documents");
        migrationBuilder.CreateIndex(
            name: "IX_Documents_Library",
            table: "Documents",
            columns: ["PublicationState", "PublishedOn", "PublishAtUtc", "CountryId", "SourceKind", "SourceOrganisationId", "Language", "Id"]);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropIndex(name: "IX_Documents_Library", table: "Documents");
        migrationBuilder.CreateIndex(
            name: "IX_Documents_PublicationState_PublishedOn",
            table: "Documents",
            columns: ["PublicationState", "PublishedOn"]);
    }
}
