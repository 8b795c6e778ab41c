// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// What a part of the Labels screen needs, built by hand as the hub builds it: a real store with a few lots and
// serials, its settings, one export request, a status message and a pool.
#pragma once

#include "database.h"
#include "labelrepository.h"
#include "labelscontext.h"
#include "settings.h"
#include "statusmessage.h"
#include "storetestutil.h"

#include <QTemporaryDir>
#include <QThreadPool>

namespace closient::test {

struct LabelPartFixture
{
    QTemporaryDir dir;
    store::Database db;
    store::Settings settings { &db };
    labels::ExportRequest request;
    models::StatusMessage status;
    QThreadPool pool;
    QStringList ticked; // what job() adds as the ticked items
    models::LabelsContext context;

    /// Opens a new store with lots L1, L2 of 09506000134352 and serials S1..S3 of 04006381333931.
    bool open()
    {
        if (!await(db.open(dir.filePath(QStringLiteral("labels.sqlite")))).ok())
            return false;
        labels::LabelRepository repo(&db);
        labels::ItemInput lot;
        lot.gtin = QStringLiteral("09506000134352");
        lot.expiry = QDate(2027, 11, 30);
        for (const auto *name : { "L1", "L2" }) {
            lot.lot = QString::fromLatin1(name);
            if (!await(repo.addLot(lot)).ok())
                return false;
        }
        labels::ItemInput serial;
        serial.gtin = QStringLiteral("04006381333931");
        if (!await(repo.addSerialRange(serial, QStringLiteral("S"), 1, 3, 1)).ok())
            return false;
        if (!settle(settings.load()).ok())
            return false;
        request.selection.scope = QStringLiteral("lots");
        context.db = &db;
        context.settings = &settings;
        context.request = &request;
        context.status = &status;
        context.pool = &pool;
        context.job = [this] {
            labels::ExportRequest q = request;
            q.selection.ids = ticked;
            return q;
        };
        return true;
    }

    ~LabelPartFixture() { pool.waitForDone(); }
};

} // namespace closient::test
