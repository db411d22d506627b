using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SpineMobility.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class IllustrationsSafetyAndSides : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Illustration_EndAlt",
                table: "Exercises",
                type: "TEXT",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "Illustration_EndFile",
                table: "Exercises",
                type: "TEXT",
                maxLength: 200,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "Illustration_StartAlt",
                table: "Exercises",
                type: "TEXT",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "Illustration_StartFile",
                table: "Exercises",
                type: "TEXT",
                maxLength: 200,
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateTable(
                name: "PainReports",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RunId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ReportedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ExerciseSlug = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    ExerciseName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Pain = table.Column<int>(type: "INTEGER", nullable: false),
                    Area = table.Column<string>(type: "TEXT", nullable: false),
                    Choice = table.Column<string>(type: "TEXT", nullable: false),
                    EasierSlug = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    EasierName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PainReports", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PainReports_SessionRuns_RunId",
                        column: x => x.RunId,
                        principalTable: "SessionRuns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SafetyScreenings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    BrowserKey = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    UserId = table.Column<string>(type: "TEXT", nullable: true),
                    TakenAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", nullable: false),
                    YesTo = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SafetyScreenings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SafetyScreenings_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SideReports",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RunId = table.Column<Guid>(type: "TEXT", nullable: false),
                    BlockIndex = table.Column<int>(type: "INTEGER", nullable: false),
                    ExerciseSlug = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Tighter = table.Column<string>(type: "TEXT", nullable: false),
                    ReportedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    LocalDate = table.Column<DateOnly>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SideReports", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SideReports_SessionRuns_RunId",
                        column: x => x.RunId,
                        principalTable: "SessionRuns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_PainReports_RunId_ReportedAt",
                table: "PainReports",
                columns: new[] { "RunId", "ReportedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_SafetyScreenings_BrowserKey_TakenAt",
                table: "SafetyScreenings",
                columns: new[] { "BrowserKey", "TakenAt" });

            migrationBuilder.CreateIndex(
                name: "IX_SafetyScreenings_UserId_TakenAt",
                table: "SafetyScreenings",
                columns: new[] { "UserId", "TakenAt" });

            migrationBuilder.CreateIndex(
                name: "IX_SideReports_RunId_BlockIndex",
                table: "SideReports",
                columns: new[] { "RunId", "BlockIndex" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "PainReports");

            migrationBuilder.DropTable(
                name: "SafetyScreenings");

            migrationBuilder.DropTable(
                name: "SideReports");

            migrationBuilder.DropColumn(
                name: "Illustration_EndAlt",
                table: "Exercises");

            migrationBuilder.DropColumn(
                name: "Illustration_EndFile",
                table: "Exercises");

            migrationBuilder.DropColumn(
                name: "Illustration_StartAlt",
                table: "Exercises");

            migrationBuilder.DropColumn(
                name: "Illustration_StartFile",
                table: "Exercises");
        }
    }
}
