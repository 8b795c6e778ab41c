// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// Runs the QML tests in this folder against the real services on a temporary store.
#include "focusprobe.h"
#include "pdfpageprovider.h"
#include "station.h"

#include "testmedia.h"

#include <QQmlContext>
#include <QQmlEngine>
#include <QQmlExtensionPlugin>
#include <QQuickStyle>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtQuickTest>

Q_IMPORT_QML_PLUGIN(Closient_Station_ModelsPlugin)
Q_IMPORT_QML_PLUGIN(Closient_Station_UiPlugin)
Q_IMPORT_QML_PLUGIN(Closient_StationPlugin)

using namespace closient;

/** A plain connection of the test's own to the store, for rows no screen writes (the server's proposals) and for
 *  looking at what the screens wrote (the outbox). Tests only. */
class TestSql : public QObject
{
    Q_OBJECT
public:
    explicit TestSql(const QString &path, QObject *parent = nullptr)
        : QObject(parent)
    {
        auto db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("qml-test"));
        db.setDatabaseName(path);
    }
    Q_INVOKABLE bool exec(const QString &sql)
    {
        auto db = QSqlDatabase::database(QStringLiteral("qml-test"));
        QSqlQuery q(db);
        return q.exec(sql);
    }
    Q_INVOKABLE QVariant scalar(const QString &sql)
    {
        auto db = QSqlDatabase::database(QStringLiteral("qml-test"));
        QSqlQuery q(db);
        return q.exec(sql) && q.next() ? q.value(0) : QVariant();
    }
};

class Setup : public QObject
{
    Q_OBJECT
public:
    Setup()
    {
        QStandardPaths::setTestModeEnabled(true);
        QQuickStyle::setStyle(QStringLiteral("Material"));
    }

public Q_SLOTS:
    void qmlEngineAvailable(QQmlEngine *engine)
    {
        engine->addImportPath(QStringLiteral("qrc:/qt/qml"));
        // The graph the application builds (app/main.cpp), on a temporary store.
        m_station = std::make_unique<models::Station>(m_dir.filePath(QStringLiteral("qml.sqlite")));
        m_station->installWedge(QCoreApplication::instance(), &ui::focusIsInDialog);
        m_station->publish();
        engine->addImageProvider(QString::fromLatin1(ui::PdfPageProvider::kName), new ui::PdfPageProvider);
        // Two records Closient refused, for the Sync page's test (tst_syncpage.qml): retry and discard.
        QObject::connect(&m_station->database, &store::Database::ready, &m_station->database, [this] {
            (void)m_station->database.run([](QSqlDatabase &db) {
                for (int i = 1; i <= 2; ++i) {
                    QSqlQuery q(db);
                    q.prepare(QStringLiteral(
                        "INSERT INTO outbox (entity, entity_id, op, payload, idempotency_key, state, attempts, "
                        "last_error, created) VALUES ('session', ?, 'create', '{}', ?, 'failed', 1, ?, "
                        "'2026-01-01T00:00:00.000Z')"));
                    q.addBindValue(QStringLiteral("qml-parked-%1").arg(i));
                    q.addBindValue(QStringLiteral("qml-parked-key-%1").arg(i));
                    q.addBindValue(QStringLiteral("Validation error: metadata: refused test record %1").arg(i));
                    q.exec();
                }
            });
        });
        m_station->app.openStore();
        // A short camera-like video for the Scan screen's test (tests only: the app never uses context properties).
        const QString video = m_dir.filePath(QStringLiteral("scan.avi"));
        test::writeVideo(video,
            { { test::makeBarcode(
                    QStringLiteral("QRCode"), QStringLiteral("https://id.gs1.org/01/09506000134352/10/QMLVID")),
                  45 },
                { {}, 10 } });
        engine->rootContext()->setContextProperty(QStringLiteral("testVideo"), QUrl::fromLocalFile(video));
        // A lots CSV whose third row has a bad check digit, and a folder for exports.
        QFile csv(m_dir.filePath(QStringLiteral("bad-lots.csv")));
        csv.open(QIODevice::WriteOnly);
        csv.write("gtin,lot,expiry\n09506000134352,CSV1,2027-01-31\n09506000134353,CSV2,\n");
        csv.close();
        engine->rootContext()->setContextProperty(QStringLiteral("testDir"), QUrl::fromLocalFile(m_dir.path()));
        m_sql = std::make_unique<TestSql>(m_dir.filePath(QStringLiteral("qml.sqlite")));
        engine->rootContext()->setContextProperty(QStringLiteral("testSql"), m_sql.get());
    }

private:
    QTemporaryDir m_dir;
    std::unique_ptr<models::Station> m_station;
    std::unique_ptr<TestSql> m_sql;
};

QUICK_TEST_MAIN_WITH_SETUP(closient_qml, Setup)
#include "tst_qml.moc"
