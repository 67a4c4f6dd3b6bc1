#!/usr/bin/env bash
# Log-mel front end speed, ours vs torchaudio, one thread each, on the same synthetic audio (multiples of real time).
#   bash datasets/scripts/benchmark_logmel.sh [seconds=600] [runs=5]
# Needs a build (mvn -B -DskipTests package) and, for the torchaudio figure, python3-torchaudio
# (harness/bin/install-deps.sh --reference-tools). Run it on an otherwise idle machine: both figures scale with load.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
seconds=${1:-600}; runs=${2:-5}
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
echo "== ours (LogMelBenchmark, one thread)"
java -Dai.djl.offline=true -cp datasets/target/classes org.masrrepro.datasets.features.LogMelBenchmark "$seconds" "$runs" "$tmp/bench.wav"
echo "== torchaudio (datasets/scripts/logmel_reference.py --time, one thread, best of 3)"
/usr/bin/python3 datasets/scripts/logmel_reference.py "$tmp/bench.wav" "$tmp/bench.npy" --time
