#!/usr/bin/env bash
# Installs (as root) or names (otherwise) the Debian packages masr-repro needs beyond Java 17 and Maven:
# espeak-ng for the embedded speech corpora and the packages whose gettext catalogues give the parallel sentences.
# --reference-tools: also the reference tools of the slow cross-checks (reference-packages.txt: torchaudio, sklearn).
# Exit 0 when everything is present; 1 with the exact command to run otherwise.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# --write-lock: record the installed versions of debian-packages.txt in debian-packages.lock (after a recalibration).
# Versions differing from the lock are reported (a warning, not an error): the gettext catalogues and espeak-ng
# decide the analog corpora, so another version builds another corpus and moves the cpu numbers a little.
lists=("$here/debian-packages.txt")
write_lock=false
for arg in "$@"; do
  case "$arg" in
    --reference-tools) lists+=("$here/reference-packages.txt") ;;
    --write-lock) write_lock=true ;;
    '') ;;  # Maven passes an empty argument when -Pslow is off
    *) echo "install-deps.sh: unknown argument $arg (known: --reference-tools, --write-lock)" >&2; exit 2 ;;
  esac
done
mapfile -t packages < <(cat "${lists[@]}" | grep -v '^\s*#' | awk 'NF {print $1}')
mapfile -t corpus_packages < <(grep -v '^\s*#' "$here/debian-packages.txt" | awk 'NF {print $1}')
lock="$here/debian-packages.lock"

check_lock() {
  if $write_lock; then
    { echo "# Installed versions of debian-packages.txt, recorded $(date -u +%F) by install-deps.sh --write-lock:"
      echo "# the versions the analog corpora are calibrated on. install-deps.sh warns when a machine differs."
      for p in "${corpus_packages[@]}"; do echo "$p $(dpkg-query -W -f='${Version}' "$p")"; done; } > "$lock"
    echo "wrote $lock" >&2
    return 0
  fi
  [ -f "$lock" ] || return 0
  local differ=()
  while read -r p v; do
    case "$p" in ''|'#'*) continue ;; esac
    have=$(dpkg-query -W -f='${Version}' "$p" 2>/dev/null || echo missing)
    [ "$have" = "$v" ] || differ+=("$p $have (lock: $v)")
  done < "$lock"
  if [ ${#differ[@]} -gt 0 ]; then
    echo "install-deps.sh: WARNING: ${#differ[@]} Debian package(s) differ from harness/bin/debian-packages.lock:" >&2
    printf '  %s\n' "${differ[@]}" >&2
    echo "  the analog corpora built here may differ from those built with the locked versions (each corpus card" >&2
    echo "  lists its versions): cpu numbers then move by about the run-to-run spread; compare directions and gaps." >&2
  fi
  return 0
}

missing=()
for p in "${packages[@]}"; do
  status=$(dpkg-query -W -f='${db:Status-Status}' "$p" 2>/dev/null || true)
  [ "$status" = "installed" ] || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then check_lock; exit 0; fi

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
check_lock
