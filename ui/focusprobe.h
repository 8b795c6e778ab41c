// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

namespace closient::ui {

/// True when a scanned code belongs to what has the keyboard focus, typed there, rather than to a capture: a
/// dialog, menu or other popup, another window than a Qt Quick one, or a text field that does not capture codes
/// (a search box, a setting). Capture fields say they capture with a `capturesScans: true` property; with the
/// focus anywhere else (a button, a list) scans are captured.
[[nodiscard]] bool focusIsInDialog();

} // namespace closient::ui
