#!/usr/bin/env bash
# Live circuits against the published app (Release, Production, a throwaway database), measured
# with the headless circuit client in bench/SpineMobility.Circuits and the server's own
# dotnet-gcdump / dotnet-counters. Everything it starts is stopped at the end.
#
#   bench/circuits.sh first PATH               first messages of one circuit on PATH (e.g. /exercises)
#   bench/circuits.sh heap PATH COUNT          managed heap per live circuit on PATH
#   bench/circuits.sh heap-player COUNT        managed heap per playing session (player circuit and its live session)
#   bench/circuits.sh play N[,N...]            step-change lag of N concurrent sessions (Player:TimeScale=20)
#   bench/circuits.sh cluster-play N[,N...]    the same through nginx in front of two instances on PostgreSQL (deploy/cluster.sh)
#   bench/circuits.sh burst COUNT              COUNT circuit starts at once from one client on BURST_PATH (/session): does the server survive?
#
# Environment: APP_DIR, PORT, KEEP (see bench/lib/app.sh); TIME_SCALE (20); WINDOW (60 s, play);
# PARALLEL (circuit starts in flight: 8, burst 50); GC_HEAP_LIMIT_MB (run the app with a GC heap limit);
# WARMUP_CIRCUITS (10) / WARMUP_SESSIONS (10) opened and closed before the heap baseline;
# BENCH_TOOLS (where the .NET diagnostics tools are installed, default ~/.cache/spinemobility-bench/tools).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib/app.sh"

TOOLS="${BENCH_TOOLS:-$HOME/.cache/spinemobility-bench/tools}"
DIAG_VERSION=10.0.750501
CLIENT="$BENCH_ROOT/bench/SpineMobility.Circuits/bin/Release/net10.0/SpineMobility.Circuits.dll"

usage() { sed -n '2,16p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//' >&2; exit 2; }

install_tools() {
  local tool
  for tool in dotnet-gcdump dotnet-counters; do
    [ -x "$TOOLS/$tool" ] || dotnet tool install --tool-path "$TOOLS" "$tool" --version "$DIAG_VERSION" >/dev/null
  done
}

build_client() {
  note "building the circuit client (Release)"
  dotnet build "$BENCH_ROOT/bench/SpineMobility.Circuits" -c Release --nologo -v q >"$BENCH_WORK/client-build.log" 2>&1 \
    || { cat "$BENCH_WORK/client-build.log" >&2; exit 1; }
}

client() { $(niced) dotnet "$CLIENT" "$@"; }

# Live managed heap after the full GC that dotnet-gcdump forces; also keeps the type report.
heap_bytes() {
  local name=$1
  "$TOOLS/dotnet-gcdump" collect -p "$APP_PID" -o "$BENCH_WORK/$name.gcdump" >"$BENCH_WORK/$name.collect.log" 2>&1 \
    || { cat "$BENCH_WORK/$name.collect.log" >&2; exit 1; }
  "$TOOLS/dotnet-gcdump" report "$BENCH_WORK/$name.gcdump" >"$BENCH_WORK/$name.report.txt"
  awk '/GC Heap bytes/ { gsub(",", "", $1); print $1; exit }' "$BENCH_WORK/$name.report.txt"
}

# The types that grew most between two gcdump reports, per circuit.
heap_growth() {
  local before=$1 after=$2 count=$3
  python3 - "$BENCH_WORK/$before.report.txt" "$BENCH_WORK/$after.report.txt" "$count" <<'PY' || true
import re, sys
def read(path):
    sizes = {}
    for line in open(path):
        m = re.match(r"\s*([\d,]+)\s+([\d,]+)\s+(.+?)\s*$", line)
        if m:
            # The report gives each type's average object size and its count.
            sizes[m.group(3)] = sizes.get(m.group(3), 0) + int(m.group(1).replace(",", "")) * int(m.group(2).replace(",", ""))
    return sizes
a, b, n = read(sys.argv[1]), read(sys.argv[2]), int(sys.argv[3])
growth = sorted(((b.get(t, 0) - a.get(t, 0), t) for t in set(a) | set(b)), reverse=True)[:12]
print("  types that grew most (bytes per circuit):")
for g, t in growth:
    print(f"    {g / n:>10,.0f}  {t[:110]}")
PY
}

