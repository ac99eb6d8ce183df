#!/usr/bin/env bash
# Live state at scale: a real BIND named serves the generated zone (bench/out/a-SIZE.zone) on
# 127.0.0.1 with a TSIG key, and zonegate reads it by AXFR: `snapshot` (the transfer alone) and
# `check` of a repository holding the ~1 % different b-SIZE.zone against it. Median of RUNS.
# Usage: bench/axfr.sh [SIZE]   (default 1000000). Needs named (bind9); installs nothing.
set -euo pipefail
cd "$(dirname "$0")/.."
SIZE=${1:-1000000}
RUNS=${RUNS:-3}
OUT=bench/out
ZG=${ZG:-target/zonegate}
command -v named >/dev/null 2>&1 || [ -x /usr/sbin/named ] || { echo "bench: named is missing (apt-get install bind9)" >&2; exit 2; }
NAMED=$(command -v named || echo /usr/sbin/named)
[ -x "$ZG" ] || mvn -q -DskipTests package
[ -f "$OUT/a-$SIZE.zone" ] || java bench/GenZones.java "$SIZE" "$OUT"
dir=$(realpath "$OUT")/axfr
rm -rf "$dir" && mkdir -p "$dir/repo"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])' 2>/dev/null || echo 5399)
secret=$(head -c 32 /dev/urandom | base64)
cp "$OUT/a-$SIZE.zone" "$dir/live.zone"
cat > "$dir/named.conf" <<CONF
key "gate-key" { algorithm hmac-sha256; secret "$secret"; };
options { directory "$dir"; listen-on port $port { 127.0.0.1; }; listen-on-v6 { none; };
  pid-file "$dir/named.pid"; allow-transfer { key "gate-key"; }; recursion no; };
zone "bench.example." { type primary; file "$dir/live.zone"; };
CONF
"$NAMED" -c "$dir/named.conf" -g -u "$(id -un)" > "$dir/named.log" 2>&1 &
trap 'kill $(cat "$dir/named.pid" 2>/dev/null) 2>/dev/null || true' EXIT
for _ in $(seq 120); do grep -q "all zones loaded" "$dir/named.log" && break; sleep 0.5; done
grep -q "all zones loaded" "$dir/named.log" || { echo "bench: named did not start: $(tail -2 "$dir/named.log")" >&2; exit 2; }
cp "$OUT/b-$SIZE.zone" "$dir/repo/bench.example.zone"
printf 'zones:\n  - name: bench.example.\n    file: bench.example.zone\n    live:\n      axfr: { server: 127.0.0.1, port: %s, timeout: 120, tsig: { name: gate-key, algorithm: hmac-sha256, secretEnv: ZONEGATE_TSIG } }\n' "$port" > "$dir/repo/zonegate.yaml"
(cd "$dir/repo" && git init -q -b main && git add -A && git -c user.name=bench -c user.email=bench@example.invalid commit -qm zones)
export ZONEGATE_TSIG=$secret
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
: > "$dir/snapshot.times"; : > "$dir/check.times"
for _ in $(seq "$RUNS"); do
  /usr/bin/time -f "%e %M" -o "$dir/.t" "$ZG" snapshot --repo "$dir/repo" --zone bench.example. -o "$dir/snapshot.zone" > /dev/null
  cat "$dir/.t" >> "$dir/snapshot.times"
  /usr/bin/time -f "%e %M" -o "$dir/.t" "$ZG" check --repo "$dir/repo" --base HEAD --all-zones --format json > /dev/null || [ $? -le 1 ]
  tail -1 "$dir/.t" >> "$dir/check.times"
done
for job in snapshot check; do
  printf '| zonegate %-8s | AXFR with TSIG from named | %9s | %6.2f s | %5.0f MiB |\n' "$job" "$SIZE" \
    "$(awk '{print $1}' "$dir/$job.times" | median)" "$(echo "$(awk '{print $2}' "$dir/$job.times" | median) / 1024" | bc -l)"
done
