#!/usr/bin/env bash
# zonegate's benchmark: zonegate beside the reference tools on the same generated input, in the
# same run. Usage: bench/run.sh [SIZES...]   (default: 10000 100000 1000000)
# Needs: java, /usr/bin/time, and for the reference rows ldns-compare-zones (ldnsutils),
# named-checkzone (bind9-utils), kzonecheck (knot-dnssecutils), git. It installs nothing; a
# missing tool's rows say so. Each row: median of RUNS alternating runs, wall seconds and peak
# RSS (MiB).
set -euo pipefail
cd "$(dirname "$0")/.."
SIZES=("${@:-10000 100000 1000000}")
read -r -a SIZES <<< "${SIZES[*]}"
RUNS=${RUNS:-5}
OUT=bench/out
mkdir -p "$OUT"
JAR=target/zonegate.jar
[ -f "$JAR" ] || mvn -q -DskipTests package
JAVA=${JAVA:-java}

have() { command -v "$1" >/dev/null 2>&1; }
[ -x /usr/bin/time ] || { echo "bench: /usr/bin/time is missing (apt-get install time)" >&2; exit 2; }
for t in ldns-compare-zones named-checkzone kzonecheck git; do
  have "$t" || echo "bench: $t is missing; its rows are skipped" >&2
done

# measure NAME CMD... : runs once, appends "wall rss_kib" to $OUT/NAME.times
measure() {
  local name=$1; shift
  /usr/bin/time -f "%e %M" -o "$OUT/.t" "$@" > /dev/null 2> "$OUT/.err" || {
    local rc=$?
    # ldns-compare-zones and zonegate exit non-zero when zones differ or a change blocks.
    [ "$rc" -le 2 ] || { echo "bench: $name failed ($rc): $(tail -2 "$OUT/.err")" >&2; return 1; }
  }
  tail -1 "$OUT/.t" >> "$OUT/$name.times"
}

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

row() {
  local name=$1 label=$2 job=$3 size=$4
  if [ ! -s "$OUT/$name.times" ]; then
    printf '| %-26s | %-32s | %9s | %10s | %10s |\n' "$label" "$job" "$size" "-" "-"
    return
  fi
  local wall rss
  wall=$(awk '{print $1}' "$OUT/$name.times" | median)
  rss=$(awk '{print $2}' "$OUT/$name.times" | median)
  printf '| %-26s | %-32s | %9s | %8.2f s | %6.0f MiB |\n' "$label" "$job" "$size" "$wall" "$(echo "$rss / 1024" | bc -l)"
}

rm -f "$OUT"/*.times
for n in "${SIZES[@]}"; do
  [ -f "$OUT/a-$n.zone" ] || $JAVA bench/GenZones.java "$n" "$OUT"
  mkdir -p "$OUT/lint-$n"
  cp "$OUT/a-$n.zone" "$OUT/lint-$n/bench.example.zone"
  printf 'zones:\n  - name: bench.example.\n    file: bench.example.zone\n' > "$OUT/lint-$n/zonegate.yaml"
  for i in $(seq "$RUNS"); do
    measure "zg-diff-$n" $JAVA -jar "$JAR" diff "$OUT/a-$n.zone" "$OUT/b-$n.zone" --format json
    have ldns-compare-zones && measure "ldns-$n" ldns-compare-zones "$OUT/a-$n.zone" "$OUT/b-$n.zone"
    measure "zg-lint-$n" $JAVA -jar "$JAR" lint --repo "$OUT/lint-$n"
    have named-checkzone && measure "ncz-$n" named-checkzone -i local -q bench.example. "$OUT/a-$n.zone"
    have kzonecheck && measure "kzc-$n" kzonecheck -o bench.example. "$OUT/a-$n.zone"
  done
done

if have git; then
  line=$(bench/hook-repo.sh "$OUT/hook" "$JAR")
  for i in $(seq "$RUNS"); do
    # Exactly what git runs for `git push`: the hook with the remote and the ref line on stdin.
    (cd "$OUT/hook/repo" && /usr/bin/time -f "%e %M" -o ../.t sh -c 'printf "%s\n" "$1" | .git/hooks/pre-push origin ../remote.git' _ "$line" > /dev/null 2>&1) || true
    tail -1 "$OUT/hook/.t" >> "$OUT/hook.times"
  done
fi

echo
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB, $($JAVA -version 2>&1 | head -1)"
echo "runs: $RUNS alternating, median; RSS is peak resident set size"
echo
printf '| %-26s | %-32s | %9s | %10s | %10s |\n' tool job records wall "peak RSS"
printf '|%s|%s|%s|%s|%s|\n' "----------------------------" "----------------------------------" "-----------" "------------" "------------"
for n in "${SIZES[@]}"; do
  row "zg-diff-$n" "zonegate diff (rules, json)" "diff the pair" "$n"
  row "ldns-$n" "ldns-compare-zones" "diff the pair" "$n"
  row "zg-lint-$n" "zonegate lint" "load and check one zone" "$n"
  row "ncz-$n" "named-checkzone -i local" "load and check one zone" "$n"
  row "kzc-$n" "kzonecheck" "load and check one zone" "$n"
done
row hook "zonegate pre-push hook" "git push, 10 zones x 1,000, 1 line" 10000
