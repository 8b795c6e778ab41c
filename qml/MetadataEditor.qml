// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

// Key/value rows for session metadata. The rules (50 keys, 40/500 characters) are checked by the store;
// the field limits here only stop typing past them. Rows live in a ListModel, so adding the next empty row
// while someone types leaves the row being typed in (and its focus) alone. Past a few rows the list scrolls, so
// a dialog holding it stays on a small screen.
ScrollView {
    id: root

    property int visibleRows: 4
    // Keys the dialog already sets another way (the New session dialog's Name is the key "name").
    property var takenKeys: []
    // The first key given twice (on two rows, or a row and takenKeys); "" when every key is unique. A dialog does
    // not save while it is set: one value would silently replace the other.
    readonly property string repeatedKey: {
        if (root.revision < 0) // depends on every edit of the rows
            return "";
        let seen = {};
        for (const k of root.takenKeys)
            seen[k] = true;
        for (let i = 0; i < rows.count; ++i) {
            const k = rows.get(i).key.trim();
            if (k === "")
                continue;
            if (seen[k])
                return k;
            seen[k] = true;
        }
        return "";
    }
    readonly property string repeatedKeyText: repeatedKey === "" ? "" : qsTr("The key “%1” is given twice: keep one, or one value would replace the other.").arg(repeatedKey)
    property int revision: 0 // bumped on every change so repeatedKey and edited are evaluated again
    property var initial: ({})
    // True when the rows say something else than they did at reset(): a key or value changed, added or removed.
    readonly property bool edited: {
        if (root.revision < 0)
            return false;
        const now = root.metadata();
        let before = {};
        for (const k in root.initial) {
            if (k.trim() !== "")
                before[k.trim()] = String(root.initial[k]);
        }
        const keys = Object.keys(now);
        if (keys.length !== Object.keys(before).length)
            return true;
        return keys.some(k => !(k in before) || before[k] !== now[k]);
    }

    function metadata(): var {
        let out = {};
        for (let i = 0; i < rows.count; ++i) {
            const r = rows.get(i);
            if (r.key.trim() !== "")
                out[r.key.trim()] = r.value;
        }
        return out;
    }

    function reset(initial: var) {
        root.initial = initial;
        rows.clear();
        for (const k in initial)
            rows.append({ key: k, value: String(initial[k]) });
        rows.append({ key: "", value: "" });
        root.revision++;
    }

    implicitHeight: Math.min(column.implicitHeight, root.visibleRows * 52)
    contentWidth: availableWidth
    clip: true

    ListModel {
        id: rows
        ListElement {
            key: ""
            value: ""
        }
    }

    ColumnLayout {
        id: column
        width: root.availableWidth
        spacing: 6

        Repeater {
            model: rows
            delegate: RowLayout {
                id: row
                required property int index
                required property string key
                required property string value
                Layout.fillWidth: true
                spacing: 6
                TextField {
                    objectName: "metadataKey" + row.index
                    Layout.preferredWidth: 180
                    placeholderText: qsTr("Key (e.g. dock)")
                    maximumLength: 40
                    text: row.key
                    Accessible.name: qsTr("Metadata key %1").arg(row.index + 1)
                    color: root.repeatedKey !== "" && text.trim() === root.repeatedKey ? Theme.bad : palette.text
                    onTextEdited: {
                        rows.setProperty(row.index, "key", text);
                        root.revision++;
                        if (row.index === rows.count - 1 && text !== "")
                            rows.append({ key: "", value: "" });
                    }
                    onActiveFocusChanged: {
                        if (activeFocus)
                            root.contentItem.contentY = Math.max(0, Math.min(row.y, column.implicitHeight - root.height));
                    }
                }
                TextField {
                    objectName: "metadataValue" + row.index
                    Layout.fillWidth: true
                    placeholderText: qsTr("Value")
                    maximumLength: 500
                    text: row.value
                    Accessible.name: qsTr("Metadata value %1").arg(row.index + 1)
                    onTextEdited: {
                        rows.setProperty(row.index, "value", text);
                        root.revision++;
                    }
                }
                ToolButton {
                    text: "×"
                    visible: row.index < rows.count - 1
                    Accessible.name: qsTr("Remove this metadata row")
                    ToolTip.visible: hovered
                    ToolTip.text: qsTr("Remove this row")
                    onClicked: {
                        rows.remove(row.index);
                        root.revision++;
                    }
                }
            }
        }
    }
}
