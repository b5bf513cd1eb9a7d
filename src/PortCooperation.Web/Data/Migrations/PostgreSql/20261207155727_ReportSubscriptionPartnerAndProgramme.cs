using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PortCooperation.Web.Data.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class ReportSubscriptionPartnerAndProgramme : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "PartnerId",
                table: "ReportSubscriptions",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "ProgrammeId",
                table: "ReportSubscriptions",
                type: "integer",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "PartnerId",
                table: "ReportSubscriptions");

            migrationBuilder.DropColumn(
                name: "ProgrammeId",
                table: "ReportSubscriptions");
        }
    }
}
