// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls

// A combo box whose closed text ends in "…" where it does not fit, and shows whole in a tooltip: never cut off
// mid-word as the stock one does in a narrow panel.
ComboBox {
    id: control

    contentItem: Label {
        leftPadding: 12 // where the stock combo box starts its text
        text: control.displayText
        font: control.font
        elide: Text.ElideRight
        verticalAlignment: Text.AlignVCenter
    }
    ToolTip.visible: hovered && metrics.advanceWidth > availableWidth - 12
    ToolTip.text: displayText
    ToolTip.delay: 500

    TextMetrics {
        id: metrics
        font: control.font
        text: control.displayText
    }
}
