#!/usr/bin/env bash
# Benchmark smoke run and regression gate: builds chokepoint and its benchmarks, runs every benchmark
# briefly (two forks, short iterations: about two and a half minutes on two cores, builds aside) into
# benchmarks/target/smoke.json, and compares that with the committed benchmarks/baseline.json.
# Exits with bench-compare's status:
# 0 pass, 1 a benchmark regressed beyond --fail, 2 the results could not be compared.
#
#   benchmarks/smoke.sh                  build, run everything, compare
#   SKIP_BUILD=1 benchmarks/smoke.sh     reuse the jars already built
#   benchmarks/smoke.sh MarketClearing   extra arguments go to JMH (here: a benchmark filter)
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"

if [ "${SKIP_BUILD:-0}" != 1 ]; then
  mvn -B -q install -DskipTests
  mvn -B -q -f benchmarks/pom.xml package
fi

mkdir -p benchmarks/target
java -jar benchmarks/target/benchmarks.jar \
  -f 2 -wi 2 -w 1s -i 3 -r 1s \
  -rf json -rff benchmarks/target/smoke.json \
  "$@"

if [ ! -f benchmarks/baseline.json ]; then
  echo "smoke.sh: no benchmarks/baseline.json yet, so nothing to compare with;" \
       "results are in benchmarks/target/smoke.json (see benchmarks/README.md to record a baseline)"
  exit 0
fi

if [ ! -f target/chokepoint.jar ]; then
  echo "smoke.sh: target/chokepoint.jar is missing: build it (mvn -B -q install -DskipTests) to compare" >&2
  exit 2
fi

exec java -jar target/chokepoint.jar bench-compare \
  benchmarks/baseline.json benchmarks/target/smoke.json --fail 1.0
