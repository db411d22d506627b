using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SpineMobility.Web.Data.PostgresMigrations
{
    /// <inheritdoc />
    public partial class OwnExercises : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Runs started before own exercises existed have none: an empty JSON object, not an empty text.
            migrationBuilder.AddColumn<string>(
                name: "OwnExercises",
                table: "SessionRuns",
                type: "text",
                nullable: false,
                defaultValue: "{}");

            migrationBuilder.CreateTable(
                name: "OwnExercises",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    UserId = table.Column<string>(type: "text", nullable: false),
                    Key = table.Column<string>(type: "character varying(19)", maxLength: 19, nullable: false),
                    Name = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    Content = table.Column<string>(type: "text", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    DeletedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OwnExercises", x => x.Id);
                    table.ForeignKey(
                        name: "FK_OwnExercises_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_OwnExercises_Key",
                table: "OwnExercises",
                column: "Key",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_OwnExercises_UserId_UpdatedAt",
                table: "OwnExercises",
                columns: new[] { "UserId", "UpdatedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "OwnExercises");

            migrationBuilder.DropColumn(
                name: "OwnExercises",
                table: "SessionRuns");
        }
    }
}
