#!/usr/bin/env bash
# Sets up the "one zone changed among many" `check` benchmark: DIR/repo with ZONES zones (default
# 1,000) of SIZE records each (default 1,000: NS pair, then A records), all committed, then one
# commit on top changing one line of one zone. `check --base HEAD~1` then has to read only that
# zone's two versions, whatever the repository's size. Usage: bench/check-many.sh DIR [ZONES] [SIZE]
set -euo pipefail
dir=$1 zones=${2:-1000} size=${3:-1000}
rm -rf "$dir" && mkdir -p "$dir/repo/zones"
cd "$dir/repo"
export GIT_AUTHOR_NAME=bench GIT_AUTHOR_EMAIL=bench@example.invalid
export GIT_COMMITTER_NAME=bench GIT_COMMITTER_EMAIL=bench@example.invalid
git init -q -b main
awk -v zones="$zones" -v size="$size" 'BEGIN {
  print "zones:" > "zonegate.yaml"
  for (z = 1; z <= zones; z++) {
    f = sprintf("zones/z%d.example.zone", z)
    printf "  - name: z%d.example.\n    file: %s\n", z, f >> "zonegate.yaml"
    printf "$ORIGIN z%d.example.\n$TTL 3600\n@ SOA ns1.example.net. hostmaster.z%d.example. 1 7200 900 1209600 300\n", z, z > f
    print "@ NS ns1.example.net.\n@ NS ns2.example.org." >> f
    for (i = 1; i <= size - 3; i++) printf "h%d A 52.%d.%d.%d\n", i, z % 200, int(i / 250), i % 250 + 1 >> f
    close(f)
  }
}'
git add -A && git commit -q -m "zones"
z=$(( (zones + 1) / 2 ))
sed -i 's/^h10 A .*/h10 A 52.9.9.9/; s/ 1 7200 900/ 2 7200 900/' "zones/z$z.example.zone"
git commit -q -am "one line of one zone, and its serial"
