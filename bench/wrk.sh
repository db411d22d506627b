#!/usr/bin/env bash
# One wrk round over every page, the API, /healthz and a drawing, against the published app
# (Release, Production, a throwaway database): requests per second, p99 latency and the server's
# CPU time per request (from /proc/PID/stat before and after each run), each also as a ratio to
# /healthz in the same round. Requests carry a browser's Accept-Encoding and the cookies a first
# visit set (a returning browser); NEW_VISITORS=1 sends none, so every request is a first visit.
#
#   bench/wrk.sh                     every path below
#   bench/wrk.sh /exercises /about   only these (plus /healthz, the reference)
#
# Environment: APP_DIR, PORT, KEEP (see bench/lib/app.sh); DURATION (s per path, default 10);
# CONNECTIONS (64); THREADS (2); WARMUP (s per path before measuring, default 3); WARMUP_ALL (s over
# all paths at low concurrency first, default 15).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib/app.sh"

DURATION="${DURATION:-10}"
CONNECTIONS="${CONNECTIONS:-64}"
THREADS="${THREADS:-2}"
WARMUP="${WARMUP:-3}"

if ! command -v wrk >/dev/null; then
  note "installing wrk from Debian's packages"
  if [ "$(id -u)" -eq 0 ]; then apt-get install -y -qq wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
  else echo "wrk is missing: sudo apt-get install wrk" >&2; exit 1; fi
fi

publish_app
start_app

# A drawing as the page links it (so a fingerprinted address is followed too).
drawing=$(curl -s "$APP_URL/exercises/chin-tucks" | grep -o '<img[^>]*src="[^"]*"' | head -1 | sed -E 's/.*src="([^"]*)".*/\1/')
[ -n "$drawing" ] || { echo "No drawing found on /exercises/chin-tucks." >&2; exit 1; }

if [ $# -gt 0 ]; then
  paths=(/healthz "$@")
else
  paths=(/healthz / /exercises /exercises/chin-tucks /session /about /safety /progress /api/exercises /api/exercises/chin-tucks "$drawing")
fi

headers=(-H "Accept-Encoding: gzip, deflate, br" -H "Accept: text/html,application/xhtml+xml,application/json;q=0.9,*/*;q=0.8")
if [ "${NEW_VISITORS:-0}" != 1 ]; then
  # curl's cookie jar marks HttpOnly cookies with a #HttpOnly_ prefix; other # lines are comments.
  cookies=$(curl -s -o /dev/null -c - "$APP_URL/" | sed 's/^#HttpOnly_//' | awk '!/^#/ && NF >= 7 { printf "%s%s=%s", sep, $6, $7; sep = "; " }')
  headers+=(-H "Cookie: $cookies")
fi

# The first requests of a fresh process are slow (JIT); warm every path at low concurrency first.
note "warm-up: ${WARMUP_ALL:-15} s over every path"
for path in "${paths[@]}"; do
  wrk -t1 -c4 -d"$(( ${WARMUP_ALL:-15} / ${#paths[@]} + 1 ))s" --timeout 10s "${headers[@]}" "$APP_URL$path" >/dev/null
done

ticks_per_second=$(getconf CLK_TCK)
results="$BENCH_WORK/results.tsv"
: >"$results"
for path in "${paths[@]}"; do
  url="$APP_URL$path"
  status=$(curl -s -o "$BENCH_WORK/body" -w '%{http_code} %{size_download}' "${headers[@]}" "$url")
  $(niced) wrk -t"$THREADS" -c"$CONNECTIONS" -d"${WARMUP}s" --timeout 10s "${headers[@]}" "$url" >/dev/null
  before=$(app_cpu_ticks)
  $(niced) wrk -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" --timeout 10s --latency "${headers[@]}" "$url" >"$BENCH_WORK/wrk.txt"
  after=$(app_cpu_ticks)
  requests=$(awk '/requests in/ { print $1 }' "$BENCH_WORK/wrk.txt")
  rps=$(awk '/^Requests\/sec:/ { print $2 }' "$BENCH_WORK/wrk.txt")
  p99=$(awk '$1 == "99%" { v = $2; if (v ~ /us$/) { sub(/us/, "", v); v /= 1000 } else if (v ~ /ms$/) { sub(/ms/, "", v) } else if (v ~ /s$/) { sub(/s/, "", v); v *= 1000 }; print v }' "$BENCH_WORK/wrk.txt")
  bad=$(awk '/Non-2xx or 3xx responses:/ { print $5 } /Socket errors:/ { print $0 }' "$BENCH_WORK/wrk.txt" | sed 's/ *Socket errors: //' | paste -sd' ')
  cpu_ms=$(awk -v a="$after" -v b="$before" -v n="$requests" -v hz="$ticks_per_second" 'BEGIN { printf "%.3f", (a - b) * 1000 / hz / n }')
  printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$path" "$rps" "$p99" "$cpu_ms" "$status" "${bad:-0}" >>"$results"
  note "$path: $rps req/s, p99 $p99 ms, $cpu_ms ms CPU/request"
done

machine_note
echo "wrk -t$THREADS -c$CONNECTIONS -d${DURATION}s after ${WARMUP}s warm-up; $(nproc) cores; $( [ "${NEW_VISITORS:-0}" = 1 ] && echo 'no cookies (first visits)' || echo 'a returning browser'\''s cookies'); Accept-Encoding: gzip, deflate, br"
awk -F'\t' '
  NR == 1 { hr = $2; hc = $4 }
  { rows[NR] = $0 }
  END {
    printf "%-30s %10s %9s %12s %10s %10s %8s %10s %s\n", "path", "req/s", "p99 ms", "CPU ms/req", "÷ healthz", "CPU ×hz", "status", "bytes", "non-2xx"
    for (i = 1; i <= NR; i++) {
      split(rows[i], f, "\t"); split(f[5], s, " ")
      printf "%-30s %10.0f %9.1f %12.3f %10.3f %10.1f %8s %10s %s\n", f[1], f[2], f[3], f[4], f[2] / hr, (hc > 0 ? f[4] / hc : 0), s[1], s[2], f[6]
    }
  }' "$results"
app_errors
