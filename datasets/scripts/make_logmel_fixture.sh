#!/usr/bin/env bash
# Writes the stored torchaudio reference that LogMelFixtureTest (default test suite) checks LogMel against:
#   datasets/src/test/resources/fixtures/logmel_input.wav      espeak-ng speech, 16 kHz 16-bit mono, with a 0.3 s
#                                                              digital-silence gap (exercises the 1e-6 floor)
#   datasets/src/test/resources/fixtures/logmel_torchaudio.npy torchaudio 0.13's log-mel of it (logmel_reference.py)
# Needs Debian espeak-ng, sox, python3-torch and python3-torchaudio (harness/bin/install-deps.sh --reference-tools).
# Run from the repository root: bash datasets/scripts/make_logmel_fixture.sh
set -euo pipefail
out=datasets/src/test/resources/fixtures
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
espeak-ng -v de -s 150 -w "$tmp/a.wav" "Die Sprache ist ein Fenster zur Welt."
espeak-ng -v es -p 70 -w "$tmp/b.wav" "El viento sopla fuerte."
sox -n -r 22050 -c 1 -b 16 "$tmp/gap.wav" trim 0 0.3
sox -D "$tmp/a.wav" "$tmp/gap.wav" "$tmp/b.wav" -r 16000 -c 1 -b 16 -e signed-integer "$out/logmel_input.wav"
/usr/bin/python3 datasets/scripts/logmel_reference.py "$out/logmel_input.wav" "$out/logmel_torchaudio.npy"
