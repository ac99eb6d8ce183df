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
OUT=$(pwd)/bench/out
mkdir -p "$OUT"
[ -x target/zonegate ] || mvn -q -DskipTests package
JAVA=${JAVA:-java}
# zonegate runs as users run it, in two installs that differ only in their Java:
#   zg:  the release, target/zonegate-VERSION.tar.gz unpacked into bench/out/release: its launcher
#        on its own runtime, which the build makes from the newest JDK at hand (ZG=... measures
#        another command line instead);
#   zgb: the build's launcher target/zonegate on $JAVA, the java on the PATH (ZG_BUILD=... another
#        command line, ZG_BUILD= none).
# Each starts from the class-data archive its launcher keeps (see src/main/dist/zonegate), made by
# one untimed run before the timed ones: a `check` of a changed zone, as `mvn package` trains
# target/zonegate's (its archive then holds what a check, a diff or a lint load), and one push
# for the hook's own archive.
if [ -z "${ZG:-}" ]; then
  rm -rf "$OUT/release" && mkdir -p "$OUT/release"
  tar -xzf target/zonegate-*.tar.gz -C "$OUT/release"
  ZG=$(echo "$OUT"/release/zonegate-*/bin/zonegate)
fi
declare -A CMD JV
CMD[zg]=$ZG
VARIANTS=(zg)
if [ -n "${ZG_BUILD-target/zonegate}" ]; then
  CMD[zgb]=${ZG_BUILD-target/zonegate}
  VARIANTS+=(zgb)
fi
# The Java a variant runs on: the release's runtime, else $JAVA.
java_of() {
  local runtime
  runtime="$(dirname "$1")/../runtime/bin/java"
  if [ -x "$runtime" ]; then "$runtime" -version 2>&1; else $JAVA -version 2>&1; fi | head -1 | sed 's/.*version "\([0-9]*\).*/Java \1/'
}
for v in "${VARIANTS[@]}"; do
  read -r -a z <<< "${CMD[$v]}"
  JV[$v]=$(java_of "${z[0]}")
done

have() { command -v "$1" >/dev/null 2>&1; }
[ -x /usr/bin/time ] || { echo "bench: /usr/bin/time is missing (apt-get install time)" >&2; exit 2; }
for t in ldns-compare-zones named-checkzone kzonecheck git; do
  have "$t" || echo "bench: $t is missing; its rows are skipped" >&2
done

# measure NAME CMD... : runs once, appends "wall rss_kib cpu" to $OUT/NAME.times (cpu: user+sys)
measure() {
  local name=$1; shift
  /usr/bin/time -f "%e %M %U %S" -o "$OUT/.t" "$@" > /dev/null 2> "$OUT/.err" || {
    local rc=$?
    # ldns-compare-zones and zonegate exit non-zero when zones differ or a change blocks.
    [ "$rc" -le 2 ] || { echo "bench: $name failed ($rc): $(tail -2 "$OUT/.err")" >&2; return 1; }
  }
  tail -1 "$OUT/.t" | awk '{printf "%s %s %.2f\n", $1, $2, $3 + $4}' >> "$OUT/$name.times"
}

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

row() {
  local name=$1 label=$2 java=$3 job=$4 size=$5
  if [ ! -s "$OUT/$name.times" ]; then
    printf '| %-30s | %-12s | %-36s | %9s | %10s | %10s | %10s |\n' "$label" "$java" "$job" "$size" "-" "-" "-"
    return
  fi
  local wall rss cpu
  wall=$(awk '{print $1}' "$OUT/$name.times" | median)
  rss=$(awk '{print $2}' "$OUT/$name.times" | median)
  cpu=$(awk '{print $3}' "$OUT/$name.times" | median)
  printf '| %-30s | %-12s | %-36s | %9s | %8.2f s | %8.2f s | %6.0f MiB |\n' "$label" "$java" "$job" "$size" "$wall" "$cpu" "$(echo "$rss / 1024" | bc -l)"
}

