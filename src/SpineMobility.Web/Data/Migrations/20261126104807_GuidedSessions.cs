using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SpineMobility.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class GuidedSessions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "SessionRuns",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    BrowserKey = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Minutes = table.Column<int>(type: "INTEGER", nullable: false),
                    Focus = table.Column<string>(type: "TEXT", nullable: false),
                    Level = table.Column<string>(type: "TEXT", nullable: false),
                    HasEquipment = table.Column<bool>(type: "INTEGER", nullable: false),
                    Seed = table.Column<int>(type: "INTEGER", nullable: false),
                    Blocks = table.Column<string>(type: "TEXT", nullable: false),
                    TimeZone = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", nullable: false),
                    State = table.Column<string>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SessionRuns", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "CompletedSessions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RunId = table.Column<Guid>(type: "TEXT", nullable: false),
                    BrowserKey = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    StartedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    FinishedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    LocalDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    TimeZone = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ActiveSeconds = table.Column<int>(type: "INTEGER", nullable: false),
                    PlannedSeconds = table.Column<int>(type: "INTEGER", nullable: false),
                    Finished = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CompletedSessions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CompletedSessions_SessionRuns_RunId",
                        column: x => x.RunId,
                        principalTable: "SessionRuns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CompletedExercises",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CompletedSessionId = table.Column<int>(type: "INTEGER", nullable: false),
                    ExerciseId = table.Column<int>(type: "INTEGER", nullable: false),
                    Phase = table.Column<string>(type: "TEXT", nullable: false),
                    Seconds = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CompletedExercises", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CompletedExercises_CompletedSessions_CompletedSessionId",
                        column: x => x.CompletedSessionId,
                        principalTable: "CompletedSessions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_CompletedExercises_Exercises_ExerciseId",
                        column: x => x.ExerciseId,
                        principalTable: "Exercises",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CompletedExercises_CompletedSessionId",
                table: "CompletedExercises",
                column: "CompletedSessionId");

            migrationBuilder.CreateIndex(
                name: "IX_CompletedExercises_ExerciseId",
                table: "CompletedExercises",
                column: "ExerciseId");

            migrationBuilder.CreateIndex(
                name: "IX_CompletedSessions_BrowserKey_LocalDate",
                table: "CompletedSessions",
                columns: new[] { "BrowserKey", "LocalDate" });

            migrationBuilder.CreateIndex(
                name: "IX_CompletedSessions_RunId",
                table: "CompletedSessions",
                column: "RunId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SessionRuns_BrowserKey_Status",
                table: "SessionRuns",
                columns: new[] { "BrowserKey", "Status" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CompletedExercises");

            migrationBuilder.DropTable(
                name: "CompletedSessions");

            migrationBuilder.DropTable(
                name: "SessionRuns");
        }
    }
}
