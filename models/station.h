// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "appcontroller.h"
#include "capturecontroller.h"
#include "countscontroller.h"
#include "database.h"
#include "devicesettingscontroller.h"
#include "labelscontroller.h"
#include "reviewcontroller.h"
#include "scancontroller.h"
#include "scanpipeline.h"
#include "serialscanner.h"
#include "sessionscontroller.h"
#include "settings.h"
#include "synccontroller.h"
#include "wedgedetector.h"

#include <functional>

class QCoreApplication;

namespace closient::models {

/**
 * The station's object graph, in the order it is built: the store, its settings, the scan pipeline, the hand
 * scanners, then the controllers the screens use, each given what it needs. app/main.cpp builds one for the window;
 * the QML tests build the same one. Nothing in it looks anything up: what a part needs, it is handed here.
 */
struct Station
{
    explicit Station(const QString &storePath);
    ~Station();
    Station(const Station &) = delete;
    Station &operator=(const Station &) = delete;

    /// Hands the controllers to QML (the singletons' create() return them).
    void publish();
    /// Installs the keyboard-wedge detector as @p app's event filter, asking @p dialogCheck whether a dialog has the
    /// focus (its keys are typed there, never captured). Removed again when the station goes.
    void installWedge(QCoreApplication *app, std::function<bool()> dialogCheck);

    store::Database database;
    store::Settings settings { &database };
    scanning::ScanPipeline pipeline { &database };
    input::WedgeDetector wedge;
    input::SerialScanner serial;
    AppController app;
    SessionsController sessions { &database, &settings };
    CaptureController captures { &database };
    DeviceSettingsController devices { &settings, pipeline, wedge, serial };
    ScanController scan { &database, devices, pipeline, wedge, serial };
    LabelsController labels { &database, &settings };
    CountsController counts { &database, scan };
    SyncController sync { &database };
    DesignerController designer; // the Labels screen's Design tab, reached as LabelsController.designer
    ReviewController review { &database };

private:
    QCoreApplication *m_filtered = nullptr;
};

} // namespace closient::models
