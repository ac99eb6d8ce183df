#!/bin/sh
# Run by `mvn package` after the jar is shaded: puts the launcher beside target/zonegate.jar and
# makes its AppCDS archive from one training run on the demo (the classes a diff, the rules and
# the JSON and text reports load). Usage: package.sh TARGET_DIR JAVA
set -eu
target=$1
java=$2
cp src/main/dist/zonegate "$target/zonegate"
chmod 755 "$target/zonegate"
rm -f "$target/zonegate.jsa"
# The demo change is blocked on purpose: exit 1 is the expected verdict, anything else is a bug.
rc=0
"$java" -XX:ArchiveClassesAtExit="$target/zonegate.jsa" -Xlog:cds=off -Xlog:cds+dynamic=off \
  -jar "$target/zonegate.jar" diff testdata/demo/live.zone testdata/demo/proposed.zone \
  --format json --format text --out "$target/.cds-training" > /dev/null 2>&1 || rc=$?
rm -rf "$target/.cds-training"
if [ "$rc" -ne 1 ]; then
  echo "package.sh: the training run on the demo exited $rc (expected 1, blocked)" >&2
  exit 1
fi
