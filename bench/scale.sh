#!/usr/bin/env bash
# Offline plan time (median of 3 runs) and peak memory for generated environments of 2, 5, 10 and 20 Regions;
# prints a table, the 20/2 time ratio and whether the resource count grows exactly linearly. Usage: bench/scale.sh
# (needs ./mvnw -B -q package -DskipTests first, and GNU time at /usr/bin/time)
set -euo pipefail
cd "$(dirname "$0")/.."
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
source bench/environments.sh

printf '%-8s %10s %12s %10s\n' regions seconds peak_rss_mb resources
declare -A secs
for n in 2 5 10 20; do
  make_env "$n" "$work/$n"
  runs=()
  kb=0
  for _ in 1 2 3; do
    /usr/bin/time -f '%e %M' -o "$work/time" java -jar target/latency-edge.jar plan bench \
        --config-dir "$work/$n" --out "$work/$n/plan" --no-policy > /dev/null
    read -r t k < "$work/time"
    runs+=("$t"); (( k > kb )) && kb=$k
  done
  s=$(printf '%s\n' "${runs[@]}" | sort -n | sed -n 2p)
  count=$(cat "$work/$n"/plan/*.json | grep -c '"op":')
  secs[$n]=$s
  printf '%-8s %10s %12d %10d\n' "$n" "$s" "$((kb / 1024))" "$count"
  echo "$n $count" >> "$work/counts"
done
awk -v a="${secs[20]}" -v b="${secs[2]}" 'BEGIN {printf "time ratio 20/2: %.2fx\n", a / b}'
awk '{n[NR]=$1; c[NR]=$2} END {per=(c[2]-c[1])/(n[2]-n[1]); base=c[1]-per*n[1]
     for (i = 1; i <= NR; i++) if (c[i] != base + per*n[i]) bad=1
     printf "resources = %d + %d per Region: %s\n", base, per, bad ? "NOT linear" : "exactly linear"}' "$work/counts"
