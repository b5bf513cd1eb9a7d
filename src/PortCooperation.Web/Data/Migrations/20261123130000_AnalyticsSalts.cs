using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

namespace PortCooperation.Web.Data.Migrations;

/// <summary>
/// First-party analytics (issue 6): the daily salts of the visitor keys (one row per day, old rows deleted), and
/// PageViews gains the day of each view in the secretariat's time zone plus an index to find a visitor's last view
/// (sessions) and one covering the period totals (visitors by kind, sessions). Nothing recorded page views before this migration, so the table is recreated rather than altered
/// (SQLite cannot add a NOT NULL column without a default).
/// </summary>
[DbContext(typeof(PortalDbContext))]
[Migration("20261123130000_AnalyticsSalts")]
public partial class AnalyticsSalts : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "AnalyticsSalts",
            columns: table => new
            {
                Day = table.Column<DateOnly>(nullable: false),
                Salt = table.Column<byte[]>(maxLength: 32, nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_AnalyticsSalts", x => x.Day);
            });

        migrationBuilder.DropTable(name: "PageViews");
        migrationBuilder.CreateTable(
            name: "PageViews",
            columns: table => new
            {
                Id = table.Column<long>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                CountryCode = table.Column<string>(maxLength: 2, nullable: true),
                Day = table.Column<DateOnly>(nullable: false),
                IsDemo = table.Column<bool>(nullable: false),
                Language = table.Column<string>(maxLength: 8, nullable: true),
                OccurredAtUtc = table.Column<DateTime>(nullable: false),
                Path = table.Column<string>(maxLength: 400, nullable: false),
                ReferrerHost = table.Column<string>(maxLength: 255, nullable: true),
                SessionKey = table.Column<string>(maxLength: 64, nullable: false),
                VisitorKey = table.Column<string>(maxLength: 64, nullable: false),
                VisitorKind = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_PageViews", x => x.Id);
            });

        migrationBuilder.CreateIndex(
            name: "IX_PageViews_OccurredAtUtc_VisitorKey_SessionKey_VisitorKind",
            table: "PageViews",
            columns: new[] { "OccurredAtUtc", "VisitorKey", "SessionKey", "VisitorKind" });

        migrationBuilder.CreateIndex(
            name: "IX_PageViews_Path_OccurredAtUtc",
            table: "PageViews",
            columns: new[] { "Path", "OccurredAtUtc" });

        migrationBuilder.CreateIndex(
            name: "IX_PageViews_VisitorKey_OccurredAtUtc",
            table: "PageViews",
            columns: new[] { "VisitorKey", "OccurredAtUtc" });
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable(name: "AnalyticsSalts");
        migrationBuilder.DropTable(name: "PageViews");
        migrationBuilder.CreateTable(
            name: "PageViews",
            columns: table => new
            {
                Id = table.Column<long>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                CountryCode = table.Column<string>(maxLength: 2, nullable: true),
                IsDemo = table.Column<bool>(nullable: false),
                Language = table.Column<string>(maxLength: 8, nullable: true),
                OccurredAtUtc = table.Column<DateTime>(nullable: false),
                Path = table.Column<string>(maxLength: 400, nullable: false),
                ReferrerHost = table.Column<string>(maxLength: 255, nullable: true),
                SessionKey = table.Column<string>(maxLength: 64, nullable: false),
                VisitorKey = table.Column<string>(maxLength: 64, nullable: false),
                VisitorKind = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_PageViews", x => x.Id);
            });

        migrationBuilder.CreateIndex(
            name: "IX_PageViews_OccurredAtUtc",
            table: "PageViews",
            column: "OccurredAtUtc");

        migrationBuilder.CreateIndex(
            name: "IX_PageViews_Path_OccurredAtUtc",
            table: "PageViews",
            columns: new[] { "Path", "OccurredAtUtc" });
    }
}
