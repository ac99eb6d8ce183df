#!/usr/bin/env bash
# Times one zonegate command line on two builds, alternating runs (before, after, before, ...) so
# that a machine whose speed drifts slows both alike. Prints each side's median wall time and the
# median of the after/before ratios taken pair by pair. Usage:
#   bench/ab.sh BEFORE AFTER RUNS ARGS...
# where BEFORE and AFTER are zonegate launchers (target/zonegate of two builds: copy one aside
# with its jar before rebuilding) or jars, and ARGS the command line, e.g.
#   bench/ab.sh /tmp/old/zonegate target/zonegate 11 diff bench/out/a-100000.zone bench/out/b-100000.zone --format json
# Exit codes 0 (pass) and 1 (block) count; any other (2: the gate could not decide) stops it, so
# a broken command line is never timed. The pre-push hook, which needs a repository and its
# input, has its own script: bench/hook-ab.sh.
set -euo pipefail
before=$1 after=$2 runs=$3
shift 3
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cmd() {
  case $1 in
    *.jar) echo java -jar "$1" ;;
    *) echo "$1" ;;
  esac
}
one() { # SIDE: runs it once, appends its wall seconds to $work/SIDE
  local side=$1 zg
  shift
  zg=$(cmd "${!side}")
  local start=$EPOCHREALTIME rc=0
  # shellcheck disable=SC2086 # zg is "java -jar X" or a path
  $zg "$@" > /dev/null 2> "$work/err" || rc=$?
  local end=$EPOCHREALTIME
  [ "$rc" -le 1 ] || { echo "ab: $side exited $rc: $(tail -2 "$work/err")" >&2; exit 1; }
  echo "$start $end" | awk '{printf "%.4f\n", $2 - $1}' >> "$work/$side"
}
for side in before after; do one "$side" "$@"; done # not counted: each side's first run (it may write its class-data archive)
: > "$work/before"; : > "$work/after"
for _ in $(seq "$runs"); do
  one before "$@"
  one after "$@"
done
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
printf 'before median %.3f s wall over %d runs\n' "$(median < "$work/before")" "$runs"
printf 'after  median %.3f s wall over %d runs\n' "$(median < "$work/after")" "$runs"
printf 'after/before, median of the pairs: %.3f\n' "$(paste "$work/after" "$work/before" | awk '{print $1 / $2}' | median)"
