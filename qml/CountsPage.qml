// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Closient.Station.Models

// The Counts area: every inventory count, a count in progress, and a count's variance report. While a count is
// being counted here, every code the station reads (camera, hand scanners, typed) counts into it.
Page {
    id: root

    enum View {
        List,
        Counting,
        Report
    }
    property int view: CountsPage.View.List

    function openCount(id: string): void {
        CountsController.openCount(id);
        root.view = CountsPage.View.Counting;
    }
    function showReport(): void {
        CountsController.loadVariance();
        root.view = CountsPage.View.Report;
    }

    background: Rectangle {
        color: Theme.surface
    }

    Binding {
        target: CountsController
        property: "capturing"
        value: root.visible && root.view === CountsPage.View.Counting
    }

    Connections {
        target: CountsController
        function onCountStarted(id: string): void {
            newDialog.close();
            root.view = CountsPage.View.Counting;
        }
        function onCountFinished(id: string): void {
            root.view = CountsPage.View.Report;
        }
    }

    StackLayout {
        anchors.fill: parent
        currentIndex: root.view

        CountsList {
            onOpenCount: id => root.openCount(id)
            onNewCount: newDialog.open()
        }
        CountsProgress {
            onBack: {
                CountsController.closeCount();
                root.view = CountsPage.View.List;
            }
            onFinishRequested: finishDialog.open()
            onReportRequested: root.showReport()
        }
        CountsVariance {
            onBack: {
                if (CountsController.open) {
                    root.view = CountsPage.View.Counting;
                } else {
                    CountsController.closeCount();
                    root.view = CountsPage.View.List;
                }
            }
        }
    }

    CountsNewDialog {
        id: newDialog
    }
    CountsFinishDialog {
        id: finishDialog
    }
}
