// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "labelitem.h"
#include "result.h"

#include <QDate>
#include <QHash>
#include <QLocale>
#include <QString>
#include <QStringList>

#include <optional>
#include <vector>

namespace closient::labels {

/** The values one label is printed with: the item, its product, its place in the job, and any CSV columns. */
struct LabelData
{
    QString productName;
    QString brand;
    QString gtin; // GTIN-14
    QString lot;
    QString serial;
    QDate expiry;
    QDate productionDate;
    int count = 0; // the label's number in its job, from 1; 0 = not known
    int total = 0; // labels in the job; 0 = not known
    QHash<QString, QString> columns; // a CSV row by its header, as imported

    /// The data of a lot or serial, with the product's name and brand from the products cache.
    [[nodiscard]] static LabelData fromItem(const LabelItem &item, const QString &productName = {},
        const QString &brand = {}, int count = 0, int total = 0);
};

/// The fields every label has: product_name, brand, gtin, lot, expiry, production_date, serial, count, total.
[[nodiscard]] QStringList standardFields();
/// Whether @p name is a date field (takes a format).
[[nodiscard]] bool isDateField(const QString &name);

/// Formats @p date with strftime's conversions %d %e %m %b %B %y %Y %a %A %j %% in @p locale ("%d %b %Y" gives
/// "31 Dec 2026" in the C locale; "%y%m%d" the GS1 form). An unknown conversion is left as written (parse() refuses
/// it before a label is ever made).
[[nodiscard]] QString formatDate(const QDate &date, const QString &format, const QLocale &locale = QLocale::c());

/**
 * Text with fields in braces: "Lot {lot}", "EXP {expiry:%d %b %Y}", "{Best before}" (a CSV column), "{{" and "}}"
 * for braces themselves. Parsed once per layout; binding is pure and thread-safe.
 *
 * Missing values: a field with no value is empty; a line (between newlines) that holds fields and none of whose
 * fields has a value is left out entirely, so "Lot {lot}" leaves no stray "Lot " on a label without a lot. A name that
 * is neither a standard field nor a column of the data is reported as unknown.
 */
class FieldTemplate
{
public:
    /// Refuses an unclosed brace, an empty name, a format on a field that is not a date, an unknown %-conversion.
    [[nodiscard]] static Result<FieldTemplate> parse(const QString &text);

    struct Bound
    {
        QString text;
        QStringList missing; // fields without a value
        QStringList unknown; // names that are neither standard fields nor columns of the data
    };
    [[nodiscard]] Bound bind(const LabelData &data, const QLocale &locale = QLocale::c()) const;
    /// The field names used, in order, each once.
    [[nodiscard]] QStringList fields() const;
    [[nodiscard]] const QString &source() const { return m_source; }

private:
    struct Part
    {
        QString literal; // when name is empty
        QString name;
        QString format;
        bool newline = false;
    };
    QString m_source;
    std::vector<Part> m_parts;
};

} // namespace closient::labels
