#!/usr/bin/env bash
# Runs a command against a Vigie started for it, then stops Vigie, whatever the command's outcome: the
# jar on its embedded PostgreSQL in a temporary directory, ready, with the demo article loaded
# (demo/2026/budget-vote: comments and replies, one held for a moderator, one reported).
#
#   deploy/test-against-vigie.sh npm test
#   VIGIE_JAR=vigie/quarkus-app/quarkus-run.jar VIGIE_PORT=18080 deploy/test-against-vigie.sh ./gradlew contractTest
#
# The command runs with VIGIE_URL, VIGIE_ADMIN_USER, VIGIE_ADMIN_PASSWORD and VIGIE_DEMO_ARTICLE set, and
# its exit status is this script's. Needs Java 17 and curl; the jar is the build's
# target/quarkus-app/quarkus-run.jar (the whole quarkus-app directory) unless VIGIE_JAR names another.
set -euo pipefail
[[ $# -gt 0 ]] || { echo "usage: $0 command [arguments...]" >&2; exit 2; }
JAR=${VIGIE_JAR:-target/quarkus-app/quarkus-run.jar}
PORT=${VIGIE_PORT:-8080}
[[ -f "$JAR" ]] || { echo "No Vigie jar at $JAR: build it (./mvnw package) or set VIGIE_JAR" >&2; exit 2; }

work=$(mktemp -d)
password=$(head -c 18 /dev/urandom | base64 | tr -d '/+=')
stop() {
    [[ -n "${vigie:-}" ]] && kill "$vigie" 2>/dev/null && wait "$vigie" 2>/dev/null || true
    rm -rf "$work"
}
trap stop EXIT

VIGIE_EMBEDDED_DATA_DIR="$work/pg" VIGIE_ADMIN_PASSWORD="$password" \
    java -Dquarkus.http.port="$PORT" -jar "$JAR" >"$work/vigie.log" 2>&1 &
vigie=$!

export VIGIE_URL="http://127.0.0.1:$PORT" VIGIE_ADMIN_USER=admin VIGIE_ADMIN_PASSWORD="$password"
export VIGIE_DEMO_ARTICLE=demo/2026/budget-vote
for _ in $(seq 1 240); do
    curl -sf -o /dev/null "$VIGIE_URL/q/health/ready" && break
    kill -0 "$vigie" 2>/dev/null || { echo "Vigie stopped while starting:" >&2; tail -20 "$work/vigie.log" >&2; exit 1; }
    sleep 0.5
done
curl -sf -o /dev/null "$VIGIE_URL/q/health/ready" || { echo "Vigie is not ready after 2 minutes" >&2; exit 1; }
curl -sf -o /dev/null -u "admin:$password" -X POST "$VIGIE_URL/api/v1/admin/demo" \
    || { echo "Could not load the demo article" >&2; exit 1; }

set +e
"$@"
status=$?
set -e
[[ $status -eq 0 ]] || { echo "The command failed ($status); Vigie's log:" >&2; tail -30 "$work/vigie.log" >&2; }
exit $status
