#!/usr/bin/env bash
# Lighthouse 12.8.2 (from npm, pinned in bench/lighthouse/package-lock.json) in Debian's Chromium,
# mobile form factor with its simulated throttling, against the published app (Release, Production,
# a throwaway database). Each page runs RUNS times (default 2); the median run is printed. Not part of
# ./test.sh: it measures, it does not pass or fail.
#
#   bench/lighthouse.sh                  /, /exercises, /exercises/chin-tucks, /session, /progress, /about
#   bench/lighthouse.sh /safety /        only these
#
# Targets (issue 11): performance >= 95 and LCP <= 2.0 s on every page, accessibility 100,
# best practices 100, SEO >= 95. Environment: APP_DIR, PORT, KEEP (see bench/lib/app.sh); RUNS.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib/app.sh"

here="$BENCH_ROOT/bench/lighthouse"
RUNS="${RUNS:-2}"
pages=("$@")
[ ${#pages[@]} -gt 0 ] || pages=(/ /exercises /exercises/chin-tucks /session /progress /about)

[ -x /usr/bin/chromium ] || { echo "Lighthouse needs Debian's Chromium: apt-get install chromium" >&2; exit 1; }
if [ "$(node -p "try { require('$here/node_modules/lighthouse/package.json').version } catch { '' }")" != 12.8.2 ]; then
  note "installing Lighthouse from package-lock.json"
  npm ci --prefix "$here" --no-audit --no-fund --loglevel=error >/dev/null
fi

publish_app
start_app

# A running server has compiled its pages long before a visitor comes: without this the first page measured waits
# seconds for the JIT (the home page showed a 2.2 s server response that a second request does not).
note "warming up: each page 3 times"
for page in "${pages[@]}"; do
  for _ in 1 2 3; do curl -s -o /dev/null -H 'Accept-Encoding: br' "$APP_URL$page" || true; done
done

mkdir -p "$BENCH_WORK/reports"
for page in "${pages[@]}"; do
  name=$(echo "$page" | tr -c 'a-zA-Z0-9\n' '_')
  for run in $(seq 1 "$RUNS"); do
    note "lighthouse $page (run $run of $RUNS)"
    CHROME_PATH=/usr/bin/chromium "$here/node_modules/.bin/lighthouse" "$APP_URL$page" \
      --form-factor=mobile --only-categories=performance,accessibility,best-practices,seo \
      --chrome-flags="--headless=new --no-sandbox --disable-gpu" \
      --output=json --output-path="$BENCH_WORK/reports/$name.$run.json" --quiet \
      || echo "Lighthouse failed on $page (run $run)" >&2
  done
done

machine_note
echo "Lighthouse $(node -p "require('$here/node_modules/lighthouse/package.json').version"), mobile, $RUNS runs per page, $(nproc) cores"
node "$here/summary.mjs" "$BENCH_WORK/reports"
app_errors
