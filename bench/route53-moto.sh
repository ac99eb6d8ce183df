#!/usr/bin/env bash
# Times listing a Route 53 hosted zone of N record sets (default 10,000) from moto
# (../shared/peers/moto, see its README for the Debian packages) with `zonegate snapshot`.
# Starts moto on a free port of 127.0.0.1, fills the zone with boto3, runs the snapshot
# RUNS times (default 3) and stops moto. Usage: bench/route53-moto.sh JAR|LAUNCHER [N] [RUNS]
set -euo pipefail
jar=$(realpath "$1") n=${2:-10000} runs=${3:-3}
# JAR is a jar (run with java -jar) or a launcher such as target/zonegate.
case $jar in *.jar) zg=(java -jar "$jar") ;; *) zg=("$jar") ;; esac
moto=$(realpath "$(dirname "$0")/../../shared/peers/moto")
work=$(mktemp -d)
port=$(/usr/bin/python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
"$moto/bin/moto-server" "$port" > "$work/moto.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null; rm -rf "$work"' EXIT
for _ in $(seq 1 100); do
  curl -s -o /dev/null -X POST "http://127.0.0.1:$port/moto-api/reset" && break
  sleep 0.1
done
export AWS_ACCESS_KEY_ID=bench AWS_SECRET_ACCESS_KEY=bench AWS_EC2_METADATA_DISABLED=true
zone=$(/usr/bin/python3 - "$port" "$n" <<'PY'
import sys, boto3
port, n = sys.argv[1], int(sys.argv[2])
c = boto3.client("route53", endpoint_url=f"http://127.0.0.1:{port}", region_name="us-east-1")
z = c.create_hosted_zone(Name="bench.example.", CallerReference="bench")["HostedZone"]["Id"].split("/")[-1]
changes = []
def flush():
    if changes:
        c.change_resource_record_sets(HostedZoneId=z, ChangeBatch={"Changes": changes})
        changes.clear()
made, i = 0, 0
while made < n - 2:  # with the SOA and NS sets, n record sets
    if i % 10 == 0 and made + 2 <= n - 2:  # every tenth name a weighted pair, the rest plain
        for sid, w in (("blue", 10), ("green", 90)):
            changes.append({"Action": "CREATE", "ResourceRecordSet": {"Name": f"w{i}.bench.example.", "Type": "A",
                "SetIdentifier": sid, "Weight": w, "TTL": 60, "ResourceRecords": [{"Value": f"52.1.{i // 250 % 250}.{i % 250 + 1}"}]}})
        made += 2
    else:
        changes.append({"Action": "CREATE", "ResourceRecordSet": {"Name": f"h{i}.bench.example.", "Type": "A",
            "TTL": 300, "ResourceRecords": [{"Value": f"52.0.{i // 250 % 250}.{i % 250 + 1}"}]}})
        made += 1
    i += 1
    if len(changes) >= 998:
        flush()
flush()
print(z)
PY
)
mkdir -p "$work/repo/zones"
printf 'zones:\n  - name: bench.example.\n    file: zones/bench.example.json\n    live:\n      route53:\n        hostedZoneId: %s\n        endpoint: "http://127.0.0.1:%s"\n        timeout: 60\n' \
  "$zone" "$port" > "$work/repo/zonegate.yaml"
echo '[]' > "$work/repo/zones/bench.example.json"
# The yardstick: botocore (the AWS CLI's library) listing the same zone, 300 sets a page.
start=$(date +%s.%N)
sets=$(/usr/bin/python3 "$(dirname "$0")/../src/test/python/route53_export.py" "http://127.0.0.1:$port" "$zone" 300 | grep -c '"Name"' || true)
end=$(date +%s.%N)
echo "botocore: $sets names listed (record sets and alias targets), $(echo "$end - $start" | bc) s wall"
for r in $(seq 1 "$runs"); do
  start=$(date +%s.%N)
  ZONEGATE_TIMINGS=1 "${zg[@]}" snapshot --repo "$work/repo" --zone bench.example -o "$work/snap.zone" 2> "$work/err"
  end=$(date +%s.%N)
  echo "zonegate run $r: $(head -1 "$work/snap.zone" | cut -d, -f2), $(echo "$end - $start" | bc) s wall; $(grep timings "$work/err" || true)"
done
