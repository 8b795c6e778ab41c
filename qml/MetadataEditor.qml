// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

// Key/value rows for session metadata. The rules (50 keys, 40/500 characters) are checked by the store;
// the field limits here only stop typing past them.
ColumnLayout {
    id: root

    property var pairs: [{ key: "", value: "" }]

    function metadata(): var {
        let out = {};
        for (const p of root.pairs) {
            if (p.key.trim() !== "")
                out[p.key.trim()] = p.value;
        }
        return out;
    }

    function reset(initial: var) {
        let rows = [];
        for (const k in initial)
            rows.push({ key: k, value: initial[k] });
        rows.push({ key: "", value: "" });
        root.pairs = rows;
    }

    spacing: 6

    Repeater {
        model: root.pairs.length
        delegate: RowLayout {
            id: row
            required property int index
            spacing: 6
            TextField {
                Layout.preferredWidth: 180
                placeholderText: qsTr("Key (e.g. dock)")
                maximumLength: 40
                text: root.pairs[row.index].key
                onTextEdited: {
                    root.pairs[row.index].key = text;
                    if (row.index === root.pairs.length - 1 && text !== "")
                        root.pairs = root.pairs.concat([{ key: "", value: "" }]);
                }
            }
            TextField {
                Layout.fillWidth: true
                placeholderText: qsTr("Value")
                maximumLength: 500
                text: root.pairs[row.index].value
                onTextEdited: root.pairs[row.index].value = text
            }
        }
    }
}
