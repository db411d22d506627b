using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SpineMobility.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class UserForeignKeys : Migration
    {
        /// <summary>
        /// SQLite cannot add a foreign key to a table; it has to be rebuilt. EF Core would do that in three
        /// transactions, and an interruption between them leaves temporary tables behind that block every later
        /// start. So this follows SQLite's own procedure (https://sqlite.org/lang_altertable.html#otheralter):
        /// foreign keys off, then one transaction that copies both tables, swaps them in and rebuilds their
        /// indexes, then foreign keys on. Interrupted, it is rolled back whole and runs again on the next start
        /// (and interrupted after its commit but before EF records it, running it again rebuilds the same tables).
        /// </summary>
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Dropping a table with foreign keys on would delete the rows that refer to it.
            migrationBuilder.Sql("PRAGMA foreign_keys = 0;", suppressTransaction: true);

            // Rows of an account that no longer exists (it should have taken them along) would break the new keys.
            migrationBuilder.Sql("""
                DELETE FROM "CompletedExercises" WHERE "CompletedSessionId" IN (
                    SELECT "Id" FROM "CompletedSessions" WHERE "UserId" IS NOT NULL AND "UserId" NOT IN (SELECT "Id" FROM "AspNetUsers"));
                DELETE FROM "CompletedSessions" WHERE "UserId" IS NOT NULL AND "UserId" NOT IN (SELECT "Id" FROM "AspNetUsers");
                DELETE FROM "CompletedSessions" WHERE "RunId" IN (
                    SELECT "Id" FROM "SessionRuns" WHERE "UserId" IS NOT NULL AND "UserId" NOT IN (SELECT "Id" FROM "AspNetUsers"));
                DELETE FROM "PainReports" WHERE "RunId" IN (
                    SELECT "Id" FROM "SessionRuns" WHERE "UserId" IS NOT NULL AND "UserId" NOT IN (SELECT "Id" FROM "AspNetUsers"));
                DELETE FROM "SideReports" WHERE "RunId" IN (
                    SELECT "Id" FROM "SessionRuns" WHERE "UserId" IS NOT NULL AND "UserId" NOT IN (SELECT "Id" FROM "AspNetUsers"));
                DELETE FROM "SessionRuns" WHERE "UserId" IS NOT NULL AND "UserId" NOT IN (SELECT "Id" FROM "AspNetUsers");

                CREATE TABLE "ef_temp_SessionRuns" (
                    "Id" TEXT NOT NULL CONSTRAINT "PK_SessionRuns" PRIMARY KEY,
                    "Before" TEXT NULL,
                    "Blocks" TEXT NOT NULL,
                    "BrowserKey" TEXT NOT NULL,
                    "CreatedAt" INTEGER NOT NULL,
                    "Focus" TEXT NOT NULL,
                    "HasEquipment" INTEGER NOT NULL,
                    "Level" TEXT NOT NULL,
                    "Minutes" INTEGER NOT NULL,
                    "Seed" INTEGER NOT NULL,
                    "State" TEXT NOT NULL,
                    "Status" TEXT NOT NULL,
                    "TimeZone" TEXT NOT NULL,
                    "Title" TEXT NOT NULL,
                    "UpdatedAt" INTEGER NOT NULL,
                    "UserId" TEXT NULL,
                    CONSTRAINT "FK_SessionRuns_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
                );
                INSERT INTO "ef_temp_SessionRuns" ("Id", "Before", "Blocks", "BrowserKey", "CreatedAt", "Focus", "HasEquipment", "Level", "Minutes", "Seed", "State", "Status", "TimeZone", "Title", "UpdatedAt", "UserId")
                SELECT "Id", "Before", "Blocks", "BrowserKey", "CreatedAt", "Focus", "HasEquipment", "Level", "Minutes", "Seed", "State", "Status", "TimeZone", "Title", "UpdatedAt", "UserId"
                FROM "SessionRuns";

                CREATE TABLE "ef_temp_CompletedSessions" (
                    "Id" INTEGER NOT NULL CONSTRAINT "PK_CompletedSessions" PRIMARY KEY AUTOINCREMENT,
                    "ActiveSeconds" INTEGER NOT NULL,
                    "After" TEXT NULL,
                    "AfterSavedAt" INTEGER NULL,
                    "Before" TEXT NULL,
                    "BrowserKey" TEXT NOT NULL,
                    "Finished" INTEGER NOT NULL,
                    "FinishedAt" INTEGER NOT NULL,
                    "LocalDate" TEXT NOT NULL,
                    "PlannedSeconds" INTEGER NOT NULL,
                    "RunId" TEXT NOT NULL,
                    "StartedAt" INTEGER NOT NULL,
                    "TimeZone" TEXT NOT NULL,
                    "Title" TEXT NOT NULL,
                    "UserId" TEXT NULL,
                    CONSTRAINT "FK_CompletedSessions_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE,
                    CONSTRAINT "FK_CompletedSessions_SessionRuns_RunId" FOREIGN KEY ("RunId") REFERENCES "SessionRuns" ("Id") ON DELETE CASCADE
                );
                INSERT INTO "ef_temp_CompletedSessions" ("Id", "ActiveSeconds", "After", "AfterSavedAt", "Before", "BrowserKey", "Finished", "FinishedAt", "LocalDate", "PlannedSeconds", "RunId", "StartedAt", "TimeZone", "Title", "UserId")
                SELECT "Id", "ActiveSeconds", "After", "AfterSavedAt", "Before", "BrowserKey", "Finished", "FinishedAt", "LocalDate", "PlannedSeconds", "RunId", "StartedAt", "TimeZone", "Title", "UserId"
                FROM "CompletedSessions";

                DROP TABLE "CompletedSessions";
                ALTER TABLE "ef_temp_CompletedSessions" RENAME TO "CompletedSessions";
                DROP TABLE "SessionRuns";
                ALTER TABLE "ef_temp_SessionRuns" RENAME TO "SessionRuns";

                CREATE INDEX "IX_CompletedSessions_BrowserKey_FinishedAt" ON "CompletedSessions" ("BrowserKey", "FinishedAt");
                CREATE INDEX "IX_CompletedSessions_BrowserKey_LocalDate" ON "CompletedSessions" ("BrowserKey", "LocalDate");
                CREATE UNIQUE INDEX "IX_CompletedSessions_RunId" ON "CompletedSessions" ("RunId");
                CREATE INDEX "IX_CompletedSessions_UserId_FinishedAt" ON "CompletedSessions" ("UserId", "FinishedAt");
                CREATE INDEX "IX_CompletedSessions_UserId_LocalDate" ON "CompletedSessions" ("UserId", "LocalDate");
                CREATE INDEX "IX_SessionRuns_BrowserKey_Status" ON "SessionRuns" ("BrowserKey", "Status");
                CREATE INDEX "IX_SessionRuns_UserId_BrowserKey_Id" ON "SessionRuns" ("UserId", "BrowserKey", "Id");
                CREATE INDEX "IX_SessionRuns_UserId_Status" ON "SessionRuns" ("UserId", "Status");
                """);

            migrationBuilder.Sql("PRAGMA foreign_keys = 1;", suppressTransaction: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_CompletedSessions_AspNetUsers_UserId",
                table: "CompletedSessions");

            migrationBuilder.DropForeignKey(
                name: "FK_SessionRuns_AspNetUsers_UserId",
                table: "SessionRuns");
        }
    }
}
