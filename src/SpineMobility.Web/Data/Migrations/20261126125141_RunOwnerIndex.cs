using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SpineMobility.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class RunOwnerIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_SessionRuns_UserId_BrowserKey_Id",
                table: "SessionRuns",
                columns: new[] { "UserId", "BrowserKey", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_SessionRuns_UserId_BrowserKey_Id",
                table: "SessionRuns");
        }
    }
}
