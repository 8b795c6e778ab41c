// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "selection.h"

#include "gtin.h"

#include <QJsonArray>
#include <QSet>

using namespace Qt::StringLiterals;

namespace closient::labels {

namespace {
std::optional<Selection> selectionOf(const QString &scope, const QJsonObject &filters, QString *error)
{
    if (scope == u"products") {
        *error
            = u"scope \"products\" is reserved for a future per-product export and is rejected by the renderer; use lots or serials"_s;
        return std::nullopt;
    }
    if (scope != u"lots" && scope != u"serials") {
        *error = u"scope must be lots or serials, not \"%1\""_s.arg(scope);
        return std::nullopt;
    }
    Selection s;
    s.scope = scope;
    const auto strings = [&](const QString &key, QStringList *out) {
        const auto v = filters.value(key);
        if (v.isUndefined() || v.isNull())
            return true;
        if (!v.isArray()) {
            *error = u"filter %1 must be a list of strings"_s.arg(key);
            return false;
        }
        for (const auto &e : v.toArray())
            *out << e.toString();
        return true;
    };
    for (auto it = filters.begin(); it != filters.end(); ++it) {
        static const QSet<QString> known { u"gtins"_s, u"product_id"_s, u"lot_ids"_s, u"serial_ids"_s, u"lot_run_id"_s,
            u"never_printed"_s };
        if (!known.contains(it.key())) {
            *error
                = u"unknown filter \"%1\" (known: gtins, product_id, lot_ids, serial_ids, lot_run_id, never_printed)"_s
                      .arg(it.key());
            return std::nullopt;
        }
    }
    if (!strings(u"gtins"_s, &s.gtins))
        return std::nullopt;
    for (auto &g : s.gtins) {
        const auto check = gs1::checkGtin(g);
        if (!check.ok()) {
            *error = u"filter gtins: %1: %2"_s.arg(g, check.error);
            return std::nullopt;
        }
        g = check.gtin14;
    }
    const QString idKey = scope == u"lots" ? u"lot_ids"_s : u"serial_ids"_s;
    const QString otherKey = scope == u"lots" ? u"serial_ids"_s : u"lot_ids"_s;
    if (scope == u"lots" && filters.contains(otherKey)) {
        *error = u"filter serial_ids needs scope serials"_s;
        return std::nullopt;
    }
    if (!strings(idKey, &s.ids))
        return std::nullopt;
    if (scope == u"serials" && filters.contains(u"lot_ids"_s)) {
        // Serials of the chosen lots.
        QStringList lots;
        if (!strings(u"lot_ids"_s, &lots))
            return std::nullopt;
        for (const auto &l : lots)
            s.ids << u"lot:"_s + l;
    }
    s.productId = filters.value(u"product_id"_s).toString();
    s.lotRunId = filters.value(u"lot_run_id"_s).toString();
    if (filters.contains(u"never_printed"_s) && !filters.value(u"never_printed"_s).isBool()) {
        *error = u"filter never_printed must be true or false"_s;
        return std::nullopt;
    }
    s.neverPrinted = filters.value(u"never_printed"_s).toBool();
    return s;
}
} // namespace

QJsonObject Selection::filtersJson() const
{
    QJsonObject o;
    if (!gtins.isEmpty())
        o.insert(u"gtins"_s, QJsonArray::fromStringList(gtins));
    if (!productId.isEmpty())
        o.insert(u"product_id"_s, productId);
    if (!ids.isEmpty())
        o.insert(scope == u"lots" ? u"lot_ids"_s : u"serial_ids"_s, QJsonArray::fromStringList(ids));
    if (!lotRunId.isEmpty())
        o.insert(u"lot_run_id"_s, lotRunId);
    if (neverPrinted)
        o.insert(u"never_printed"_s, true);
    return o;
}

bool Selection::matches(const LabelItem &item) const
{
    if (!gtins.isEmpty() && !gtins.contains(item.gtin))
        return false;
    if (!productId.isEmpty() && item.productId != productId)
        return false;
    if (!lotRunId.isEmpty() && item.lotRunId != lotRunId)
        return false;
    if (neverPrinted && item.printCount > 0)
        return false;
    const QString s = search.trimmed();
    return s.isEmpty() || item.gtin.contains(s, Qt::CaseInsensitive) || item.lot.contains(s, Qt::CaseInsensitive)
        || (item.kind == LabelItem::Kind::Serial && item.serial.contains(s, Qt::CaseInsensitive));
}

Result<Selection> Selection::fromJson(const QString &scope, const QJsonObject &filters)
{
    QString why;
    auto s = selectionOf(scope, filters, &why);
    if (!s)
        return Error { u"invalid"_s, why };
    return std::move(*s);
}

} // namespace closient::labels
