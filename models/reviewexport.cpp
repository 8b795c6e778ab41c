// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "reviewexport.h"

#include "outputfile.h"
#include "reviewmodel.h"
#include "reviewrepository.h"
#include "sqlhelpers.h"

#include <QFile>

using namespace Qt::StringLiterals;

namespace closient::models {

QString csvField(const QString &text)
{
    QString s = text;
    if (!s.isEmpty() && QStringView(u"=+-@").contains(s.front()))
        s.prepend(u'\''); // a spreadsheet would run it as a formula
    if (s.contains(u',') || s.contains(u'"') || s.contains(u'\n') || s.contains(u'\r'))
        s = u'"' + s.replace(u"\""_s, u"\"\""_s) + u'"';
    return s;
}

QFuture<store::Result<int>> exportReviewCsv(
    store::Database *db, const store::ReviewFilter &filter, const QString &target)
{
    return db->run([filter, target, storePath = db->path()](QSqlDatabase &c) -> store::Result<int> {
        auto output = labels::OutputFile::prepare(target, storePath);
        if (!output.ok())
            return output.error();
        QFile file(output->tempPath());
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
            return store::StoreError { u"io"_s, u"%1 cannot be written: %2"_s.arg(target, file.errorString()) };
        const auto line = [&](const QStringList &fields) {
            QStringList out;
            for (const auto &f : fields)
                out << csvField(f);
            return file.write((out.join(u',') + u"\r\n"_s).toUtf8()) >= 0;
        };
        bool ok = line(ReviewModel::titles());
        store::Transaction snapshot(c); // every page from the same state of the store; rolled back, nothing written
        int written = 0;
        constexpr int kChunk = 1000;
        for (int offset = 0; ok; offset += kChunk) {
            auto page = store::ReviewRepository::fetchPage(c, filter, offset, kChunk);
            if (!page.ok())
                return page.error();
            for (const auto &row : page.value()) {
                QStringList cells;
                for (int col = 0; col < store::kReviewColumnCount; ++col)
                    cells << ReviewModel::cellText(row, col);
                ok = ok && line(cells);
                ++written;
            }
            if (int(page->size()) < kChunk)
                break;
        }
        if (!ok || !file.flush())
            return store::StoreError { u"io"_s, u"%1 could not be written: %2"_s.arg(target, file.errorString()) };
        file.close();
        if (auto placed = output->commit(); !placed.ok())
            return placed.error();
        return written;
    });
}

} // namespace closient::models
