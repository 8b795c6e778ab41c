// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "labelentry.h"

#include "labelimport.h"
#include "labelrepository.h"

#include <QFile>

using namespace Qt::StringLiterals;
using namespace closient::labels;

namespace closient::models {

namespace {
Result<ItemInput> inputFrom(const QVariantMap &fields)
{
    ItemInput in;
    in.gtin = fields.value(u"gtin"_s).toString().trimmed();
    in.lot = fields.value(u"lot"_s).toString().trimmed();
    for (const auto &[key, date] :
        { std::pair { u"expiry"_s, &in.expiry }, { u"productionDate"_s, &in.productionDate } }) {
        const QString text = fields.value(key).toString().trimmed();
        const auto parsed = LabelImport::parseDate(text);
        if (!parsed.ok())
            return Error { u"invalid"_s,
                QObject::tr("“%1” is not a date: write 2027-12-31 or the GS1 form 271231").arg(text) };
        *date = parsed.value();
    }
    return in;
}
} // namespace

LabelEntry::LabelEntry(const LabelsContext &context, QObject *parent)
    : QObject(parent)
    , m_context(context)
{ }

void LabelEntry::addLot(const QVariantMap &fields)
{
    const auto in = inputFrom(fields);
    if (!in.ok()) {
        Q_EMIT finished(false, in.error().message, {});
        return;
    }
    LabelRepository(m_context.db).addLot(in.value()).then(this, [this](const Result<LabelItem> &r) {
        if (!r.ok())
            Q_EMIT finished(false, r.error().message, {});
        else
            Q_EMIT finished(true, tr("Lot %1 of %2 added").arg(r.value().lot, r.value().gtin), {});
    });
}

void LabelEntry::addSerials(const QVariantMap &fields)
{
    const auto in = inputFrom(fields);
    if (!in.ok()) {
        Q_EMIT finished(false, in.error().message, {});
        return;
    }
    const QString prefix = fields.value(u"prefix"_s).toString().trimmed();
    const qint64 first = fields.value(u"first"_s).toLongLong();
    const int count = fields.value(u"count"_s).toInt();
    const int width = fields.value(u"width"_s).toInt();
    LabelRepository(m_context.db)
        .addSerialRange(in.value(), prefix, first, count, width)
        .then(this, [this](const Result<int> &r) {
            if (!r.ok())
                Q_EMIT finished(false, r.error().message, {});
            else
                Q_EMIT finished(
                    true, r.value() == 1 ? tr("1 serial added") : tr("%1 serials added").arg(r.value()), {});
        });
}

void LabelEntry::importCsv(const QUrl &file)
{
    QFile f(file.isLocalFile() ? file.toLocalFile() : file.toString());
    if (!f.open(QIODevice::ReadOnly)) {
        Q_EMIT finished(false, tr("%1 could not be read: %2").arg(f.fileName(), f.errorString()), {});
        return;
    }
    LabelRepository(m_context.db)
        .importCsv(m_context.request->selection.scope, f.readAll())
        .then(this, [this](const ImportReport &r) {
            if (!r.ok()) {
                Q_EMIT finished(false,
                    r.errors.size() == 1 ? tr("Nothing was imported: 1 row needs fixing first.")
                                         : tr("Nothing was imported: %1 rows need fixing first.").arg(r.errors.size()),
                    r.errors);
                return;
            }
            Q_EMIT finished(true,
                tr("Imported %1 lots and %2 serials (%3 lots were already there)")
                    .arg(r.lots)
                    .arg(r.serials)
                    .arg(r.unchanged),
                {});
        });
}

} // namespace closient::models
