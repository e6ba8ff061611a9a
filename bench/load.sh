#!/usr/bin/env bash
# Load benchmark: Vigie's hot paths beside a bare Quarkus app on the same durable PostgreSQL.
#
#   bench/load.sh                  # 10 s per scenario, 32 connections
#   DURATION=30s CONNECTIONS=64 bench/load.sh
#   ONLY="bare-insert post-hot" VIGIE_OPTS="-XX:StartFlightRecording=filename=/tmp/post.jfr" bench/load.sh
#   ONLY="bare-rows cold-hot" COLD_OPTS="-XX:StartFlightRecording=filename=/tmp/cold.jfr" bench/load.sh
#
# Builds the service's jar and bench/bare, starts Vigie on its embedded PostgreSQL with production
# settings (fsync and synchronous commit on) in a temporary directory, with -Xmx256m, then the bare app on
# the same database; seeds the articles in SQL, runs wrk (Debian package `wrk`) on each scenario and prints
# a Markdown table: requests/s, p50, p99, errors, and each Vigie scenario as a ratio of its bare counterpart.
# Clients come from many addresses (X-Forwarded-For through a trusted proxy), so rate limits stay out of it.
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION=${DURATION:-10s}
# Each scenario first runs unmeasured for this long, so that the JIT has compiled its path.
WARMUP=${WARMUP:-15s}
CONNECTIONS=${CONNECTIONS:-32}
THREADS=${THREADS:-2}
HEAP=${HEAP:-256m}
ONLY=${ONLY:-}              # scenario names to run, all when empty
VIGIE_OPTS=${VIGIE_OPTS:-}  # more JVM options for Vigie, such as a flight recording
COLD_OPTS=${COLD_OPTS:-}    # the same for the second instance, the one with its cache off
command -v wrk >/dev/null || { echo "wrk is needed: apt-get install wrk" >&2; exit 1; }

./mvnw -B -q package -DskipTests
./mvnw -B -q -f bench/bare/pom.xml package -DskipTests

