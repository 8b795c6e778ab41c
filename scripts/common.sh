#!/usr/bin/env bash
# SPDX-FileCopyrightText: Closient Station contributors
# SPDX-License-Identifier: GPL-3.0-or-later
# Shared by run.sh and test.sh: install what is missing (Debian 12, as root), configure and build.
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BUILD="${CLOSIENT_BUILD_DIR:-$ROOT/build}"

# What the application needs to build and run.
RUN_PACKAGES=(
  build-essential cmake ninja-build pkg-config
  qt6-base-dev qt6-declarative-dev qt6-multimedia-dev qt6-svg-dev qt6-serialport-dev
  qt6-httpserver-dev qt6-websockets-dev qt6-tools-dev qt6-l10n-tools qt6-image-formats-plugins
  qml6-module-qtquick qml6-module-qtquick-controls qml6-module-qtquick-layouts qml6-module-qtquick-window
  qml6-module-qtquick-templates qml6-module-qtquick-dialogs qml6-module-qtqml-workerscript
  qml6-module-qtmultimedia qml6-module-qttest qml6-module-qtqml qml6-module-qtqml-models
  qml6-module-qt-labs-folderlistmodel
  qtkeychain-qt6-dev
  libqt6sql6-sqlite libsqlite3-dev zlib1g-dev libzxing-dev libopencv-dev libpoppler-qt6-dev libzint-dev libzbar-dev
  gstreamer1.0-plugins-good gstreamer1.0-plugins-base
  fonts-dejavu-core fonts-ocr-b glabels-data ghostscript xvfb xauth
)
# What the tests and benchmarks need on top: a print server with a PDF printer, glabels for comparison, a Secret
# Service (gnome-keyring) for the keyring test.
# ccache makes a second build of the same sources (CI's clean-machine check) take minutes instead of a quarter hour.
TEST_PACKAGES=(cups cups-client cups-bsd printer-driver-cups-pdf glabels imagemagick poppler-utils unzip dbus ccache python3-jsonschema gnome-keyring)

ensure_packages() {
  local missing=()
  for p in "$@"; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
      missing+=("$p")
    fi
  done
  if [ ${#missing[@]} -gt 0 ]; then
    echo "Installing ${#missing[@]} missing packages: ${missing[*]}"
    if [ "$(id -u)" -ne 0 ]; then
      echo "Packages are missing; run this as root (or install them): ${missing[*]}" >&2
      exit 1
    fi
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  fi
}

# The compiler cache, when ccache is installed: shared by every checkout of the project on this machine (paths are
# taken relative to the checkout, and the compiler is known by its content), so a clean build of sources already
# built once costs little.
export CCACHE_DIR="${CCACHE_DIR:-/var/cache/closient-station/ccache}"
export CCACHE_BASEDIR="${CCACHE_BASEDIR:-$ROOT}"
export CCACHE_COMPILERCHECK="${CCACHE_COMPILERCHECK:-content}"
export CCACHE_NOHASHDIR=1

build() {
  if [ ! -f "$BUILD/build.ninja" ]; then
    local launcher=()
    if command -v ccache >/dev/null; then
      mkdir -p "$CCACHE_DIR"
      launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
    fi
    cmake -S "$ROOT" -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=Release "${launcher[@]}"
  fi
  cmake --build "$BUILD" --parallel "$(nproc)"
}
