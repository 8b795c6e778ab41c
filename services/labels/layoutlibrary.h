// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "layout.h"
#include "result.h"

#include <QString>
#include <QStringList>

#include <vector>

namespace closient::labels {

/**
 * The layouts people choose from by name: the defaults that ship with the station (resources under
 * :/labels/layouts), the user's own (one JSON file each in userFolder()) and $CLOSIENT_LAYOUT_DIR's. A user's layout
 * with a default's name replaces it. A value: load() again to see new files.
 */
class LayoutLibrary
{
public:
    struct Entry
    {
        Layout layout;
        QString path; // the file; ":/labels/layouts/..." for a default
        bool builtIn = false;
    };

    [[nodiscard]] static LayoutLibrary load();
    /// Reads @p folders in order (later names replace earlier ones); the first may be a resource folder.
    [[nodiscard]] static LayoutLibrary load(const QStringList &folders);
    [[nodiscard]] static QString userFolder();

    /// Sorted by name.
    [[nodiscard]] const std::vector<Entry> &entries() const { return m_entries; }
    [[nodiscard]] QStringList names() const;
    /// By name, ignoring case.
    [[nodiscard]] const Entry *find(const QString &name) const;
    /// Files that could not be read, with the reason (they are left out).
    [[nodiscard]] const QStringList &problems() const { return m_problems; }

    /// Saves @p layout in @p folder (userFolder() when empty) as "<name>.json", replacing the user's layout of the
    /// same name; returns the file's path.
    [[nodiscard]] static Result<QString> save(const Layout &layout, const QString &folder = {});

private:
    std::vector<Entry> m_entries;
    QStringList m_problems;
};

} // namespace closient::labels
