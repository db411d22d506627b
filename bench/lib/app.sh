# Shared by the bench scripts (sourced, not run): publish SpineMobility in Release, start it in
# Production on 127.0.0.1 with a throwaway database, and stop it again, whatever happens.
#
#   APP_DIR=DIR    use this publish output instead of publishing (e.g. to compare two builds)
#   PORT=N         the app's port (default 5181)
#   KEEP=1         keep the work folder (logs, dumps) instead of removing it at the end
#   BENCH_NICE=N   run the app (and the load generator) at this nice value, e.g. -10 on a machine
#                  shared with builds, so the figures show the app rather than the queue for a core
#
# After start_app: APP_PID, APP_URL, APP_LOG, and BENCH_WORK (a temporary folder).

BENCH_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
BENCH_WORK="$(mktemp -d "${TMPDIR:-/tmp}/spine-bench.XXXXXX")"
PORT="${PORT:-5181}"
APP_URL="http://127.0.0.1:${PORT}"
APP_LOG="$BENCH_WORK/app.log"
APP_PID=""
BENCH_PIDS=()

bench_cleanup() {
  local pid
  # A cluster a command started (deploy/cluster.sh up "$CLUSTER_STATE"): nginx, both instances and their PostgreSQL.
  if [ -n "${CLUSTER_STATE:-}" ] && [ -f "$CLUSTER_STATE/cluster.env" ]; then
    "$BENCH_ROOT/deploy/cluster.sh" down "$CLUSTER_STATE" || true
  fi
  for pid in "${BENCH_PIDS[@]}" $APP_PID; do
    if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
      kill "$pid" 2>/dev/null || true
      wait "$pid" 2>/dev/null || true
    fi
  done
  if [ "${KEEP:-0}" = 1 ]; then
    echo "work folder kept: $BENCH_WORK" >&2
  else
    rm -rf "$BENCH_WORK"
  fi
}
trap bench_cleanup EXIT
trap 'exit 130' INT TERM

note() { echo "# $*" >&2; }

# "nice -n N" when BENCH_NICE is set (negative values need root), else nothing.
niced() {
  if [ -n "${BENCH_NICE:-}" ]; then echo "nice -n $BENCH_NICE"; fi
}

# One line about the machine for the record: cores, load, and the nice value used.
machine_note() {
  echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)${BENCH_NICE:+, app and load generator at nice $BENCH_NICE}; $(date -u '+%Y-%m-%d %H:%M UTC')"
}

# Publishes the app (Release) unless APP_DIR names a publish output already.
publish_app() {
  if [ -n "${APP_DIR:-}" ]; then
    [ -f "$APP_DIR/SpineMobility.Web.dll" ] || { echo "APP_DIR=$APP_DIR holds no SpineMobility.Web.dll" >&2; exit 2; }
    note "using the published app in $APP_DIR"
    return
  fi
  APP_DIR="$BENCH_WORK/app"
  note "publishing src/SpineMobility.Web (Release) to $APP_DIR"
  dotnet publish "$BENCH_ROOT/src/SpineMobility.Web" -c Release -o "$APP_DIR" --nologo -v q >"$BENCH_WORK/publish.log" 2>&1 \
    || { cat "$BENCH_WORK/publish.log" >&2; exit 1; }
}

# start_app [NAME=VALUE ...]: Production, a fresh SQLite database, extra settings as environment.
# GC_HEAP_LIMIT_MB=N runs it with a hard GC heap limit (DOTNET_GCHeapHardLimit).
start_app() {
  local data="$BENCH_WORK/data-$RANDOM"
  mkdir -p "$data"
  if curl -s -o /dev/null "$APP_URL/healthz"; then
    echo "Something already answers on $APP_URL; choose another PORT." >&2
    exit 2
  fi
  local limit=()
  if [ -n "${GC_HEAP_LIMIT_MB:-}" ]; then
    limit=("DOTNET_GCHeapHardLimit=$(printf '0x%X' $((GC_HEAP_LIMIT_MB * 1024 * 1024)))")
  fi
  # The content root is the publish folder: the catalog and drawings are read from there.
  (cd "$APP_DIR" && exec env ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_URLS="$APP_URL" \
      ConnectionStrings__SpineMobility="Data Source=$data/spine.db" Storage__DataDirectory="$data" \
      "${limit[@]}" "$@" $(niced) dotnet SpineMobility.Web.dll) >"$APP_LOG" 2>&1 &
  APP_PID=$!
  local i
  for i in $(seq 1 120); do
    if curl -sf -o /dev/null "$APP_URL/healthz"; then
      note "app up at $APP_URL (pid $APP_PID) ${limit[*]} $*"
      return
    fi
    kill -0 "$APP_PID" 2>/dev/null || { cat "$APP_LOG" >&2; echo "The app exited while starting." >&2; exit 1; }
    sleep 0.5
  done
  cat "$APP_LOG" >&2
  echo "The app did not answer /healthz within 60 s." >&2
  exit 1
}

stop_app() {
  if [ -n "$APP_PID" ] && kill -0 "$APP_PID" 2>/dev/null; then
    kill "$APP_PID"
    wait "$APP_PID" 2>/dev/null || true
  fi
  APP_PID=""
}

# CPU seconds (user + system) the app has used so far, from /proc/PID/stat (fields 14 and 15, in clock ticks).
app_cpu_ticks() {
  awk '{ sub(/^.*\) /, ""); print $12 + $13 }' "/proc/$APP_PID/stat"
}

app_rss_mb() {
  awk '/^VmRSS:/ { printf "%.0f", $2 / 1024 }' "/proc/$APP_PID/status"
}

# Errors the app logged: Serilog's "ERR]"/"FTL]" lines, and circuits ended by an unhandled exception.
app_errors() {
  local errors circuits
  errors=$(grep -cE ' (ERR|FTL)\] ' "$APP_LOG" || true)
  circuits=$(grep -c 'Unhandled exception in circuit' "$APP_LOG" || true)
  echo "server log: $errors error lines, $circuits circuits ended by an unhandled exception"
  grep -E ' (ERR|FTL)\] ' "$APP_LOG" | sed -E 's/^\[[0-9:]+ //' | cut -c1-200 | sort | uniq -c | sort -rn | head -5
}
