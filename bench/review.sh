#!/usr/bin/env bash
# The offline review tools against their goals (issue 15), medians over runs:
#   diff      - `diff` of the committed dev and prod plans, base vs head: at most a third of planning them;
#   secrets   - `plan dev` with passphrase-provider secrets as `secrets init` seals them (3 stacks, one salt, one
#               key): at most 1 s more than without; also timed with a salt per stack (3 keys), as stacks sealed
#               before init shared salts;
#   plan-all  - `plan --all` of the committed environments: at most the sum of planning each.
# Usage: bench/review.sh [runs]   (default 5; needs ./mvnw -B -q package -DskipTests first)
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-5}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

source bench/timing.sh
require_jar
jar() { java -jar target/latency-edge.jar "$@"; }

# Base: the committed environments. Head: dev gains ap-southeast-1 and fast checks in eu-west-1.
mkdir -p "$work/head"
cp Pulumi*.yaml "$work/head/"
sed -i 's/    - eu-west-1/    - eu-west-1\n    - ap-southeast-1/' "$work/head/Pulumi.dev.yaml"
sed 's/eu-west-1/ap-southeast-1/g' Pulumi.dev-eu-west-1.yaml > "$work/head/Pulumi.dev-ap-southeast-1.yaml"
sed -i 's/healthCheckInterval: 30/healthCheckInterval: 10/' "$work/head/Pulumi.dev-eu-west-1.yaml"
jar plan --all --no-policy --out "$work/base-plan" >/dev/null
jar plan --all --no-policy --config-dir "$work/head" --out "$work/head-plan" >/dev/null

# Passphrase stacks: dev with one real secret sealed per stack, under one shared salt (as secrets init makes
# them), and under a salt per stack.
mkdir -p "$work/secret" "$work/salts"
cp Pulumi.yaml Pulumi.dev*.yaml "$work/secret/"
cp Pulumi.yaml Pulumi.dev*.yaml "$work/salts/"
java bench/PassphraseStacks.java "$work/secret" bench-passphrase "bench-origin-secret-0123456789abcdefghijklmnop" \
  dev dev-us-east-1 dev-eu-west-1
java bench/PassphraseStacks.java --salt-per-stack "$work/salts" bench-passphrase \
  "bench-origin-secret-0123456789abcdefghijklmnop" dev dev-us-east-1 dev-eu-west-1
mkdir -p "$work/plain"
cp Pulumi.yaml Pulumi.dev*.yaml "$work/plain/"

declare -A t
for _ in $(seq "$runs"); do
  t[dev]+="$(time_ms jar plan dev --no-policy --out "$work/o1") "
  t[prod]+="$(time_ms jar plan prod --no-policy --out "$work/o2") "
  t[all]+="$(time_ms jar plan --all --no-policy --out "$work/o3") "
  t[diff]+="$(time_ms jar diff "$work/base-plan" "$work/head-plan" --format markdown) "
  t[plain]+="$(time_ms jar plan dev --no-policy --config-dir "$work/plain" --out "$work/o4") "
  t[secret]+="$(PULUMI_CONFIG_PASSPHRASE=bench-passphrase time_ms jar plan dev --no-policy --config-dir "$work/secret" --out "$work/o5") "
  t[salts]+="$(PULUMI_CONFIG_PASSPHRASE=bench-passphrase time_ms jar plan dev --no-policy --config-dir "$work/salts" --out "$work/o6") "
done
for k in dev prod all diff plain secret salts; do
  read -r _ "m_$k" < <(printf '%s\n' ${t[$k]} | stats)
done
printf '%-44s %8s\n' "median of $runs runs" "ms"
printf '%-44s %8s\n' "plan dev" "$m_dev" "plan prod" "$m_prod" "plan --all (dev and prod)" "$m_all" \
  "diff of dev and prod plans (markdown)" "$m_diff" "plan dev, placeholders" "$m_plain" \
  "plan dev, passphrase secrets (one salt, 1 key)" "$m_secret" "plan dev, passphrase secrets (3 salts, 3 keys)" "$m_salts"
echo "diff / (plan dev + plan prod) = $(awk "BEGIN {printf \"%.2f\", $m_diff / ($m_dev + $m_prod)}") (goal <= 0.33)"
echo "passphrase secrets cost $(( m_secret - m_plain )) ms (goal <= 1000); with a salt per stack $(( m_salts - m_plain )) ms"
echo "plan --all / (plan dev + plan prod) = $(awk "BEGIN {printf \"%.2f\", $m_all / ($m_dev + $m_prod)}") (goal <= 1.00)"
