#!/usr/bin/env bash
# Step 3 of scripts/smoke.sh: README's control-API example as a person pastes it into a terminal, one
# command at a time with a pause between them, all in this one bash session (so E=..., ADELE=... carry
# over). Usage: paste-block.sh <dir of 01.sh, 02.sh, ...> <file collecting what they print> <pause s>
#
# A command succeeds when it exits 0 (pipefail: every stage of a pipe counts), none of its curls got
# an HTTP error status, a command that starts with curl printed JSON (nothing only for a 204), and a
# command that assigns a variable left it non-empty (not "undefined" or "null", which is what a node -pe
# prints when the lookup found nothing). The first command that fails ends the example: a person would
# stop there too. The helper's own variables start with __smoke so that README's cannot clash with them.
set -o pipefail
__smoke_dir=$1 __smoke_printed=$2 __smoke_pause=${3:-1.5}
__smoke_tmp=$(mktemp -d)
__smoke_hdrs=$__smoke_tmp/headers __smoke_out=$__smoke_tmp/out __smoke_err=$__smoke_tmp/err
mkdir "$__smoke_hdrs"
trap 'rm -rf "$__smoke_tmp"' EXIT
: >"$__smoke_printed"

# Every curl the example runs also writes its response headers aside, so the status can be judged
# without changing what curl prints or how it exits.
curl() { command curl -D "$__smoke_hdrs/$(date +%s%N).$BASHPID" "$@"; }

__smoke_statuses() { # the final status of every response since the last command, one per line
  local f
  for f in "$__smoke_hdrs"/*; do
    [ -e "$f" ] || continue
    grep -E '^HTTP/[0-9.]+ [0-9]{3}' "$f" | tail -1 | awk '{print $2}'
  done
}

__smoke_show() { # indented, trimmed to what fits a CI log
  local text
  text=$(head -c 600 "$1")
  [ -n "$text" ] && printf '%s\n' "$text" | sed 's/^/smoke:       /'
}

__smoke_n=0
for __smoke_file in "$__smoke_dir"/*.sh; do
  __smoke_n=$((__smoke_n + 1))
  __smoke_cmd=$(<"$__smoke_file")
  [ "$__smoke_n" -gt 1 ] && sleep "$__smoke_pause"
  printf '%s\n' "$__smoke_cmd" | sed '1s/^/smoke:   $ /; 2,$s/^/smoke:     /'
  rm -f "$__smoke_hdrs"/*
  eval "$__smoke_cmd" >"$__smoke_out" 2>"$__smoke_err"
  __smoke_rc=$?
  __smoke_show "$__smoke_out"
  __smoke_show "$__smoke_err"
  cat "$__smoke_out" >>"$__smoke_printed"
  echo >>"$__smoke_printed"
  __smoke_why=""
  __smoke_codes=$(__smoke_statuses | tr '\n' ' ')
  if [ "$__smoke_rc" -ne 0 ]; then
    __smoke_why="it exited with status $__smoke_rc"
    [ "$__smoke_rc" -eq 7 ] && __smoke_why="$__smoke_why (curl: could not connect)"
  elif [[ " $__smoke_codes" =~ \ [45][0-9][0-9] ]]; then
    __smoke_why="an HTTP request answered ${__smoke_codes% }"
  elif [[ "$__smoke_cmd" =~ ^[[:space:]]*curl[[:space:]] ]]; then
    if [ -s "$__smoke_out" ]; then
      node -e 'JSON.parse(require("fs").readFileSync(0, "utf8"))' <"$__smoke_out" 2>/dev/null ||
        __smoke_why="it printed something that is not JSON"
    elif [[ ! " $__smoke_codes" =~ \ 204 ]]; then
      __smoke_why="it printed nothing (HTTP ${__smoke_codes:-no response})"
    fi
  elif [[ "$__smoke_cmd" =~ ^[[:space:]]*([A-Za-z_][A-Za-z0-9_]*)= ]]; then
    __smoke_var=${BASH_REMATCH[1]}
    case "${!__smoke_var}" in
      "" | undefined | null) __smoke_why="it left $__smoke_var as \"${!__smoke_var}\"" ;;
    esac
  fi
  if [ -n "$__smoke_why" ]; then
    echo "smoke:   ✗ README's control-API command $__smoke_n failed: $__smoke_why"
    exit 1
  fi
done
echo "smoke:   ✓ all $__smoke_n commands succeeded"