# Waits for the client to write its ready file (all circuits up), or for the client to end.
wait_ready() {
  local ready=$1 pid=$2
  while [ ! -f "$ready" ]; do
    kill -0 "$pid" 2>/dev/null || return 1
    sleep 0.5
  done
}

report_heap() {
  local label=$1 count=$2 before=$3 with=$4 after=$5
  awk -v l="$label" -v n="$count" -v b="$before" -v w="$with" -v a="$after" 'BEGIN {
    printf "managed heap, %s: before %.1f MB, with %d open %.1f MB, after closing %.1f MB\n", l, b / 1048576, n, w / 1048576, a / 1048576
    printf "managed heap per circuit: %.0f KB (with - before) / N; %.0f KB (with - after closing) / N, which leaves out what stays once they close (pools and caches grown by the load)\n", (w - b) / n / 1024, (w - a) / n / 1024 }'
}

cmd_first() {
  local path=$1
  start_app
  client inspect --url "$APP_URL$path" --settle 3 >/dev/null
  client inspect --url "$APP_URL$path" --settle 3 | sed -n '1,/^JS calls:/p' | sed '$d'
  app_errors
}

cmd_heap() {
  local path=$1 count=$2 ready="$BENCH_WORK/ready"
  start_app
  note "warm-up: ${WARMUP_CIRCUITS:-10} circuits on $path"
  client open --url "$APP_URL$path" --count "${WARMUP_CIRCUITS:-10}" --hold 0 >/dev/null
  local before with after
  before=$(heap_bytes before)
  client open --url "$APP_URL$path" --count "$count" --parallel "${PARALLEL:-8}" --hold 600 --ready-file "$ready" --server-pid "$APP_PID" &
  local pid=$!
  BENCH_PIDS+=("$pid")
  wait_ready "$ready" "$pid" || { echo "The client ended before all circuits were open." >&2; exit 1; }
  with=$(heap_bytes with)
  rm -f "$ready"
  wait "$pid" || true
  sleep 2
  after=$(heap_bytes after)
  report_heap "$path" "$count" "$before" "$with" "$after"
  heap_growth before with "$count"
  app_errors
}

# The players of many users come from this one machine: the per-address circuit limit (issue 11 §4) is off for them.
PLAYERS=(Player__TimeScale="${TIME_SCALE:-20}" Circuits__PerClientAddress=0)

cmd_heap_player() {
  local count=$1 ready="$BENCH_WORK/ready"
  start_app "${PLAYERS[@]}"
  note "warm-up: ${WARMUP_SESSIONS:-10} sessions"
  client play --url "$APP_URL" --sessions "${WARMUP_SESSIONS:-10}" --window 5 >/dev/null
  local before with after
  before=$(heap_bytes before)
  client play --url "$APP_URL" --sessions "$count" --parallel "${PARALLEL:-8}" --window 600 --ready-file "$ready" --server-pid "$APP_PID" &
  local pid=$!
  BENCH_PIDS+=("$pid")
  wait_ready "$ready" "$pid" || { echo "The client ended before all sessions were playing." >&2; exit 1; }
  with=$(heap_bytes with)
  rm -f "$ready"
  wait "$pid" || true
  sleep 2
  after=$(heap_bytes after)
  report_heap "playing sessions" "$count" "$before" "$with" "$after"
  heap_growth before with "$count"
  app_errors
}

cmd_play() {
  local rounds=$1
  start_app "${PLAYERS[@]}"
  client play --url "$APP_URL" --sessions "$rounds" --window "${WINDOW:-60}" --parallel "${PARALLEL:-8}" --server-pid "$APP_PID"
  app_errors
}

