#!/usr/bin/env bash
# SPDX-FileCopyrightText: Closient Station contributors
# SPDX-License-Identifier: GPL-3.0-or-later
# Installs what is missing, builds, and runs every test (except those that need real hardware: label hw).
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
ensure_packages "${RUN_PACKAGES[@]}" "${TEST_PACKAGES[@]}"
build
cd "$BUILD"
ctest -LE hw --output-on-failure --timeout 900 "$@"
