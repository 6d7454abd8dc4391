#!/usr/bin/env bash
# The smoke test: README's own commands, run as a newcomer runs them, on a clone of this checkout's HEAD
# in a temporary folder with nothing beside it (so no ../shared or other sibling can help).
#   1. clone; README's first command: its install part, then `npm start` in the background
#   2. the app's /readyz within SMOKE_READY_SECONDS (120; the first start builds)
#   3. README's control-API example, read from README.md, pasted command by command (SMOKE_PAUSE, 1.5 s)
#   4. the call it placed: answered, main menu played, key acted on (SMOKE_CALL_SECONDS, 60); app healthy
#   5. Ctrl-C (SIGINT to npm start's process group): every process of the clone gone, both ports free, in 5 s
#   6. npm start again, then SIGKILL to the app's node process alone: the emulator gone, its port free, in 5 s
# Ports: README's 3978/3979 when free, else free ones (it says so); SMOKE_PORT / SMOKE_EMULATOR_PORT choose.
# A failed check is reported and the later steps still run, so one run shows everything that is wrong;
# the exit status is 1 if anything failed. Needs git, curl, node, setsid and this checkout's npm packages.
set -uo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
HELP="$ROOT/scripts/smoke"
. "$HELP/lib.sh"
. "$HELP/app.sh"
TSX=("$ROOT/node_modules/.bin/tsx")
README_PORT=3978 README_EMULATOR_PORT=3979 # what README's first command says it uses
STOP_SECONDS=5
FAILED=() PGIDS=() TIMES=() APP_PORT="" EMULATOR_PORT=""

