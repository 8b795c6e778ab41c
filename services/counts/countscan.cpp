// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "countscan.h"

#include "gs1parser.h"
#include "symbology.h"
#include "types.h"

using namespace Qt::StringLiterals;

namespace closient::counts {

std::optional<int> parseMultiplier(QStringView text)
{
    const QStringView t = text.trimmed();
    if (t.size() < 2)
        return std::nullopt;
    const QChar last = t.back();
    if (last != u'x' && last != u'X' && last != u'*' && last != u'\u00d7')
        return std::nullopt;
    const QStringView digits = t.chopped(1).trimmed();
    if (digits.isEmpty() || digits.size() > 5
        || !std::all_of(digits.begin(), digits.end(), [](QChar c) { return c >= u'0' && c <= u'9'; }))
        return std::nullopt;
    const int n = digits.toInt();
    if (n < 1 || n > kMaxMultiplier)
        return std::nullopt;
    return n;
}

CheckedScan checkScan(const CountScan &scan)
{
    CheckedScan out;
    QString raw = scan.rawValue;
    while (raw.endsWith(u'\r') || raw.endsWith(u'\n'))
        raw.chop(1);
    out.line.rawValue = scan.symbologyId + raw;
    out.line.source = scan.source;
    out.line.quantity = scan.quantity;
    const qsizetype length = raw.size() - gs1::symbologyIdLength(raw);
    if (raw.trimmed().isEmpty()) {
        out.reasonCode = u"empty"_s;
        out.reason = u"There is nothing to count."_s;
        return out;
    }
    if (length > store::kMaxRawValueLength) {
        out.reasonCode = u"too_long"_s;
        out.reason
            = u"This code holds %1 characters; a count takes at most %2."_s.arg(length).arg(store::kMaxRawValueLength);
        return out;
    }
    if (scan.quantity < 1 || scan.quantity > kMaxMultiplier) {
        out.reasonCode = u"quantity"_s;
        out.reason = u"A quantity is a whole number from 1 to %1."_s.arg(kMaxMultiplier);
        return out;
    }
    out.parsed = gs1::parse(scan.symbologyId + raw, gs1::ParseOptions::scanning());
    if (!out.parsed.errors.empty()) {
        out.reasonCode = u"invalid"_s;
        out.reason = out.parsed.errorText();
        return out;
    }
    if (out.parsed.gtin14.isEmpty()) {
        out.reasonCode = u"no_gtin"_s;
        out.reason = u"This code names no trade item (it has no GTIN), so it cannot be counted."_s;
        return out;
    }
    out.line.gtin = out.parsed.gtin14;
    out.line.lot = out.parsed.lot();
    out.line.serial = out.parsed.serial();
    const QDate expiry = out.parsed.expiry();
    out.line.expiry = expiry.isValid() ? expiry.toString(Qt::ISODate) : QString();
    if (!out.line.serial.isEmpty() && scan.quantity != 1) {
        out.reasonCode = u"serial_quantity"_s;
        out.reason = u"A serialised item (serial %1) counts once; it cannot be multiplied by %2."_s.arg(
            out.line.serial, QString::number(scan.quantity));
    }
    return out;
}

} // namespace closient::counts
