#!/usr/bin/env bash
# Runs every test of lastmile with a JDK 21 or newer (found automatically). Extra arguments go to Maven.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
. "$here/scripts/find-jdk.sh"
cd "$here"
exec mvn -B test "$@"
