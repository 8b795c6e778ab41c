// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "exportrules.h"

#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace closient::labels {

const QStringList &exportTypeNames()
{
    static const QStringList names { u"sheet_pdf"_s, u"datamatrix"_s, u"qr_codes"_s, u"barcodes_1d"_s,
        u"codes_combined"_s };
    return names;
}

QStringList formatsForExportType(const QString &exportType)
{
    QStringList out;
    for (const auto &f : { u"pdf"_s, u"svg"_s, u"png"_s, u"eps"_s }) {
        if (checkExportCoherence(exportType, f).ok())
            out << f;
    }
    return out;
}

QList<SymbolKind> symbolsForExportType(const QString &exportType)
{
    if (exportType == u"qr_codes")
        return { SymbolKind::DigitalLinkQr, SymbolKind::Gs1Qr };
    if (exportType == u"datamatrix")
        return { SymbolKind::Gs1DataMatrix };
    if (exportType == u"barcodes_1d" || exportType == u"codes_combined")
        return { SymbolKind::Gs1_128, SymbolKind::Itf14, SymbolKind::Ean13, SymbolKind::UpcA };
    return { SymbolKind::Gs1DataMatrix, SymbolKind::Gs1Qr, SymbolKind::DigitalLinkQr, SymbolKind::Gs1_128,
        SymbolKind::Itf14, SymbolKind::Ean13, SymbolKind::UpcA };
}

Result<Done> checkExportCoherence(const QString &exportType, const QString &fileFormat)
{
    static const QStringList formats { u"svg"_s, u"png"_s, u"pdf"_s, u"eps"_s };
    const auto refuse = [](const QString &why) { return Error { u"invalid"_s, why }; };
    // Labels for a thermal printer: ZPL II, one ^XA ... ^XZ block a label; or a PDF proof of the printer's dots.
    if (exportType == u"thermal")
        return fileFormat == u"zpl" || fileFormat == u"pdf"
            ? Result<Done>(Done {})
            : Result<Done>(refuse(u"thermal labels are ZPL (or a PDF proof of the printer's dots): file_format must "
                                  u"be zpl or pdf"_s));
    if (fileFormat == u"zpl")
        return refuse(u"ZPL is for thermal printers: export_type must be thermal"_s);
    if (!exportTypeNames().contains(exportType))
        return refuse(
            u"export_type must be one of qr_codes, datamatrix, barcodes_1d, codes_combined, sheet_pdf, thermal, not "
            u"\"%1\""_s.arg(exportType));
    if (!formats.contains(fileFormat))
        return refuse(u"file_format must be one of %1, not \"%2\""_s.arg(formats.join(u", "_s), fileFormat));
    if (exportType == u"sheet_pdf" && fileFormat != u"pdf")
        return refuse(u"sheet_pdf makes a PDF: file_format must be pdf"_s);
    if ((exportType == u"qr_codes" || exportType == u"datamatrix") && fileFormat != u"svg" && fileFormat != u"png")
        return refuse(u"%1 exports are svg or png files in a ZIP, not %2"_s.arg(exportType, fileFormat));
    if (exportType == u"barcodes_1d" && fileFormat != u"svg" && fileFormat != u"eps")
        return refuse(
            u"barcodes_1d exports are svg or eps files (vector, so bars keep their widths), not %1"_s.arg(fileFormat));
    if (exportType == u"codes_combined" && fileFormat == u"pdf")
        return refuse(u"codes_combined makes a ZIP of symbol files: file_format must be svg, png (QR as PNG, 1D as "
                      u"SVG) or eps (QR as SVG, 1D as EPS)"_s);
    return Done {};
}

Result<PageRange> parsePageRange(const QString &text)
{
    static const QRegularExpression form(u"^\\s*(\\d+)?\\s*(?:([-–])\\s*(\\d+)?)?\\s*$"_s);
    const auto m = form.match(text);
    const auto refuse = [&text](const QString &why) {
        return Error { u"invalid"_s, u"“%1” is not a page range: %2"_s.arg(text.trimmed(), why) };
    };
    if (!m.hasMatch())
        return refuse(u"write a page (2), a range (2-4), from a page on (3-) or nothing for every page"_s);
    bool ok = true;
    const auto number = [&ok](const QString &digits) {
        if (digits.isEmpty())
            return 0;
        const int n = digits.toInt(&ok);
        if (!ok || n < 1)
            ok = false;
        return n;
    };
    PageRange r;
    r.from = number(m.captured(1));
    r.to = m.captured(2).isEmpty() ? r.from : number(m.captured(3));
    if (!ok)
        return refuse(u"pages count from 1"_s);
    if (r.from > 0 && r.to > 0 && r.to < r.from)
        return refuse(u"the last page comes before the first"_s);
    return r;
}

QString pageRangeText(PageRange range)
{
    if (range.from == 0 && range.to == 0)
        return {};
    if (range.from == range.to)
        return QString::number(range.from);
    return (range.from > 0 ? QString::number(range.from) : u"1"_s) + u'-'
        + (range.to > 0 ? QString::number(range.to) : QString());
}

} // namespace closient::labels
