#!/usr/bin/env bash
# Sets up the many-zones `check` benchmark: DIR/repo with ZONES zones of SIZE records each (the
# generated pair bench/out/a-SIZE.zone and b-SIZE.zone, renamed per zone), the a-files committed,
# then the b-files (~1 % of each zone changed) on top. Usage: bench/check-repo.sh DIR ZONES SIZE
set -euo pipefail
dir=$1 zones=$2 size=$3
src=$(cd "$(dirname "$0")" && pwd)/out
rm -rf "$dir" && mkdir -p "$dir/repo/zones"
cd "$dir/repo"
export GIT_AUTHOR_NAME=bench GIT_AUTHOR_EMAIL=bench@example.invalid
export GIT_COMMITTER_NAME=bench GIT_COMMITTER_EMAIL=bench@example.invalid
git init -q -b main
echo "zones:" > zonegate.yaml
for z in $(seq 1 "$zones"); do
  sed "s/bench\.example\./z$z.example./g" "$src/a-$size.zone" > "zones/z$z.example.zone"
  printf '  - name: z%s.example.\n    file: zones/z%s.example.zone\n' "$z" "$z" >> zonegate.yaml
done
git add -A && git commit -q -m "zones"
for z in $(seq 1 "$zones"); do
  sed "s/bench\.example\./z$z.example./g" "$src/b-$size.zone" > "zones/z$z.example.zone"
done
git commit -q -am "about 1 % of every zone"
