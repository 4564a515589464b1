#!/usr/bin/env bash
# Times evaluating the dev environment (its global stack and the Regions it reads) the two ways a Pulumi Java
# program can start: (a) the prebuilt jar, as Pulumi.yaml's runtime.options.binary runs it; (b) compiling and
# running through Maven, as the default Java runtime does on every preview ("mvn compile exec:java": with this
# pom that includes building the policy pack; a third line skips it to show Maven and javac alone).
# Prints min and median of each and the ratios.
# Usage: bench/startup.sh [runs]   (default 5; needs ./mvnw -B -q package -DskipTests first)
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-5}"
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
[ -f target/latency-edge.jar ] || { echo "build the jar first: ./mvnw -B -q package -DskipTests" >&2; exit 1; }

time_ms() {
  local start end; start=$(date +%s%N)
  "$@" >/dev/null 2>&1 || { echo "failed: $*" >&2; exit 1; }
  end=$(date +%s%N); echo $(( (end - start) / 1000000 ))
}
stats() { sort -n | awk '{a[NR]=$1} END {m=(NR%2)?a[(NR+1)/2]:int((a[NR/2]+a[NR/2+1])/2); print a[1], m}'; }

jar=(); maven=(); bare=()
# exec.arguments, not exec.args: the latter would also replace the npm executions' arguments.
exec_java=(compile exec:java -Dexec.mainClass=dev.latencyedge.Main "-Dexec.arguments=plan,dev,--no-policy,--out,$out/maven")
for _ in $(seq "$runs"); do
  jar+=("$(time_ms java -jar target/latency-edge.jar plan dev --no-policy --out "$out/jar")")
  maven+=("$(time_ms ./mvnw -B -q "${exec_java[@]}")")
  bare+=("$(time_ms ./mvnw -B -q -Dpolicy.skip=true "${exec_java[@]}")")
done
read -r jmin jmed < <(printf '%s\n' "${jar[@]}" | stats)
read -r mmin mmed < <(printf '%s\n' "${maven[@]}" | stats)
read -r bmin bmed < <(printf '%s\n' "${bare[@]}" | stats)
printf '%-44s %8s %10s\n' "path ($runs runs)" "min ms" "median ms"
printf '%-44s %8d %10d\n' "jar (runtime binary)" "$jmin" "$jmed"
printf '%-44s %8d %10d\n' "mvn compile exec:java" "$mmin" "$mmed"
printf '%-44s %8d %10d\n' "mvn compile exec:java, policy pack skipped" "$bmin" "$bmed"
awk -v a="$mmed" -v c="$bmed" -v b="$jmed" \
  'BEGIN {printf "ratio of medians: %.1fx (as the Maven runtime runs it), %.1fx (Maven and javac alone)\n", a / b, c / b}'
