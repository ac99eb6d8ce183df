#!/usr/bin/env bash
# Times reading a PowerDNS zone of N RRsets (default 10,000) through its HTTP API with
# `zonegate snapshot`, beside octoDNS 1.22 (octodns-powerdns 1.2, ../shared/peers/octodns) dumping
# the same zone with `octodns-dump`. Starts pdns_server (Debian pdns-server,
# pdns-backend-sqlite3) on free ports of 127.0.0.1, fills the zone through the API, runs each
# RUNS times (default 3) and stops pdns. Usage: bench/powerdns.sh JAR|LAUNCHER [N] [RUNS]
set -euo pipefail
jar=$(realpath "$1") n=${2:-10000} runs=${3:-3}
# JAR is a jar (run with java -jar) or a launcher such as target/zonegate.
case $jar in *.jar) zg=(java -jar "$jar") ;; *) zg=("$jar") ;; esac
octodns=$(realpath "$(dirname "$0")/../../shared/peers/octodns")
pdns=$(command -v pdns_server || echo /usr/sbin/pdns_server)
work=$(mktemp -d)
free() { /usr/bin/python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
api=$(free) dns=$(free) key=bench-key-$RANDOM$RANDOM
sqlite3 "$work/pdns.sqlite3" < /usr/share/doc/pdns-backend-sqlite3/schema.sqlite3.sql
cat > "$work/pdns.conf" <<CONF
launch=gsqlite3
gsqlite3-database=$work/pdns.sqlite3
api=yes
api-key=$key
webserver=yes
webserver-address=127.0.0.1
webserver-port=$api
webserver-allow-from=127.0.0.1
webserver-max-bodysize=64
local-address=127.0.0.1
local-port=$dns
daemon=no
guardian=no
socket-dir=$work
disable-syslog=yes
security-poll-suffix=
CONF
"$pdns" --config-dir="$work" > "$work/pdns.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null || true; rm -rf "$work"' EXIT
url="http://127.0.0.1:$api"
for _ in $(seq 1 100); do
  curl -sf -o /dev/null -H "X-API-Key: $key" "$url/api/v1/servers/localhost" && break
  sleep 0.1
done
/usr/bin/python3 - "$n" > "$work/zone.json" <<'PY'
import json, sys
n = int(sys.argv[1])
sets = [{"name": "bench.example.", "type": "NS", "ttl": 3600, "changetype": "REPLACE",
         "records": [{"content": "ns1.example.net.", "disabled": False}, {"content": "ns2.example.org.", "disabled": False}]}]
for i in range(n - 2):  # with the SOA and NS sets, n RRsets
    sets.append({"name": f"h{i}.bench.example.", "type": "A", "ttl": 300, "changetype": "REPLACE",
                 "records": [{"content": f"52.0.{i // 250 % 250}.{i % 250 + 1}", "disabled": False}]})
print(json.dumps({"name": "bench.example.", "kind": "Native", "nameservers": [],
                  "rrsets": [{k: v for k, v in s.items() if k != "changetype"} for s in sets]}))
PY
curl -sf -o /dev/null -H "X-API-Key: $key" -H 'Content-Type: application/json' --data-binary @"$work/zone.json" \
  "$url/api/v1/servers/localhost/zones"
export BENCH_PDNS_KEY=$key
mkdir -p "$work/repo/zones" "$work/dump"
printf 'zones:\n  - name: bench.example.\n    file: zones/bench.example.zone\n    live:\n      powerdns:\n        url: "%s"\n        apiKeyEnv: BENCH_PDNS_KEY\n        timeout: 60\n' \
  "$url" > "$work/repo/zonegate.yaml"
printf 'providers:\n  pdns:\n    class: octodns_powerdns.PowerDnsProvider\n    host: 127.0.0.1\n    port: %s\n    api_key: env/BENCH_PDNS_KEY\n  dump:\n    class: octodns.provider.yaml.YamlProvider\n    directory: %s\nzones:\n  bench.example.:\n    sources: [pdns]\n    targets: [dump]\n' \
  "$api" "$work/dump" > "$work/octodns.yaml"
start=$(date +%s.%N)
curl -sf -o "$work/api.json" -H "X-API-Key: $key" "$url/api/v1/servers/localhost/zones/bench.example."
end=$(date +%s.%N)
echo "curl of the zone from the API: $(wc -c < "$work/api.json") bytes, $(echo "$end - $start" | bc) s wall"
for r in $(seq 1 "$runs"); do
  start=$(date +%s.%N)
  "$octodns/bin/octodns-dump" --config-file "$work/octodns.yaml" --output-dir "$work/dump" bench.example. pdns > "$work/octo.log" 2>&1
  end=$(date +%s.%N)
  echo "octodns-dump run $r: $(grep -c '^[^ -]' "$work/dump/bench.example.yaml" || true) names, $(echo "$end - $start" | bc) s wall"
  start=$(date +%s.%N)
  ZONEGATE_TIMINGS=1 "${zg[@]}" snapshot --repo "$work/repo" --zone bench.example -o "$work/snap.zone" 2> "$work/err"
  end=$(date +%s.%N)
  echo "zonegate snapshot run $r: $(grep -vc '^\$' "$work/snap.zone") records, $(echo "$end - $start" | bc) s wall; $(grep timings "$work/err" || true)"
done
