// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>

#include <functional>

class QQmlApplicationEngine;

namespace closient::app {

/** What the self-test walks through once the main window is up. */
struct SelfTestSteps
{
    QStringList areas; // every area of the window, in turn
    QString sessionId; // a session whose page is opened too
    int minimumDialogs = 1; // fewer dialogs found means the walk itself is broken
    std::function<void()> prepare; // after the window loaded: e.g. fill the store so every list has rows
};

/// Compiles every QML file, loads the main window, visits every area and a session's page, opens and closes every
/// dialog and popup it finds (file dialogs included), and fails on any warning or QML error on the way.
/// Returns the process exit code.
int selfTest(QQmlApplicationEngine &engine, const SelfTestSteps &steps);

} // namespace closient::app
