# Helpers for scripts/smoke.sh (sourced): output, time, processes and ports, read from /proc and by
# binding the port, so they need nothing a fresh Debian machine lacks.

say() { echo "smoke: $*"; }

# Seconds since $1 (an $EPOCHREALTIME), one decimal.
since() { awk -v a="$1" -v b="$EPOCHREALTIME" 'BEGIN { printf "%.1f", b - a }'; }

# The last lines of a log, each cut to what a CI log shows well.
tail_log() {
  say "--- last ${2:-40} lines of $1 ---"
  tail -n "${2:-40}" "$1" | cut -c1-600 | sed 's/^/  | /'
  say "--- end of $1 ---"
}

# Field n (1-based, after the command name) of /proc/<pid>/stat: 1 state, 2 ppid, 3 process group.
proc_stat() {
  local stat
  stat=$(cat "/proc/$1/stat" 2>/dev/null) || return 1
  local -a f
  read -r -a f <<<"${stat##*) }"
  echo "${f[$(($2 - 1))]}"
}

# Whether the process runs (a zombie waiting to be reaped has ended).
alive() {
  local state
  state=$(proc_stat "$1" 1) || return 1
  [ "$state" != Z ]
}

# "pid command line" of every live process whose working directory or command line is under $1.
procs_under() {
  local p pid cwd cmd
  for p in /proc/[0-9]*; do
    pid=${p#/proc/}
    if [ "$pid" = "$$" ] || [ "$pid" = "$BASHPID" ] || ! alive "$pid"; then continue; fi
    cwd=$(readlink "$p/cwd" 2>/dev/null) || cwd=""
    cmd=$(tr '\0' ' ' 2>/dev/null <"$p/cmdline") || cmd=""
    case "$cwd/ $cmd" in *"$1"/*) echo "$pid $cmd" ;; esac
  done
}

# Whether nothing listens on the port: it can be bound on every address, as `npm start` would need.
port_free() {
  node -e '
    const s = require("net").createServer();
    s.once("error", () => process.exit(1));
    s.listen(Number(process.argv[1]), () => s.close(() => process.exit(0)));' "$1"
}

# A port nothing listens on, from the system's free ones.
free_port() {
  node -e '
    const s = require("net").createServer();
    s.listen(0, () => { process.stdout.write(String(s.address().port)); s.close(); });'
}

# Runs "$@" every 0.2 s until it succeeds (0) or $1 seconds have passed (1).
within() {
  local until
  until=$(awk -v n="$EPOCHREALTIME" -v s="$1" 'BEGIN { printf "%.3f", n + s }')
  shift
  while :; do
    "$@" && return 0
    awk -v n="$EPOCHREALTIME" -v u="$until" 'BEGIN { exit !(n > u) }' && return 1
    sleep 0.2
  done
}

# Whether no process of the clone is left and both ports are free.
all_gone() { [ -z "$(procs_under "$1")" ] && port_free "$2" && port_free "$3"; }
