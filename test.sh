#!/usr/bin/env bash
# Runs every test of SpineMobility: unit, component (bUnit), HTTP (WebApplicationFactory) and
# browser (Playwright in Debian's Chromium). Installs Chromium from apt when it is missing.
# Extra arguments go to `dotnet test`, e.g. ./test.sh --filter "FullyQualifiedName~Streak".
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"

if [ ! -x /usr/bin/chromium ]; then
  echo "Installing Debian's chromium for the browser tests (about a minute)..."
  if [ "$(id -u)" -eq 0 ]; then
    apt-get update -qq && apt-get install -y -qq chromium >/dev/null
  elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then
    sudo apt-get update -qq && sudo apt-get install -y -qq chromium >/dev/null
  else
    echo "The browser tests need Debian's Chromium at /usr/bin/chromium: run 'sudo apt-get install chromium' and try again." >&2
    exit 1
  fi
fi

dotnet tool restore >/dev/null
dotnet test SpineMobility.sln --nologo "$@"
