using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PortCooperation.Web.Data.Migrations.SqlServer
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
                type: "int",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "ProgrammeId",
                table: "ReportSubscriptions",
                type: "int",
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
