// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QProcess>
#include <QString>
#include <QTemporaryDir>

namespace closient::test {

/**
 * A CUPS server of the test's own: its configuration, spool and socket in a temporary folder, so queues can be
 * added and jobs sent without touching the machine's printers. CUPS_SERVER points lp and lpadmin at it while it runs.
 */
class PrivateCups
{
public:
    PrivateCups();
    ~PrivateCups();
    PrivateCups(const PrivateCups &) = delete;
    PrivateCups &operator=(const PrivateCups &) = delete;

    /// Whether cupsd is installed here.
    [[nodiscard]] static bool available();
    /// Starts cupsd; the reason when it cannot.
    [[nodiscard]] QString start();
    /// Adds a queue that passes jobs to @p deviceUri unfiltered (a raw queue); the reason when it cannot.
    [[nodiscard]] QString addRawQueue(const QString &name, const QString &deviceUri);
    /// Waits (up to @p ms) until no job is left in any queue.
    bool waitUntilIdle(int ms);

private:
    QTemporaryDir m_dir { QStringLiteral("/tmp/closient-cups-XXXXXX") };
    QProcess m_cupsd;
    QByteArray m_previousServer;
};

} // namespace closient::test
