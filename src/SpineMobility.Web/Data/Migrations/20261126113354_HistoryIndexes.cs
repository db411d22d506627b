using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SpineMobility.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class HistoryIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_CompletedSessions_BrowserKey_FinishedAt",
                table: "CompletedSessions",
                columns: new[] { "BrowserKey", "FinishedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_CompletedSessions_UserId_FinishedAt",
                table: "CompletedSessions",
                columns: new[] { "UserId", "FinishedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_CompletedSessions_BrowserKey_FinishedAt",
                table: "CompletedSessions");

            migrationBuilder.DropIndex(
                name: "IX_CompletedSessions_UserId_FinishedAt",
                table: "CompletedSessions");
        }
    }
}
