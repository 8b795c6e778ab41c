// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "reviewbench.h"

#include "machine.h"
#include "reviewmodel.h"
#include "reviewseed.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace closient::bench {

namespace {

double residentMb(const char *field)
{
    QFile f(u"/proc/self/status"_s);
    if (!f.open(QIODevice::ReadOnly))
        return 0;
    const auto m
        = QRegularExpression(QString::fromLatin1(field) + u":\\s*(\\d+) kB"_s).match(QString::fromLatin1(f.readAll()));
    return m.hasMatch() ? m.captured(1).toDouble() / 1024.0 : 0;
}

// Milliseconds from asking the model for @p f to its first page being on screen (the model's rows replaced).
double timeToFirstRows(models::ReviewModel &model, const store::ReviewFilter &f)
{
    QEventLoop loop;
    QElapsedTimer t;
    auto c = QObject::connect(&model, &models::ReviewModel::firstRowsShown, &loop, &QEventLoop::quit);
    QTimer::singleShot(60000, &loop, &QEventLoop::quit);
    t.start();
    model.setFilter(f);
    loop.exec();
    const double ms = double(t.nsecsElapsed()) / 1e6;
    QObject::disconnect(c);
    while (model.loading()) // the count of the filter, before the next one is asked
        QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
    return ms;
}

QJsonObject stats(std::vector<double> ms)
{
    return { { u"p50"_s, percentile(ms, 50) }, { u"p95"_s, percentile(ms, 95) }, { u"max"_s, percentile(ms, 100) },
        { u"n"_s, int(ms.size()) } };
}

std::vector<store::ReviewFilter> filterChanges()
{
    std::vector<store::ReviewFilter> out;
    const auto add = [&](auto set) {
        store::ReviewFilter f;
        set(f);
        out.push_back(f);
    };
    add([](auto &f) { f.sessionId = u"bench-session-0123"_s; });
    add([](auto &f) { f.captureType = u"MANUAL"_s; });
    add([](auto &f) { f.serverStatus = u"FAILED"_s; });
    add([](auto &f) { f.review = store::ReviewState::Flagged; });
    add([](auto &f) { f.review = store::ReviewState::Unreviewed; });
    add([](auto &f) { f.hasPhoto = true; });
    add([](auto &f) { f.hasParseErrors = true; });
    add([](auto &f) { f.gtin = seedGtin(17); });
    add([](auto &f) { f.brand = u"Brand 3"_s; });
    add([](auto &f) {
        f.from = QDateTime(QDate(2026, 9, 2), QTime(0, 0), Qt::UTC);
        f.to = QDateTime(QDate(2026, 9, 3), QTime(0, 0), Qt::UTC);
    });
    add([](auto &f) {
        f.sessionId = u"bench-session-0042"_s;
        f.hasParseErrors = false;
        f.captureType = u"BARCODE"_s;
    });
    add([](auto &) {});
    return out;
}

} // namespace

int measureReviewStore(const QString &path, int rounds, QTextStream &out, QTextStream &err)
{
    store::Database db;
    auto opened = db.open(path);
    opened.waitForFinished();
    if (!opened.result().ok()) {
        err << opened.result().error().message << Qt::endl;
        return 1;
    }
    const double rssOpen = residentMb("VmRSS");
    models::ReviewModel model(&db);
    timeToFirstRows(model, {}); // the first read warms SQLite's cache of the schema, as opening the screen does

    std::vector<double> filterMs, searchMs, sortMs;
    const QStringList searches { u"S4242"_s, u"L77"_s, u"oat drink"_s, u"widget 12"_s, u"095060000001"_s,
        u"server name"_s, u"S9"_s, u"nothing like this"_s };
    for (int round = 0; round < rounds; ++round) {
        for (const auto &f : filterChanges())
            filterMs.push_back(timeToFirstRows(model, f));
        for (const auto &s : searches) {
            store::ReviewFilter f;
            f.search = s;
            searchMs.push_back(timeToFirstRows(model, f));
        }
        for (int c = 0; c < store::kReviewColumnCount; ++c) {
            for (const bool descending : { false, true }) {
                store::ReviewFilter f;
                f.sortColumn = store::ReviewColumn(c);
                f.descending = descending;
                sortMs.push_back(timeToFirstRows(model, f));
            }
        }
    }
    // Scroll through 20 pages, as a person paging down a long list does.
    for (int page = 0; page < 20 && model.canFetchMore({}); ++page) {
        const int before = model.rowCount();
        model.fetchMore({});
        while (model.rowCount() == before && model.loading())
            QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
    }
    const QJsonObject result { { u"filter"_s, stats(filterMs) }, { u"search"_s, stats(searchMs) },
        { u"sort"_s, stats(sortMs) }, { u"rowsHeld"_s, model.rowCount() }, { u"total"_s, model.total() },
        { u"rssOpenMb"_s, rssOpen }, { u"rssMb"_s, residentMb("VmRSS") }, { u"peakMb"_s, residentMb("VmHWM") } };
    out << QString::fromUtf8(QJsonDocument(result).toJson(QJsonDocument::Compact)) << Qt::endl;
    return 0;
}

