// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "productrepository.h"

#include <QAbstractListModel>
#include <QQmlEngine>

#include <functional>
#include <vector>

namespace closient::models {

/**
 * The products the station knows (from Closient's cache and edits made here) for the Labels screen's Products
 * dialog: searchable by GTIN, name or brand, each with where its name comes from. Edits and clears go to the
 * store; the list follows, and changed() tells the labels to draw their names again.
 */
class ProductsModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("The Labels controller owns the products.")
    Q_PROPERTY(QString search READ search WRITE setSearch NOTIFY searchChanged)
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)
    Q_PROPERTY(bool busy READ busy NOTIFY busyChanged)
    /// Why the last edit, clear or read failed, for the person at the desk; empty after one succeeds.
    Q_PROPERTY(QString error READ error NOTIFY errorChanged)

public:
    enum Roles {
        GtinRole = Qt::UserRole + 1,
        NameRole,
        BrandRole,
        DescriptionRole,
        EditedRole, // the name shown is the local edit
        SourceRole, // "Closient" or "Edited here"
        ClosientNameRole, // what Closient calls it ("" when it has not named it)
        FromClosientRole,
    };

    explicit ProductsModel(store::Database *db, QObject *parent = nullptr);

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role) const override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;

    [[nodiscard]] QString search() const { return m_search; }
    void setSearch(const QString &text);
    [[nodiscard]] bool busy() const { return m_busy > 0; }
    [[nodiscard]] QString error() const { return m_error; }

    /// Reads the list again (the search applies).
    Q_INVOKABLE void reload();
    /// Why this edit would be refused ("" when it is fine): checked as the store checks it, before it is sent.
    Q_INVOKABLE QString check(
        const QString &gtin, const QString &name, const QString &brand, const QString &description) const;
    /// Stores a local edit of the product's name, brand and description; saved() (once the list holds it) or
    /// errorChanged() follows.
    Q_INVOKABLE void save(const QString &gtin, const QString &name, const QString &brand, const QString &description);
    /// Clears the product's local edit (Closient's name is shown again); cleared() or errorChanged() follows.
    Q_INVOKABLE void clear(const QString &gtin);
    /// The row of @p gtin in the list as it is now (any GTIN form the station reads), or -1.
    Q_INVOKABLE int indexOf(const QString &gtin) const;
    /// The product in @p row (gtin, name, brand, description, edited, fromClosient, closientName); empty outside.
    Q_INVOKABLE QVariantMap productAt(int row) const;

Q_SIGNALS:
    void searchChanged();
    void countChanged();
    void busyChanged();
    void errorChanged();
    void saved(const QString &gtin);
    void cleared(const QString &gtin);
    /// A product's shown values changed: labels and their preview read them again.
    void changed();

private:
    /// Reads the list again, then runs @p after (when this is still the list asked last).
    void fetch(std::function<void()> after);
    void setError(const QString &message);
    void setBusy(int delta);

    store::Database *m_db;
    std::vector<store::Product> m_rows;
    QString m_search;
    QString m_error;
    int m_busy = 0;
    int m_request = 0; // the list asked last; older answers are dropped
};

} // namespace closient::models
