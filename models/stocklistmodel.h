// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "stocklibrary.h"

#include <QAbstractListModel>
#include <QQmlEngine>

#include <memory>

namespace closient::models {

/**
 * The label stocks people choose from (the station's, the user's and glabels-data's), by their display name
 * ("Avery 5160 — Address labels, 1 × 2⅝ in, 30 per sheet"), narrowed as they type (StockLibrary::search) and by
 * brand. The stock's id is a role for the program, never shown.
 */
class StockListModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QString search READ search WRITE setSearch NOTIFY searchChanged)
    Q_PROPERTY(QString brand READ brand WRITE setBrand NOTIFY brandChanged)
    Q_PROPERTY(QStringList brands READ brands CONSTANT)
    Q_PROPERTY(int count READ count NOTIFY countChanged)
    Q_PROPERTY(int total READ total CONSTANT)

public:
    enum Role {
        StockIdRole = Qt::UserRole + 1,
        DisplayNameRole,
        BrandRole,
        PartRole,
        DescriptionRole,
        SizeRole, // "1 × 2⅝ in"
        CountRole, // "30 per sheet", "roll"
        ShapeRole, // StockListModel.Shape
        SourceRole, // StockListModel.Source
    };
    enum class Shape { Rectangle, Round, Ellipse, Cd };
    Q_ENUM(Shape)
    enum class Source { Station, User, Glabels };
    Q_ENUM(Source)

    explicit StockListModel(QObject *parent = nullptr);
    StockListModel(std::shared_ptr<const labels::StockLibrary> library, QObject *parent = nullptr);

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role) const override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;

    [[nodiscard]] QString search() const { return m_search; }
    void setSearch(const QString &text);
    /// Only this brand's stocks; "" = every brand.
    [[nodiscard]] QString brand() const { return m_brand; }
    void setBrand(const QString &brand);
    /// "" (every brand), then every brand, sorted, each once.
    [[nodiscard]] QStringList brands() const { return m_brands; }
    [[nodiscard]] int count() const { return int(m_rows.size()); }
    [[nodiscard]] int total() const { return int(m_library->stocks().size()); }

    /// The row of stock @p id in the list as it is narrowed now, or -1.
    Q_INVOKABLE int indexOf(const QString &id) const;
    /// The display name of any stock the library knows ("" when none has that id).
    Q_INVOKABLE QString displayName(const QString &id) const;
    /// The id and the display name of the stock in @p row ("" outside the list).
    Q_INVOKABLE QString idAt(int row) const;
    Q_INVOKABLE QString displayNameAt(int row) const;
    [[nodiscard]] const labels::Stock *stockAt(int row) const;

Q_SIGNALS:
    void searchChanged();
    void brandChanged();
    void countChanged();

private:
    void refill();

    std::shared_ptr<const labels::StockLibrary> m_library;
    std::vector<const labels::Stock *> m_rows;
    QStringList m_brands;
    QString m_search;
    QString m_brand;
};

} // namespace closient::models