work=$(mktemp -d)
cleanup() {
    [[ -n "${bare_pid:-}" ]] && kill "$bare_pid" 2>/dev/null || true
    [[ -n "${cold_pid:-}" ]] && kill "$cold_pid" 2>/dev/null || true
    [[ -n "${vigie_pid:-}" ]] && kill "$vigie_pid" 2>/dev/null || true
    wait 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT

wait_for() {
    for _ in $(seq 1 240); do
        curl -sf -o /dev/null "$1" && return 0
        sleep 0.5
    done
    echo "Not ready: $1" >&2
    return 1
}

VIGIE_EMBEDDED_DATA_DIR="$work/pg" VIGIE_ADMIN_PASSWORD=bench-admin-password \
    java -XX:+ExitOnOutOfMemoryError -Xmx"$HEAP" $VIGIE_OPTS \
    -Dquarkus.http.proxy.proxy-address-forwarding=true -Dquarkus.http.proxy.allow-x-forwarded=true \
    -Dquarkus.http.proxy.trusted-proxies=127.0.0.1 \
    -jar target/quarkus-app/quarkus-run.jar >"$work/vigie.log" 2>&1 &
vigie_pid=$!
wait_for http://127.0.0.1:8080/q/health/ready
jdbc_url=$(grep -o 'jdbc:postgresql://[^,]*' "$work/vigie.log" | head -1)
db_password=$(cat "$work/pg/vigie-password")

# A second instance on the same database with its thread pages not kept in memory: the cold reads.
java -XX:+ExitOnOutOfMemoryError -Xmx"$HEAP" $COLD_OPTS -Dquarkus.http.port=8082 -Dvigie.cache.enabled=false \
    -Dquarkus.datasource.jdbc.url="$jdbc_url" -Dquarkus.datasource.username=postgres -Dquarkus.datasource.password="$db_password" \
    -Dquarkus.http.proxy.proxy-address-forwarding=true -Dquarkus.http.proxy.allow-x-forwarded=true \
    -Dquarkus.http.proxy.trusted-proxies=127.0.0.1 \
    -jar target/quarkus-app/quarkus-run.jar >"$work/vigie-cold.log" 2>&1 &
cold_pid=$!
wait_for http://127.0.0.1:8082/q/health/ready

seed_hot() {  # 20 comments with 2 replies each
    curl -sf -X POST "http://127.0.0.1:8081/bare/seed?article=$1&comments=20&replies=2" >/dev/null
}
java -XX:+ExitOnOutOfMemoryError -Xmx"$HEAP" -Dquarkus.datasource.jdbc.url="$jdbc_url" \
    -Dquarkus.datasource.username=postgres -Dquarkus.datasource.password="$db_password" \
    -jar bench/bare/target/quarkus-app/quarkus-run.jar >"$work/bare.log" 2>&1 &
bare_pid=$!
wait_for http://127.0.0.1:8081/bare/bytes

seed_hot bench/hot
curl -sf -X POST "http://127.0.0.1:8081/bare/seed?article=bench/big&comments=20000&replies=0" >/dev/null
hot_page=$(curl -s "http://127.0.0.1:8080/api/v1/articles/bench%2Fhot/comments?limit=20" | wc -c)
curl -sf -X POST "http://127.0.0.1:8081/bare/bytes?size=$hot_page"

report="$work/report.lua"
cp bench/load/report.lua "$report"
cat bench/load/addresses.lua bench/load/post.lua bench/load/report.lua >"$work/post.lua"
cat bench/load/insert.lua bench/load/report.lua >"$work/insert.lua"
cat bench/load/addresses.lua bench/load/mixed.lua bench/load/report.lua >"$work/mixed.lua"

# Posts a visible comment to the hot article and reads its newest 100 at once, PROBES times, while the
# mixed load runs; prints how many of those reads did not show the comment just posted though it was
# newer than their oldest (stale), how many had 100 newer comments from the load already (pushed off),
# and how many probes were visible (a post the rules held is not counted: readers are not meant to see it).
PROBES=${PROBES:-50}
stale_reads() {
    local stale=0 pushed=0 visible=0 posted id seen
    for i in $(seq 1 "$PROBES"); do
        posted=$(curl -s -X POST -H 'Content-Type: application/json' -H "X-Forwarded-For: 10.255.$((i / 250)).$((i % 250 + 1))" \
            -d "{\"authorName\":\"Sonde\",\"authorEmail\":\"sonde$i@example.org\",\"body\":\"Sonde de fraicheur numero $i, $RANDOM.\"}" \
            "http://127.0.0.1:8080/api/v1/articles/bench%2Fhot/comments")
        [[ "$posted" == *'"status":"VISIBLE"'* ]] || continue
        visible=$((visible + 1))
        id=$(echo "$posted" | grep -o '"id":[0-9]*' | cut -d: -f2)
        seen=$(curl -s "http://127.0.0.1:8080/api/v1/articles/bench%2Fhot/comments?limit=100" | python3 -c '
import json, sys
probe = int(sys.argv[1])
ids = [item["id"] for item in json.load(sys.stdin)["items"]]
print("shown" if probe in ids else "pushed" if ids and min(ids) > probe else "stale")' "$id")
        case "$seen" in
            stale) stale=$((stale + 1)) ;;
            pushed) pushed=$((pushed + 1)) ;;
        esac
    done
    echo "$stale stale, $pushed pushed off by newer posts, of $visible visible posts"
}

