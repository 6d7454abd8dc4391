# Helpers for scripts/smoke.sh (sourced): output, time and the state of a process, read from /proc.

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
