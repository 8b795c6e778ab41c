// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "labelscontext.h"
#include "sheettemplate.h"

#include <QObject>
#include <QQmlEngine>
#include <QVariantList>

namespace closient::models {

/** What the Labels screen makes: export type, file format, symbol, stock, start label, copies, outlines, text and
 *  the GS1 size table. The choices offered come from the rules in services/labels (exportrules.h). */
class LabelOptions : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Part of LabelsController.")
    Q_PROPERTY(QVariantList exportTypes READ exportTypes CONSTANT)
    Q_PROPERTY(QVariantList gs1Tables READ gs1Tables CONSTANT)
    Q_PROPERTY(QVariantList templates READ templates CONSTANT)
    Q_PROPERTY(QString exportType READ exportType WRITE setExportType NOTIFY changed)
    Q_PROPERTY(bool sheetExport READ isSheet NOTIFY changed)
    /// Labels for a thermal printer (ZPL), drawn by a layout.
    Q_PROPERTY(bool thermal READ isThermal NOTIFY changed)
    Q_PROPERTY(QStringList formats READ formats NOTIFY changed)
    Q_PROPERTY(QString fileFormat READ fileFormat WRITE setFileFormat NOTIFY changed)
    Q_PROPERTY(QVariantList symbols READ symbols NOTIFY changed)
    Q_PROPERTY(QString symbol READ symbol WRITE setSymbol NOTIFY changed)
    Q_PROPERTY(QString templateName READ templateName WRITE setTemplateName NOTIFY changed)
    Q_PROPERTY(QVariantMap sheet READ sheet NOTIFY changed)
    /// The layouts to draw labels with: {value, text, description}; the first ("") is the plain symbol labels.
    Q_PROPERTY(QVariantList layouts READ layouts NOTIFY layoutsChanged)
    Q_PROPERTY(QString layoutName READ layoutName WRITE setLayoutName NOTIFY changed)
    /// A stock of the whole library (Stock::id) chosen instead of a template; empty: the template.
    Q_PROPERTY(QString stock READ stock WRITE setStock NOTIFY changed)
    /// The stock in use as people read it ("Avery 5160 — Address labels, 1 × 2⅝ in, 30 per sheet").
    Q_PROPERTY(QString stockName READ stockName NOTIFY changed)
    Q_PROPERTY(int startPosition READ startPosition WRITE setStartPosition NOTIFY changed)
    /// Where a print starts on a sheet: "continue" (after the labels used by the last print) or "first" (label 1).
    Q_PROPERTY(QString startPolicy READ startPolicy WRITE setStartPolicy NOTIFY changed)
    Q_PROPERTY(QVariantList startPolicies READ startPolicies CONSTANT)
    Q_PROPERTY(int copiesPerItem READ copiesPerItem WRITE setCopiesPerItem NOTIFY changed)
    Q_PROPERTY(bool outlines READ outlines WRITE setOutlines NOTIFY changed)
    Q_PROPERTY(bool showHri READ showHri WRITE setShowHri NOTIFY changed)
    Q_PROPERTY(QString gs1Table READ gs1Table WRITE setGs1Table NOTIFY changed)
    Q_PROPERTY(QString fileExtension READ fileExtension NOTIFY changed)

public:
    LabelOptions(const LabelsContext &context, QObject *parent = nullptr);

    /// {value, text} for each export type, the sheet first.
    [[nodiscard]] QVariantList exportTypes() const;
    /// {value, text} for each GS1 symbol specification table.
    [[nodiscard]] QVariantList gs1Tables() const;
    /// {name, text, summary, description, perPage, roll}; text is the stock as people read it, never its id.
    [[nodiscard]] QVariantList templates() const;
    [[nodiscard]] QString exportType() const { return m_context.request->exportType; }
    void setExportType(const QString &type);
    [[nodiscard]] bool isSheet() const { return exportType() == u"sheet_pdf"; }
    [[nodiscard]] bool isThermal() const { return exportType() == u"thermal"; }
    [[nodiscard]] QStringList formats() const;
    [[nodiscard]] QString fileFormat() const { return m_context.request->fileFormat; }
    void setFileFormat(const QString &format);
    [[nodiscard]] QVariantList symbols() const;
    [[nodiscard]] QString symbol() const;
    void setSymbol(const QString &name);
    [[nodiscard]] QString templateName() const { return m_context.request->templateName; }
    void setTemplateName(const QString &name);
    /// The stock: name, summary, page size, labels per page and the cells (fractions of the page, calibrated).
    [[nodiscard]] QVariantMap sheet() const;
    [[nodiscard]] QVariantList layouts() const;
    [[nodiscard]] QString layoutName() const { return m_context.request->layoutName; }
    /// Chooses a layout by name ("" for plain symbols); a layout made for a stock brings that stock along.
    void setLayoutName(const QString &name);
    [[nodiscard]] QString stock() const { return m_context.request->stock; }
    void setStock(const QString &id);
    [[nodiscard]] QString stockName() const;
    /// Stocks whose brand, part, description or size hold every word of @p text (at most 50): {value, text}.
    Q_INVOKABLE QVariantList searchStocks(const QString &text) const;
    /// A fresh sheet is in the printer: the next print starts at its first label, and the stock remembers it.
    Q_INVOKABLE void newSheet();
    [[nodiscard]] int startPosition() const { return m_context.request->startPosition; }
    void setStartPosition(int position);
    [[nodiscard]] QString startPolicy() const { return m_startPolicy; }
    void setStartPolicy(const QString &policy);
    /// {value, text} for each start policy.
    [[nodiscard]] QVariantList startPolicies() const;
    [[nodiscard]] int copiesPerItem() const { return m_context.request->copiesPerItem; }
    void setCopiesPerItem(int copies);
    [[nodiscard]] bool outlines() const { return m_context.request->outlines; }
    void setOutlines(bool on);
    [[nodiscard]] bool showHri() const { return m_context.request->artwork.humanReadable; }
    void setShowHri(bool on);
    [[nodiscard]] QString gs1Table() const;
    void setGs1Table(const QString &name);
    /// "pdf" for a sheet, "zpl" for thermal labels, "zip" for symbol files.
    [[nodiscard]] QString fileExtension() const
    {
        return isSheet() ? QStringLiteral("pdf") : isThermal() ? QStringLiteral("zpl") : QStringLiteral("zip");
    }

    /// The start the last print on the chosen stock left (labels.next_start.<template>), or 1.
    void loadNextStart();
    /// Takes back the last session's choices, without counting as edits.
    void restore();

    /// The layouts on disk changed (one saved, renamed or deleted on the Design tab): the list is read again.
    void reloadLayouts() { Q_EMIT layoutsChanged(); }

Q_SIGNALS:
    void changed();
    void layoutsChanged();
    /// The person changed an option (not a restore): worth remembering, and a new preview.
    void edited();

private:
    void optionsEdited();
    /// The sheet labels go on: the chosen stock's, else the template's.
    [[nodiscard]] std::optional<labels::SheetTemplate> currentSheet() const;

    LabelsContext m_context;
    QString m_startPolicy = QStringLiteral("continue");
    bool m_restoring = false;
};

} // namespace closient::models
