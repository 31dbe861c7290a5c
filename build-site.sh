#!/usr/bin/env bash
# Builds the lastmile jar when it is missing or older than its sources, then runs `lastmile ARGS…`.
# With no arguments it builds this repository's sample site into public/.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
. "$here/scripts/find-jdk.sh"
jar="$here/target/lastmile.jar"
if [ ! -f "$jar" ] || [ -n "$(find "$here/pom.xml" "$here/src/main" "$here/templates" "$here/fonts" -newer "$jar" -print -quit)" ]; then
  echo "building the lastmile jar (JDK: $JAVA_HOME)…" >&2
  (cd "$here" && mvn -q -B -DskipTests package) >&2
fi
if [ $# -eq 0 ]; then
  set -- build --source "$here" --out "$here/public"
fi
# JVM settings measured with bench/ (see bench/README.md, "How the JVM settings were chosen"); LASTMILE_JAVA_OPTS
# replaces them, LASTMILE_JAVA_EXTRA_OPTS is added after them (bench/run.sh --heap uses it for -Xmx).
# - C1-only compilation: C2 costs more CPU warming up than it saves on builds up to 500 papers (16 s of CPU against
#   21 s at 500 papers, even with C2 started from the stored profiles of an AOT cache), and is equal at 2,000.
# - An archive of the classes a build loads, made once per jar (and JDK) by building this repository's sample (with
#   its PDFs) into a temporary folder: on Java 25+ an AOT cache (classes loaded and linked, JEPs 483/514/515), which
#   measured about a tenth less CPU than the dynamic class-data archive on the sample; on Java 21–24 that dynamic
#   archive. Making or using it never fails a build: without it the JVM just starts slower.
# - Java 25+: compact object headers (8-byte headers: smaller objects, less to collect) cut CPU by 6–8 % at 500
#   papers and on the sample, and do not slow a 2,000-paper build with the heap capped at 1 GB.
jdk_version="$(sed -n 's/^JAVA_VERSION="\(.*\)"$/\1/p' "$JAVA_HOME/release" 2>/dev/null)"
jdk_major="${jdk_version%%[.+-]*}"
[[ "$jdk_major" =~ ^[0-9]+$ ]] || jdk_major="$(_lm_major "$JAVA_HOME")"
jit="-XX:TieredStopAtLevel=1"
quiet="-Xlog:cds=off -Xlog:cds+dynamic=off"
if [ "$jdk_major" -ge 25 ] 2>/dev/null; then
  jit="$jit -XX:+UseCompactObjectHeaders"
  quiet="$quiet -Xlog:aot=off"
  archive="$here/target/lastmile.aot"; make_flag="-XX:AOTCacheOutput="; use_flag="-XX:AOTCache="
else
  archive="$here/target/lastmile.jsa"; make_flag="-XX:ArchiveClassesAtExit="; use_flag="-XX:SharedArchiveFile="
fi
# The archive is remade when the jar is newer or the JDK differs (an archive of another JDK is refused by the JVM,
# which would then start without one on every build). It is written next to its final place and renamed, so a build
# running meanwhile never reads half an archive.
stamp="$archive.jdk"
if [ -z "${LASTMILE_JAVA_OPTS+set}" ] && { [ ! -f "$archive" ] || [ "$jar" -nt "$archive" ] ||
     [ "$(cat "$stamp" 2>/dev/null)" != "$JAVA_HOME $jdk_version" ]; }; then
  tmp="$(mktemp -d)"
  if "$JAVA_HOME/bin/java" "$make_flag$tmp/archive" $jit $quiet \
       -jar "$jar" build --no-cache --source "$here" --out "$tmp/public" >/dev/null 2>&1 && [ -s "$tmp/archive" ] &&
     mv -f "$tmp/archive" "$archive.$$" 2>/dev/null && mv -f "$archive.$$" "$archive" 2>/dev/null; then
    echo "$JAVA_HOME $jdk_version" > "$stamp" 2>/dev/null || true
  else
    rm -f "$archive" "$archive.$$" 2>/dev/null || true
  fi
  rm -rf "$tmp"
fi
if [ -f "$archive" ]; then
  opts="$use_flag$archive $quiet $jit"
else
  opts="$jit"
fi
opts="${LASTMILE_JAVA_OPTS-$opts} ${LASTMILE_JAVA_EXTRA_OPTS:-}"
# shellcheck disable=SC2086
exec "$JAVA_HOME/bin/java" $opts -jar "$jar" "$@"
