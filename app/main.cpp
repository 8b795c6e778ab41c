// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The composition root: builds the services, hands them to QML, or runs a headless subcommand.
#include "appcontroller.h"
#include "capturecontroller.h"
#include "cli.h"
#include "database.h"
#include "labelscontroller.h"
#include "pdfpageprovider.h"
#include "scancontroller.h"
#include "sessionscontroller.h"

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
#include <QTimer>

Q_IMPORT_QML_PLUGIN(Closient_Station_ModelsPlugin)
Q_IMPORT_QML_PLUGIN(Closient_Station_UiPlugin)
Q_IMPORT_QML_PLUGIN(Closient_StationPlugin)

using namespace Qt::StringLiterals;
using namespace closient;

namespace {

// Compiles every QML file of the application and creates the main window; any QML error fails the run.
int selfTest(QQmlApplicationEngine &engine)
{
    int errors = 0;
    QObject::connect(&engine, &QQmlApplicationEngine::warnings, [&errors](const QList<QQmlError> &warnings) {
        for (const auto &w : warnings) {
            qCritical().noquote() << "QML:" << w.toString();
            ++errors;
        }
    });
    int files = 0;
    QDirIterator it(u":/qt/qml/Closient"_s, { u"*.qml"_s }, QDir::Files, QDirIterator::Subdirectories);
    engine.setOutputWarningsToStandardError(false); // counted and printed once, above
    while (it.hasNext()) {
        const QString file = it.next();
        QFile f(file);
        if (f.open(QIODevice::ReadOnly) && f.readAll().contains("pragma Singleton"))
            continue; // singletons are compiled where they are used; QQmlComponent cannot create them
        const QUrl url(u"qrc"_s + file);
        QQmlComponent component(&engine, url);
        ++files;
        if (component.isError()) {
            for (const auto &e : component.errors())
                qCritical().noquote() << "QML:" << e.toString();
            ++errors;
        }
    }
    engine.load(QUrl(u"qrc:/qt/qml/Closient/Station/Main.qml"_s));
    if (engine.rootObjects().isEmpty())
        ++errors;
    QEventLoop loop; // let bindings, the store and first frames settle
    QTimer::singleShot(1500, &loop, &QEventLoop::quit);
    loop.exec();
    QTextStream(stdout) << "self-test: " << files << " QML files, " << errors << " errors" << Qt::endl;
    return errors == 0 && files > 0 ? 0 : 1;
}

} // namespace

int main(int argc, char *argv[])
{
    if (cli::wantsCommandLine(argc, argv))
        return cli::run(argc, argv);

    QGuiApplication app(argc, argv);
    QCoreApplication::setApplicationName(u"closient-station"_s);
    QCoreApplication::setOrganizationName(u"Closient"_s);
    QCoreApplication::setApplicationVersion(QStringLiteral(CLOSIENT_VERSION));
    QGuiApplication::setApplicationDisplayName(u"Closient Station"_s);
    QGuiApplication::setDesktopFileName(u"com.closient.Station"_s);
    QQuickStyle::setStyle(u"Material"_s);

    QCommandLineParser parser;
    parser.setApplicationDescription(u"Closient Station, the scanning and labelling workstation"_s);
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption dbOption(u"db"_s, u"The store to use."_s, u"path"_s, store::Database::defaultPath());
    const QCommandLineOption selfTestOption(u"self-test"_s, u"Load every screen and exit non-zero on any QML error."_s);
    const QCommandLineOption scanOption(
        u"scan"_s, u"Open the Scan screen reading this video, image or folder (repeatable)."_s, u"file"_s);
    const QCommandLineOption areaOption(
        u"area"_s, u"The screen to open on: sessions, scan, labels or settings."_s, u"name"_s);
    parser.addOptions({ dbOption, selfTestOption, scanOption, areaOption });
    parser.process(app);
    const bool selfTesting = parser.isSet(selfTestOption);

    // Services live on this stack for the whole run; QML reaches them through the singletons.
    store::Database database;
    models::AppController appController(&database, parser.value(dbOption));
    models::SessionsController sessions(&database);
    models::CaptureController captures(&database);
    models::ScanController scan(&database);
    models::LabelsController labels(&database);
    models::AppController::setInstance(&appController);
    models::LabelsController::setInstance(&labels);
    models::ScanController::setInstance(&scan);
    models::SessionsController::setInstance(&sessions);
    models::CaptureController::setInstance(&captures);

    QQmlApplicationEngine engine;
    engine.addImportPath(u"qrc:/qt/qml"_s);
    engine.addImageProvider(QString::fromLatin1(ui::PdfPageProvider::kName), new ui::PdfPageProvider);
    if (parser.isSet(areaOption) && appController.areaAvailable(parser.value(areaOption)))
        appController.setStartArea(parser.value(areaOption));
    if (selfTesting)
        return selfTest(engine);
    if (parser.isSet(scanOption)) {
        QList<QUrl> files;
        for (const auto &f : parser.values(scanOption))
            files << QUrl::fromLocalFile(QFileInfo(f).absoluteFilePath());
        appController.setStartArea(u"scan"_s);
        // Once the store is open and the Scan screen has given its view, read the files.
        QObject::connect(&database, &store::Database::ready, &scan,
            [&scan, files] { QTimer::singleShot(300, &scan, [&scan, files] { scan.openFiles(files); }); });
    }
    QObject::connect(
        &engine, &QQmlApplicationEngine::objectCreationFailed, &app, [] { QCoreApplication::exit(1); },
        Qt::QueuedConnection);
    engine.load(QUrl(u"qrc:/qt/qml/Closient/Station/Main.qml"_s));
    return app.exec();
}
