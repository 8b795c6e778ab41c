// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "stocklibrary.h"

#include "stockglabels.h"

#include <QCollator>
#include <QDir>
#include <QFile>
#include <QMutex>
#include <QSet>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace closient::labels {

namespace {
QString key(const QString &brand, const QString &part)
{
    return (brand + u' ' + part).simplified().toLower();
}

/// Reads every glabels template file in @p dir matching @p pattern.
std::vector<Stock> readGlabelsFolder(const QString &dir, const QString &pattern,
    const std::vector<GlabelsPaper> &papers, StockSource source, QStringList &problems)
{
    std::vector<Stock> stocks;
    if (dir.isEmpty())
        return stocks;
    const auto files = QDir(dir).entryInfoList({ pattern }, QDir::Files, QDir::Name);
    for (const auto &fi : files) {
        if (fi.fileName() == u"paper-sizes.xml" || fi.fileName() == u"categories.xml"
            || fi.fileName() == u"vendors.xml")
            continue;
        QFile f(fi.filePath());
        if (!f.open(QIODevice::ReadOnly)) {
            problems << u"%1: %2"_s.arg(fi.filePath(), f.errorString());
            continue;
        }
        auto parsed = parseGlabelsTemplates(f.readAll(), fi.filePath(), papers);
        problems << parsed.problems;
        for (auto &s : parsed.stocks) {
            s.source = source;
            stocks.push_back(std::move(s));
        }
    }
    return stocks;
}
} // namespace

StockLibrary::Sources StockLibrary::defaultSources()
{
    Sources s;
    s.templates = TemplateLibrary::instance().templates();
    s.glabelsDir = qEnvironmentVariable("CLOSIENT_GLABELS_DIR", u"/usr/share/libglabels-3.0/templates"_s);
    s.glabelsUserDir = QDir::homePath() + u"/.config/libglabels/templates"_s;
    return s;
}

StockLibrary StockLibrary::load(const Sources &sources)
{
    StockLibrary lib;
    std::vector<GlabelsPaper> papers = fallbackPaperSizes();
    if (!sources.glabelsDir.isEmpty()) {
        QFile f(QDir(sources.glabelsDir).filePath(u"paper-sizes.xml"_s));
        if (f.open(QIODevice::ReadOnly)) {
            if (auto read = parseGlabelsPaperSizes(f.readAll()); read.ok() && !read.value().empty())
                papers = read.value();
            else if (!read.ok())
                lib.m_problems << read.error().message;
        }
    }

    // glabels' own files first, then glabels' user templates, each replacing the entry with the same brand and part.
    std::vector<Stock> glabels
        = readGlabelsFolder(sources.glabelsDir, u"*-templates.xml"_s, papers, StockSource::Glabels, lib.m_problems);
    std::vector<Stock> userGlabels
        = readGlabelsFolder(sources.glabelsUserDir, u"*.template"_s, papers, StockSource::User, lib.m_problems);
    std::vector<Stock> all = glabels;
    all.insert(all.end(), userGlabels.begin(), userGlabels.end());
    resolveGlabelsEquivalents(all, &lib.m_problems);
    lib.m_glabelsCount
        = int(std::count_if(all.begin(), all.end(), [](const Stock &s) { return s.source == StockSource::Glabels; }));

    // The station's and the user's templates, and every brand/part they cover.
    std::vector<Stock> own;
    QSet<QString> covered;
    for (const auto &t : sources.templates) {
        Stock s = stockFromSheetTemplate(t, t.source == u"built-in" ? StockSource::Station : StockSource::User);
        if (!s.brand.isEmpty())
            covered.insert(key(s.brand, s.part));
        for (const auto &a : s.aliases)
            covered.insert(a.simplified().toLower());
        own.push_back(std::move(s));
    }

    QHash<QString, size_t> byKey; // a later glabels entry (the user's) replaces an earlier one
    std::vector<Stock> merged;
    for (auto &s : all) {
        const QString k = key(s.brand, s.part);
        if (covered.contains(k))
            continue;
        if (const auto it = byKey.constFind(k); it != byKey.constEnd()) {
            merged[*it] = std::move(s);
            continue;
        }
        byKey.insert(k, merged.size());
        merged.push_back(std::move(s));
    }
    own.insert(own.end(), std::make_move_iterator(merged.begin()), std::make_move_iterator(merged.end()));

    // Ids stay unique even when two part numbers differ only in characters an id cannot hold.
    QSet<QString> ids;
    for (auto &s : own) {
        QString id = s.id;
        for (int n = 2; ids.contains(id); ++n)
            id = s.id.left(60) + u'-' + QString::number(n);
        s.id = id;
        ids.insert(id);
    }

    QCollator collator;
    collator.setNumericMode(true);
    collator.setCaseSensitivity(Qt::CaseInsensitive);
    std::vector<std::pair<QString, Stock>> keyed;
    keyed.reserve(own.size());
    for (auto &s : own)
        keyed.emplace_back(s.displayName(), std::move(s));
    std::stable_sort(keyed.begin(), keyed.end(),
        [&](const auto &a, const auto &b) { return collator.compare(a.first, b.first) < 0; });
    lib.m_stocks.reserve(keyed.size());
    for (auto &k : keyed)
        lib.m_stocks.push_back(std::move(k.second));
    return lib;
}

namespace {
QMutex s_instanceMutex;
std::shared_ptr<const StockLibrary> s_instance;
} // namespace

std::shared_ptr<const StockLibrary> StockLibrary::instance()
{
    const QMutexLocker lock(&s_instanceMutex);
    if (!s_instance)
        s_instance = std::make_shared<const StockLibrary>(load(defaultSources()));
    return s_instance;
}

void StockLibrary::reload()
{
    TemplateLibrary::reload();
    auto fresh = std::make_shared<const StockLibrary>(load(defaultSources()));
    const QMutexLocker lock(&s_instanceMutex);
    s_instance = std::move(fresh);
}

const Stock *StockLibrary::find(const QString &idOrName) const
{
    const QString wanted = idOrName.simplified().toLower();
    for (const auto &s : m_stocks) {
        if (s.id.compare(idOrName, Qt::CaseInsensitive) == 0 || key(s.brand, s.part) == wanted)
            return &s;
    }
    for (const auto &s : m_stocks) {
        for (const auto &a : s.aliases) {
            if (a.simplified().toLower() == wanted)
                return &s;
        }
    }
    return nullptr;
}

std::vector<const Stock *> StockLibrary::search(const QString &text) const
{
    const QStringList words = text.simplified().split(u' ', Qt::SkipEmptyParts);
    std::vector<std::pair<int, const Stock *>> found;
    for (const auto &s : m_stocks) {
        if (!s.matches(words))
            continue;
        int rank = 3;
        for (const auto &w : words) {
            const bool aliasExact = std::any_of(s.aliases.begin(), s.aliases.end(),
                [&](const QString &a) { return a.section(u' ', -1).compare(w, Qt::CaseInsensitive) == 0; });
            if (s.part.compare(w, Qt::CaseInsensitive) == 0)
                rank = std::min(rank, 0);
            else if (aliasExact)
                rank = std::min(rank, 1);
            else if (s.part.startsWith(w, Qt::CaseInsensitive))
                rank = std::min(rank, 2);
        }
        found.emplace_back(rank, &s);
    }
    std::stable_sort(found.begin(), found.end(), [](const auto &a, const auto &b) { return a.first < b.first; });
    std::vector<const Stock *> out;
    out.reserve(found.size());
    for (const auto &f : found)
        out.push_back(f.second);
    return out;
}

} // namespace closient::labels
