// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>

#include <functional>

class QObject;
class QQmlApplicationEngine;

namespace closient::app {

/** What the self-test walks through once the main window is up. */
struct SelfTestSteps
{
    QStringList areas; // every area of the window, in turn
    QString sessionId; // a session whose page is opened too
    int minimumDialogs = 1; // fewer dialogs found means the walk itself is broken
    std::function<void(QObject *window)> show; // places and shows the window, as the application does
};

/// Compiles every QML file, loads the main window, visits every area and a session's page, opens and closes every
/// dialog and popup it finds (file dialogs included), and fails on any warning or QML error on the way.
/// Returns the process exit code.
int selfTest(QQmlApplicationEngine &engine, const SelfTestSteps &steps);

} // namespace closient::app
