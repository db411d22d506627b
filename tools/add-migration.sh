#!/usr/bin/env bash
# Adds the migration <Name> for every database provider whose model has changes without a migration:
#   SQLite      SqliteAppDbContext    -> src/SpineMobility.Web/Data/Migrations
#   PostgreSQL  PostgresAppDbContext  -> src/SpineMobility.Web/Data/PostgresMigrations
# So after changing the model, one command makes both; after merging a branch that brought only a SQLite
# migration (made the old way, `dotnet ef migrations add` for AppDbContext), it claims that migration for
# SQLite and adds the PostgreSQL one. Usage: tools/add-migration.sh <Name>
set -euo pipefail
name="${1:?usage: tools/add-migration.sh <MigrationName>}"
cd "$(dirname "${BASH_SOURCE[0]}")/.."
project=src/SpineMobility.Web

# Migrations made for AppDbContext itself would never be applied: before there were two providers they were SQLite's.
for file in $(grep -l 'DbContext(typeof(AppDbContext))' "$project"/Data/Migrations/*.cs 2>/dev/null || true); do
  sed -i 's/DbContext(typeof(AppDbContext))/DbContext(typeof(SqliteAppDbContext))/' "$file"
  echo "Claimed for SQLite (it was made for AppDbContext): $file"
done

dotnet tool restore >/dev/null
dotnet build "$project" --nologo -v quiet >/dev/null

add() {
  local context=$1 folder=$2
  local pending
  pending=$(cd "$project" && dotnet ef migrations has-pending-model-changes --context "$context" --no-build 2>&1) || true
  if grep -q "No changes have been made" <<<"$pending"; then
    echo "$context: the model has no changes without a migration; nothing added."
  elif grep -q "Changes have been made" <<<"$pending"; then
    (cd "$project" && dotnet ef migrations add "$name" --context "$context" --output-dir "$folder" --no-build)
  else
    echo "$pending" >&2
    exit 1
  fi
}

add SqliteAppDbContext Data/Migrations
add PostgresAppDbContext Data/PostgresMigrations
echo "Review both migrations (a SQLite table rebuild deserves a look: see Data/Migrations/*_UserForeignKeys.cs), then run ./test.sh."
