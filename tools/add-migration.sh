#!/usr/bin/env bash
# Adds the migration <Name> for every database provider whose model has changes without a migration:
#   SQLite      AppDbContext          -> src/SpineMobility.Web/Data/Migrations
#   PostgreSQL  PostgresAppDbContext  -> src/SpineMobility.Web/Data/PostgresMigrations
# After changing the model, one command makes both. After merging a branch that brought only a SQLite
# migration (made with `dotnet ef migrations add` before there were two providers), it adds the PostgreSQL one.
# Usage: tools/add-migration.sh <Name>
set -euo pipefail
name="${1:?usage: tools/add-migration.sh <MigrationName>}"
cd "$(dirname "${BASH_SOURCE[0]}")/.."
project=src/SpineMobility.Web

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

add AppDbContext Data/Migrations
add PostgresAppDbContext Data/PostgresMigrations
echo "Review both migrations (a SQLite table rebuild deserves a look: see Data/Migrations/*_UserForeignKeys.cs), then run ./test.sh."
