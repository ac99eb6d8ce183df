#!/usr/bin/env bash
# Sets up the pre-push benchmark: DIR/repo with 10 zones of 1,000 records each, pushed to
# DIR/remote.git, the zonegate hook installed, and one commit on top changing one line.
# Prints the line git would feed the hook. Usage: bench/hook-repo.sh DIR ZONEGATE
# ZONEGATE is a jar (the hook then runs its own copy, kept in .git/zonegate) or an installed
# launcher named zonegate, such as a release's bin/zonegate (put on the PATH for the install, so
# the hook runs it).
set -euo pipefail
dir=$1 jar=$(realpath "$2")
rm -rf "$dir" && mkdir -p "$dir/repo/zones"
cd "$dir/repo"
export GIT_AUTHOR_NAME=bench GIT_AUTHOR_EMAIL=bench@example.invalid
export GIT_COMMITTER_NAME=bench GIT_COMMITTER_EMAIL=bench@example.invalid
git init -q -b main
{ echo "zones:"; } > zonegate.yaml
for z in $(seq 1 10); do
  f=zones/z$z.example.zone
  { echo "\$ORIGIN z$z.example."; echo "\$TTL 3600"
    echo "@ SOA ns1.example.net. hostmaster.z$z.example. 1 7200 900 1209600 300"
    echo "@ NS ns1.example.net."; echo "@ NS ns2.example.org."
    for i in $(seq 1 998); do echo "h$i A 52.0.$((i / 250)).$((i % 250 + 1))"; done; } > "$f"
  printf '  - name: z%s.example.\n    file: %s\n' "$z" "$f" >> zonegate.yaml
done
git add -A && git commit -q -m "zones"
git init -q --bare ../remote.git
git remote add origin ../remote.git
git push -q origin main
case $jar in
  *.jar) java -jar "$jar" hook install --repo . > /dev/null ;;
  *) PATH="$(dirname "$jar"):$PATH" "$jar" hook install --repo . > /dev/null ;;
esac
sed -i 's/^h500 A .*/h500 A 52.9.9.9/' zones/z5.example.zone
git commit -q -am "one line"
echo "refs/heads/main $(git rev-parse HEAD) refs/heads/main $(git rev-parse origin/main)"