SHA=$(git -C "$ROOT" rev-parse HEAD) || die "$ROOT is not a git checkout"
[ -x "${TSX[0]}" ] || die "the smoke's helpers need this checkout's npm packages: run npm install first"
TMP=$(mktemp -d) LOGS=$(mktemp -d)
CLONE="$TMP/switchboard"
cleanup() {
  local pid
  for pid in "${PGIDS[@]}"; do kill -KILL -- "-$pid" 2>/dev/null; done
  kill_leftovers >/dev/null 2>&1
  wait 2>/dev/null
  rm -rf "$TMP"
  if [ ${#FAILED[@]} -eq 0 ]; then rm -rf "$LOGS"; else say "logs kept in $LOGS"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# What a person's terminal has: what `npm run` adds (npm's variables, node_modules/.bin on PATH) is not in it.
# env takes its -u options before its NAME=VALUE ones: the two lists are kept apart until CLEAN_ENV is made.
UNSET_ENV=(-u INIT_CWD)
SET_ENV=("PATH=$(tr ':' '\n' <<<"$PATH" | grep -Ev '/node_modules/\.bin$|/node-gyp-bin$' | paste -sd:)")
for v in $(compgen -e); do [[ $v == npm_* ]] && UNSET_ENV+=(-u "$v"); done

say "1/6 clone $ROOT at ${SHA:0:12} into $CLONE"
[ -z "$(git -C "$ROOT" status --porcelain --untracked-files=no)" ] ||
  say "(the checkout has uncommitted changes: the clone has HEAD without them)"
git clone -q --no-hardlinks "$ROOT" "$CLONE" && git -C "$CLONE" checkout -q --detach "$SHA" ||
  die "could not clone $ROOT"
[ "$(ls -A "$TMP")" = switchboard ] || die "the clone's folder has something beside it"
mapfile -t FIRST < <("${TSX[@]}" "$HELP/readme-cli.ts" first "$CLONE/README.md")
[ ${#FIRST[@]} -eq 3 ] || die "could not read README's first command"
INSTALL=${FIRST[1]} START=${FIRST[2]}
say "README's first command: ${FIRST[0]}"
pick_ports
CLEAN_ENV=(env "${UNSET_ENV[@]}" "${SET_ENV[@]}")
say "ports: app $APP_PORT, emulator $EMULATOR_PORT"
say "install: \`$INSTALL\` (output in $LOGS/install.log)"
t0=$EPOCHREALTIME
(cd "$CLONE" && timeout "${SMOKE_INSTALL_SECONDS:-1200}" "${CLEAN_ENV[@]}" bash -c "$INSTALL") \
  >"$LOGS/install.log" 2>&1 </dev/null
rc=$?
if [ $rc -ne 0 ]; then
  tail_log "$LOGS/install.log"
  [ $rc -eq 124 ] && die "\`$INSTALL\` did not finish within ${SMOKE_INSTALL_SECONDS:-1200} s"
  die "\`$INSTALL\` failed (exit status $rc)"
fi
TIMES+=("install $(since "$t0") s")
say "✓ installed in $(since "$t0") s: $(grep -E '^(added|up to date)' "$LOGS/install.log" | tail -1)"
start_app 1

say "2/6 wait for http://localhost:$APP_PORT/readyz (at most ${SMOKE_READY_SECONDS:-120} s)"
wait_ready "${SMOKE_READY_SECONDS:-120}" || exit 1
TIMES+=("first start $READY_AFTER s")

say "3/6 README's control-API example, command by command"
n=$("${TSX[@]}" "$HELP/readme-cli.ts" control "$CLONE/README.md" "$LOGS/readme-control" \
  "$README_PORT" "$APP_PORT" "$README_EMULATOR_PORT" "$EMULATOR_PORT") || die "README has no control-API example"
[ "$EMULATOR_PORT" = "$README_EMULATOR_PORT" ] ||
  say "(its localhost:$README_EMULATOR_PORT is written localhost:$EMULATOR_PORT here)"
(cd "$CLONE" && "${CLEAN_ENV[@]}" bash "$HELP/paste-block.sh" "$LOGS/readme-control" "$LOGS/readme-printed.txt" \
  "${SMOKE_PAUSE:-1.5}") </dev/null || fail "README's control-API example did not run through ($n commands)"

say "4/6 the call README placed, through the control API; the app's health and log"
"${TSX[@]}" "$HELP/call-check-cli.ts" "http://localhost:$EMULATOR_PORT/emulator" "$CLONE/config/ivr/main.yaml" \
  "$LOGS/readme-printed.txt" "${SMOKE_CALL_SECONDS:-60}" ||
  fail "the call README placed did not reach the main menu and have its key acted on"
for path in healthz readyz; do
  if curl -fsS -o /dev/null "http://localhost:$APP_PORT/$path"; then say "✓ /$path answers"; else fail "/$path does not answer"; fi
done
alive "$NPM_PID" || fail "npm start has exited"
check_log "$LOG"
[ ${#FAILED[@]} -eq 0 ] || tail_log "$LOG"

say "5/6 Ctrl-C: SIGINT to process group $PGID; every process of the clone gone and both ports free within ${STOP_SECONDS} s"
if stop_within INT "-$PGID"; then
  say "✓ all gone, ports free, after $TOOK s"
else
  fail "Ctrl-C did not stop everything: $TOOK"
  tail_log "$LOG" 15
  kill_leftovers || die "the clone's processes or ports could not be cleared"
fi
wait "$NPM_PID" 2>/dev/null
say "(npm start exited with status $?)"
check_log "$LOG"

say "6/6 npm start again, then SIGKILL to the app's node process alone; the emulator gone and its port free within ${STOP_SECONDS} s"
start_app 2
if wait_ready "${SMOKE_READY_SECONDS:-120}"; then
  TIMES+=("second start $READY_AFTER s")
  check_log "$LOG"
  APP=$(procs find "$TMP" dist/server/start.js) EMU=$(procs find "$TMP" dist/emulator/main.js)
  [ "$(wc -w <<<"$APP")" = 1 ] && [ "$(wc -w <<<"$EMU")" = 1 ] ||
    die "expected one app and one emulator node process, found app: ${APP:-none}, emulator: ${EMU:-none}"
  say "SIGKILL to the app's node process (pid $APP); the emulator is pid $EMU"
  if stop_within KILL "$APP" "$EMU"; then
    say "✓ the emulator is gone and both ports free after $TOOK s"
  else
    fail "the emulator outlived the app's SIGKILL: $TOOK"
    tail_log "$LOG" 15
  fi
fi
kill -KILL -- "-$PGID" 2>/dev/null
kill_leftovers || fail "the clone's processes or ports could not be cleared"

say "times: $(IFS=';'; echo "${TIMES[*]}" | sed 's/;/, /g')"
if [ ${#FAILED[@]} -gt 0 ]; then
  say "FAILED (${#FAILED[@]}):"
  for f in "${FAILED[@]}"; do say "  - $f"; done
  exit 1
fi
say "passed"
