#!/usr/bin/env bash
# Installs (as root) or names (otherwise) the Debian packages masr-repro needs beyond Java 17 and Maven:
# espeak-ng for the embedded speech corpora and the packages whose gettext catalogues give the parallel sentences.
# --reference-tools: also the reference tools of the slow cross-checks (reference-packages.txt: torchaudio, sklearn).
# Exit 0 when everything is present; 1 with the exact command to run otherwise.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
lists=("$here/debian-packages.txt")
for arg in "$@"; do
  case "$arg" in
    --reference-tools) lists+=("$here/reference-packages.txt") ;;
    *) echo "install-deps.sh: unknown argument $arg (known: --reference-tools)" >&2; exit 2 ;;
  esac
done
mapfile -t packages < <(cat "${lists[@]}" | grep -v '^\s*#' | awk 'NF {print $1}')

missing=()
for p in "${packages[@]}"; do
  status=$(dpkg-query -W -f='${db:Status-Status}' "$p" 2>/dev/null || true)
  [ "$status" = "installed" ] || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

cmd="apt-get install -y --no-install-recommends ${missing[*]}"
if [ "$(id -u)" -ne 0 ]; then
  echo "masr-repro needs these Debian packages: ${missing[*]}" >&2
  echo "run as root:  apt-get update && $cmd" >&2
  exit 1
fi
echo "installing Debian packages: ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
if ! $cmd >/tmp/masr-apt.log 2>&1; then
  apt-get update -qq >>/tmp/masr-apt.log 2>&1
  $cmd >>/tmp/masr-apt.log 2>&1 || { echo "apt-get failed; see /tmp/masr-apt.log" >&2; tail -20 /tmp/masr-apt.log >&2; exit 1; }
fi
