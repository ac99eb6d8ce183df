#!/bin/sh
# Run by `mvn package` after the jar is shaded: puts the launcher beside target/zonegate.jar and
# runs it once on the demo, so it makes its class-data archive (see the launcher). The training
# run is a `check` of the demo change committed to a scratch git repository: it loads what a
# pre-push hook and a CI check load (JGit, the config and its schema, the rules, the JSON and text
# reports), a superset of what a `diff` loads. Without git it is a `diff` of the demo files.
# Usage: package.sh TARGET_DIR
set -eu
target=$1
cp src/main/dist/zonegate "$target/zonegate"
chmod 755 "$target/zonegate"
rm -f "$target/zonegate.jsa" "$target/zonegate.jsa.key" "$target/zonegate-hook.jsa" "$target/zonegate-hook.jsa.key"
training="$target/.cds-training"
rm -rf "$training"
mkdir -p "$training/out"
# The demo change is blocked on purpose: exit 1 is the expected verdict, anything else is a bug.
rc=0
if command -v git > /dev/null 2>&1; then
  repo="$training/repo"
  mkdir -p "$repo"
  printf 'zones:\n  - name: example.com.\n    file: example.com.zone\n' > "$repo/zonegate.yaml"
  cp testdata/demo/live.zone "$repo/example.com.zone"
  g() { git -C "$repo" -c user.name=zonegate-build -c user.email=build@zonegate.invalid -c commit.gpgsign=false "$@"; }
  g init -q
  g add -A && g commit -q -m base
  cp testdata/demo/proposed.zone "$repo/example.com.zone"
  g commit -q -am head
  "$target/zonegate" check --repo "$repo" --base HEAD~1 \
    --format json --format text --out "$training/out" > /dev/null || rc=$?
else
  "$target/zonegate" diff testdata/demo/live.zone testdata/demo/proposed.zone \
    --format json --format text --out "$training/out" > /dev/null || rc=$?
fi
rm -rf "$training"
if [ "$rc" -ne 1 ]; then
  echo "package.sh: the training run on the demo exited $rc (expected 1, blocked)" >&2
  exit 1
fi
