// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "countscontroller.h"

#include "countlocation.h"
#include "database.h"
#include "displaytext.h"
#include "expectedcsv.h"
#include "outputfile.h"
#include "scancontroller.h"
#include "variancepdf.h"

#include <QFile>
#include <QJsonDocument>
#include <QtConcurrent>

using namespace Qt::StringLiterals;

namespace closient::models {

namespace {
QString number(double v)
{
    return QString::number(v, 'g', 12);
}

// What a counted line is, in a few words: "09506000134352 · lot L1 · exp 2027-01-01 · serial S1".
QString describe(const counts::CountLine &l)
{
    QStringList parts { l.gtin };
    if (!l.lot.isEmpty())
        parts << CountsController::tr("lot %1").arg(visibleText(l.lot));
    if (!l.expiry.isEmpty())
        parts << CountsController::tr("exp %1").arg(l.expiry);
    if (!l.serial.isEmpty())
        parts << CountsController::tr("serial %1").arg(visibleText(l.serial));
    return parts.join(u" · "_s);
}
} // namespace

CountsController::CountsController(store::Database *db, ScanController &scan, QObject *parent)
    : QObject(parent)
    , m_db(db)
    , m_scan(scan)
    , m_service(db)
{
    for (auto [sound, file] :
        { std::pair { &m_acceptSound, "accept" }, { &m_repeatSound, "duplicate" }, { &m_rejectSound, "reject" } })
        sound->setSource(QUrl(u"qrc:/sounds/%1.wav"_s.arg(QString::fromLatin1(file))));
    connect(m_db, &store::Database::ready, this, &CountsController::refresh);
}

CountsController::~CountsController()
{
    if (m_scan.countIsTarget())
        m_scan.setCountTarget({});
}

CountsController *CountsController::create(QQmlEngine *, QJSEngine *)
{
    QJSEngine::setObjectOwnership(s_instance, QJSEngine::CppOwnership);
    return s_instance;
}

QString CountsController::started() const
{
    return m_current.started.isValid() ? m_current.started.toString(u"yyyy-MM-dd HH:mm"_s) : QString();
}

QString CountsController::finished() const
{
    return m_current.finished.isValid() ? m_current.finished.toString(u"yyyy-MM-dd HH:mm"_s) : QString();
}

void CountsController::refresh()
{
    if (!m_db->isOpen())
        return;
    m_service.list().then(this, [this](const Result<std::vector<counts::Count>> &r) {
        if (!r.ok()) {
            m_status.report(tr("The counts could not be read"), r.error());
            return;
        }
        m_counts.setCounts(r.value());
    });
    m_service.places().then(this, [this](const Result<std::vector<counts::CountLocation>> &r) {
        m_places.clear();
        if (r.ok()) {
            for (const auto &p : r.value())
                m_places << QVariantMap { { u"name"_s, p.name }, { u"location"_s, p.text() } };
        }
    });
    if (m_current.id.isEmpty())
        return;
    m_service.count(m_current.id).then(this, [this](const Result<counts::Count> &r) {
        if (r.ok() && r->id == m_current.id)
            setCurrent(r.value());
    });
    m_service.tally(m_current.id).then(this, [this, id = m_current.id](const Result<std::vector<counts::TallyRow>> &r) {
        if (r.ok() && id == m_current.id)
            m_tally.setRows(r.value());
    });
}

void CountsController::setCurrent(const counts::Count &count)
{
    m_current = count;
    Q_EMIT currentChanged();
    updateTarget();
}

void CountsController::setCapturing(bool on)
{
    if (on == m_capturing)
        return;
    m_capturing = on;
    Q_EMIT capturingChanged();
    updateTarget();
}

void CountsController::updateTarget()
{
    const bool target = m_capturing && isOpen();
    if (target == m_scan.countIsTarget())
        return;
    if (target)
        m_scan.setCountTarget([this](const QString &data, const QString &symbologyId, const QString &source) {
            code(data, symbologyId, source);
        });
    else
        m_scan.setCountTarget({});
}

void CountsController::setMultiplier(int n)
{
    n = std::clamp(n, 1, counts::kMaxMultiplier);
    if (n == m_multiplier)
        return;
    m_multiplier = n;
    Q_EMIT multiplierChanged();
}

QString CountsController::locationProblem(const QString &text) const
{
    const QString t = text.trimmed();
    if (!t.isEmpty() && !t.at(0).isDigit()) {
        for (const auto &p : m_places) {
            if (p.toMap().value(u"name"_s).toString() == t)
                return {};
        }
        return tr("“%1” is neither a GLN nor a named place.").arg(visibleText(t.left(60)));
    }
    const auto loc = counts::parseLocation(t);
    return loc.ok() ? QString() : loc.error().message;
}

void CountsController::startCount(
    const QString &location, const QString &description, const QUrl &expectedCsv, bool blind)
{
    const auto fail = [this](const QString &why) {
        m_newCountError = why;
        Q_EMIT newCountErrorChanged();
    };
    counts::NewCount nc;
    nc.description = description.trimmed();
    nc.blind = blind;
    if (!expectedCsv.isEmpty()) {
        QFile f(expectedCsv.toLocalFile());
        if (!f.open(QIODevice::ReadOnly))
            return fail(tr("%1: %2").arg(f.fileName(), f.errorString()));
        auto items = counts::readExpectedCsv(f.readAll());
        if (!items.ok())
            return fail(items.error().message);
        nc.expected = std::move(items.value());
    }
    fail({});
    m_service.resolveLocation(location).then(this, [this, nc, fail](const Result<counts::CountLocation> &loc) mutable {
        if (!loc.ok())
            return fail(loc.error().message);
        nc.location = loc.value();
        m_service.start(nc).then(this, [this, fail](const Result<counts::Count> &c) {
            if (!c.ok())
                return fail(c.error().message);
            m_tally.setRows({});
            m_lastKind = Feedback::None;
            m_lastTitle = m_lastDetail = m_lastSource = QString();
            Q_EMIT lastScanChanged();
            setCurrent(c.value());
            refresh();
            Q_EMIT countStarted(c->id);
        });
    });
}

void CountsController::openCount(const QString &id)
{
    for (const auto &c : m_counts.counts()) {
        if (c.id == id) {
            m_tally.setRows({});
            m_lastKind = Feedback::None;
            m_lastTitle = m_lastDetail = m_lastSource = QString();
            Q_EMIT lastScanChanged();
            setCurrent(c);
        }
    }
    refresh();
}

void CountsController::closeCount()
{
    setCurrent({});
    m_tally.setRows({});
    m_variance.setVariance({});
}

void CountsController::setBlind(bool blind)
{
    if (m_current.id.isEmpty() || blind == m_current.blind)
        return;
    m_service.setBlind(m_current.id, blind).then(this, [this](const Result<counts::Count> &r) {
        if (!r.ok())
            return m_status.report(tr("Blind mode was not changed"), r.error());
        setCurrent(r.value());
        refresh();
    });
}

void CountsController::submit(const QString &text, const QString &source)
{
    code(text, {}, source);
}

void CountsController::code(const QString &data, const QString &symbologyId, const QString &source)
{
    if (const auto m = counts::parseMultiplier(data)) {
        setMultiplier(*m);
        feedback(Feedback::None, tr("Next code × %1").arg(*m), {}, source);
        return;
    }
    if (!isOpen()) {
        feedback(Feedback::Refused, tr("Not counted"), tr("No count is open."), source);
        return;
    }
    const int quantity = m_multiplier;
    setMultiplier(1);
    ++m_pending;
    m_service.add(m_current.id, counts::CountScan { data, symbologyId, quantity, source })
        .then(this, [this, source](const counts::CountOutcome &o) {
            --m_pending;
            answered(o, source);
        });
}

void CountsController::answered(const counts::CountOutcome &o, const QString &source)
{
    switch (o.kind) {
    case counts::CountOutcome::Kind::Counted:
        feedback(Feedback::Counted,
            o.line.quantity > 1 ? tr("+%1  %2").arg(number(o.line.quantity), o.line.gtin)
                                : tr("+1  %1").arg(o.line.gtin),
            tr("%1 · now %2").arg(describe(o.line), number(o.tally)), source);
        m_acceptSound.play();
        break;
    case counts::CountOutcome::Kind::Repeated:
        feedback(Feedback::Repeated, tr("Already counted"), o.reason, source);
        m_repeatSound.play();
        break;
    case counts::CountOutcome::Kind::Refused:
        feedback(Feedback::Refused, tr("Not counted: %1").arg(visibleText(o.line.rawValue.left(40))), o.reason, source);
        m_rejectSound.play();
        break;
    }
    Q_EMIT scanAnswered();
    refresh();
}

void CountsController::feedback(Feedback kind, const QString &title, const QString &detail, const QString &source)
{
    m_lastKind = kind;
    m_lastTitle = title;
    m_lastDetail = detail;
    m_lastSource = source;
    Q_EMIT lastScanChanged();
}

void CountsController::undo()
{
    if (!isOpen())
        return;
    m_service.undo(m_current.id).then(this, [this](const Result<counts::CountLine> &r) {
        if (!r.ok())
            return m_status.report(tr("Nothing was taken back"), r.error());
        feedback(Feedback::None, tr("Taken back: −%1").arg(number(r->quantity)), describe(r.value()), {});
        refresh();
    });
}

void CountsController::finish()
{
    if (!isOpen())
        return;
    const QString id = m_current.id;
    m_service.finish(id).then(this, [this, id](const Result<counts::Count> &r) {
        if (!r.ok())
            return m_status.report(tr("The count was not finished"), r.error());
        m_status.good(tr("Finished and locked; its EPCIS events wait in the outbox for Closient."));
        setCurrent(r.value());
        refresh();
        loadVariance();
        Q_EMIT countFinished(id);
    });
}

void CountsController::loadVariance()
{
    if (m_current.id.isEmpty())
        return;
    m_service.variance(m_current.id).then(this, [this](const Result<counts::Variance> &r) {
        if (!r.ok())
            return m_status.report(tr("No variance report"), r.error());
        m_variance.setVariance(r.value());
    });
}

Result<QString> CountsController::localFile(const QUrl &file) const
{
    const QString path = file.isLocalFile() ? file.toLocalFile() : file.toString();
    if (path.isEmpty())
        return Error { u"invalid"_s, tr("Choose a file to write.") };
    return path;
}

void CountsController::writeFile(
    const QUrl &file, const QString &what, std::function<Result<Done>(const QString &)> write)
{
    const auto path = localFile(file);
    if (!path.ok())
        return m_status.report(what, path.error());
    QtConcurrent::run([path = path.value(), store = m_db->path(), write]() -> Result<QString> {
        auto output = labels::OutputFile::prepare(path, store);
        if (!output.ok())
            return output.error();
        if (auto r = write(output->tempPath()); !r.ok())
            return r.error();
        if (auto r = output->commit(); !r.ok())
            return r.error();
        return output->target();
    }).then(this, [this, what](const Result<QString> &r) {
        if (!r.ok())
            return m_status.report(what, r.error());
        m_status.good(tr("Saved %1").arg(r.value()));
    });
}

void CountsController::exportVarianceCsv(const QUrl &file)
{
    const QByteArray csv = m_variance.variance().toCsv();
    writeFile(file, tr("The CSV was not saved"), [csv](const QString &path) -> Result<Done> {
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly) || f.write(csv) != csv.size() || !f.flush())
            return Error { u"io"_s, f.errorString() };
        return Done {};
    });
}

void CountsController::exportVariancePdf(const QUrl &file)
{
    const auto variance = m_variance.variance();
    writeFile(file, tr("The PDF was not saved"),
        [variance](const QString &path) { return counts::writeVariancePdf(variance, path); });
}

void CountsController::exportDocument(const QUrl &file)
{
    m_service.document(m_current.id).then(this, [this, file](const Result<QJsonObject> &doc) {
        if (!doc.ok())
            return m_status.report(tr("The EPCIS document was not saved"), doc.error());
        const QByteArray json = QJsonDocument(doc.value()).toJson();
        writeFile(file, tr("The EPCIS document was not saved"), [json](const QString &path) -> Result<Done> {
            QFile f(path);
            if (!f.open(QIODevice::WriteOnly) || f.write(json) != json.size() || !f.flush())
                return Error { u"io"_s, f.errorString() };
            return Done {};
        });
    });
}

} // namespace closient::models
