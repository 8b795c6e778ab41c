// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "testbase.h"

using namespace Qt::StringLiterals;

namespace closient::test {

namespace {
// Every test keeps its settings and data away from the user's real ones.
const bool s_testMode = [] {
    QStandardPaths::setTestModeEnabled(true);
    return true;
}();
} // namespace

QString dataDir()
{
    return qEnvironmentVariable("CLOSIENT_TEST_DATA", QStringLiteral(CLOSIENT_SOURCE_DIR "/tests/data"));
}

QString dataFile(const QString &relative)
{
    return dataDir() + u'/' + relative;
}

QString binaryDir()
{
    return qEnvironmentVariable("CLOSIENT_BINARY_DIR", QStringLiteral(CLOSIENT_BUILD_DIR)) + u"/bin"_s;
}

QString corpusDir()
{
    return dataDir() + u"/corpus"_s;
}

} // namespace closient::test
