// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "layoutlibrary.h"

#include <QCollator>
#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace closient::labels {

QString LayoutLibrary::userFolder()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + u"/layouts"_s;
}

LayoutLibrary LayoutLibrary::load()
{
    QStringList folders { u":/labels/layouts"_s, userFolder() };
    if (const QString extra = qEnvironmentVariable("CLOSIENT_LAYOUT_DIR"); !extra.isEmpty())
        folders << extra;
    return load(folders);
}

LayoutLibrary LayoutLibrary::load(const QStringList &folders)
{
    LayoutLibrary lib;
    for (const QString &folder : folders) {
        const bool builtIn = folder.startsWith(u':');
        for (const auto &fi : QDir(folder).entryInfoList({ u"*.json"_s }, QDir::Files, QDir::Name)) {
            auto layout = loadLayoutFile(fi.filePath());
            if (!layout.ok()) {
                lib.m_problems << (builtIn ? layout.error().message : fi.path() + u'/' + layout.error().message);
                continue;
            }
            const QString name = layout.value().name;
            std::erase_if(
                lib.m_entries, [&](const Entry &e) { return e.layout.name.compare(name, Qt::CaseInsensitive) == 0; });
            lib.m_entries.push_back({ std::move(layout.value()), fi.filePath(), builtIn });
        }
    }
    QCollator collator;
    collator.setNumericMode(true);
    collator.setCaseSensitivity(Qt::CaseInsensitive);
    std::sort(lib.m_entries.begin(), lib.m_entries.end(),
        [&](const Entry &a, const Entry &b) { return collator.compare(a.layout.name, b.layout.name) < 0; });
    return lib;
}

QStringList LayoutLibrary::names() const
{
    QStringList n;
    for (const auto &e : m_entries)
        n << e.layout.name;
    return n;
}

const LayoutLibrary::Entry *LayoutLibrary::find(const QString &name) const
{
    for (const auto &e : m_entries) {
        if (e.layout.name.compare(name.trimmed(), Qt::CaseInsensitive) == 0)
            return &e;
    }
    return nullptr;
}

Result<QString> LayoutLibrary::save(const Layout &layout, const QString &folder)
{
    const QString dir = folder.isEmpty() ? userFolder() : folder;
    if (!QDir().mkpath(dir))
        return Error { u"io"_s, u"the folder %1 cannot be made"_s.arg(dir) };
    // The file is named after the layout: letters and digits kept, anything else a '-'.
    QString stem;
    for (const QChar c : layout.name.trimmed().toLower())
        stem += c.isLetterOrNumber() ? c : u'-';
    while (stem.contains(u"--"_s))
        stem.replace(u"--"_s, u"-"_s);
    stem = stem.left(80);
    if (stem.isEmpty() || stem == u"-")
        return Error { u"invalid"_s, u"a layout needs a name to be saved"_s };
    // A layout of the same name in another file of this folder is the one being replaced.
    const LayoutLibrary existing = load({ dir });
    QString path;
    if (const Entry *same = existing.find(layout.name))
        path = same->path;
    // Two names can make the same file name ("A/B", "A B"): another layout's file is never replaced.
    for (int n = 1; path.isEmpty(); ++n) {
        const QString candidate = QDir(dir).filePath(n == 1 ? stem + u".json"_s : u"%1-%2.json"_s.arg(stem).arg(n));
        if (!QFileInfo::exists(candidate))
            path = candidate;
    }
    if (auto saved = saveLayoutFile(layout, path); !saved.ok())
        return saved.error();
    return path;
}

} // namespace closient::labels
