#!/bin/sh
# Run by `mvn package` after package.sh: makes target/zonegate-VERSION.tar.gz, zonegate for a
# machine with no Java:
#   zonegate-VERSION/bin/zonegate        the launcher (the same one as target/zonegate)
#   zonegate-VERSION/lib/zonegate.jar    the jar; the launcher writes its class-data archive
#                                        beside it on the first run (an archive is tied to the
#                                        jar's absolute path, so none can be shipped)
#   zonegate-VERSION/runtime/            a Java runtime made with jlink: only the modules
#                                        zonegate uses, with its own class-data archive
#   zonegate-VERSION/share/man/man1/     man pages, one per command (picocli-codegen)
#   zonegate-VERSION/share/bash-completion/completions/zonegate
#   zonegate-VERSION/share/zsh/site-functions/_zonegate
# Usage: release.sh TARGET_DIR VERSION JAVA_HOME (the build's JDK; see below for the runtime's).
set -eu
target=$1
version=$2
jdk=$3
name=zonegate-$version
stage=$target/release/$name

# The modules zonegate needs: what `jdeps --print-module-deps` finds in the jar (ReleaseIT checks
# that this list still covers it), plus what is only loaded as a service and so never seen by
# jdeps: jdk.crypto.ec for the elliptic-curve TLS that Cloudflare, Route 53 and PowerDNS over
# HTTPS negotiate, jdk.charsets for zone and YAML files in other encodings.
modules=java.base,java.desktop,java.management,java.naming,java.net.http,java.security.jgss,java.sql,jdk.unsupported
modules=$modules,jdk.crypto.ec,jdk.charsets

# The feature release of a JDK (17, 21, 25), from its release file; 0 when it has none.
feature() {
  f=0
  if [ -f "$1/release" ]; then
    v=$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$1/release")
    [ -n "$v" ] && f=$v
  fi
  echo "$f"
}

# The runtime is made from the newest JDK at hand that is not older than the build's: the build's
# own or one installed beside it under /usr/lib/jvm (where Debian's and Adoptium's packages put
# them), or exactly $ZONEGATE_RUNTIME_JDK when that is set. The newer the Java, the faster a short
# run starts: from Java 25 on, the launcher keeps an AOT cache of the classes linked, not only
# loaded. The jar itself is built for Java 17 and runs on any Java from 17 on.
if [ -n "${ZONEGATE_RUNTIME_JDK:-}" ]; then
  jdk=$ZONEGATE_RUNTIME_JDK
else
  best=$(feature "$jdk")
  for candidate in /usr/lib/jvm/*; do
    [ -x "$candidate/bin/jlink" ] || continue
    f=$(feature "$candidate")
    if [ "$f" -gt "$best" ]; then
      best=$f
      jdk=$candidate
    fi
  done
fi

jlink=$jdk/bin/jlink
if [ ! -x "$jlink" ]; then
  echo "release.sh: $jlink is missing: building the release needs a full JDK 17+ (Debian: openjdk-17-jdk-headless)" >&2
  exit 1
fi

# The runtime takes most of the build's time, so it is made again only when the JDK or the
# module list changes (mvn clean removes it).
runtime=$target/release-runtime
want="$jdk $modules $(ls -l "$jdk/release" 2>/dev/null)"
have=
[ -f "$runtime.key" ] && have=$(cat "$runtime.key")
if [ ! -x "$runtime/bin/java" ] || [ "$have" != "$want" ]; then
  rm -rf "$runtime" "$runtime.key"
  # Java 21 renamed the compression levels (and warns about the old names).
  compress=--compress=2
  [ "$(feature "$jdk")" -ge 21 ] && compress=--compress=zip-6
  # --generate-cds-archive: the runtime's own classes start from an archive, and the launcher's
  # archive of zonegate's classes is made on top of it.
  "$jlink" --add-modules "$modules" --output "$runtime" --strip-debug --no-header-files \
    --no-man-pages "$compress" --generate-cds-archive > /dev/null
  # The archive for heaps over 32 GiB: zonegate never asks for one, and it is 13 MB.
  rm -f "$runtime/lib/server/classes_nocoops.jsa"
  printf '%s' "$want" > "$runtime.key"
fi

rm -rf "$target/release"
mkdir -p "$stage/bin" "$stage/lib" "$stage/share/man/man1" "$stage/share/bash-completion/completions" \
  "$stage/share/zsh/site-functions"
cp src/main/dist/zonegate "$stage/bin/zonegate"
chmod 755 "$stage/bin/zonegate"
cp "$target/zonegate.jar" "$stage/lib/zonegate.jar"
cp -R "$runtime" "$stage/runtime"
cp "$target"/man/man1/*.1 "$stage/share/man/man1/"
cp "$target/zonegate_completion" "$stage/share/bash-completion/completions/zonegate"
# zsh runs the bash completion through its bashcompinit layer. On fpath, compinit autoloads the
# file as _zonegate at the first completion: it defines the functions, and completes that once.
{
  echo '#compdef zonegate'
  echo '# zonegate completion for zsh: the bash completion, through zsh'"'"'s bashcompinit.'
  echo '# Put this directory on fpath before compinit, or source this file after compinit.'
  echo 'autoload -U +X bashcompinit && bashcompinit'
  cat "$target/zonegate_completion"
  echo '[[ ${funcstack[1]} == _zonegate ]] && _bash_complete -F _complete_zonegate -o default "$@"'
} > "$stage/share/zsh/site-functions/_zonegate"
cp README.md "$stage/README.md"

# The runtime must run the jar before it is shipped: one --version through the launcher, with
# no archive written into the staged copy.
out=$(ZONEGATE_NO_ARCHIVE=1 PATH=/usr/bin:/bin "$stage/bin/zonegate" --version)
case $out in
  "zonegate $version"*) ;;
  *) echo "release.sh: the staged release says '$out' to --version" >&2; exit 1 ;;
esac

# Same files, same order, same owners: only the contents differ between two builds.
tar -C "$target/release" --sort=name --owner=0 --group=0 --numeric-owner --mtime=@0 \
  -czf "$target/$name.tar.gz" "$name"
