// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "types.h"

#include <QAbstractListModel>
#include <QQmlEngine>

#include <vector>

namespace closient::store {
class Database;
}

namespace closient::models {

class CaptureController;

/** The captures of one session and the scans it refused, newest first, growing live as codes arrive. */
class CaptureListModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(closient::models::CaptureController *source READ source WRITE setSource NOTIFY sourceChanged)
    Q_PROPERTY(QString sessionId READ sessionId WRITE setSessionId NOTIFY sessionIdChanged)
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)
    Q_PROPERTY(int capturedCount READ capturedCount NOTIFY countChanged)
    Q_PROPERTY(int rejectedCount READ rejectedCount NOTIFY countChanged)

public:
    enum Roles {
        RowIdRole = Qt::UserRole + 1,
        RejectedRole,
        TimeTextRole,
        CaptureTypeRole,
        RawValueRole,
        SummaryRole,
        ParseRole, // the map of parsedisplay.h: gtin, lot, expiryText, expiryState, serial, ais, errors, ...
        StatusRole,
        ReasonRole,
        SourceRole,
        SymbologyRole,
        CaptureIdRole, // empty for a refused scan
        VoidedRole, // kept and shown, no longer counted
        VoidTextRole, // "Voided 14:02 by mlopez: Scanned by mistake"
        EditedRole,
        OriginalRawValueRole, // what was typed first, before corrections
        EditableRole, // a typed capture not sent yet: its value may be corrected
        VoidableRole,
        ProductNameRole, // what Closient matched the capture to (empty until the server says)
        SentRole, // Closient has it (it has a server id)
    };
    Q_ENUM(Roles)

    explicit CaptureListModel(QObject *parent = nullptr);
    /// For tests and C++ owners; QML instances take the store from SessionsController.
    explicit CaptureListModel(store::Database *db, QObject *parent = nullptr);

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role) const override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;

    /// Where the captures come from: the screens give the CaptureController singleton the application built.
    [[nodiscard]] CaptureController *source() const { return m_source; }
    void setSource(CaptureController *source);
    [[nodiscard]] QString sessionId() const { return m_sessionId; }
    void setSessionId(const QString &id);
    [[nodiscard]] int capturedCount() const;
    [[nodiscard]] int rejectedCount() const;

    Q_INVOKABLE void refresh();

    /** One row: a capture or a refused scan. */
    struct Row
    {
        bool rejected = false;
        store::Capture capture;
        store::Rejection rejection;
        QVariantMap parse;
        [[nodiscard]] QString key() const;
        [[nodiscard]] QDateTime time() const { return rejected ? rejection.created : capture.created; }
    };
    /// Shows @p rows (newest first). New rows on top are inserted; anything else resets the view.
    void setRows(std::vector<Row> rows);
    [[nodiscard]] static QVariantMap parseOf(const Row &row);

Q_SIGNALS:
    void sourceChanged();
    void sessionIdChanged();
    void countChanged();

private:
    void attach(store::Database *db);
    /// Reads the product names Closient gave the captures of @p captureId (empty: the whole session).
    void loadProductNames(const QString &captureId = {});

    store::Database *m_db = nullptr;
    CaptureController *m_source = nullptr;
    QString m_sessionId;
    std::vector<Row> m_rows;
    bool m_refreshQueued = false;
    int m_readsUnderWay = 0; // reads of the list started and not answered yet
    std::vector<store::Capture> m_announcedDuringRead; // see refresh()
    quint64 m_generation = 0;
    QHash<QString, QString> m_productNames; // capture id → product name from Closient
};

} // namespace closient::models
