using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

namespace PortCooperation.Web.Data.Migrations;

/// <summary>
/// The scheduled quarterly report (issue 6, point 4): staff subscriptions (one per account, deleted with the account),
/// and outbox mails gain an optional file attachment (the report's Word document), beside the existing .ics text.
/// </summary>
[DbContext(typeof(PortalDbContext))]
[Migration("20261124030000_ReportSubscriptions")]
public partial class ReportSubscriptions : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "ReportSubscriptions",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                CountryCode = table.Column<string>(maxLength: 2, nullable: true),
                CreatedAtUtc = table.Column<DateTime>(nullable: false),
                Language = table.Column<string>(maxLength: 8, nullable: false),
                Region = table.Column<int>(nullable: true),
                UpdatedAtUtc = table.Column<DateTime>(nullable: false),
                UserId = table.Column<string>(maxLength: 450, nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_ReportSubscriptions", x => x.Id);
                table.ForeignKey(
                    name: "FK_ReportSubscriptions_AspNetUsers_UserId",
                    column: x => x.UserId,
                    principalTable: "AspNetUsers",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateIndex(
            name: "IX_ReportSubscriptions_UserId",
            table: "ReportSubscriptions",
            column: "UserId",
            unique: true);

        migrationBuilder.AddColumn<string>(name: "AttachmentFileName", table: "OutboxMessages", maxLength: 200, nullable: true);
        migrationBuilder.AddColumn<string>(name: "AttachmentContentType", table: "OutboxMessages", maxLength: 200, nullable: true);
        migrationBuilder.AddColumn<byte[]>(name: "AttachmentContent", table: "OutboxMessages", nullable: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable(name: "ReportSubscriptions");
        migrationBuilder.DropColumn(name: "AttachmentFileName", table: "OutboxMessages");
        migrationBuilder.DropColumn(name: "AttachmentContentType", table: "OutboxMessages");
        migrationBuilder.DropColumn(name: "AttachmentContent", table: "OutboxMessages");
    }
}
