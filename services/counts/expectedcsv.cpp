// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "expectedcsv.h"

#include "csvreader.h"
#include "gtin.h"

#include <QSet>

using namespace Qt::StringLiterals;

namespace closient::counts {

namespace {
constexpr qint64 kMaxExpected = 10'000'000;
}

Result<std::vector<ExpectedItem>> readExpectedCsv(QByteArrayView data)
{
    const auto table = labels::CsvReader::read(data);
    if (!table.ok())
        return Error { u"invalid"_s, table.error().message };
    qsizetype gtinCol = -1, lotCol = -1, expectedCol = -1;
    for (qsizetype i = 0; i < table->header.size(); ++i) {
        const QString name = table->header.at(i).trimmed().toLower();
        if (name == u"gtin")
            gtinCol = i;
        else if (name == u"lot")
            lotCol = i;
        else if (name == u"expected")
            expectedCol = i;
    }
    if (gtinCol < 0 || expectedCol < 0)
        return Error { u"invalid"_s,
            u"The expected quantities need a header with the columns gtin, expected and optionally lot."_s };
    if (table->rows.empty())
        return Error { u"invalid"_s, u"The file lists no expected quantities."_s };
    QStringList problems;
    std::vector<ExpectedItem> items;
    QSet<QString> seen;
    for (const auto &row : table->rows) {
        const QString gtinText = row.fields.at(gtinCol).trimmed();
        const QString lot = lotCol < 0 ? QString() : row.fields.at(lotCol).trimmed();
        const QString expectedText = row.fields.at(expectedCol).trimmed();
        QStringList rowProblems;
        const auto gtin = gs1::checkGtin(gtinText);
        if (gtinText.isEmpty())
            rowProblems << u"the GTIN is empty"_s;
        else if (!gtin.error.isEmpty())
            rowProblems << u"the GTIN \"%1\": %2"_s.arg(gtinText.left(40), gtin.error);
        if (lot.size() > 20)
            rowProblems << u"a lot holds at most 20 characters"_s;
        bool ok = false;
        const qint64 expected = expectedText.toLongLong(&ok);
        if (!ok || expected < 0 || expected > kMaxExpected)
            rowProblems
                << u"expected \"%1\" is not a whole number from 0 to %2"_s.arg(expectedText.left(40)).arg(kMaxExpected);
        if (rowProblems.isEmpty()) {
            const QString key = gtin.gtin14 + u'\x1d' + lot;
            if (seen.contains(key))
                rowProblems << u"GTIN %1 lot \"%2\" is listed twice"_s.arg(gtin.gtin14, lot);
            seen.insert(key);
        }
        if (!rowProblems.isEmpty()) {
            problems << row.where() + u": "_s + rowProblems.join(u"; "_s);
            continue;
        }
        items.push_back({ gtin.gtin14, lot, double(expected) });
    }
    if (!problems.isEmpty())
        return Error { u"invalid"_s,
            u"The expected quantities were not imported; fix these rows:\n"_s + problems.join(u'\n') };
    return items;
}

} // namespace closient::counts
