#!/usr/bin/env bash
# A private Docker engine for tests and CI: Debian's dockerd with its own socket, data root,
# exec root and pidfile under one folder, so it never touches a system engine.
#
#   eval "$(scripts/container/dockerd.sh start)"   # prints the exports to use
#   scripts/container/dockerd.sh status
#   scripts/container/dockerd.sh stop              # removes its containers, ends it, cleans up
#
# Both start and stop are idempotent. Only what to `eval` goes to stdout; progress goes to
# stderr. The folder is $IJW_DOCKERD_ROOT (default /tmp/ijw-dockerd).
set -euo pipefail

ROOT="${IJW_DOCKERD_ROOT:-/tmp/ijw-dockerd}"
SOCK="$ROOT/docker.sock"
PIDFILE="$ROOT/dockerd.pid"
LOG="$ROOT/dockerd.log"
HOST="unix://$SOCK"
START_TIMEOUT="${IJW_DOCKERD_START_TIMEOUT:-60}"

say() { echo "dockerd.sh: $*" >&2; }

exports() {
  echo "export DOCKER_HOST=$HOST"
  echo "export TESTCONTAINERS_RYUK_DISABLED=true"
}

engine_ok() { DOCKER_HOST="$HOST" timeout 10 docker info >/dev/null 2>&1; }

daemon_pid() {
  [[ -f "$PIDFILE" ]] || return 1
  local pid
  pid="$(cat "$PIDFILE" 2>/dev/null || true)"
  [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null && echo "$pid"
}

# Processes whose command line names our folder (dockerd, its managed containerd, the
# containerd shims) and all their descendants (the containers' processes, which would be
# orphaned if dockerd died). Only these are ever signalled, each by its pid.
our_pids() {
  local p cmd ppid
  declare -A mine=()
  declare -A parent=()
  for p in /proc/[0-9]*; do
    cmd="$( { tr '\0' ' ' <"$p/cmdline"; } 2>/dev/null || true)"
    [[ "$cmd" == *"$ROOT/"* ]] && mine[${p#/proc/}]=1
    ppid="$(awk '/^PPid:/ { print $2 }' "$p/status" 2>/dev/null || true)"
    [[ -n "$ppid" ]] && parent[${p#/proc/}]=$ppid
  done
  local changed=1
  while (( changed )); do
    changed=0
    for p in "${!parent[@]}"; do
      if [[ -z "${mine[$p]:-}" && -n "${mine[${parent[$p]}]:-}" ]]; then mine[$p]=1; changed=1; fi
    done
  done
  for p in "${!mine[@]}"; do [[ "$p" != "$$" ]] && echo "$p"; done
  return 0
}

install_engine() {
  if ! command -v dockerd >/dev/null 2>&1; then
    say "dockerd not found: installing Debian's docker.io"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -q >&2
    apt-get install -y -q docker.io >&2
  fi
  if ! command -v docker >/dev/null 2>&1; then
    say "no docker client found (docker.io should have installed one)"; exit 1
  fi
}

start() {
  if daemon_pid >/dev/null && engine_ok; then
    say "already running (pid $(daemon_pid)), socket $SOCK"
    exports; return 0
  fi
  install_engine
  # A stale half-started engine from an earlier run: clear it first.
  if [[ -e "$ROOT" ]]; then stop_engine; fi
  mkdir -p "$ROOT/data" "$ROOT/exec"
  local t0=$SECONDS
  # setsid: the engine outlives this script and is not in its process group.
  setsid dockerd \
    --host "$HOST" \
    --data-root "$ROOT/data" \
    --exec-root "$ROOT/exec" \
    --pidfile "$PIDFILE" \
    --userland-proxy=false \
    >"$LOG" 2>&1 </dev/null &
  local bgpid=$!
  until engine_ok; do
    if ! kill -0 "$bgpid" 2>/dev/null; then
      say "dockerd exited while starting; last lines of $LOG:"; tail -n 30 "$LOG" >&2; exit 1
    fi
    if (( SECONDS - t0 > START_TIMEOUT )); then
      say "dockerd did not answer within ${START_TIMEOUT}s; last lines of $LOG:"; tail -n 30 "$LOG" >&2
      stop_engine; exit 1
    fi
    sleep 0.5
  done
  say "engine ready in $((SECONDS - t0))s (pid $(daemon_pid)), socket $SOCK, log $LOG"
  exports
}

stop_engine() {
  local pid
  if pid="$(daemon_pid)" && engine_ok; then
    local ids
    ids="$(DOCKER_HOST="$HOST" docker ps -aq 2>/dev/null || true)"
    if [[ -n "$ids" ]]; then
      say "removing containers: $(echo $ids)"
      # shellcheck disable=SC2086
      DOCKER_HOST="$HOST" docker rm -f $ids >/dev/null 2>&1 || true
    fi
  fi
  if pid="$(daemon_pid)"; then
    say "stopping dockerd (pid $pid)"
    kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 1 40); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
    kill -KILL "$pid" 2>/dev/null || true
  fi
  # Whatever is left that belongs to this engine (containerd, shims): TERM, then KILL.
  local left
  left="$(our_pids)"
  if [[ -n "$left" ]]; then
    # shellcheck disable=SC2086
    kill -TERM $left 2>/dev/null || true
    sleep 1
    left="$(our_pids)"
    # shellcheck disable=SC2086
    [[ -n "$left" ]] && kill -KILL $left 2>/dev/null || true
  fi
  # Mounts (overlay layers, netns, shm) under our folder, deepest first.
  if [[ -d "$ROOT" ]]; then
    awk -v r="$ROOT/" 'index($2, r) == 1 { print $2 }' /proc/self/mounts | sort -r | while read -r m; do
      umount -l "$m" 2>/dev/null || true
    done
    rm -rf "$ROOT"
  fi
  # The default bridge the engine made; harmless if left, but leave the host as we found it.
  if ip link show docker0 >/dev/null 2>&1 && ! pgrep -x dockerd >/dev/null 2>&1; then
    ip link delete docker0 2>/dev/null || true
  fi
}

stop() {
  stop_engine
  if [[ -n "$(our_pids)" ]]; then say "processes still left: $(our_pids)"; exit 1; fi
  say "stopped; nothing left under $ROOT"
}

status() {
  if daemon_pid >/dev/null && engine_ok; then
    say "running (pid $(daemon_pid)), socket $SOCK"; exports
  else
    say "not running"; return 1
  fi
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) status ;;
  *) echo "usage: $0 start|stop|status" >&2; exit 2 ;;
esac
