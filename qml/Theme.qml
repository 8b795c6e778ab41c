// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
pragma Singleton

import QtQuick

// Colours and sizes shared by every view.
QtObject {
    readonly property color primary: "#1f3a5f"
    readonly property color accent: "#0f8b8d"
    readonly property color rail: "#16283f"
    readonly property color railText: "#c9d6e8"
    readonly property color surface: "#f5f7fa"
    readonly property color card: "#ffffff"
    readonly property color border: "#dde3ea"
    readonly property color text: "#1b2430"
    readonly property color muted: "#5f6b7a"
    readonly property color good: "#1e7d32"
    readonly property color warn: "#b26a00"
    readonly property color bad: "#c62828"
    readonly property color badBackground: "#fdecea"
    readonly property color goodBackground: "#e8f5e9"
    readonly property color warnBackground: "#fff4e5"
    // The keyboard focus frame around buttons: a blue unlike the accent, so it shows on filled buttons and on white.
    readonly property color focusFrame: "#0b57d0"
    readonly property string monoFont: "DejaVu Sans Mono"
    readonly property int spacing: 12
    readonly property int radius: 6
}
