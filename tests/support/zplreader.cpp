// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "zplreader.h"

#include <QPainter>

#include <cstring>
#include <optional>

using namespace Qt::StringLiterals;

namespace closient::test {

namespace {
int hexValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    return -1;
}

/// The bytes of a ^GFA field's data, decompressed; empty with @p error set when it does not add up.
QByteArray graphicBytes(const QByteArray &data, int total, int rowBytes, QString *error)
{
    const int rowHex = rowBytes * 2;
    QByteArray out;
    QByteArray row;
    QByteArray previous;
    int count = 0;
    const auto endRow = [&] {
        out += QByteArray::fromHex(row);
        previous = row;
        row.clear();
    };
    for (const char c : data) {
        if (c == '\n' || c == '\r' || c == ' ')
            continue;
        if (c >= 'G' && c <= 'Y') {
            count += c - 'G' + 1;
        } else if (c >= 'g' && c <= 'z') {
            count += (c - 'g' + 1) * 20;
        } else if (c == ',' || c == '!') {
            if (count) {
                *error = u"a repeat count stands before '%1'"_s.arg(QLatin1Char(c));
                return {};
            }
            row += QByteArray(rowHex - row.size(), c == ',' ? '0' : 'F');
            endRow();
        } else if (c == ':') {
            if (!row.isEmpty() || previous.isEmpty() || count) {
                *error = u"':' repeats no whole line"_s;
                return {};
            }
            row = previous;
            endRow();
        } else if (hexValue(c) >= 0) {
            row += QByteArray(std::max(count, 1), c);
            count = 0;
            if (row.size() > rowHex) {
                *error = u"a run goes past the end of its line"_s;
                return {};
            }
            if (row.size() == rowHex)
                endRow();
        } else {
            *error = u"'%1' is not graphic data"_s.arg(QLatin1Char(c));
            return {};
        }
    }
    if (!row.isEmpty() || out.size() != total) {
        *error = u"the graphic field holds %1 bytes, its header says %2"_s.arg(out.size()).arg(total);
        return {};
    }
    return out;
}
} // namespace

std::vector<ZplPrinted> readZpl(const QByteArray &zpl, QString *error)
{
    std::vector<ZplPrinted> labels;
    std::optional<ZplPrinted> current;
    int pendingDarkness = -1;
    QPoint origin;
    struct Graphic
    {
        QPoint at;
        QImage image;
    };
    std::vector<Graphic> graphics;
    qsizetype i = 0;
    const auto fail = [&](const QString &why) {
        *error = u"at byte %1: %2"_s.arg(i).arg(why);
        return std::vector<ZplPrinted> {};
    };
    while (i < zpl.size()) {
        const char c = zpl[i];
        if (c != '^' && c != '~') {
            if (c == '\n' || c == '\r' || c == ' ') {
                ++i;
                continue;
            }
            return fail(u"'%1' outside a command"_s.arg(QLatin1Char(c)));
        }
        if (i + 2 >= zpl.size())
            return fail(u"a command is cut short"_s);
        const QByteArray name = zpl.mid(i, 3).toUpper();
        qsizetype end = i + 3;
        while (end < zpl.size() && zpl[end] != '^' && zpl[end] != '~')
            ++end;
        const QByteArray args = zpl.mid(i + 3, end - i - 3).trimmed();
        const QList<QByteArray> parts = args.split(',');
        if (name != "~SD" && name != "^XA" && !current)
            return fail(u"%1 outside ^XA ... ^XZ"_s.arg(QString::fromLatin1(name)));
        if (current)
            current->commands << QString::fromLatin1(name);
        if (name == "~SD") {
            pendingDarkness = args.toInt();
        } else if (name == "^XA") {
            if (current)
                return fail(u"^XA inside a label"_s);
            current.emplace();
            current->commands << u"^XA"_s;
            current->darkness = pendingDarkness;
            pendingDarkness = -1;
            graphics.clear();
            origin = {};
        } else if (name == "^MN") {
            current->media = QString::fromLatin1(args);
        } else if (name == "^PW") {
            current->printWidth = args.toInt();
        } else if (name == "^LL") {
            current->labelLength = args.toInt();
        } else if (name == "^LH") {
            current->home = QPoint(parts.value(0).toInt(), parts.value(1).toInt());
        } else if (name == "^PR") {
            current->speed = parts.value(0).toInt();
        } else if (name == "^MD") {
            current->darknessAdjust = args.toInt();
        } else if (name == "^PQ") {
            current->copies = parts.value(0).toInt();
        } else if (name == "^FO") {
            origin = QPoint(parts.value(0).toInt(), parts.value(1).toInt());
        } else if (name == "^FS") {
            origin = {};
        } else if (name == "^GF") {
            // ^GFA,b,c,d,data: the data runs to the next command and may hold commas of its own.
            if (parts.size() < 5 || parts[0] != "A")
                return fail(u"only ASCII graphic fields (^GFA) are read"_s);
            const int total = parts[1].toInt();
            const int rowBytes = parts[3].toInt();
            if (rowBytes <= 0 || total <= 0 || total % rowBytes != 0 || parts[2].toInt() != total)
                return fail(u"^GFA's byte counts do not add up"_s);
            qsizetype dataStart = 0;
            for (int commas = 0; commas < 4; ++commas)
                dataStart = args.indexOf(',', dataStart) + 1;
            QString why;
            const QByteArray bytes = graphicBytes(args.mid(dataStart), total, rowBytes, &why);
            if (bytes.isEmpty())
                return fail(why);
            QImage image(rowBytes * 8, total / rowBytes, QImage::Format_Mono);
            image.setColorTable({ qRgb(255, 255, 255), qRgb(0, 0, 0) });
            for (int y = 0; y < image.height(); ++y)
                std::memcpy(image.scanLine(y), bytes.constData() + qsizetype(y) * rowBytes, size_t(rowBytes));
            graphics.push_back({ origin, image });
            ++current->graphicFields;
        } else if (name == "^XZ") {
            if (current->printWidth <= 0 || current->labelLength <= 0)
                return fail(u"a label without ^PW and ^LL"_s);
            QImage page(current->printWidth, current->labelLength, QImage::Format_RGB32);
            page.fill(Qt::white);
            {
                QPainter p(&page);
                for (const auto &g : graphics) {
                    // Black dots only: a graphic field never whitens what is under it.
                    QImage mask = g.image.convertToFormat(QImage::Format_ARGB32);
                    for (int y = 0; y < mask.height(); ++y) {
                        auto *line = reinterpret_cast<QRgb *>(mask.scanLine(y));
                        for (int x = 0; x < mask.width(); ++x)
                            line[x] = qGray(line[x]) < 128 ? qRgba(0, 0, 0, 255) : qRgba(0, 0, 0, 0);
                    }
                    p.drawImage(current->home + g.at, mask);
                }
            }
            current->image = page.convertToFormat(QImage::Format_Mono, Qt::ThresholdDither);
            labels.push_back(std::move(*current));
            current.reset();
        } else {
            return fail(u"unknown command %1"_s.arg(QString::fromLatin1(name)));
        }
        i = end;
    }
    if (current)
        return fail(u"a label without ^XZ"_s);
    return labels;
}

} // namespace closient::test
