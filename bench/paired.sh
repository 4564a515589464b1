#!/usr/bin/env bash
# A paired run: this build's plan against another build's (e.g. the last release, or main before a change),
# interleaved run by run so the machine's drift (10-20 % within an hour on a shared 2-core machine) falls on both
# alike. Both plan this checkout's stack files. Prints both medians and the median of the per-pair differences.
# Usage: bench/paired.sh <other-build-dir> [runs] [plan arguments...]   (default 9 runs of `plan dev --no-policy`)
#   e.g. git worktree add /tmp/base <commit> && (cd /tmp/base && ./mvnw -B -q package -DskipTests)
#        bench/paired.sh /tmp/base 9
set -euo pipefail
cd "$(dirname "$0")/.."
other="$(cd "${1:?usage: bench/paired.sh <other-build-dir> [runs] [plan arguments...]}" && pwd)"
runs="${2:-9}"
shift $(( $# >= 2 ? 2 : 1 ))
args=("$@")
[ ${#args[@]} -gt 0 ] || args=(dev --no-policy)
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
source bench/timing.sh
require_jar
[ -f "$other/target/latency-edge.jar" ] || { echo "no jar in $other/target: build it first" >&2; exit 1; }

this_ms="" other_ms="" diffs=""
for i in $(seq "$runs"); do
  # Alternate which goes first, so neither always runs on the warmer page cache.
  if (( i % 2 )); then
    a=$(time_ms java -jar target/latency-edge.jar plan "${args[@]}" --config-dir "$PWD" --out "$work/a")
    b=$(time_ms java -jar "$other/target/latency-edge.jar" plan "${args[@]}" --config-dir "$PWD" --out "$work/b")
  else
    b=$(time_ms java -jar "$other/target/latency-edge.jar" plan "${args[@]}" --config-dir "$PWD" --out "$work/b")
    a=$(time_ms java -jar target/latency-edge.jar plan "${args[@]}" --config-dir "$PWD" --out "$work/a")
  fi
  this_ms+="$a " other_ms+="$b " diffs+="$(( a - b )) "
done
read -r _ m_this < <(printf '%s\n' $this_ms | stats)
read -r _ m_other < <(printf '%s\n' $other_ms | stats)
read -r _ m_diff < <(printf '%s\n' $diffs | stats)
printf '%-40s %8s\n' "median of $runs paired runs: plan ${args[*]}" "ms"
printf '%-40s %8s\n' "this build" "$m_this" "$other" "$m_other" "median difference (this - other)" "$m_diff"
