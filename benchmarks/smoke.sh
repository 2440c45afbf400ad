#!/usr/bin/env bash
# Benchmark smoke run and regression gate: builds chokepoint and its benchmarks, runs every benchmark
# briefly (two forks, short iterations: about two and a half minutes on two cores, builds aside) into
# benchmarks/target/smoke.json, and compares that with the committed benchmarks/baseline.json.
# A run in which a benchmark fails is measured once more, into benchmarks/target/smoke-again.json, and that run
# decides. Exits with bench-compare's status:
# 0 pass, 1 a benchmark regressed beyond --fail (in both runs), 2 the results could not be compared.
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

compare() {
  java -jar target/chokepoint.jar bench-compare benchmarks/baseline.json "$1" --fail 1.0
}

# A regression shows again when measured again; a neighbour on a shared host that takes a core for a few minutes
# does not. So the benchmarks that fail are measured once more, with more iterations, beside the reference
# kernel, and that second run decides: the gate still fails a benchmark twice as slow as the baseline, but not a
# machine that was busy for a while.
status=0
compare benchmarks/target/smoke.json > benchmarks/target/smoke-compare.txt || status=$?
cat benchmarks/target/smoke-compare.txt
if [ "$status" -ne 1 ]; then
  exit "$status"
fi
failed=$(awk '/ FAIL \(/ { split($1, name, "."); print name[1] }' benchmarks/target/smoke-compare.txt | sort -u | paste -sd '|')
if [ -z "$failed" ]; then
  exit 1
fi
echo "smoke.sh: $failed failed; measuring it once more to tell a regression from a busy machine"
java -jar benchmarks/target/benchmarks.jar \
  -f 2 -wi 2 -w 1s -i 5 -r 1s \
  -rf json -rff benchmarks/target/smoke-again.json \
  "^org\.chokepoint\.bench\.(ReferenceKernelBench|$failed)\."
compare benchmarks/target/smoke-again.json
