#!/bin/sh
# Run by `mvn package` after the jar is shaded: puts the launcher beside target/zonegate.jar and
# runs it once on the demo, so it makes its class-data archive (the classes a diff, the rules and
# the JSON and text reports load; see the launcher). Usage: package.sh TARGET_DIR
set -eu
target=$1
cp src/main/dist/zonegate "$target/zonegate"
chmod 755 "$target/zonegate"
rm -f "$target/zonegate.jsa" "$target/zonegate.jsa.key"
# The demo change is blocked on purpose: exit 1 is the expected verdict, anything else is a bug.
rc=0
"$target/zonegate" diff testdata/demo/live.zone testdata/demo/proposed.zone \
  --format json --format text --out "$target/.cds-training" > /dev/null || rc=$?
rm -rf "$target/.cds-training"
if [ "$rc" -ne 1 ]; then
  echo "package.sh: the training run on the demo exited $rc (expected 1, blocked)" >&2
  exit 1
fi
