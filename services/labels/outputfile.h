// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "result.h"

#include <QString>

namespace closient::labels {

/**
 * Where a job's file goes. The target is checked before anything is made: never the open store (by its path, its
 * -wal, -shm or -journal file, or another name for the same file) and never any SQLite database. The file is
 * written under a temporary name in the target's own folder and only commit() puts it in place: synced to disk,
 * renamed over the target in one step, and the folder synced, so a crash leaves the old file or the new one.
 */
class OutputFile
{
public:
    /// Checks @p target against the store at @p storePath and reserves a temporary name beside it.
    [[nodiscard]] static Result<OutputFile> prepare(const QString &target, const QString &storePath);

    OutputFile(OutputFile &&other) noexcept;
    OutputFile &operator=(OutputFile &&other) noexcept;
    OutputFile(const OutputFile &) = delete;
    OutputFile &operator=(const OutputFile &) = delete;
    ~OutputFile(); // an output never committed is removed

    /// Where the writers write.
    [[nodiscard]] const QString &tempPath() const { return m_temp; }
    [[nodiscard]] const QString &target() const { return m_target; }
    /// Syncs the temporary file, renames it over the target and syncs the folder.
    [[nodiscard]] Result<Done> commit();
    /// Removes the temporary file (also done when it goes out of scope uncommitted).
    void discard();

    /// Why @p path must not be written over: it is the store at @p storePath (or one of its files), or an SQLite
    /// database. Done when it may be.
    [[nodiscard]] static Result<Done> checkTarget(const QString &path, const QString &storePath);

private:
    OutputFile(QString target, QString temp);
    QString m_target;
    QString m_temp;
    bool m_committed = false;
};

} // namespace closient::labels
