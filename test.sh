#!/usr/bin/env bash
# Runs every test of SpineMobility: unit, component (bUnit), HTTP (WebApplicationFactory) and
# browser (Playwright in Debian's Chromium, with axe-core from npm for the accessibility scans), all on
# SQLite; then the HTTP/integration tests once more on a throwaway PostgreSQL it starts and removes; then the browser
# tests of the cluster (tests/SpineMobility.EndToEnd/Cluster) through nginx in front of two instances (deploy/cluster.sh).
# Installs Chromium, Node.js, PostgreSQL and nginx from apt when they are missing, and axe-core and Redocly from package-lock.json.
# Extra arguments go to every `dotnet test` run, e.g. ./test.sh --filter "FullyQualifiedName~Streak" (the cluster run
# keeps only its own tests of those).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"

apt_install() {
  echo "Installing $* from Debian's packages for the tests..."
  if [ "$(id -u)" -eq 0 ]; then
    apt-get update -qq && apt-get install -y -qq "$@" >/dev/null
  elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then
    sudo apt-get update -qq && sudo apt-get install -y -qq "$@" >/dev/null
  else
    echo "The tests need: $*. Run 'sudo apt-get install $*' and try again." >&2
    exit 1
  fi
}

[ -x /usr/bin/chromium ] || apt_install chromium
command -v npm >/dev/null || apt_install nodejs npm
compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null || apt_install postgresql
command -v nginx >/dev/null || apt_install nginx-light

# The exact axe-core and Redocly CLI the lock file names; the tests read them from node_modules, nothing downloads at run time.
npm ci --prefix tests/SpineMobility.EndToEnd --no-audit --no-fund --loglevel=error >/dev/null

dotnet tool restore >/dev/null

# Exactly the package versions the committed packages.lock.json files name; a package change without its lock file fails here.
dotnet restore SpineMobility.sln --locked-mode --nologo -v quiet

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

# The same for the app's icons, which tools/icons/draw.sh draws from its SVGs with Chromium.
drawn=$(mktemp -d)
tools/icons/draw.sh --out "$drawn" >/dev/null
for icon in "$drawn"/icons/*.png "$drawn"/favicon.ico; do
  committed=src/SpineMobility.Web/wwwroot/${icon#"$drawn"/}
  if ! cmp -s "$icon" "$committed"; then
    rm -rf "$drawn"
    echo "$committed is not what tools/icons/draw.sh draws. Run tools/icons/draw.sh and commit the icons." >&2
    exit 1
  fi
done
rm -rf "$drawn"


# --- A throwaway PostgreSQL: a cluster in a temporary folder, on a free port, as a user that is not root. ---
pg_bin="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)"
pg_dir="$(mktemp -d "${TMPDIR:-/tmp}/spinemobility-pg.XXXXXX")"
as_pg_user() { "$@"; }
if [ "$(id -u)" -eq 0 ]; then
  # PostgreSQL refuses to run as root; Debian's package created the postgres user.
  chown postgres "$pg_dir"
  as_pg_user() { runuser -u postgres -- "$@"; }
fi

# The cluster's browser tests work in this folder (a publish of the app, deploy/cluster.sh's state); their fixture stops
# the cluster, and this stops it too when the test run itself was killed.
cluster_dir="$(mktemp -d "${TMPDIR:-/tmp}/spinemobility-cluster-tests.XXXXXX")"
chmod 755 "$cluster_dir"  # mktemp's folder is private; the cluster's PostgreSQL runs as the postgres user inside it

stop_postgres() {
  if [ -f "$pg_dir/data/postmaster.pid" ]; then
    as_pg_user "$pg_bin/pg_ctl" -D "$pg_dir/data" -m immediate -w stop >/dev/null 2>&1 || true
  fi
  rm -rf "$pg_dir"
  [ -f "$cluster_dir/state/cluster.env" ] && deploy/cluster.sh down "$cluster_dir/state" >/dev/null 2>&1
  rm -rf "$cluster_dir"
}
trap stop_postgres EXIT
trap 'exit 130' INT TERM

# Durability is pointless for a cluster that is deleted at the end; without it, tests run faster.
as_pg_user "$pg_bin/initdb" -D "$pg_dir/data" -U postgres -A trust -E UTF8 --no-sync >"$pg_dir/initdb.log" 2>&1 \
  || { cat "$pg_dir/initdb.log" >&2; exit 1; }
pg_port=""
for _ in 1 2 3 4 5; do
  port=$(( 20000 + RANDOM % 40000 ))
  (echo >"/dev/tcp/127.0.0.1/$port") 2>/dev/null && continue  # taken
  if as_pg_user "$pg_bin/pg_ctl" -D "$pg_dir/data" -l "$pg_dir/server.log" -w -t 30 start \
      -o "-p $port -k $pg_dir -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" >/dev/null; then
    pg_port=$port
    break
  fi
done
[ -n "$pg_port" ] || { echo "Could not start the test PostgreSQL; its log:" >&2; cat "$pg_dir/server.log" >&2; exit 1; }
echo "PostgreSQL $("$pg_bin/postgres" --version | awk '{print $3}') for the tests on 127.0.0.1:$pg_port ($pg_dir)"
export SPINEMOBILITY_TEST_POSTGRES="Host=127.0.0.1;Port=$pg_port;Username=postgres"

# --- Everything on SQLite, then the integration tests on PostgreSQL; both run, and both must pass. ---
# Each run on a machine clock in a zone far from UTC (UTC+14, then UTC-11), unless TZ is set: days, streaks and times
# must follow the user's zone, never the server's, and a test that leans on the machine's zone fails here.
status=0
TZ=${TZ:-Pacific/Kiritimati} dotnet test SpineMobility.sln --no-restore --nologo "$@" || status=$?
echo "Integration tests on PostgreSQL:"
TZ=${TZ:-Pacific/Pago_Pago} SPINEMOBILITY_TEST_DATABASE=postgres dotnet test tests/SpineMobility.IntegrationTests --no-build --nologo "$@" || status=$?

# --- The cluster's browser tests: nginx, two instances of this build (published) and their own PostgreSQL. ---
# They are skipped in the runs above; a --filter given to this script narrows them further.
cluster_filter="FullyQualifiedName~SpineMobility.EndToEnd.Cluster"
cluster_args=()
while [ $# -gt 0 ]; do
  case "$1" in
    --filter) cluster_filter="$cluster_filter&($2)"; shift 2 ;;
    --filter=*) cluster_filter="$cluster_filter&(${1#--filter=})"; shift ;;
    *) cluster_args+=("$1"); shift ;;
  esac
done
echo "Browser tests through nginx in front of two instances on PostgreSQL (deploy/cluster.sh):"
cluster_status=0
SPINEMOBILITY_TEST_CLUSTER="$cluster_dir" dotnet test tests/SpineMobility.EndToEnd --no-build --nologo \
  --filter "$cluster_filter" "${cluster_args[@]}" || cluster_status=$?
if [ "$cluster_status" -ne 0 ]; then
  # The instances' logs go with the cluster's folder when this script ends: a failure shows what they said first.
  for log in "$cluster_dir"/state/app1.log "$cluster_dir"/state/app2.log "$cluster_dir"/state/nginx/error.log; do
    [ -f "$log" ] || continue
    echo "--- warnings and errors in ${log#"$cluster_dir"/state/} (last 60) ---"
    grep -E "WRN|ERR|FTL|Exception|\[error\]|\[crit\]" "$log" | tail -60 || true
  done
  status=$cluster_status
fi
exit "$status"
