// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "metadata.h"

using namespace Qt::StringLiterals;

namespace closient::store {

Result<QJsonObject> mergeMetadata(const QJsonObject &current, const QJsonValue &change)
{
    const auto invalid = [](const QString &why) { return StoreError { u"invalid"_s, why }; };
    if (change.isNull() || change.isUndefined())
        return QJsonObject();
    if (!change.isObject())
        return invalid(u"Metadata must be a set of key/value pairs."_s);
    const auto patch = change.toObject();
    if (patch.isEmpty())
        return QJsonObject();
    QJsonObject out = current;
    for (auto it = patch.begin(); it != patch.end(); ++it) {
        const QString key = it.key();
        if (key.trimmed().isEmpty())
            return invalid(u"A metadata key cannot be empty."_s);
        if (key.size() > kMetadataMaxKeyLength)
            return invalid(
                u"The metadata key \"%1\" has %2 characters; at most %3 are allowed."_s.arg(key.left(20) + u"…"_s)
                    .arg(key.size())
                    .arg(kMetadataMaxKeyLength));
        if (!it.value().isString())
            return invalid(u"The value of \"%1\" must be text."_s.arg(key));
        const QString value = it.value().toString();
        if (value.size() > kMetadataMaxValueLength)
            return invalid(u"The value of \"%1\" has %2 characters; at most %3 are allowed."_s.arg(key)
                               .arg(value.size())
                               .arg(kMetadataMaxValueLength));
        if (value.isEmpty())
            out.remove(key);
        else
            out.insert(key, value);
    }
    if (out.size() > kMetadataMaxKeys)
        return invalid(
            u"Metadata can hold at most %1 keys; this change would make %2."_s.arg(kMetadataMaxKeys).arg(out.size()));
    return out;
}

} // namespace closient::store