rm -f "$OUT"/*.times

# One zone changed among many (bench/check-many.sh); set up first: its check is the untimed run
# that makes each variant's archive.
MANY_ZONES=${MANY_ZONES:-1000}
if have git; then
  bench/check-many.sh "$OUT/many" "$MANY_ZONES" 1000
  for v in "${VARIANTS[@]}"; do
    read -r -a z <<< "${CMD[$v]}"
    "${z[@]}" check --repo "$OUT/many/repo" --base HEAD~1 --format json > /dev/null 2>&1 || true
  done
fi

for n in "${SIZES[@]}"; do
  [ -f "$OUT/a-$n.zone" ] || $JAVA bench/GenZones.java "$n" "$OUT"
  mkdir -p "$OUT/lint-$n"
  cp "$OUT/a-$n.zone" "$OUT/lint-$n/bench.example.zone"
  printf 'zones:\n  - name: bench.example.\n    file: bench.example.zone\n' > "$OUT/lint-$n/zonegate.yaml"
  for i in $(seq "$RUNS"); do
    for v in "${VARIANTS[@]}"; do
      read -r -a z <<< "${CMD[$v]}"
      measure "$v-diff-$n" "${z[@]}" diff "$OUT/a-$n.zone" "$OUT/b-$n.zone" --format json
      measure "$v-lint-$n" "${z[@]}" lint --repo "$OUT/lint-$n"
    done
    have ldns-compare-zones && measure "ldns-$n" ldns-compare-zones "$OUT/a-$n.zone" "$OUT/b-$n.zone"
    have named-checkzone && measure "ncz-$n" named-checkzone -i local -q bench.example. "$OUT/a-$n.zone"
    have kzonecheck && measure "kzc-$n" kzonecheck -o bench.example. "$OUT/a-$n.zone"
  done
done

if have git; then
  # The hook as `hook install` writes it for a zonegate on the PATH: it runs the launcher (which
  # keeps the hook's own archive, made by the first, untimed push).
  declare -A line
  for v in "${VARIANTS[@]}"; do
    read -r -a z <<< "${CMD[$v]}"
    line[$v]=$(bench/hook-repo.sh "$OUT/hook-$v" "${z[0]}")
  done
  # Exactly what git runs for `git push`: the hook with the remote and the ref line on stdin.
  push() {
    (cd "$OUT/hook-$1/repo" && /usr/bin/time -f "%e %M %U %S" -o ../.t \
      sh -c 'printf "%s\n" "$1" | .git/hooks/pre-push origin ../remote.git' _ "${line[$1]}" > /dev/null 2>&1) || true
  }
  for v in "${VARIANTS[@]}"; do push "$v"; done
  for i in $(seq "$RUNS"); do
    for v in "${VARIANTS[@]}"; do
      push "$v"
      tail -1 "$OUT/hook-$v/.t" | awk '{printf "%s %s %.2f\n", $1, $2, $3 + $4}' >> "$OUT/$v-hook.times"
    done
    # The floor: git's own look at the same commit.
    (cd "$OUT/hook-zg/repo" && measure git-diff-stat git diff --stat HEAD~1)
  done
fi

# `check` where one zone of many changed: only that zone's two versions are read.
if have git; then
  for i in $(seq "$RUNS"); do
    for v in "${VARIANTS[@]}"; do
      read -r -a z <<< "${CMD[$v]}"
      measure "$v-check-many" "${z[@]}" check --repo "$OUT/many/repo" --base HEAD~1 --format json
    done
  done
fi

# `check` on many zones: every zone changed, so every zone is read at base and head and judged.
# The same run pinned to one core (taskset) shows what the second core buys.
CHECK_ZONES=${CHECK_ZONES:-6}
CHECK_SIZE=${CHECK_SIZE:-100000}
if have git; then
  [ -f "$OUT/a-$CHECK_SIZE.zone" ] || $JAVA bench/GenZones.java "$CHECK_SIZE" "$OUT"
  bench/check-repo.sh "$OUT/check" "$CHECK_ZONES" "$CHECK_SIZE"
  for i in $(seq "$RUNS"); do
    for v in "${VARIANTS[@]}"; do
      read -r -a z <<< "${CMD[$v]}"
      measure "$v-check" "${z[@]}" check --repo "$OUT/check/repo" --base HEAD~1 --format json
    done
    read -r -a z <<< "${CMD[zg]}"
    have taskset && measure zg-check-1 taskset -c 0 "${z[@]}" check --repo "$OUT/check/repo" --base HEAD~1 --format json
  done
fi

echo
cpu=$(awk -F': ' '/model name/{print $2; exit}' /proc/cpuinfo 2>/dev/null || true)
echo "machine: $(nproc) cores${cpu:+ ($cpu)}, $(free -g | awk '/Mem:/{print $2}') GiB"
for v in "${VARIANTS[@]}"; do
  echo "zonegate on ${JV[$v]}: ${CMD[$v]}"
done
echo "runs: $RUNS alternating, median; RSS is peak resident set size"
echo
printf '| %-30s | %-12s | %-36s | %9s | %10s | %10s | %10s |\n' tool java job records wall "CPU" "peak RSS"
printf '|%s|%s|%s|%s|%s|%s|%s|\n' "--------------------------------" "--------------" "--------------------------------------" "-----------" "------------" "------------" "------------"
for n in "${SIZES[@]}"; do
  for v in "${VARIANTS[@]}"; do row "$v-diff-$n" "zonegate diff (rules, json)" "${JV[$v]}" "diff the pair" "$n"; done
  row "ldns-$n" "ldns-compare-zones" "" "diff the pair" "$n"
  for v in "${VARIANTS[@]}"; do row "$v-lint-$n" "zonegate lint" "${JV[$v]}" "load and check one zone" "$n"; done
  row "ncz-$n" "named-checkzone -i local" "" "load and check one zone" "$n"
  row "kzc-$n" "kzonecheck" "" "load and check one zone" "$n"
done
for v in "${VARIANTS[@]}"; do row "$v-hook" "zonegate pre-push hook" "${JV[$v]}" "git push, 10 zones x 1,000, 1 line" 10000; done
row git-diff-stat "git diff --stat HEAD~1 (floor)" "" "the same commit" 10000
for v in "${VARIANTS[@]}"; do
  row "$v-check-many" "zonegate check, $(nproc) cores" "${JV[$v]}" "1 of $MANY_ZONES zones x 1,000 changed" $((MANY_ZONES * 1000))
done
for v in "${VARIANTS[@]}"; do
  row "$v-check" "zonegate check, $(nproc) cores" "${JV[$v]}" "$CHECK_ZONES zones changed, base and head" $((CHECK_ZONES * CHECK_SIZE))
done
row zg-check-1 "zonegate check, 1 core (taskset)" "${JV[zg]}" "$CHECK_ZONES zones changed, base and head" $((CHECK_ZONES * CHECK_SIZE))

# Provider listings of a 10,000-record zone, split into the time spent waiting for the API and the
# rest (ZONEGATE_TIMINGS: live [api, sdk]). Each needs its server; without it, it says so.
if [ -z "${SKIP_PROVIDERS:-}" ]; then
  echo
  if command -v pdns_server > /dev/null 2>&1 || [ -x /usr/sbin/pdns_server ]; then
    echo "PowerDNS (bench/powerdns.sh $ZG 10000 $RUNS):"
    bench/powerdns.sh "$ZG" 10000 "$RUNS" | sed 's/^/  /'
  else
    echo "PowerDNS: pdns_server is missing (pdns-server, pdns-backend-sqlite3); skipped"
  fi
  if [ -x ../shared/peers/moto/bin/moto-server ]; then
    echo "Route 53 on moto (bench/route53-moto.sh $ZG 10000 $RUNS):"
    bench/route53-moto.sh "$ZG" 10000 "$RUNS" | sed 's/^/  /'
  else
    echo "Route 53: the moto peer is missing; skipped"
  fi
fi
