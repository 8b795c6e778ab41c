// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "result.h"

#include <QFile>
#include <QSet>
#include <QString>

#include <vector>

namespace closient::labels {

/** Writes a ZIP archive entry by entry (deflated with zlib), so a job of any size streams to disk. */
class ZipWriter
{
public:
    explicit ZipWriter(const QString &path);
    ~ZipWriter();
    [[nodiscard]] bool isOpen() const { return m_file.isOpen(); }
    [[nodiscard]] QString errorString() const { return m_file.errorString(); }

    /// Adds a file; a name already used gets "-2", "-3" before its extension. Returns the name used.
    QString add(const QString &name, const QByteArray &data);
    /// Writes the central directory; false when the disk refused.
    [[nodiscard]] bool finish();
    /// Names in the order they were added.
    [[nodiscard]] QStringList names() const;

    /// Reads back a ZIP this class wrote (for verification and tests): name → data, empty on a broken archive.
    [[nodiscard]] static Result<std::vector<std::pair<QString, QByteArray>>> read(const QString &path);

private:
    struct Entry
    {
        QByteArray name;
        quint32 crc = 0;
        quint32 compressed = 0;
        quint32 size = 0;
        quint32 offset = 0;
        quint16 method = 8;
    };
    QFile m_file;
    std::vector<Entry> m_entries;
    QSet<QString> m_used;
    bool m_ok = true;
    bool m_finished = false;
};

} // namespace closient::labels
