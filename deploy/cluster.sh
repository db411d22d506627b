#!/usr/bin/env bash
# SpineMobility as a small cluster on one machine: a PostgreSQL server, two instances of the published app
# on it, and nginx in front of them (sticky sessions, WebSockets, health checks), all from Debian's packages.
#
#   deploy/cluster.sh run [NAME=VALUE ...]        start everything, print the address, stop it all on Ctrl-C
#   deploy/cluster.sh up DIR [NAME=VALUE ...]     start everything with its state in DIR, then return
#   deploy/cluster.sh down DIR                    stop everything started in DIR and remove DIR
#   deploy/cluster.sh stop-instance DIR 1|2       stop one instance (SIGTERM: a graceful shutdown)
#   deploy/cluster.sh kill-instance DIR 1|2       kill one instance (SIGKILL: as if its machine died)
#   deploy/cluster.sh start-instance DIR 1|2      start a stopped or killed instance again (same port and settings)
#
# NAME=VALUE settings go to both instances' environment, e.g. Player__TimeScale=20 (their fast clocks share one
# Player__TimeScaleOrigin, the moment `up` began, so they agree on the time).
# Environment: APP_DIR (a `dotnet publish` output to run; default: publish src/SpineMobility.Web in Release),
# PORT (nginx's port, default 5190; the instances take the next two free ports after it).
# `up` writes DIR/cluster.env (NGINX_URL, INSTANCE1_URL, INSTANCE2_URL, INSTANCE1_PID, …, PG_CONNECTION) and the
# logs (DIR/app1.log, DIR/app2.log, DIR/nginx/error.log, DIR/pg/server.log). A failed `up` stops what it started.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

usage() { sed -n '2,18p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//' >&2; exit 2; }
note() { echo "# $*" >&2; }

apt_install() {
  note "installing $* from Debian's packages"
  if [ "$(id -u)" -eq 0 ]; then
    apt-get update -qq && apt-get install -y -qq "$@" >/dev/null
  elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then
    sudo apt-get update -qq && sudo apt-get install -y -qq "$@" >/dev/null
  else
    echo "The cluster needs: $*. Run 'sudo apt-get install $*' and try again." >&2
    exit 1
  fi
}

