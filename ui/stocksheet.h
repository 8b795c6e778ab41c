// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QQuickPaintedItem>

namespace closient::ui {

/** A small drawing of a stock's sheet: the page and every label on it in its own shape (round, oval, CD). */
class StockSheet : public QQuickPaintedItem
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QString stockId READ stockId WRITE setStockId NOTIFY stockIdChanged)

public:
    explicit StockSheet(QQuickItem *parent = nullptr);

    [[nodiscard]] QString stockId() const { return m_stockId; }
    void setStockId(const QString &id);

    void paint(QPainter *painter) override;

Q_SIGNALS:
    void stockIdChanged();

private:
    QString m_stockId;
};

} // namespace closient::ui
