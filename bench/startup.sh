#!/usr/bin/env bash
# Times evaluating the dev environment (its global stack and the Regions it reads) the two ways a Pulumi Java
# program can start: (a) the prebuilt jar, as Pulumi.yaml's runtime.options.binary runs it; (b) compiling and
# running through Maven, as the default Java runtime does on every preview ("mvn compile exec:java").
# Prints min and median of each and the ratio of medians.
# Usage: bench/startup.sh [runs]   (default 5; needs ./mvnw -B -q package -DskipTests first)
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-5}"
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT

source bench/timing.sh
require_jar

jar=(); maven=()
# exec.arguments, not exec.args: the latter would also replace the pom's other exec executions' arguments.
exec_java=(compile exec:java -Dexec.mainClass=dev.latencyedge.Main "-Dexec.arguments=plan,dev,--no-policy,--out,$out/maven")
for _ in $(seq "$runs"); do
  jar+=("$(time_ms java -jar target/latency-edge.jar plan dev --no-policy --out "$out/jar")")
  maven+=("$(time_ms ./mvnw -B -q "${exec_java[@]}")")
done
read -r jmin jmed < <(printf '%s\n' "${jar[@]}" | stats)
read -r mmin mmed < <(printf '%s\n' "${maven[@]}" | stats)
printf '%-24s %8s %10s\n' "path ($runs runs)" "min ms" "median ms"
printf '%-24s %8d %10d\n' "jar (runtime binary)" "$jmin" "$jmed"
printf '%-24s %8d %10d\n' "mvn compile exec:java" "$mmin" "$mmed"
awk -v a="$mmed" -v b="$jmed" 'BEGIN {printf "ratio of medians: %.1fx\n", a / b}'
