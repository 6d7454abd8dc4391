# Helpers for scripts/smoke.sh (sourced) around the app under test. They use the smoke's globals:
# CLONE, LOGS, START, CLEAN_ENV (UNSET_ENV, SET_ENV), APP_PORT, EMULATOR_PORT, README_PORT,
# README_EMULATOR_PORT, TSX, HELP.

fail() {
  echo "smoke: ✗ $*"
  FAILED+=("$*")
}
die() {
  fail "$@"
  exit 1
}

procs() { "${TSX[@]}" "$HELP/procs-cli.ts" "$@"; }

pick_ports() {
  local ports
  if [ -n "${SMOKE_PORT:-}${SMOKE_EMULATOR_PORT:-}" ]; then
    APP_PORT=${SMOKE_PORT:-$README_PORT} EMULATOR_PORT=${SMOKE_EMULATOR_PORT:-$README_EMULATOR_PORT}
    procs free "$APP_PORT" "$EMULATOR_PORT" || die "port $APP_PORT or $EMULATOR_PORT is in use"
  elif ports=$(procs ports "$README_PORT" "$README_EMULATOR_PORT"); then
    read -r APP_PORT EMULATOR_PORT <<<"$ports"
  else
    read -r APP_PORT EMULATOR_PORT <<<"$ports"
    [ -n "$APP_PORT" ] || die "could not find free ports"
    say "README's ports $README_PORT/$README_EMULATOR_PORT are in use here: using $APP_PORT/$EMULATOR_PORT instead"
  fi
  if [ "$APP_PORT/$EMULATOR_PORT" = "$README_PORT/$README_EMULATOR_PORT" ]; then
    UNSET_ENV+=(-u PORT -u EMULATOR_PORT) # README's command as written: the app's own defaults
  else
    SET_ENV+=("PORT=$APP_PORT" "EMULATOR_PORT=$EMULATOR_PORT")
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

# Sends signal $1 to $2 (-pgid, pid or "all" of the clone's processes) and waits STOP_SECONDS for every
# process of the clone (with a third argument: that pid alone) to be gone and both ports free. Sets TOOK.
stop_within() {
  local -a ports=()
  [ -n "$APP_PORT" ] && ports=("$APP_PORT" "$EMULATOR_PORT")
  TOOK=$(procs stop "$1" "$2" "$STOP_SECONDS" "$TMP" "${ports[@]}" ${3:+--pid "$3"})
}

# Kills what is left of the clone's processes (all started by this smoke) so the next step starts clean.
kill_leftovers() { stop_within KILL all >/dev/null; }