int runReviewBench(const ReviewBenchOptions &o, QTextStream &out, QTextStream &err)
{
    QTemporaryDir dir;
    QString table;
    QStringList notes;
    std::vector<QJsonObject> results;
    for (const int size : o.sizes) {
        const QString name = u"review-%1.sqlite"_s.arg(size);
        const QString path = o.keepDir.isEmpty() ? dir.filePath(name) : QDir(o.keepDir).absoluteFilePath(name);
        {
            store::Database db;
            auto opened = db.open(path);
            opened.waitForFinished();
            if (!opened.result().ok()) {
                err << opened.result().error().message << Qt::endl;
                return 1;
            }
            ReviewSeed seed;
            seed.captures = size;
            seed.sessions = o.sessions;
            QElapsedTimer t;
            t.start();
            auto seeded = db.run([seed](QSqlDatabase &c) { return seedReviewStore(c, seed); });
            seeded.waitForFinished();
            if (!seeded.result().ok()) {
                err << seeded.result().error().message << Qt::endl;
                return 1;
            }
            out << "seeded " << size << " captures over " << o.sessions << " sessions in " << t.elapsed() << " ms"
                << Qt::endl;
        }
        // A process of its own per store: its memory is the review's alone, not the seeding's.
        QProcess child;
        child.start(QCoreApplication::applicationFilePath(),
            { u"bench"_s, u"review"_s, u"--measure"_s, path, u"--rounds"_s, QString::number(o.rounds) });
        if (!child.waitForFinished(30 * 60 * 1000) || child.exitCode() != 0) {
            err << "measuring " << size << " failed: " << QString::fromUtf8(child.readAllStandardError()) << Qt::endl;
            return 1;
        }
        const auto lines = QString::fromUtf8(child.readAllStandardOutput()).trimmed().split(u'\n');
        const auto r = QJsonDocument::fromJson(lines.last().toUtf8()).object();
        results.push_back(r);
        for (const auto step : { u"filter", u"search", u"sort" }) {
            const auto s = r.value(QString::fromUtf16(step)).toObject();
            table += u"| %1 | %2 | %3 | %4 | %5 | %6 |\n"_s.arg(QLocale::c().toString(size), QString::fromUtf16(step))
                         .arg(s.value(u"n"_s).toInt())
                         .arg(s.value(u"p50"_s).toDouble(), 0, 'f', 1)
                         .arg(s.value(u"p95"_s).toDouble(), 0, 'f', 1)
                         .arg(s.value(u"max"_s).toDouble(), 0, 'f', 1);
        }
        out << "measured " << size << ": " << lines.last() << Qt::endl;
    }
    QString memory;
    for (std::size_t i = 0; i < results.size(); ++i) {
        const auto &r = results[i];
        memory += u"| %1 | %2 | %3 | %4 | %5 |\n"_s.arg(QLocale::c().toString(o.sizes.value(int(i))))
                      .arg(r.value(u"rowsHeld"_s).toInt())
                      .arg(r.value(u"rssOpenMb"_s).toDouble(), 0, 'f', 1)
                      .arg(r.value(u"rssMb"_s).toDouble(), 0, 'f', 1)
                      .arg(r.value(u"peakMb"_s).toDouble(), 0, 'f', 1);
    }
    const QString md = u"# Review benchmark\n\nCommand: `%1`\n\n%2\n\n"_s.arg(commandLine(), machineDescription())
        + u"Each store is filled with generated captures over %1 sessions (bench/reviewseed.cpp: 200 products of 20 "
          u"brands, every 7th capture with a parse error, every 20th with a photo, every 11th reviewed, every 31st "
          u"flagged), then measured in a process of its own. A step is timed from setting the review model's "
          u"filter to its first page (%2 rows) being in the model, on the GUI thread's event loop, the reads on the "
          u"database thread: what a person waits for before rows show. Filter changes: session, type, server "
          u"status, flagged, unreviewed, has photo, has parse errors, GTIN, brand, a day, three filters together, "
          u"none. Searches: serial, lot, product words, a GTIN prefix, words that match nothing. Sorts: every column "
          u"both ways. Each %3 times.\n\n"_s.arg(o.sessions)
              .arg(models::ReviewModel::kPageSize)
              .arg(o.rounds)
        + u"| captures | step | runs | p50 ms | p95 ms | max ms |\n|---:|---|---:|---:|---:|---:|\n"_s + table
        + u"\nMemory of the measuring process (resident, MB): when the store is open, after every step and 20 pages "
          u"scrolled, and its peak.\n\n| captures | rows held | open | after | peak |\n|---:|---:|---:|---:|---:|\n"_s
        + memory;
    if (!o.output.isEmpty()) {
        if (const auto e = writeResult(o.output, md); !e.isEmpty()) {
            err << e << Qt::endl;
            return 1;
        }
        out << "wrote " << o.output << Qt::endl;
    } else {
        out << md;
    }
    return 0;
}

} // namespace closient::bench
