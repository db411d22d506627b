#!/usr/bin/env bash
# Runs every test of SpineMobility: unit, component (bUnit), HTTP (WebApplicationFactory) and
# browser (Playwright in Debian's Chromium, with axe-core from npm for the accessibility scans).
# Installs Chromium and Node.js from apt when they are missing, and axe-core and Redocly from package-lock.json.
# Extra arguments go to `dotnet test`, e.g. ./test.sh --filter "FullyQualifiedName~Streak".
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"

apt_install() {
  echo "Installing $* from Debian's packages for the browser tests..."
  if [ "$(id -u)" -eq 0 ]; then
    apt-get update -qq && apt-get install -y -qq "$@" >/dev/null
  elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then
    sudo apt-get update -qq && sudo apt-get install -y -qq "$@" >/dev/null
  else
    echo "The browser tests need: $*. Run 'sudo apt-get install $*' and try again." >&2
    exit 1
  fi
}

[ -x /usr/bin/chromium ] || apt_install chromium
command -v npm >/dev/null || apt_install nodejs npm

# The exact axe-core and Redocly CLI the lock file names; the tests read them from node_modules, nothing downloads at run time.
npm ci --prefix tests/SpineMobility.EndToEnd --no-audit --no-fund --loglevel=error >/dev/null

dotnet tool restore >/dev/null

# The committed drawings are exactly what tools/illustrations/draw.cs draws: draw them afresh and compare.
drawn=$(mktemp -d)
dotnet run tools/illustrations/draw.cs -- --out "$drawn" >/dev/null
if ! diff -r content/illustrations "$drawn" >/dev/null; then
  diff -r -q content/illustrations "$drawn" >&2 || true
  rm -rf "$drawn"
  echo "content/illustrations is not what tools/illustrations/draw.cs draws. Edit the pose in draw.cs, run 'dotnet run tools/illustrations/draw.cs' and commit the SVGs." >&2
  exit 1
fi
rm -rf "$drawn"

dotnet test SpineMobility.sln --nologo "$@"
