# Shared by the bench scripts (sourced): run a command quietly and print its wall time in ms, failing loudly.
time_ms() {
  local start end; start=$(date +%s%N)
  "$@" >/dev/null 2>&1 || { echo "failed: $*" >&2; exit 1; }
  end=$(date +%s%N); echo $(( (end - start) / 1000000 ))
}
# Reads numbers, prints "min median".
stats() { sort -n | awk '{a[NR]=$1} END {m=(NR%2)?a[(NR+1)/2]:int((a[NR/2]+a[NR/2+1])/2); print a[1], m}'; }
# Stops the script unless the jar is built.
require_jar() {
  [ -f target/latency-edge.jar ] || { echo "build the jar first: ./mvnw -B -q package -DskipTests" >&2; exit 1; }
}
