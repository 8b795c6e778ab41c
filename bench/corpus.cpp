// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "corpus.h"

#include "gtin.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>

using namespace Qt::StringLiterals;

namespace closient::bench {

namespace {

bool isDigits(const QString &s)
{
    return !s.isEmpty() && std::all_of(s.begin(), s.end(), [](QChar c) { return c.isDigit(); });
}

// Main GTIN-14 and add-on of EAN/UPC digits as a decoder or a corpus writes them.
std::pair<QString, QString> eanParts(const QString &format, QString digits)
{
    digits.remove(u' ');
    if (!isDigits(digits))
        return {};
    int mainLength = 13;
    if (format == u"UPC-E")
        mainLength = digits.size() == 13 || digits.size() == 15 || digits.size() == 18 ? 13 : 8;
    else if (format == u"EAN-8")
        mainLength = 8;
    else if (format == u"UPC-A")
        mainLength = digits.size() == 12 || digits.size() == 14 || digits.size() == 17 ? 12 : 13;
    if (digits.size() < mainLength)
        return {};
    QString main = digits.left(mainLength);
    const QString addOn = digits.mid(mainLength);
    if (main.size() == 8 && format == u"UPC-E")
        main = gs1::expandUpcE(main);
    return { QString(14 - main.size(), u'0') + main, addOn };
}

} // namespace

std::vector<CorpusImage> loadCorpus(const QString &dir)
{
    std::vector<CorpusImage> out;
    static const QStringList images { u"*.png"_s, u"*.jpg"_s, u"*.jpeg"_s, u"*.webp"_s, u"*.bmp"_s, u"*.gif"_s,
        u"*.tif"_s, u"*.tiff"_s };
    QDirIterator it(dir, images, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QFileInfo fi(it.next());
        CorpusImage img;
        img.path = fi.filePath();
        img.folder = fi.dir().dirName();
        img.negative = img.folder.startsWith(u"falsepositives");
        if (!img.negative) {
            QFile txt(fi.dir().filePath(fi.completeBaseName() + u".txt"_s));
            if (!txt.open(QIODevice::ReadOnly))
                continue; // no expected text (multi-symbol samples, binary payloads): not scored
            img.expected = QString::fromUtf8(txt.readAll());
        }
        out.push_back(std::move(img));
    }
    std::sort(out.begin(), out.end(),
        [](const auto &a, const auto &b) { return a.folder == b.folder ? a.path < b.path : a.folder < b.folder; });
    return out;
}

Match compare(const scanning::ScanResult &result, const QString &expected)
{
    static const QStringList eanUpc { u"EAN-13"_s, u"EAN-8"_s, u"UPC-A"_s, u"UPC-E"_s };
    if (eanUpc.contains(result.format)) {
        const auto got = eanParts(result.format, result.text);
        const auto want = eanParts(result.format, expected);
        if (got.first.isEmpty() || got.first != want.first)
            return Match::Wrong;
        if (want.second.isEmpty() || got.second == want.second)
            return Match::Correct;
        return got.second.isEmpty() ? Match::Partial : Match::Wrong;
    }
    return result.text == expected ? Match::Correct : Match::Wrong;
}

} // namespace closient::bench
