// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls

// The Sessions area: the list of sessions, and one session's page on top of it.
StackView {
    id: root

    signal newSessionRequested

    function openSession(id: string) {
        root.push(sessionPage, { sessionId: id });
    }
    function showList() {
        root.pop(null);
    }

    initialItem: SessionsPage {
        onOpenSession: id => root.openSession(id)
        onNewSessionRequested: root.newSessionRequested()
    }

    Component {
        id: sessionPage
        SessionPage {
            onBack: root.pop()
        }
    }
}