declare -A result
run() {  # name, url, script, [environment...]
    local name=$1 url=$2 script=$3
    shift 3
    local line
    [[ -z "$ONLY" || " $ONLY " == *" $name "* ]] || return 0
    env "$@" wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" -s "$script" "$url" >/dev/null
    line=$(env "$@" wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency -s "$script" "$url" | grep '^RESULT')
    result[$name]=${line#RESULT }
    echo "$name: ${result[$name]}" >&2
}

run bare-bytes "http://127.0.0.1:8081/bare/bytes" "$report"
run bare-rows "http://127.0.0.1:8081/bare/rows" "$report"
run bare-insert "http://127.0.0.1:8081/bare/insert" "$work/insert.lua"
run hot "http://127.0.0.1:8080/api/v1/articles/bench%2Fhot/comments?limit=20" "$report"
run big "http://127.0.0.1:8080/api/v1/articles/bench%2Fbig/comments?limit=20" "$report"
run counts "http://127.0.0.1:8080/api/v1/articles/counts?keys=bench/hot&keys=bench/big&keys=a1&keys=a2&keys=a3&keys=a4&keys=a5&keys=a6&keys=a7&keys=a8" "$report"
run cold-hot "http://127.0.0.1:8082/api/v1/articles/bench%2Fhot/comments?limit=20" "$report"
run cold-big "http://127.0.0.1:8082/api/v1/articles/bench%2Fbig/comments?limit=20" "$report"
run post-hot "http://127.0.0.1:8080" "$work/post.lua" ARTICLE=bench/hot ARTICLES=1
run post-spread "http://127.0.0.1:8080" "$work/post.lua" ARTICLE=bench/spread ARTICLES=500
if [[ -z "$ONLY" || " $ONLY " == *" mixed "* ]]; then
    stale_reads >"$work/stale" &
    stale_pid=$!
fi
run mixed "http://127.0.0.1:8080" "$work/mixed.lua" ARTICLE=bench/hot
[[ -n "${stale_pid:-}" ]] && wait "$stale_pid"

field() { echo "${result[$1]}" | cut -d' ' -f"$2"; }
ratio() { awk -v a="$(field "$1" 1)" -v b="$(field "$2" 1)" 'BEGIN { printf "%.1f %%", 100 * a / b }'; }
row() {  # label, name, bare name or empty
    local ratio_text="–"
    [[ -n "${result[$2]:-}" ]] || return 0
    [[ -n "$3" && -n "${result[$3]:-}" ]] && ratio_text="$(ratio "$2" "$3") of $4"
    printf '| %s | %s | %s | %s | %s | %s |\n' "$1" "$(field "$2" 1)" "$(field "$2" 2)" "$(field "$2" 3)" "$(field "$2" 4)" "$ratio_text"
}

echo
echo "$(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GB", $2 / 1048576 }' /proc/meminfo), $CONNECTIONS connections, $DURATION a scenario after $WARMUP of warm-up, -Xmx$HEAP"
echo
echo "| scenario | req/s | p50 ms | p99 ms | errors | Vigie / bare |"
echo "|---|---|---|---|---|---|"
row "bare: precomputed bytes ($hot_page B)" bare-bytes "" ""
row "bare: 50 rows by JDBC" bare-rows "" ""
row "bare: one-row durable insert" bare-insert "" ""
row "hot thread page: 20 comments + 2 replies each" hot bare-bytes "bytes"
row "page of a 20,000-comment article" big bare-rows "50 rows"
row "cold (cache off): hot thread page" cold-hot bare-rows "50 rows"
row "cold (cache off): page of a 20,000-comment article" cold-big bare-rows "50 rows"
row "counts of 10 articles" counts bare-rows "50 rows"
row "POST to one hot article" post-hot bare-insert "insert"
row "POST spread over 500 articles" post-spread bare-insert "insert"
row "mixed on the hot article: 95 % page reads, 5 % posts" mixed bare-bytes "bytes"
echo
if [[ -n "${result[cold-hot]:-}" && -n "${result[cold-big]:-}" ]]; then
    echo "Cold page of the 20,000-comment article / of the 60-comment one: $(ratio cold-big cold-hot)"
fi
if [[ -n "${result[post-hot]:-}" && -n "${result[post-spread]:-}" ]]; then
    echo "POST to one article / spread over 500: $(ratio post-hot post-spread)"
fi
if [[ -s "$work/stale" ]]; then
    echo "Reads of the newest 100 right after a post, during the mixed run: $(cat "$work/stale")"
fi
echo "Vigie's RSS after the run: $(( $(awk '/VmRSS/ { print $2 }' /proc/$vigie_pid/status) / 1024 )) MB"
