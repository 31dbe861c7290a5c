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
# JVM settings measured with bench/ (see bench/README.md). A class-data archive of the classes a build loads, made
# once per jar by building this repository's sample into a temporary folder, cuts start-up; C1-only compilation
# spends less CPU warming up than it loses on builds of this size. LASTMILE_JAVA_OPTS replaces them.
jsa="$here/target/lastmile.jsa"
if [ -z "${LASTMILE_JAVA_OPTS+set}" ] && { [ ! -f "$jsa" ] || [ "$jar" -nt "$jsa" ]; }; then
  tmp="$(mktemp -d)"
  "$JAVA_HOME/bin/java" -XX:ArchiveClassesAtExit="$jsa" -XX:TieredStopAtLevel=1 -Xlog:cds=off -Xlog:cds+dynamic=off \
    -jar "$jar" build --no-cache --source "$here" --out "$tmp/public" >/dev/null 2>&1 || rm -f "$jsa"
  rm -rf "$tmp"
fi
opts=${LASTMILE_JAVA_OPTS-"-XX:SharedArchiveFile=$jsa -Xshare:auto -Xlog:cds=off -Xlog:cds+dynamic=off -XX:TieredStopAtLevel=1"}
# shellcheck disable=SC2086
exec "$JAVA_HOME/bin/java" $opts -jar "$jar" "$@"
