// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "selftest.h"

#include "stationfonts.h"

#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QGuiApplication>
#include <QMetaObject>
#include <QQmlApplicationEngine>
#include <QQmlComponent>
#include <QQmlProperty>
#include <QQuickItem>
#include <QQuickWindow>
#include <QTextStream>
#include <QTimer>

#include <mutex>

using namespace Qt::StringLiterals;

namespace closient::app {

namespace {

// Every warning while the self-test runs is a failure: a missing QML module, a binding loop, a font with no size
// and a file dialog that cannot be built all show up here before they crash or mislead a person at the desk.
std::mutex s_mutex;
QStringList s_problems;
QtMessageHandler s_previous = nullptr;

// Messages about the machine, not about the station: no sound card, no session bus, no runtime folder. They do not
// fail the self-test, but they are printed so nobody is surprised.
bool isEnvironmentNoise(const QString &message)
{
    static const QStringList noise = {
        u"XDG_RUNTIME_DIR"_s, u"QSoundEffect"_s, u"PulseAudio"_s, u"pulseaudio"_s, u"No audio device"_s,
        u"qt.multimedia"_s,
        u"propagateSizeHints"_s, // xcb without a window manager
    };
    return std::any_of(noise.begin(), noise.end(), [&](const QString &n) { return message.contains(n); });
}

void recordMessage(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    if (type == QtWarningMsg || type == QtCriticalMsg || type == QtFatalMsg) {
        const QString category = QString::fromLatin1(context.category ? context.category : "default");
        const QString line = category == u"default" ? message : category + u": "_s + message;
        std::lock_guard lock(s_mutex);
        if (!isEnvironmentNoise(line))
            s_problems << line;
    }
    if (s_previous)
        s_previous(type, context, message);
}

void settle(int ms)
{
    QElapsedTimer t;
    t.start();
    while (t.elapsed() < ms) {
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
        QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
    }
}

bool isPopup(const QObject *o)
{
    return o->inherits("QQuickPopup") && !o->inherits("QQuickToolTip");
}

bool isDialog(const QObject *o)
{
    return o->inherits("QQuickAbstractDialog"); // QtQuick.Dialogs: FileDialog, FolderDialog, MessageDialog
}

QString describe(const QObject *o)
{
    QString name = QString::fromLatin1(o->metaObject()->className());
    if (const int cut = name.indexOf(u"_QML"_s); cut > 0)
        name.truncate(cut);
    if (!o->objectName().isEmpty())
        name += u" \""_s + o->objectName() + u'"';
    const QVariant title = o->property("title");
    if (title.isValid() && !title.toString().isEmpty())
        name += u" («"_s + title.toString() + u"»)"_s;
    return name;
}

// Opens every popup and dialog that exists under @p root now, lets it build and lay out, and closes it again.
int openEveryDialog(QObject *root, QSet<const QObject *> *seen, QTextStream &out)
{
    int opened = 0;
    const auto all = root->findChildren<QObject *>();
    for (QObject *o : all) {
        if (!isPopup(o) && !isDialog(o))
            continue;
        if (seen->contains(o))
            continue;
        seen->insert(o);
        out << "self-test: opening " << describe(o) << Qt::endl;
        QMetaObject::invokeMethod(o, "open");
        settle(isDialog(o) ? 400 : 150);
        if (isDialog(o))
            QMetaObject::invokeMethod(o, "reject");
        else
            QMetaObject::invokeMethod(o, "close");
        settle(100);
        ++opened;
    }
    return opened;
}

QObject *findByType(QObject *root, const char *typeName)
{
    const auto all = root->findChildren<QObject *>();
    for (QObject *o : all) {
        if (QString::fromLatin1(o->metaObject()->className()).startsWith(QLatin1StringView(typeName)))
            return o;
    }
    return nullptr;
}

} // namespace

int selfTest(QQmlApplicationEngine &engine, const SelfTestSteps &steps)
{
    s_previous = qInstallMessageHandler(recordMessage);
    QTextStream out(stdout);
    int errors = 0;
    QObject::connect(&engine, &QQmlApplicationEngine::warnings, [](const QList<QQmlError> &warnings) {
        std::lock_guard lock(s_mutex);
        for (const auto &w : warnings)
            s_problems << u"QML: "_s + w.toString();
    });
    engine.setOutputWarningsToStandardError(false);

    // 0. The fonts every screen and label measures text with.
    if (const auto &fonts = StationFonts::load(); !fonts.ok()) {
        std::lock_guard lock(s_mutex);
        s_problems << fonts.error().message;
    }

    // 1. Every QML file compiles.
    int files = 0;
    QDirIterator it(u":/qt/qml/Closient"_s, { u"*.qml"_s }, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString file = it.next();
        QFile f(file);
        if (f.open(QIODevice::ReadOnly) && f.readAll().contains("pragma Singleton"))
            continue; // singletons are compiled where they are used; QQmlComponent cannot create them
        QQmlComponent component(&engine, QUrl(u"qrc"_s + file));
        ++files;
        if (component.isError()) {
            std::lock_guard lock(s_mutex);
            for (const auto &e : component.errors())
                s_problems << u"QML: "_s + e.toString();
        }
    }

    // 2. The window, every area, a session's page, and every dialog of each, file dialogs included.
    engine.load(QUrl(u"qrc:/qt/qml/Closient/Station/Main.qml"_s));
    int dialogs = 0;
    int areas = 0;
    if (engine.rootObjects().isEmpty()) {
        ++errors;
        out << "self-test: the main window did not load" << Qt::endl;
    } else {
        QObject *window = engine.rootObjects().constFirst();
        if (steps.show)
            steps.show(window);
        settle(800); // the store opens, the lists fill
        QSet<const QObject *> seen;
        for (const auto &area : steps.areas) {
            out << "self-test: area " << area << Qt::endl;
            QQmlProperty::write(window, u"area"_s, area);
            settle(400);
            ++areas;
            dialogs += openEveryDialog(window, &seen, out);
            if (area == u"labels") {
                // The Design tab: the designer's canvas drawn with an object selected, then its dialogs.
                if (QObject *labels = findByType(window, "LabelsPage")) {
                    QQmlProperty::write(labels, u"designing"_s, true);
                    settle(400);
                    if (QObject *page = findByType(window, "DesignPage")) {
                        QObject *designer = QQmlProperty::read(page, u"controller"_s).value<QObject *>();
                        if (designer)
                            QMetaObject::invokeMethod(designer, "selectAll");
                        settle(300);
                        dialogs += openEveryDialog(window, &seen, out);
                    } else {
                        std::lock_guard lock(s_mutex);
                        s_problems << u"the Design tab was not found"_s;
                    }
                    QQmlProperty::write(labels, u"designing"_s, false);
                    settle(200);
                }
            }
            if (area == u"sessions" && !steps.sessionId.isEmpty()) {
                if (QObject *sessions = findByType(window, "SessionsArea")) {
                    QMetaObject::invokeMethod(sessions, "openSession", Q_ARG(QString, steps.sessionId));
                    settle(500);
                    dialogs += openEveryDialog(window, &seen, out);
                    QMetaObject::invokeMethod(sessions, "showList");
                    settle(300);
                } else {
                    std::lock_guard lock(s_mutex);
                    s_problems << u"the Sessions area was not found"_s;
                }
            }
        }
        if (dialogs < steps.minimumDialogs) {
            std::lock_guard lock(s_mutex);
            s_problems << u"only %1 dialogs were found, %2 expected"_s.arg(dialogs).arg(steps.minimumDialogs);
        }
    }
    settle(300);
    qInstallMessageHandler(s_previous);

    std::lock_guard lock(s_mutex);
    for (const auto &p : std::as_const(s_problems))
        out << "self-test: FAILED: " << p << Qt::endl;
    errors += int(s_problems.size());
    out << "self-test: " << files << " QML files, " << areas << " areas, " << dialogs << " dialogs opened, " << errors
        << " errors" << Qt::endl;
    return errors == 0 && files > 0 ? 0 : 1;
}

} // namespace closient::app
