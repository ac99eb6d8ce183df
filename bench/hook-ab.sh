#!/usr/bin/env bash
# Times the pre-push hook of two builds on the same push, alternating runs: git push of one
# changed line over 10 zones x 1,000 records (bench/hook-repo.sh), RUNS times each (default 11).
# Prints the median wall time and peak RSS of each. Usage: bench/hook-ab.sh BEFORE AFTER [RUNS]
# where each side is a jar (the hook runs a copy in .git/zonegate) or an installed launcher
# (bin/zonegate of an unpacked release: the hook runs it from the PATH); see hook-repo.sh.
set -euo pipefail
before=$(realpath "$1") after=$(realpath "$2") runs=${3:-11}
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
declare -A line
for side in before after; do
  jar=$before; [ "$side" = after ] && jar=$after
  line[$side]=$("$here/hook-repo.sh" "$work/$side" "$jar")
done
for r in $(seq 1 "$runs"); do
  for side in before after; do
    (cd "$work/$side/repo" && /usr/bin/time -f "%e %M" -o ../.t sh -c 'printf "%s\n" "$1" | .git/hooks/pre-push origin ../remote.git' _ "${line[$side]}" > /dev/null 2>&1) || true
    tail -1 "$work/$side/.t" >> "$work/$side.times"
  done
done
for side in before after; do
  sort -n "$work/$side.times" | awk -v s="$side" '{t[NR]=$1; if ($2>m) m=$2} END {printf "%-6s median %.3f s wall over %d runs, peak RSS %d MiB\n", s, t[int((NR+1)/2)], NR, m/1024}'
done
