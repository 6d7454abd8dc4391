# Helpers for scripts/smoke.sh (sourced) around the app under test. They use the smoke's globals:
# CLONE, LOGS, START, CLEAN_ENV, APP_PORT, EMULATOR_PORT, README_PORT, README_EMULATOR_PORT, TSX, HELP.

fail() {
  echo "smoke: ✗ $*"
  FAILED+=("$*")
}
die() {
  fail "$@"
  exit 1
}

pick_ports() {
  if [ -n "${SMOKE_PORT:-}${SMOKE_EMULATOR_PORT:-}" ]; then
    APP_PORT=${SMOKE_PORT:-$README_PORT} EMULATOR_PORT=${SMOKE_EMULATOR_PORT:-$README_EMULATOR_PORT}
  elif port_free "$README_PORT" && port_free "$README_EMULATOR_PORT"; then
    APP_PORT=$README_PORT EMULATOR_PORT=$README_EMULATOR_PORT
  else
    APP_PORT=$(free_port) EMULATOR_PORT=$(free_port)
    say "README's ports $README_PORT/$README_EMULATOR_PORT are in use here: using $APP_PORT/$EMULATOR_PORT instead"
  fi
  local p
  for p in "$APP_PORT" "$EMULATOR_PORT"; do port_free "$p" || die "port $p is in use"; done
  if [ "$APP_PORT/$EMULATOR_PORT" = "$README_PORT/$README_EMULATOR_PORT" ]; then
    CLEAN_ENV+=(-u PORT -u EMULATOR_PORT) # README's command as written: the app's own defaults
  else
    CLEAN_ENV+=("PORT=$APP_PORT" "EMULATOR_PORT=$EMULATOR_PORT")
  fi
}

# Starts README's start command in the background in a process group of its own, as a terminal does
# with a command it runs (Ctrl-C goes to that group).
start_app() { # $1: run number
  LOG="$LOGS/npm-start-$1.log"
  (cd "$CLONE" && exec setsid "${CLEAN_ENV[@]}" bash -c "$START") >"$LOG" 2>&1 </dev/null &
  NPM_PID=$!
  sleep 0.2
  PGID=$(proc_stat "$NPM_PID" 3) || PGID=$NPM_PID
  PGIDS+=("$PGID")
  say "started \`$START\` (pid $NPM_PID, process group $PGID), output in $LOG"
}

readyz() { curl -fsS -o /dev/null "http://localhost:$APP_PORT/readyz" 2>/dev/null; }
ready_or_exited() { readyz || ! alive "$NPM_PID"; }

wait_ready() { # $1: seconds
  local t0=$EPOCHREALTIME
  within "$1" ready_or_exited
  READY_AFTER=$(since "$t0")
  if readyz; then
    say "✓ /readyz answered after $READY_AFTER s"
    return 0
  fi
  if alive "$NPM_PID"; then fail "/readyz did not answer within $1 s"; else fail "npm start exited before /readyz answered"; fi
  tail_log "$LOG"
  return 1
}

check_log() { # $1: log file
  if "${TSX[@]}" "$HELP/log-check-cli.ts" "$1"; then
    say "✓ no fatal, unhandled or uncaught line in $(basename "$1")"
  else
    fail "$(basename "$1") has fatal, unhandled or uncaught lines (above)"
  fi
}

# Processes of the clone whose command line contains $1 (e.g. dist/server/start.js), one pid a line.
pids_running() { procs_under "$TMP" | awk -v s="$1" 'index($0, s) { print $1 }'; }

# Kills what is left of the clone's processes (started by this smoke) so the next step starts clean.
kill_leftovers() {
  local pid _
  while read -r pid _; do kill -KILL "$pid" 2>/dev/null; done < <(procs_under "$TMP")
  within "$STOP_SECONDS" all_gone "$TMP" "$APP_PORT" "$EMULATOR_PORT"
}
