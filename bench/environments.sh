# Generated environments for the benchmarks: sourced by scale.sh and repeat.sh.
# make_env N DIR writes DIR/Pulumi.yaml and the stack files of environment "bench" with the first N Regions.
regions=(us-east-1 eu-west-1 ap-southeast-1 us-west-2 eu-central-1 ap-northeast-1 sa-east-1 ca-central-1 \
  eu-west-2 ap-southeast-2 us-east-2 us-west-1 eu-west-3 eu-north-1 ap-south-1 ap-northeast-2 ap-northeast-3 \
  ap-east-1 eu-south-1 af-south-1)
secret='v1:cmVwbGFjZS1tZS13aXRoLXB1bHVtaS1jb25maWctc2V0LS1zZWNyZXQ='

make_env() {
  local n=$1 dir=$2; mkdir -p "$dir"; cp Pulumi.yaml "$dir/"
  { echo "config:"; echo "  aws:region: us-east-1"; echo "  latency-edge:role: global"
    echo "  latency-edge:zone: example.com"; echo "  latency-edge:domain: www.example.com"
    echo "  latency-edge:originLabel: q4z8m2t7x1c9v5b3n6"
    echo "  latency-edge:originVerifySecret:"; echo "    secure: $secret"; echo "  latency-edge:regions:"
    for r in "${regions[@]:0:$n}"; do echo "    - $r"; done; } > "$dir/Pulumi.bench.yaml"
  for r in "${regions[@]:0:$n}"; do
    { echo "config:"; echo "  aws:region: $r"; echo "  latency-edge:role: region"
      echo "  latency-edge:zone: example.com"; echo "  latency-edge:clusterName: bench-$r"
      echo "  latency-edge:originVerifySecret:"; echo "    secure: $secret"; } > "$dir/Pulumi.bench-$r.yaml"
  done
}

