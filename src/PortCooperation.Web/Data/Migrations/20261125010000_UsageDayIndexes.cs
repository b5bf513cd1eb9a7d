using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace PortCooperation.Web.Data.Migrations;

/// <summary>
/// Portal usage (the staff analytics page and the executive report, P5 in bench/README.md) is read by report day: the
/// totals group a range of days by visitor-day and session in the order of a (Day, VisitorKey, SessionKey, VisitorKind,
/// CountryCode) index, which replaces the (OccurredAtUtc, VisitorKey, SessionKey, VisitorKind) one, and the top pages
/// read a (Day, Path, CountryCode) index alone.
/// </summary>
[DbContext(typeof(PortalDbContext))]
[Migration("20261125010000_UsageDayIndexes")]
public partial class UsageDayIndexes : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropIndex(name: "IX_PageViews_OccurredAtUtc_VisitorKey_SessionKey_VisitorKind", table: "PageViews");
        migrationBuilder.CreateIndex(
            name: "IX_PageViews_Day_VisitorKey_SessionKey_VisitorKind_CountryCode",
            table: "PageViews",
            columns: ["Day", "VisitorKey", "SessionKey", "VisitorKind", "CountryCode"]);
        migrationBuilder.CreateIndex(
            name: "IX_PageViews_Day_Path_CountryCode",
            table: "PageViews",
            columns: ["Day", "Path", "CountryCode"]);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropIndex(name: "IX_PageViews_Day_Path_CountryCode", table: "PageViews");
        migrationBuilder.DropIndex(name: "IX_PageViews_Day_VisitorKey_SessionKey_VisitorKind_CountryCode", table: "PageViews");
        migrationBuilder.CreateIndex(
            name: "IX_PageViews_OccurredAtUtc_VisitorKey_SessionKey_VisitorKind",
            table: "PageViews",
            columns: ["OccurredAtUtc", "VisitorKey", "SessionKey", "VisitorKind"]);
    }
}
