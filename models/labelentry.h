// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "labelscontext.h"

#include <QObject>
#include <QQmlEngine>
#include <QUrl>
#include <QVariantMap>

namespace closient::models {

/** Adding lots and serials on the Labels screen: a lot, a range of serials, or a CSV file (every row or none). */
class LabelEntry : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Part of LabelsController.")

public:
    LabelEntry(const LabelsContext &context, QObject *parent = nullptr);

    /// Adds a lot: {gtin, lot, expiry, productionDate}; the answer comes as finished.
    Q_INVOKABLE void addLot(const QVariantMap &fields);
    /// Adds serials prefix+first … for one GTIN (and lot): {gtin, lot, expiry, prefix, first, count, width}.
    Q_INVOKABLE void addSerials(const QVariantMap &fields);
    /// Imports a CSV file into the current scope: every row or none.
    Q_INVOKABLE void importCsv(const QUrl &file);

Q_SIGNALS:
    /// The answer to addLot, addSerials or importCsv, with the rows to fix when an import was refused.
    void finished(bool ok, const QString &message, const QStringList &errors);

private:
    LabelsContext m_context;
};

} // namespace closient::models
