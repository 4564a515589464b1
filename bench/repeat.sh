#!/usr/bin/env bash
# Plans generated environments of 2 and 20 Regions 5 times each in one JVM (bench/RepeatPlan.java), to tell
# the JIT's warm-up apart from the work: the first run is what a plan costs, the last what it would cost once
# the SDK's code is compiled. Usage: bench/repeat.sh (needs ./mvnw -B -q package -DskipTests first)
set -euo pipefail
cd "$(dirname "$0")/.."
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
source bench/environments.sh

# The plan JVM's options on a 2-core machine (JvmLauncher.flags), with the jar's class-data archive.
jvm=(-XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xshare:auto -XX:CICompilerCount=1 -XX:C1MaxInlineSize=15
  -Djava.util.concurrent.ForkJoinPool.common.parallelism=2 -XX:SharedArchiveFile=target/latency-edge.jsa)
printf '%-8s %s\n' regions "ms per run, in one JVM"
for n in 2 20; do
  make_env "$n" "$work/$n"
  times=$(java "${jvm[@]}" -cp target/latency-edge.jar bench/RepeatPlan.java 5 bench "$work/$n" "$work/$n/plan" \
    | awk '{printf "%s ", $2}')
  printf '%-8s %s\n' "$n" "$times"
done
