// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "metadata.h"

using namespace Qt::StringLiterals;

namespace closient::sandbox {

QJsonObject mergeMetadata(
    const QJsonObject &current, const QJsonValue &change, const QStringList &loc, QJsonArray &errors)
{
    if (change.isUndefined())
        return current; // omitted: unchanged
    if (change.isNull())
        return QJsonObject();
    if (!change.isObject()) {
        errors.append(fieldError(loc, u"Metadata must be an object of string values."_s, u"dict_type"_s));
        return current;
    }
    const QJsonObject patch = change.toObject();
    if (patch.isEmpty())
        return QJsonObject();
    const qsizetype before = errors.size();
    QJsonObject merged = current;
    for (auto it = patch.begin(); it != patch.end(); ++it) {
        const QStringList where = loc + QStringList { it.key() };
        if (it.key().isEmpty() || it.key().size() > 40)
            errors.append(fieldError(where, u"Metadata keys are 1 to 40 characters."_s, u"string_too_long"_s));
        else if (!it.value().isString())
            errors.append(fieldError(where, u"Metadata values must be strings."_s, u"string_type"_s));
        else if (it.value().toString().size() > 500)
            errors.append(fieldError(where, u"Metadata values are at most 500 characters."_s, u"string_too_long"_s));
        else if (it.value().toString().isEmpty())
            merged.remove(it.key());
        else
            merged.insert(it.key(), it.value());
    }
    if (errors.size() == before && merged.size() > 50)
        errors.append(fieldError(
            loc, u"Metadata holds at most 50 keys; this would make %1."_s.arg(merged.size()), u"too_long"_s));
    return errors.size() == before ? merged : current;
}

} // namespace closient::sandbox
