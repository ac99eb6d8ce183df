#!/usr/bin/env bash
# Regression mutants: each *.patch here is a change a review once made to a copy of zonegate that
# the whole suite let through. Its "Killed-by:" line names the test written to catch it. This
# applies each patch to a fresh copy of the working tree and runs that test, which must FAIL; a
# mutant that survives fails this script. (The tests pass on the real code in `mvn verify`.)
# Usage: src/test/mutants/run.sh   (from anywhere; needs Maven's local repository filled)
set -euo pipefail
root=$(cd "$(dirname "$0")/../../.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
survivors=0
for patch in "$root"/src/test/mutants/*.patch; do
  name=$(basename "$patch" .patch)
  test=$(sed -n 's/^Killed-by: //p' "$patch")
  copy="$work/$name"
  mkdir -p "$copy"
  cp -R "$root/pom.xml" "$root/src" "$root/rules" "$root/testdata" "$copy/"
  patch -s -d "$copy" -p1 < "$patch"
  if (cd "$copy" && mvn -o -q test -Dtest="$test" -Dsurefire.failIfNoSpecifiedTests=true > "$work/$name.log" 2>&1); then
    echo "SURVIVED $name: $test passes on the mutant" >&2
    survivors=$((survivors + 1))
  elif grep -q "Tests run:.*Failures: [1-9]" "$work/$name.log"; then
    echo "killed   $name by $test"
  else
    echo "BROKEN   $name: $test did not run on the mutant (see below)" >&2
    tail -20 "$work/$name.log" >&2
    survivors=$((survivors + 1))
  fi
done
exit "$survivors"
