# Sourced by build-site.sh, test.sh and .ci/run: sets JAVA_HOME to a JDK 21 or newer, or exits with one line.
# Order: $JAVA_HOME, the java on PATH, then every JDK under /usr/lib/jvm (newest first).
_lm_major() { "$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p' | head -1; }
_lm_ok() { [ -x "$1/bin/java" ] && [ -x "$1/bin/javac" ] && [ "$(_lm_major "$1")" -ge 21 ] 2>/dev/null; }
_lm_found=""
for _lm_c in "${JAVA_HOME:-}" \
             "$(command -v javac >/dev/null 2>&1 && dirname "$(dirname "$(readlink -f "$(command -v javac)")")")" \
             $(ls -d /usr/lib/jvm/*/ 2>/dev/null | sort -rV); do
  _lm_c="${_lm_c%/}"
  if [ -n "$_lm_c" ] && _lm_ok "$_lm_c"; then _lm_found="$_lm_c"; break; fi
done
if [ -z "$_lm_found" ]; then
  echo "lastmile needs a JDK 21 or newer: none found in JAVA_HOME, on PATH or under /usr/lib/jvm — install one (e.g. apt-get install openjdk-21-jdk) or set JAVA_HOME" >&2
  exit 1
fi
export JAVA_HOME="$_lm_found"
export PATH="$JAVA_HOME/bin:$PATH"
unset _lm_c _lm_found
