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
exec "$JAVA_HOME/bin/java" -jar "$jar" "$@"
