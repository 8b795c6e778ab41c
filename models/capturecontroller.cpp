// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "capturecontroller.h"

#include "capturerepository.h"
#include "captureservice.h"
#include "database.h"
#include "displaytext.h"
#include "parsedisplay.h"
#include "stationidentity.h"

using namespace Qt::StringLiterals;

namespace closient::models {

CaptureController::CaptureController(store::Database *db, QObject *parent)
    : QObject(parent)
    , m_db(db)
{ }

CaptureController *CaptureController::create(QQmlEngine *, QJSEngine *)
{
    QJSEngine::setObjectOwnership(s_instance, QJSEngine::CppOwnership);
    return s_instance;
}

QVariantMap CaptureController::preview(const QString &text) const
{
    store::CaptureRequest r;
    r.rawValue = text;
    const auto outcome = store::CaptureService::check(r);
    auto map = describeParse(outcome.parsed);
    map.insert(u"acceptable"_s, outcome.reasonCode.isEmpty());
    map.insert(u"reason"_s, outcome.reason);
    return map;
}

void CaptureController::submitManual(const QString &sessionId, const QString &text)
{
    store::CaptureRequest r;
    r.sessionId = sessionId;
    r.captureType = u"MANUAL"_s;
    r.rawValue = text;
    r.source = u"keyboard"_s;
    ++m_pending;
    Q_EMIT busyChanged();
    store::CaptureService(m_db).submit(r).then(this, [this, sessionId](const store::CaptureOutcome &o) {
        --m_pending;
        Q_EMIT busyChanged();
        // Only now, with the capture on disk, is the operator told.
        if (o.captured)
            Q_EMIT captured(sessionId, o.capture.id, summarize(o.parsed));
        else
            Q_EMIT rejected(sessionId, o.parsed.input, o.reason);
    });
}

QStringList CaptureController::voidReasons() const
{
    return store::captureVoidReasons();
}

void CaptureController::voidCapture(const QString &sessionId, const QString &captureId, const QString &reason)
{
    store::CaptureRepository(m_db)
        .voidCapture(captureId, reason, StationIdentity::current().user)
        .then(this, [this, sessionId, captureId](const store::Result<store::Capture> &r) {
            if (r.ok())
                Q_EMIT corrected(sessionId, captureId,
                    tr("Voided: %1 (%2)").arg(visibleText(r.value().rawValue.left(60)), r.value().voidReason));
            else
                Q_EMIT correctionFailed(sessionId, captureId, tr("Not voided: %1").arg(r.error().message));
        });
}

void CaptureController::editCapture(const QString &sessionId, const QString &captureId, const QString &text)
{
    store::CaptureRepository(m_db)
        .editManual(captureId, text, StationIdentity::current().user)
        .then(this, [this, sessionId, captureId](const store::Result<store::Capture> &r) {
            if (r.ok())
                Q_EMIT corrected(sessionId, captureId,
                    tr("Corrected: %1 (was %2)")
                        .arg(visibleText(r.value().rawValue.left(60)),
                            visibleText(r.value().originalRawValue.left(60))));
            else
                Q_EMIT correctionFailed(sessionId, captureId, tr("Not corrected: %1").arg(r.error().message));
        });
}

} // namespace closient::models
