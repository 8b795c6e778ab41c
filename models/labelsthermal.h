// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "labeljob.h"
#include "labelscontext.h"
#include "result.h"

#include <QObject>
#include <QQmlEngine>
#include <QVariantList>

#include <optional>
#include <vector>

namespace closient::models {

/** A thermal (ZPL) printer the station knows: where its labels go and how it prints them. */
struct ThermalPrinter
{
    QString id; // the settings' key for it ("zebra-bench"), kept when the printer is edited
    QString name; // as people call it ("Zebra bench")
    QString target; // "tcp://HOST[:PORT]" or "cups:QUEUE"
    int dpi = 203; // 203, 300 or 600
    int darkness = 15; // 0 to 30 (~SD)
    int speed = 4; // inches a second, 1 to 14 (^PR)
    QString media = QStringLiteral("gap"); // gap | black_mark | continuous

    /// The printer's settings for a job (what the command line's --dpi, --darkness, --speed and --media give).
    [[nodiscard]] labels::ZplSettings zpl() const;
    [[nodiscard]] QVariantMap toMap() const;
    [[nodiscard]] static ThermalPrinter fromMap(const QVariantMap &map);
};

/**
 * The thermal printers of the Labels screen: kept in the station's settings (labels.thermal_printers lists their
 * ids; labels.thermal_name.<id>, _target, _dpi, _darkness, _speed and _media hold each one), added, edited and
 * removed from the printer dialog, each checked against the settings' table before anything is kept. The chosen
 * one turns the screen's request into a thermal job (applyTo).
 */
class LabelsThermal : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Part of LabelsController.")
    /// {id, name, target, dpi, darkness, speed, media, summary} for each printer, in the order they were added.
    Q_PROPERTY(QVariantList printers READ printers NOTIFY printersChanged)
    /// The chosen printer's id; empty when there is none.
    Q_PROPERTY(QString printer READ printer WRITE setPrinter NOTIFY changed)
    /// The chosen printer as people read it: "Zebra bench · tcp://10.0.0.7:9100 · 203 dpi".
    Q_PROPERTY(QString summary READ summary NOTIFY changed)
    /// Why the last save or removal was refused; empty after one that succeeded.
    Q_PROPERTY(QString error READ error NOTIFY errorChanged)
    Q_PROPERTY(QVariantList mediaChoices READ mediaChoices CONSTANT)
    /// {value, text} for 203, 300 and 600 dpi.
    Q_PROPERTY(QVariantList resolutions READ resolutions CONSTANT)

public:
    explicit LabelsThermal(const LabelsContext &context, QObject *parent = nullptr);

    [[nodiscard]] QVariantList printers() const;
    [[nodiscard]] QString printer() const { return m_printer; }
    void setPrinter(const QString &id);
    [[nodiscard]] QString summary() const;
    [[nodiscard]] QString error() const { return m_error; }
    [[nodiscard]] QVariantList mediaChoices() const;
    [[nodiscard]] QVariantList resolutions() const;

    [[nodiscard]] const std::vector<ThermalPrinter> &list() const { return m_list; }
    [[nodiscard]] std::optional<ThermalPrinter> current() const;

    /// Checks @p printer as the settings will (name, target, resolution, darkness, speed, media): the reason, in
    /// the person's words, when something does not fit.
    [[nodiscard]] static Result<Done> check(const ThermalPrinter &printer);
    /// Keeps @p printer: a new one (empty id) gets an id from its name; an existing one is replaced. Returns its id.
    /// Nothing is kept when a value is refused.
    [[nodiscard]] Result<QString> save(ThermalPrinter printer);
    [[nodiscard]] Result<Done> remove(const QString &id);

    /// For QML: saves {id, name, target, dpi, darkness, speed, media}; false with error() saying why.
    Q_INVOKABLE bool savePrinter(const QVariantMap &printer);
    Q_INVOKABLE bool removePrinter(const QString &id);
    /// Forgets the last refusal (a dialog opening afresh).
    Q_INVOKABLE void clearError() { setError({}); }
    /// A new printer's values, for the dialog.
    Q_INVOKABLE QVariantMap newPrinter() const { return ThermalPrinter {}.toMap(); }
    Q_INVOKABLE QVariantMap printerById(const QString &id) const;

    /// Makes @p request a thermal job for the chosen printer: its ZPL settings and, with @p send, its target (and
    /// its name, for the print log). Refused when no printer is chosen.
    [[nodiscard]] Result<Done> applyTo(labels::ExportRequest &request, bool send) const;

    /// Reads the printers and the last choice from the settings (when the store opens).
    void restore();

Q_SIGNALS:
    void printersChanged();
    void changed();
    void errorChanged();
    /// The person chose another printer: worth remembering.
    void edited();

private:
    void setError(const QString &error);
    [[nodiscard]] QString uniqueId(const QString &name) const;

    LabelsContext m_context;
    std::vector<ThermalPrinter> m_list;
    QString m_printer;
    QString m_error;
};

} // namespace closient::models
