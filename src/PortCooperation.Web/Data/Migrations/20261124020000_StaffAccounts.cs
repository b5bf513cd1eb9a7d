using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace PortCooperation.Web.Data.Migrations;

/// <summary>
/// Staff accounts managed by administrators (issue 4, point 7): the language of the account's mails, when the
/// open invitation was sent (it expires a configurable time later), and the last completed sign-in.
/// </summary>
[DbContext(typeof(PortalDbContext))]
[Migration("20261124020000_StaffAccounts")]
public partial class StaffAccounts : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<string>(name: "Language", table: "AspNetUsers", maxLength: 8, nullable: true);
        migrationBuilder.AddColumn<DateTime>(name: "InvitedAtUtc", table: "AspNetUsers", nullable: true);
        migrationBuilder.AddColumn<DateTime>(name: "LastSignInAtUtc", table: "AspNetUsers", nullable: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropColumn(name: "LastSignInAtUtc", table: "AspNetUsers");
        migrationBuilder.DropColumn(name: "InvitedAtUtc", table: "AspNetUsers");
        migrationBuilder.DropColumn(name: "Language", table: "AspNetUsers");
    }
}