# The same rounds through nginx (port PORT) in front of two instances on one PostgreSQL, as deploy/cluster.sh starts them:
# each visitor keeps nginx's sticky cookie, so its builder, player and circuits stay on one instance; CPU is per instance.
cmd_cluster_play() {
  local rounds=$1
  # A folder of its own beside BENCH_WORK (mktemp's are private to root): PostgreSQL's user must be able to enter it.
  CLUSTER_STATE="$BENCH_WORK/cluster"
  chmod 755 "$BENCH_WORK"
  APP_DIR="$APP_DIR" PORT="$PORT" "$BENCH_ROOT/deploy/cluster.sh" up "$CLUSTER_STATE" "${PLAYERS[@]}"
  # shellcheck disable=SC1091
  source "$CLUSTER_STATE/cluster.env"
  client play --url "$NGINX_URL" --sessions "$rounds" --window "${WINDOW:-60}" --parallel "${PARALLEL:-8}" \
    --server-pid "$INSTANCE1_PID,$INSTANCE2_PID"
  echo "instances: 1 = 127.0.0.1:$INSTANCE1_PORT (pid $INSTANCE1_PID), 2 = 127.0.0.1:$INSTANCE2_PORT (pid $INSTANCE2_PID)"
  local i
  for i in 1 2; do
    APP_LOG="$CLUSTER_STATE/app$i.log"
    echo -n "instance $i: "
    app_errors || true  # its last grep finds nothing when the log is clean
  done
}

cmd_burst() {
  local count=$1
  start_app
  "$TOOLS/dotnet-counters" collect -p "$APP_PID" --refresh-interval 1 --format csv -o "$BENCH_WORK/counters.csv" \
    --counters "System.Runtime[dotnet.gc.last_collection.heap.size,dotnet.process.memory.working_set]" >/dev/null 2>&1 &
  BENCH_PIDS+=("$!")
  sleep 2
  # The catalog has no circuit since issue 11 (static pages): the burst opens an interactive page, the session builder
  # by default (the heaviest one); BURST_PATH=/exercises repeats the "before" run on an older build.
  client open --url "$APP_URL${BURST_PATH:-/session}" --count "$count" --visitors "$count" --parallel "${PARALLEL:-50}" --hold 10 --server-pid "$APP_PID" || true
  if kill -0 "$APP_PID" 2>/dev/null && curl -sf -o /dev/null "$APP_URL/healthz"; then
    echo "server: alive and healthy after the burst, RSS $(app_rss_mb) MB"
  else
    echo "server: DOWN after the burst"
    tail -5 "$APP_LOG"
  fi
  sleep 2
  awk -F, '
    /working_set/ { if ($5 > ws) ws = $5 }
    /heap.size/ { size[$1 "|" $3] = $5 }
    END { for (k in size) { split(k, p, "|"); heap[p[1]] += size[k] }
          for (t in heap) if (heap[t] > h) h = heap[t];
          printf "peaks seen by dotnet-counters: working set %.0f MB, GC heap after a collection %.0f MB\n", ws / 1048576, h / 1048576 }' \
    "$BENCH_WORK/counters.csv"
  app_errors
}

[ $# -ge 1 ] || usage
command=$1
shift
case "$command" in
  first) [ $# -eq 1 ] || usage ;;
  heap) [ $# -eq 2 ] || usage ;;
  heap-player | play | cluster-play | burst) [ $# -eq 1 ] || usage ;;
  *) usage ;;
esac

publish_app
install_tools
build_client
machine_note
case "$command" in
  first) cmd_first "$@" ;;
  heap) cmd_heap "$@" ;;
  heap-player) cmd_heap_player "$@" ;;
  play) cmd_play "$@" ;;
  cluster-play) cmd_cluster_play "$@" ;;
  burst) cmd_burst "$@" ;;
esac
