#!/usr/bin/env bash
# Builds the rules engine benchmarks, runs them and prints the results as a Markdown table.
#
#   bench/run.sh                                  every benchmark (about 4 to 5 minutes)
#   bench/run.sh RuleEngineBenchmark.listSize     benchmarks matching a regular expression
#   bench/run.sh -p words=10000 listSize          any other JMH option is passed through
#
# run.sh sets -foe, -rf and -rff itself; do not pass them again.
# The bench compiles the engine's sources itself: the main project needs no build or install first.
# Time limits, in seconds (0 for none): BENCH_BUILD_TIMEOUT (default 600) and BENCH_RUN_TIMEOUT
# (default 420, enough for the full run with the settings in RuleEngineBenchmark).
set -euo pipefail

bench_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
main_dir="$(cd "$bench_dir/.." && pwd)"
build_timeout="${BENCH_BUILD_TIMEOUT:-600}"
run_timeout="${BENCH_RUN_TIMEOUT:-420}"

cd "$bench_dir"
command -v java >/dev/null || { echo "run.sh: java (17 or later) is not on the PATH" >&2; exit 1; }
command -v python3 >/dev/null || { echo "run.sh: python3 is needed to print the table" >&2; exit 1; }

echo "Building target/benchmarks.jar..." >&2
timeout --kill-after=10 "$build_timeout" "$main_dir/mvnw" -B -q -f "$bench_dir/pom.xml" package

rm -f target/results.json
start=$(date +%s)
status=0
timeout --kill-after=10 "$run_timeout" \
    java -jar target/benchmarks.jar -foe true -rf json -rff target/results.json "$@" \
    | tee target/jmh-output.txt || status=$?
elapsed=$(( $(date +%s) - start ))

if [ "$status" -eq 124 ] || [ "$status" -eq 137 ]; then
    echo "run.sh: the benchmarks did not finish within ${run_timeout}s (BENCH_RUN_TIMEOUT)" >&2
    exit "$status"
fi
if [ "$status" -ne 0 ]; then
    echo "run.sh: the benchmarks failed (exit status $status); see target/jmh-output.txt" >&2
    exit "$status"
fi
if [ ! -s target/results.json ]; then
    echo "run.sh: no benchmark ran, so there is no table to print" >&2
    exit 0
fi

echo
python3 report.py target/results.json
echo
echo "Benchmarks ran in ${elapsed}s; raw results in bench/target/results.json and bench/target/jmh-output.txt."
