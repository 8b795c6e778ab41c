// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDir>
#include <QObject>
#include <QStandardPaths>
#include <QString>
#include <QTemporaryDir>

namespace closient::test {

/// The tests/data folder of the source tree.
QString dataDir();
/// A file in tests/data.
QString dataFile(const QString &relative);
/// The build tree's folder of executables (closient-station, closient-decoder).
QString binaryDir();
/// The shared development corpus, when present next to the project.
QString corpusDir();

} // namespace closient::test
