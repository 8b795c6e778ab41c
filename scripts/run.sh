#!/usr/bin/env bash
# SPDX-FileCopyrightText: Closient Station contributors
# SPDX-License-Identifier: GPL-3.0-or-later
# Installs what is missing, builds, and starts Closient Station. Arguments go to the application.
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
ensure_packages "${RUN_PACKAGES[@]}"
build
if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
  echo "No display here: starting Closient Station on a virtual X display (xvfb-run)."
  exec xvfb-run -a -s "-screen 0 1280x800x24" "$BUILD/bin/closient-station" "$@"
fi
exec "$BUILD/bin/closient-station" "$@"
