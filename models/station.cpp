// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "station.h"

#include <QCoreApplication>

namespace closient::models {

Station::Station(const QString &storePath)
    : app(&database, storePath)
{
    // Once the store is open its settings are read; the controllers start from them (Settings::loaded).
    QObject::connect(&database, &store::Database::ready, &settings, [this] {
        settings.load().then(&settings, [](const Result<store::Done> &r) {
            if (!r.ok())
                qWarning().noquote() << "the settings could not be read:" << r.error().message;
        });
    });
    labels.setDesigner(&designer);
}

Station::~Station()
{
    if (m_filtered && QCoreApplication::instance() == m_filtered)
        m_filtered->removeEventFilter(&wedge);
}

void Station::publish()
{
    AppController::setInstance(&app);
    SessionsController::setInstance(&sessions);
    CaptureController::setInstance(&captures);
    DeviceSettingsController::setInstance(&devices);
    ScanController::setInstance(&scan);
    LabelsController::setInstance(&labels);
    CountsController::setInstance(&counts);
    SyncController::setInstance(&sync);
    ReviewController::setInstance(&review);
}

void Station::installWedge(QCoreApplication *application, std::function<bool()> dialogCheck)
{
    wedge.setDialogCheck(std::move(dialogCheck));
    application->installEventFilter(&wedge);
    m_filtered = application;
}

} // namespace closient::models
