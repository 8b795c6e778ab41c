// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "reviewrepository.h"

#include <QObject>
#include <QQmlEngine>
#include <QVariantList>
#include <QVariantMap>

namespace closient::models {

/**
 * The detail pane of the review: one capture with its GS1 breakdown, product match, photos, server status history,
 * session and the server's proposals, and the actions that belong to one capture (decide each proposal, apply them,
 * correct the GTIN). Every write goes through the store; the pane is read again once it is on disk.
 */
class ReviewDetailView : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("provided by ReviewController")
    Q_PROPERTY(QString captureId READ captureId NOTIFY changed)
    Q_PROPERTY(bool loaded READ loaded NOTIFY changed)
    Q_PROPERTY(QVariantMap capture READ capture NOTIFY changed)
    Q_PROPERTY(QVariantMap parse READ parse NOTIFY changed)
    Q_PROPERTY(QVariantMap product READ product NOTIFY changed)
    Q_PROPERTY(QVariantMap session READ session NOTIFY changed)
    Q_PROPERTY(QVariantList photos READ photos NOTIFY changed)
    Q_PROPERTY(QVariantList history READ history NOTIFY changed)
    Q_PROPERTY(QVariantList corrections READ corrections NOTIFY changed)
    Q_PROPERTY(QVariantList proposals READ proposals NOTIFY changed)
    Q_PROPERTY(bool canApply READ canApply NOTIFY changed)

public:
    enum class Decision { Pending, Accepted, Rejected };
    Q_ENUM(Decision)

    explicit ReviewDetailView(store::Database *db, QObject *parent = nullptr);

    [[nodiscard]] QString captureId() const { return m_id; }
    [[nodiscard]] bool loaded() const { return m_loaded; }
    [[nodiscard]] QVariantMap capture() const { return m_capture; }
    [[nodiscard]] QVariantMap parse() const { return m_parse; }
    [[nodiscard]] QVariantMap product() const { return m_product; }
    [[nodiscard]] QVariantMap session() const { return m_session; }
    [[nodiscard]] QVariantList photos() const { return m_photos; }
    [[nodiscard]] QVariantList history() const { return m_history; }
    [[nodiscard]] QVariantList corrections() const { return m_corrections; }
    [[nodiscard]] QVariantList proposals() const { return m_proposals; }
    /// Some proposal is accepted and not applied yet.
    [[nodiscard]] bool canApply() const { return m_canApply; }

    /// Shows capture @p id (empty: nothing). Asynchronous.
    Q_INVOKABLE void load(const QString &id);
    Q_INVOKABLE void reload() { load(m_id); }
    Q_INVOKABLE void accept(const QString &proposalId) { decide(proposalId, true); }
    Q_INVOKABLE void reject(const QString &proposalId) { decide(proposalId, false); }
    /// Applies the accepted proposals of the capture shown.
    Q_INVOKABLE void applyProposals();
    /// Records @p gtin as the capture's GTIN; the captured one stays in its history.
    Q_INVOKABLE void correctGtin(const QString &gtin);

Q_SIGNALS:
    void changed();
    /// A write of the pane is on disk: the table reads its rows again.
    void captureChanged(const QString &captureId);
    void message(const QString &text, bool error);

private:
    void decide(const QString &proposalId, bool accept);
    void show(const store::ReviewDetail &d);
    template<typename T>
    void afterWrite(QFuture<store::Result<T>> future, const QString &done);

    store::Database *m_db;
    QString m_id;
    bool m_loaded = false;
    int m_reads = 0; // an answer older than the latest load is dropped
    QVariantMap m_capture, m_parse, m_product, m_session;
    QVariantList m_photos, m_history, m_corrections, m_proposals;
    bool m_canApply = false;
};

} // namespace closient::models
