#!/usr/bin/env bash
# masr-repro: reproduce the MASR paper's experiments end to end, offline.
#   ./reproduce.sh [--profile smoke|cpu|paper] [--only SPEC...] [--seed N] [--seeds N] [--device NAME] [--runs DIR]
# Installs what it needs (Debian packages as root; otherwise it prints the exact command), builds with Maven,
# runs every spec (or --only those) and writes the report under runs/report/<profile>/ (<DIR>/report/<profile>/ with
# --runs DIR; a relative DIR is taken from this directory).
# MASR_PREBUILT=1 skips the installs and the Maven build and runs the build already in harness/target.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"

profile=cpu
runs=runs
only=()
extra=()
while [ $# -gt 0 ]; do
  case "$1" in
    --profile) profile="$2"; shift 2 ;;
    --only) shift; while [ $# -gt 0 ] && [[ "$1" != --* ]]; do only+=("$1"); shift; done ;;
    --runs) runs="$2"; extra+=("$1" "$2"); shift 2 ;;
    --seed|--seeds|--device|--data-dir|--interrupt-after-steps) extra+=("$1" "$2"); shift 2 ;;
    -h|--help) sed -n '2,7p' "$0"; exit 0 ;;
    *) echo "reproduce.sh: unknown argument $1 (see --help)" >&2; exit 2 ;;
  esac
done

# DJL must never call home (telemetry): offline mode for every JVM, Maven's included.
export DJL_OFFLINE=true
export MAVEN_OPTS="${MAVEN_OPTS:-} -Dai.djl.offline=true"

if [ "${MASR_PREBUILT:-0}" != 1 ]; then
  # Java 17 and Maven: installed here when missing and run as root on Debian, else named.
  need=()
  command -v java >/dev/null || need+=(openjdk-17-jdk-headless)
  command -v mvn >/dev/null || need+=(maven)
  if [ ${#need[@]} -gt 0 ]; then
    if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null; then
      echo "installing ${need[*]}..." >&2
      DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${need[@]}" >/tmp/masr-apt-java.log 2>&1 \
        || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${need[@]}"; } \
             >>/tmp/masr-apt-java.log 2>&1 \
        || { echo "apt-get failed; see /tmp/masr-apt-java.log" >&2; exit 1; }
    else
      echo "Java 17 and Maven are required: run as root  apt-get install -y ${need[*]}" >&2; exit 1
    fi
  fi
  bash harness/bin/install-deps.sh

  echo "building (mvn package, tests skipped: run 'mvn -B verify' for them)..."
  mvn -B -q -DskipTests -Dmasr.skipInstall=true package
fi

specs=("${only[@]}")
[ ${#specs[@]} -eq 0 ] && specs=(all)
start=$(date +%s)
harness/bin/masr run "${specs[@]}" --profile "$profile" "${extra[@]}"
echo "done in $(( $(date +%s) - start )) s; report: $runs/report/$profile/README.md"