free_port() {
  local port=$1
  while (echo >"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do port=$((port + 1)); done
  echo "$port"
}

# PostgreSQL refuses to run as root: then its cluster belongs to the postgres user Debian's package created.
as_pg_user() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

# Writes nginx's configuration from deploy/nginx.conf, leaving out the instances listed in $DOWN ("1", "2").
write_nginx_conf() {
  local down=${1:-} servers="" i port flag
  for i in 1 2; do
    port=$(eval echo "\$INSTANCE${i}_PORT")
    flag=""
    [[ " $down " == *" $i "* ]] && flag=" down"
    servers+="        server 127.0.0.1:$port max_fails=1 fail_timeout=5s$flag;"$'\n'
  done
  servers=${servers%$'\n'}
  # awk rather than sed: the server lines hold characters sed would read.
  awk -v state="$STATE/nginx" -v listen="127.0.0.1:$NGINX_PORT" -v servers="$servers" '
    { gsub(/\{\{STATE\}\}/, state); gsub(/\{\{LISTEN\}\}/, listen) }
    /\{\{SERVERS\}\}/ { print servers; next }
    { print }' "$ROOT/deploy/nginx.conf" >"$STATE/nginx/nginx.conf.new"
  mv "$STATE/nginx/nginx.conf.new" "$STATE/nginx/nginx.conf"
}

start_instance() {
  local i=$1 port
  port=$(eval echo "\$INSTANCE${i}_PORT")
  mkdir -p "$STATE/app$i"
  # The content root is the publish folder: the catalog and the drawings are read from there.
  (cd "$APP_DIR" && exec env ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_URLS="http://127.0.0.1:$port" \
      Database__Provider=postgres ConnectionStrings__SpineMobility="$PG_CONNECTION" \
      Storage__DataDirectory="$STATE/app$i" \
      App__PublicBaseUrl="$NGINX_URL/" App__TrustedProxies=127.0.0.1 \
      AllowedHosts="127.0.0.1;localhost" Player__TimeScaleOrigin="$CLOCK_ORIGIN" \
      "${SETTINGS[@]}" dotnet SpineMobility.Web.dll) >>"$STATE/app$i.log" 2>&1 &
  eval "INSTANCE${i}_PID=$!"
}

wait_healthy() {
  local url=$1 pid=$2 log=$3 i
  for i in $(seq 1 240); do
    curl -sf -o /dev/null "$url/healthz" && return 0
    kill -0 "$pid" 2>/dev/null || { tail -n 30 "$log" >&2; echo "The instance at $url exited while starting." >&2; return 1; }
    sleep 0.5
  done
  tail -n 30 "$log" >&2
  echo "The instance at $url did not answer /healthz within 120 s." >&2
  return 1
}

# Active health checks: every 2 s each instance's /healthz (5 s to answer); three failures in a row mark it down in
# nginx (then nginx reloads), one answer marks it up again. A busy instance is slow, not dead: one miss changes nothing.
watch_health() {
  local last="" down i
  local -A misses=([1]=0 [2]=0)
  while kill -0 "$NGINX_PID" 2>/dev/null; do
    down=""
    for i in 1 2; do
      if curl -sf -m 5 -o /dev/null "http://127.0.0.1:$(eval echo "\$INSTANCE${i}_PORT")/healthz"; then
        misses[$i]=0
      else
        misses[$i]=$(( ${misses[$i]} + 1 ))
      fi
      [ "${misses[$i]}" -ge 3 ] && down+=" $i"
    done
    if [ "$down" != "$last" ]; then
      # Never both down in nginx's eyes: with every server down it would answer 502 even to one that comes back.
      [ "$down" = " 1 2" ] && down=""
      write_nginx_conf "$down"
      nginx -p "$STATE/nginx" -c "$STATE/nginx/nginx.conf" -s reload 2>>"$STATE/nginx/error.log" || true
      echo "$(date -u +%T) instances down:${down:- none}" >>"$STATE/health.log"
      last=$down
    fi
    sleep 2
  done
}

save_state() {
  cat >"$STATE/cluster.env" <<EOF
NGINX_URL=$NGINX_URL
NGINX_PORT=$NGINX_PORT
NGINX_PID=$NGINX_PID
INSTANCE1_URL=http://127.0.0.1:$INSTANCE1_PORT
INSTANCE1_PORT=$INSTANCE1_PORT
INSTANCE1_PID=${INSTANCE1_PID:-}
INSTANCE2_URL=http://127.0.0.1:$INSTANCE2_PORT
INSTANCE2_PORT=$INSTANCE2_PORT
INSTANCE2_PID=${INSTANCE2_PID:-}
WATCH_PID=${WATCH_PID:-}
PG_BIN=$PG_BIN
PG_PORT=$PG_PORT
PG_CONNECTION="$PG_CONNECTION"
APP_DIR="${APP_DIR:-}"
CLOCK_ORIGIN=$CLOCK_ORIGIN
EOF
  # The NAME=VALUE settings, NUL-separated (a value may hold anything), for start-instance.
  : >"$STATE/settings"
  [ ${#SETTINGS[@]} -eq 0 ] || printf '%s\0' "${SETTINGS[@]}" >"$STATE/settings"
}

down() {
  STATE=$1
  [ -f "$STATE/cluster.env" ] || { [ -d "$STATE" ] && rm -rf "$STATE"; return 0; }
  # shellcheck disable=SC1091
  source "$STATE/cluster.env"
  local pid
  for pid in ${WATCH_PID:-} ${INSTANCE1_PID:-} ${INSTANCE2_PID:-}; do
    kill "$pid" 2>/dev/null || true
  done
  if [ -n "${NGINX_PID:-}" ] && kill -0 "$NGINX_PID" 2>/dev/null; then
    nginx -p "$STATE/nginx" -c "$STATE/nginx/nginx.conf" -s quit 2>/dev/null || kill "$NGINX_PID" 2>/dev/null || true
  fi
  for pid in ${INSTANCE1_PID:-} ${INSTANCE2_PID:-}; do
    for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
    kill -9 "$pid" 2>/dev/null || true
  done
  if [ -f "$STATE/pg/data/postmaster.pid" ]; then
    as_pg_user "$PG_BIN/pg_ctl" -D "$STATE/pg/data" -m fast -w stop >/dev/null 2>&1 || true
  fi
  rm -rf "$STATE"
}

up() {
  STATE=$1
  shift
  SETTINGS=("$@")
  [ -e "$STATE/cluster.env" ] && { echo "$STATE already holds a cluster; 'down' it first." >&2; exit 2; }
  mkdir -p "$STATE"
  STATE="$(cd "$STATE" && pwd)"
  chmod 755 "$STATE"
  # From here on, a failure stops whatever was started.
  trap 'status=$?; if [ $status -ne 0 ]; then echo "Starting the cluster failed; stopping what was started." >&2; save_state 2>/dev/null || true; down "$STATE"; fi' EXIT

  command -v nginx >/dev/null || apt_install nginx-light
  compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null || apt_install postgresql
  command -v curl >/dev/null || apt_install curl

  PG_BIN="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)"
  CLOCK_ORIGIN=$(date -u +%Y-%m-%dT%H:%M:%S.%3NZ)
  NGINX_PORT="" NGINX_URL="" INSTANCE1_PORT="" INSTANCE2_PORT="" PG_PORT="" PG_CONNECTION="" NGINX_PID=""
  save_state

  if [ -z "${APP_DIR:-}" ]; then
    APP_DIR="$STATE/app"
    note "publishing src/SpineMobility.Web (Release) to $APP_DIR"
    dotnet publish "$ROOT/src/SpineMobility.Web" -c Release -o "$APP_DIR" --nologo -v q >"$STATE/publish.log" 2>&1 \
      || { cat "$STATE/publish.log" >&2; exit 1; }
  fi
  [ -f "$APP_DIR/SpineMobility.Web.dll" ] || { echo "APP_DIR=$APP_DIR holds no SpineMobility.Web.dll" >&2; exit 2; }

  # Ports are chosen only now, after the publish, so nobody else takes them meanwhile.
  NGINX_PORT=$(free_port "${PORT:-5190}")
  NGINX_URL="http://127.0.0.1:$NGINX_PORT"
  INSTANCE1_PORT=$(free_port $((NGINX_PORT + 1)))
  INSTANCE2_PORT=$(free_port $((INSTANCE1_PORT + 1)))
  PG_PORT=$(free_port $((INSTANCE2_PORT + 1)))
  PG_CONNECTION="Host=127.0.0.1;Port=$PG_PORT;Database=spinemobility;Username=postgres"
  save_state

  note "starting PostgreSQL on 127.0.0.1:$PG_PORT"
  mkdir -p "$STATE/pg"
  if [ "$(id -u)" -eq 0 ]; then
    chown postgres "$STATE/pg"
    as_pg_user test -w "$STATE/pg" \
      || { echo "The postgres user cannot enter $STATE/pg: every folder above it must be open to others (chmod o+x)." >&2; exit 1; }
  fi
  as_pg_user "$PG_BIN/initdb" -D "$STATE/pg/data" -U postgres -A trust -E UTF8 >"$STATE/pg/initdb.log" 2>&1 \
    || { cat "$STATE/pg/initdb.log" >&2; exit 1; }
  as_pg_user "$PG_BIN/pg_ctl" -D "$STATE/pg/data" -l "$STATE/pg/server.log" -w -t 30 start \
    -o "-p $PG_PORT -k $STATE/pg -c listen_addresses=127.0.0.1 -c max_connections=200" >/dev/null \
    || { cat "$STATE/pg/server.log" >&2; exit 1; }
  as_pg_user "$PG_BIN/psql" -h 127.0.0.1 -p "$PG_PORT" -U postgres -q -c "CREATE DATABASE spinemobility" >/dev/null

  # Both at once, as after a deploy: migrations and the catalog sync must cope with each other.
  note "starting two instances on 127.0.0.1:$INSTANCE1_PORT and :$INSTANCE2_PORT"
  start_instance 1
  start_instance 2
  save_state
  wait_healthy "http://127.0.0.1:$INSTANCE1_PORT" "$INSTANCE1_PID" "$STATE/app1.log"
  wait_healthy "http://127.0.0.1:$INSTANCE2_PORT" "$INSTANCE2_PID" "$STATE/app2.log"

  note "starting nginx on $NGINX_URL"
  mkdir -p "$STATE/nginx/temp"
  # As root, nginx's workers run as nobody and need its temporary folders.
  [ "$(id -u)" -eq 0 ] && chown nobody "$STATE/nginx/temp"
  write_nginx_conf ""
  nginx -p "$STATE/nginx" -c "$STATE/nginx/nginx.conf" -t >"$STATE/nginx/test.log" 2>&1 \
    || { cat "$STATE/nginx/test.log" >&2; exit 1; }
  nginx -p "$STATE/nginx" -c "$STATE/nginx/nginx.conf" 2>>"$STATE/nginx/error.log"
  for _ in $(seq 1 50); do [ -s "$STATE/nginx/nginx.pid" ] && break; sleep 0.1; done
  NGINX_PID=$(cat "$STATE/nginx/nginx.pid")
  save_state
  curl -sf -o /dev/null "$NGINX_URL/healthz" || { echo "nginx does not answer on $NGINX_URL" >&2; exit 1; }

  watch_health </dev/null >/dev/null 2>&1 &
  WATCH_PID=$!
  save_state
  trap - EXIT
  note "cluster up: $NGINX_URL (instances http://127.0.0.1:$INSTANCE1_PORT, http://127.0.0.1:$INSTANCE2_PORT; PostgreSQL 127.0.0.1:$PG_PORT); state in $STATE"
}

signal_instance() {
  local signal=$1 state=$2 i=$3 pid
  [[ "$i" =~ ^[12]$ ]] || usage
  # shellcheck disable=SC1091
  source "$state/cluster.env"
  pid=$(eval echo "\$INSTANCE${i}_PID")
  kill "-$signal" "$pid"
  for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || return 0; sleep 0.1; done
  echo "Instance $i (pid $pid) did not stop within 10 s." >&2
  return 1
}

# Starts an instance that is not running again, as `up` did, and waits until it answers /healthz; nginx's health
# polling sends it visitors again within a few seconds.
restart_instance() {
  local state=$1 i=$2 pid
  [[ "$i" =~ ^[12]$ ]] || usage
  STATE="$(cd "$state" && pwd)"
  # shellcheck disable=SC1091
  source "$STATE/cluster.env"
  pid=$(eval echo "\$INSTANCE${i}_PID")
  if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
    echo "Instance $i (pid $pid) is running." >&2
    return 1
  fi
  SETTINGS=()
  [ -s "$STATE/settings" ] && mapfile -d '' SETTINGS <"$STATE/settings"
  start_instance "$i"
  save_state
  wait_healthy "http://127.0.0.1:$(eval echo "\$INSTANCE${i}_PORT")" "$(eval echo "\$INSTANCE${i}_PID")" "$STATE/app$i.log"
}

case "${1:-}" in
  up) [ $# -ge 2 ] || usage; shift; up "$@" ;;
  down) [ $# -eq 2 ] || usage; down "$2" ;;
  stop-instance) [ $# -eq 3 ] || usage; signal_instance TERM "$2" "$3" ;;
  kill-instance) [ $# -eq 3 ] || usage; signal_instance KILL "$2" "$3" ;;
  start-instance) [ $# -eq 3 ] || usage; restart_instance "$2" "$3" ;;
  run)
    shift
    dir="$(mktemp -d "${TMPDIR:-/tmp}/spinemobility-cluster.XXXXXX")"
    rmdir "$dir"
    up "$dir" "$@"
    trap 'down "$dir"; exit 0' INT TERM
    trap 'down "$dir"' EXIT
    echo "SpineMobility runs at $(grep ^NGINX_URL= "$dir/cluster.env" | cut -d= -f2). Ctrl-C stops it."
    while sleep 3600; do :; done
    ;;
  *) usage ;;
esac
