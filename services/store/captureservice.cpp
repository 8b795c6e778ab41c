// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "captureservice.h"

#include "capturerepository.h"
#include "symbology.h"

using namespace Qt::StringLiterals;

namespace closient::store {

CaptureService::CaptureService(Database *db)
    : m_db(db)
{ }

CaptureOutcome CaptureService::check(const CaptureRequest &request)
{
    CaptureOutcome out;
    QString raw = request.rawValue;
    while (raw.endsWith(u'\r') || raw.endsWith(u'\n'))
        raw.chop(1);
    out.parsed.input = request.symbologyId + raw; // what the refusal records, parsed or not
    // Limits first: they cost nothing, and data that breaks one is never handed to the parser.
    const qsizetype length = raw.size() - gs1::symbologyIdLength(raw);
    if (length > kMaxRawValueLength) {
        out.reasonCode = u"too_long"_s;
        out.reason
            = u"This code holds %1 characters; Closient accepts at most %2."_s.arg(length).arg(kMaxRawValueLength);
    } else if (raw.trimmed().isEmpty()) {
        out.reasonCode = u"empty"_s;
        out.reason = u"There is nothing to capture."_s;
    } else if (!captureTypes().contains(request.captureType)) {
        out.reasonCode = u"invalid"_s;
        out.reason = u"\"%1\" is not a capture type; use %2."_s.arg(
            request.captureType.left(40), captureTypes().join(u", "_s));
    } else {
        // What the station's readers send: UPC-A/UPC-E as ZXing and hand scanners give them, older Digital Links.
        out.parsed = gs1::parse(request.symbologyId + raw, gs1::ParseOptions::scanning());
        if (!out.parsed.errors.empty()) {
            out.reasonCode = u"invalid"_s;
            out.reason = out.parsed.errorText();
        }
    }
    return out;
}

Capture CaptureService::toCapture(const CaptureRequest &request, const gs1::ParseResult &p)
{
    QString raw = request.rawValue.trimmed();
    QString symbologyId = request.symbologyId;
    if (symbologyId.isEmpty() && gs1::symbologyIdLength(raw) > 0) {
        symbologyId = raw.left(3);
        raw = raw.mid(3);
    }
    Capture c;
    c.sessionId = request.sessionId;
    c.captureType = request.captureType;
    c.rawValue = raw;
    c.symbologyId = symbologyId;
    c.format = request.format;
    c.source = request.source;
    c.gtin = p.gtin14;
    c.lot = p.lot();
    c.serial = p.serial();
    c.expiry = p.expiry().isValid() ? p.expiry().toString(Qt::ISODate) : QString();
    c.gs1 = p.toJson();
    if (p.kind == gs1::DataKind::DigitalLink) {
        for (const auto &el : p.elements)
            c.gs1DlData.insert(el.ai, el.value);
    }
    c.quad = request.quad;
    c.metadata = request.metadata;
    return c;
}

QFuture<CaptureOutcome> CaptureService::submit(const CaptureRequest &request)
{
    auto out = check(request);
    return m_db->run([store = m_db, request, out](QSqlDatabase &db) mutable {
        if (out.reasonCode.isEmpty()) {
            const Capture c = toCapture(request, out.parsed);
            bool sessionChanged = false;
            auto stored = CaptureRepository::insert(db, c, &sessionChanged);
            if (stored.ok()) {
                out.captured = true;
                out.capture = stored.value();
                store->notifyCaptureAdded(out.capture);
                store->notifySessionChanged(c.sessionId); // its activity and counts
                return out;
            }
            if (sessionChanged) // it expired on the way in
                store->notifySessionChanged(c.sessionId);
            out.reasonCode = stored.error().code;
            out.reason = stored.error().message;
        }
        // Keep the refusal, unless the store itself is what failed or the session does not exist.
        static const QStringList unrecordable { u"not_found"_s, u"locked"_s, u"read_only"_s, u"disk_full"_s, u"io"_s,
            u"corrupt"_s };
        if (!unrecordable.contains(out.reasonCode)) {
            Rejection r;
            r.sessionId = request.sessionId;
            r.rawValue = request.rawValue.isEmpty() ? u"(empty)"_s : request.rawValue;
            r.source = request.source;
            r.reasonCode = out.reasonCode;
            r.reason = out.reason;
            if (CaptureRepository::insertRejection(db, r).ok()) {
                store->notifyCaptureRefused(r.sessionId);
                store->notifySessionChanged(r.sessionId); // its refused count
            }
        }
        return out;
    });
}

} // namespace closient::store
