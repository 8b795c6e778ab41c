// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The composition root: builds the services, hands them to QML, or runs a headless subcommand.
#include "captureservice.h"
#include "cli.h"
#include "focusprobe.h"
#include "labelrepository.h"
#include "pdfpageprovider.h"
#include "selftest.h"
#include "sessionrepository.h"
#include "station.h"
#include "stationfonts.h"
#include "windowplacement.h"

#include <QCommandLineParser>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QGuiApplication>
#include <QIcon>
#include <QQmlApplicationEngine>
#include <QQmlComponent>
#include <QQmlExtensionPlugin>
#include <QQuickStyle>
#include <QQuickWindow>
#include <QStandardPaths>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>
#include <cstring>

Q_IMPORT_QML_PLUGIN(Closient_Station_ModelsPlugin)
Q_IMPORT_QML_PLUGIN(Closient_Station_UiPlugin)
Q_IMPORT_QML_PLUGIN(Closient_StationPlugin)

using namespace Qt::StringLiterals;
using namespace closient;

namespace {

// The self-test never touches a person's store: it runs on a new one in a temporary folder, with a session, a capture,
// a lot and a few serials, so that every list has rows and every row's menu exists.
struct SelfTestStore
{
    QTemporaryDir dir;
    QString path;
    QString sessionId;
};

std::unique_ptr<SelfTestStore> makeSelfTestStore()
{
    auto s = std::make_unique<SelfTestStore>();
    s->path = s->dir.filePath(u"self-test.sqlite"_s);
    store::Database db;
    auto opened = db.open(s->path);
    opened.waitForFinished();
    if (!opened.result().ok())
        return s;
    auto session = store::SessionRepository(&db).create(u"both"_s, QJsonObject { { u"name"_s, u"Self-test"_s } });
    session.waitForFinished();
    if (!session.result().ok())
        return s;
    s->sessionId = session.result().value().id;
    store::CaptureRequest capture;
    capture.sessionId = s->sessionId;
    capture.rawValue = u"(01)09506000134352(17)271130(10)L42(21)SN1"_s;
    store::CaptureService(&db).submit(capture).waitForFinished();
    labels::ItemInput lot;
    lot.gtin = u"09506000134352"_s;
    lot.lot = u"L42"_s;
    lot.expiry = QDate(2027, 11, 30);
    labels::LabelRepository(&db).addSerialRange(lot, u"SN"_s, 1, 3, 1).waitForFinished();
    return s;
}

} // namespace

int main(int argc, char *argv[])
{
    if (cli::wantsCommandLine(argc, argv))
        return cli::run(argc, argv);

    // Without a screen, Qt would abort with its own words about platform plugins: say what to do instead.
    const bool platformGiven
        = std::any_of(argv + 1, argv + argc, [](const char *a) { return std::strcmp(a, "-platform") == 0; });
    if (qEnvironmentVariableIsEmpty("DISPLAY") && qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY")
        && qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM") && !platformGiven) {
        std::fputs("closient-station: there is no display to open the window on. Start it from a desktop session "
                   "(scripts/run.sh starts a virtual one), or run a subcommand: closient-station --help lists them.\n",
            stderr);
        return 2;
    }
    QGuiApplication app(argc, argv);
    QCoreApplication::setApplicationName(u"closient-station"_s);
    QCoreApplication::setOrganizationName(u"Closient"_s);
    QCoreApplication::setApplicationVersion(QStringLiteral(CLOSIENT_VERSION));
    QGuiApplication::setApplicationDisplayName(u"Closient Station"_s);
    QGuiApplication::setDesktopFileName(u"com.closient.Station"_s);
    QQuickStyle::setStyle(u"Material"_s);
    // Screens measure text in the fonts the package depends on, loaded by file, so layouts are the same on every
    // machine. Without them the window still opens (in the system's font) and says why in the log; the self-test
    // fails on that message.
    if (const auto &fonts = StationFonts::load(); fonts.ok()) {
        QFont font = QGuiApplication::font();
        font.setFamilies({ fonts.value().textFamily });
        QGuiApplication::setFont(font);
    } else {
        qWarning().noquote() << fonts.error().message;
    }

    QCommandLineParser parser;
    parser.setApplicationDescription(u"Closient Station, the scanning and labelling workstation"_s);
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption dbOption(u"db"_s, u"The store to use."_s, u"path"_s, store::Database::defaultPath());
    const QCommandLineOption selfTestOption(
        u"self-test"_s, u"Open every screen and dialog on a temporary store and exit non-zero on any warning."_s);
    const QCommandLineOption scanOption(
        u"scan"_s, u"Open the Scan screen reading this video, image or folder (repeatable)."_s, u"file"_s);
    const QCommandLineOption areaOption(
        u"area"_s, u"The screen to open on: sessions, scan, labels, review, counts, sync or settings."_s, u"name"_s);
    parser.addOptions({ dbOption, selfTestOption, scanOption, areaOption });
    parser.process(app);
    const bool selfTesting = parser.isSet(selfTestOption);
    if (selfTesting)
        QStandardPaths::setTestModeEnabled(true); // the self-test keeps away from the person's settings too
    const auto selfTestStore = selfTesting ? makeSelfTestStore() : nullptr;
    const QString storePath = selfTesting ? selfTestStore->path : parser.value(dbOption);

    // The station's services and controllers live on this stack for the whole run, built and wired in one place
    // (models/station.h: the store, its settings, the scan pipeline, the hand scanners, the controllers); QML
    // reaches the controllers through the singletons.
    models::Station station(storePath);
    station.installWedge(&app, &ui::focusIsInDialog); // scans into a dialog are typed there, not captured
    station.publish();
    auto &appController = station.app;

    QQmlApplicationEngine engine;
    engine.addImportPath(u"qrc:/qt/qml"_s);
    engine.addImageProvider(QString::fromLatin1(ui::PdfPageProvider::kName), new ui::PdfPageProvider);
    if (parser.isSet(areaOption) && appController.areaAvailable(parser.value(areaOption)))
        appController.setStartArea(parser.value(areaOption));
    if (selfTesting) {
        app::SelfTestSteps steps;
        steps.areas = { u"sessions"_s, u"scan"_s, u"labels"_s, u"settings"_s, u"counts"_s, u"sync"_s, u"review"_s };
        steps.sessionId = selfTestStore->sessionId;
        steps.minimumDialogs = 42; // 48 today: a page whose dialogs stop being found fails the test
        steps.show = [](QObject *window) {
            if (auto *w = qobject_cast<QQuickWindow *>(window))
                new ui::WindowPlacement(w);
        };
        return app::selfTest(engine, steps);
    }
    if (parser.isSet(scanOption)) {
        QList<QUrl> files;
        for (const auto &f : parser.values(scanOption))
            files << QUrl::fromLocalFile(QFileInfo(f).absoluteFilePath());
        appController.setStartArea(u"scan"_s);
        station.scan.openAtStart(files); // once the Scan screen shows its view and the sessions are known
    }
    QObject::connect(
        &engine, &QQmlApplicationEngine::objectCreationFailed, &app, [] { QCoreApplication::exit(1); },
        Qt::QueuedConnection);
    engine.load(QUrl(u"qrc:/qt/qml/Closient/Station/Main.qml"_s));
    if (engine.rootObjects().isEmpty())
        return 1;
    if (auto *window = qobject_cast<QQuickWindow *>(engine.rootObjects().constFirst()))
        new ui::WindowPlacement(window); // owned by the window
    return app.exec();
}
