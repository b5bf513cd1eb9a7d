using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace PortCooperation.Web.Data.Migrations;

/// <summary>
/// The executive report (P5, bench/README.md): who attended each held activity and from which country is read per
/// activity from one covering index, instead of a scan of every registration; the top pages of a period are read
/// from an (OccurredAtUtc, Path) index alone, instead of a table lookup per page view.
/// </summary>
[DbContext(typeof(PortalDbContext))]
[Migration("20261124031000_ReportAttendanceIndex")]
public partial class ReportAttendanceIndex : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateIndex(
            name: "IX_Registrations_ActivityId_Attended_CountryId",
            table: "Registrations",
            columns: ["ActivityId", "Attended", "CountryId"]);
        migrationBuilder.CreateIndex(
            name: "IX_PageViews_OccurredAtUtc_Path",
            table: "PageViews",
            columns: ["OccurredAtUtc", "Path"]);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropIndex(name: "IX_Registrations_ActivityId_Attended_CountryId", table: "Registrations");
        migrationBuilder.DropIndex(name: "IX_PageViews_OccurredAtUtc_Path", table: "PageViews");
    }
}
