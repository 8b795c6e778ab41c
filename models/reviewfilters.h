// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "reviewquery.h"

#include <QDate>
#include <QObject>
#include <QQmlEngine>

namespace closient::models {

/** The review screen's filters and sort as QML edits them; every change says so once, and toFilter() reads them. */
class ReviewFilters : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("provided by ReviewController")
    Q_PROPERTY(QString sessionId READ sessionId WRITE setSessionId NOTIFY changed)
    Q_PROPERTY(QString fromDate READ fromText WRITE setFromText NOTIFY changed)
    Q_PROPERTY(QString toDate READ toText WRITE setToText NOTIFY changed)
    Q_PROPERTY(int captureType READ captureType WRITE setCaptureType NOTIFY changed)
    Q_PROPERTY(int serverStatus READ serverStatus WRITE setServerStatus NOTIFY changed)
    Q_PROPERTY(QString product READ product WRITE setProduct NOTIFY changed)
    Q_PROPERTY(Choice photo READ photo WRITE setPhoto NOTIFY changed)
    Q_PROPERTY(Choice parseErrors READ parseErrors WRITE setParseErrors NOTIFY changed)
    Q_PROPERTY(Review review READ review WRITE setReview NOTIFY changed)
    Q_PROPERTY(QString search READ search WRITE setSearch NOTIFY changed)
    Q_PROPERTY(int sortColumn READ sortColumn WRITE setSortColumn NOTIFY changed)
    Q_PROPERTY(bool descending READ descending WRITE setDescending NOTIFY changed)
    Q_PROPERTY(QStringList captureTypeNames READ captureTypeNames CONSTANT)
    Q_PROPERTY(QStringList serverStatusNames READ serverStatusNames CONSTANT)
    Q_PROPERTY(QStringList photoNames READ photoNames CONSTANT)
    Q_PROPERTY(QStringList parseErrorNames READ parseErrorNames CONSTANT)
    Q_PROPERTY(QStringList reviewNames READ reviewNames CONSTANT)
    Q_PROPERTY(bool active READ active NOTIFY changed)

public:
    enum class Choice { Any, Yes, No };
    Q_ENUM(Choice)
    enum class Review { AnyReview, Unreviewed, Reviewed, Flagged };
    Q_ENUM(Review)

    explicit ReviewFilters(QObject *parent = nullptr);

    [[nodiscard]] QString sessionId() const { return m_sessionId; }
    [[nodiscard]] QDate fromDate() const { return m_from; }
    [[nodiscard]] QDate toDate() const { return m_to; }
    /// The dates as QML edits them, yyyy-MM-dd; anything else (an empty or half-typed field) is no bound.
    [[nodiscard]] QString fromText() const { return m_from.toString(Qt::ISODate); }
    [[nodiscard]] QString toText() const { return m_to.toString(Qt::ISODate); }
    void setFromText(const QString &v) { setFromDate(QDate::fromString(v.trimmed(), Qt::ISODate)); }
    void setToText(const QString &v) { setToDate(QDate::fromString(v.trimmed(), Qt::ISODate)); }
    /// Index into captureTypeNames / serverStatusNames; 0 is "any".
    [[nodiscard]] int captureType() const { return m_captureType; }
    [[nodiscard]] int serverStatus() const { return m_serverStatus; }
    /// A GTIN (8 to 14 digits) or a part of a brand name.
    [[nodiscard]] QString product() const { return m_product; }
    [[nodiscard]] Choice photo() const { return m_photo; }
    [[nodiscard]] Choice parseErrors() const { return m_parseErrors; }
    [[nodiscard]] Review review() const { return m_review; }
    [[nodiscard]] QString search() const { return m_search; }
    [[nodiscard]] int sortColumn() const { return m_sortColumn; }
    [[nodiscard]] bool descending() const { return m_descending; }
    [[nodiscard]] QStringList captureTypeNames() const;
    [[nodiscard]] QStringList serverStatusNames() const;
    // The choices of each filter, indexed by its enum.
    [[nodiscard]] QStringList photoNames() const;
    [[nodiscard]] QStringList parseErrorNames() const;
    [[nodiscard]] QStringList reviewNames() const;
    /// Any filter other than the sort is set.
    [[nodiscard]] bool active() const;

    void setSessionId(const QString &v);
    void setFromDate(const QDate &v);
    void setToDate(const QDate &v);
    void setCaptureType(int v);
    void setServerStatus(int v);
    void setProduct(const QString &v);
    void setPhoto(Choice v);
    void setParseErrors(Choice v);
    void setReview(Review v);
    void setSearch(const QString &v);
    void setSortColumn(int v);
    void setDescending(bool v);

    /// Back to every capture (the sort stays).
    Q_INVOKABLE void clear();
    /// A click on a column's title: the same column turns the order round; another starts with the newest or the
    /// most first for time and photos, from A for the rest.
    Q_INVOKABLE void sortBy(int column);
    /// What the store is asked for. The dates are whole local days, the last one included.
    [[nodiscard]] store::ReviewFilter toFilter() const;

Q_SIGNALS:
    void changed();

private:
    template<typename T>
    void set(T &member, const T &value);

    QString m_sessionId;
    QDate m_from;
    QDate m_to;
    int m_captureType = 0;
    int m_serverStatus = 0;
    QString m_product;
    Choice m_photo = Choice::Any;
    Choice m_parseErrors = Choice::Any;
    Review m_review = Review::AnyReview;
    QString m_search;
    int m_sortColumn = 0;
    bool m_descending = true;
};

} // namespace closient::models
