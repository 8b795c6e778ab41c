// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "labelsthermal.h"

#include "rawprinter.h"
#include "settings.h"
#include "settingspec.h"
#include "statusmessage.h"

#include <QRegularExpression>

using namespace Qt::StringLiterals;
using namespace closient::labels;

namespace closient::models {

namespace {
const QString kList = u"labels.thermal_printers"_s;
const QString kChosen = u"labels.thermal_printer"_s;

QString key(const char16_t *field, const QString &id)
{
    return u"labels.thermal_%1.%2"_s.arg(QString::fromUtf16(field), id);
}

/// The values of @p p as the settings keep them, key by key, in the order they are checked.
std::vector<std::pair<QString, QVariant>> settingsOf(const ThermalPrinter &p, const QString &id)
{
    return { { key(u"name", id), p.name.trimmed() }, { key(u"target", id), p.target },
        { key(u"dpi", id), QString::number(p.dpi) }, { key(u"darkness", id), p.darkness },
        { key(u"speed", id), p.speed }, { key(u"media", id), p.media } };
}
} // namespace

ZplSettings ThermalPrinter::zpl() const
{
    ZplSettings s;
    s.dpi = dpi;
    s.darkness = darkness;
    s.speed = speed;
    s.media = zplMediaFromName(media).value_or(ZplMedia::Gap);
    return s;
}

QVariantMap ThermalPrinter::toMap() const
{
    return { { u"id"_s, id }, { u"name"_s, name }, { u"target"_s, target }, { u"dpi"_s, dpi },
        { u"darkness"_s, darkness }, { u"speed"_s, speed }, { u"media"_s, media },
        { u"summary"_s, u"%1 · %2 dpi"_s.arg(target).arg(dpi) } };
}

ThermalPrinter ThermalPrinter::fromMap(const QVariantMap &map)
{
    ThermalPrinter p;
    p.id = map.value(u"id"_s).toString();
    p.name = map.value(u"name"_s).toString();
    p.target = map.value(u"target"_s).toString().trimmed();
    p.dpi = map.value(u"dpi"_s, p.dpi).toInt();
    p.darkness = map.value(u"darkness"_s, p.darkness).toInt();
    p.speed = map.value(u"speed"_s, p.speed).toInt();
    p.media = map.value(u"media"_s, p.media).toString();
    return p;
}

LabelsThermal::LabelsThermal(const LabelsContext &context, QObject *parent)
    : QObject(parent)
    , m_context(context)
{ }

QVariantList LabelsThermal::printers() const
{
    QVariantList out;
    for (const auto &p : m_list)
        out << p.toMap();
    return out;
}

QVariantList LabelsThermal::mediaChoices() const
{
    return { QVariantMap { { u"value"_s, u"gap"_s }, { u"text"_s, tr("Labels with gaps") } },
        QVariantMap { { u"value"_s, u"black_mark"_s }, { u"text"_s, tr("Black mark") } },
        QVariantMap { { u"value"_s, u"continuous"_s }, { u"text"_s, tr("Continuous") } } };
}

QVariantList LabelsThermal::resolutions() const
{
    QVariantList out;
    for (const int dpi : { 203, 300, 600 })
        out << QVariantMap { { u"value"_s, dpi }, { u"text"_s, tr("%1 dpi").arg(dpi) } };
    return out;
}

std::optional<ThermalPrinter> LabelsThermal::current() const
{
    for (const auto &p : m_list) {
        if (p.id == m_printer)
            return p;
    }
    return std::nullopt;
}

QString LabelsThermal::summary() const
{
    const auto p = current();
    return p ? u"%1 · %2"_s.arg(p->name, p->toMap().value(u"summary"_s).toString()) : QString();
}

QVariantMap LabelsThermal::printerById(const QString &id) const
{
    for (const auto &p : m_list) {
        if (p.id == id)
            return p.toMap();
    }
    return newPrinter();
}

void LabelsThermal::setPrinter(const QString &id)
{
    if (id == m_printer)
        return;
    if (!id.isEmpty() && std::none_of(m_list.begin(), m_list.end(), [&](const auto &p) { return p.id == id; }))
        return;
    m_printer = id;
    Q_EMIT changed();
    Q_EMIT edited();
}

Result<Done> LabelsThermal::check(const ThermalPrinter &p)
{
    const auto refuse = [](const QString &why) { return Error { u"invalid"_s, why }; };
    if (p.name.trimmed().isEmpty())
        return refuse(tr("Give the printer a name."));
    if (p.target.trimmed().isEmpty())
        return refuse(tr("Say where the printer is: tcp://HOST:9100 for a network printer, or cups:QUEUE."));
    if (auto target = printing::RawPrinterTarget::parse(p.target); !target.ok())
        return refuse(tr("Address: %1.").arg(target.error().message));
    // The rest is the settings' own table, on the values as they are kept: its ranges are the only ones, and what it
    // refuses is never half kept. Said with the field's name as the dialog shows it.
    ThermalPrinter kept = p;
    kept.target = printing::RawPrinterTarget::parse(p.target).value().toString();
    const QStringList titles { tr("The name"), tr("The address"), tr("The resolution (dpi)"), tr("The darkness"),
        tr("The speed (inches a second)"), tr("The media") };
    const auto values = settingsOf(kept, u"check"_s);
    for (size_t i = 0; i < values.size(); ++i) {
        const auto &[k, v] = values[i];
        const auto *spec = store::findSettingSpec(k);
        if (!spec)
            return refuse(tr("The station cannot keep %1.").arg(k));
        if (!spec->validate(v).ok())
            return refuse(
                tr("%1 must be %2, not “%3”.").arg(titles.value(qsizetype(i)), spec->expected(), v.toString()));
    }
    return Done {};
}

QString LabelsThermal::uniqueId(const QString &name) const
{
    static const QRegularExpression other(u"[^a-z0-9]+"_s);
    QString base = name.toLower().replace(other, u"-"_s);
    while (base.startsWith(u'-'))
        base.remove(0, 1);
    while (base.endsWith(u'-'))
        base.chop(1);
    base = base.left(40);
    if (base.isEmpty())
        base = u"printer"_s;
    QString id = base;
    for (int n = 2; std::any_of(m_list.begin(), m_list.end(), [&](const auto &p) { return p.id == id; }); ++n)
        id = u"%1-%2"_s.arg(base).arg(n);
    return id;
}

Result<QString> LabelsThermal::save(ThermalPrinter printer)
{
    printer.name = printer.name.trimmed();
    if (auto checked = check(printer); !checked.ok())
        return checked.error();
    printer.target = printing::RawPrinterTarget::parse(printer.target).value().toString();
    const auto existing = std::find_if(m_list.begin(), m_list.end(), [&](const auto &p) { return p.id == printer.id; });
    if (printer.id.isEmpty() || existing == m_list.end())
        printer.id = uniqueId(printer.name);
    auto &settings = *m_context.settings;
    for (const auto &[k, v] : settingsOf(printer, printer.id)) {
        if (auto kept = settings.set(k, v); !kept.ok())
            return kept.error();
    }
    if (existing != m_list.end()) {
        *existing = printer;
    } else {
        m_list.push_back(printer);
        QStringList ids;
        for (const auto &p : m_list)
            ids << p.id;
        if (auto kept = settings.set(kList, ids.join(u',')); !kept.ok()) {
            m_list.pop_back();
            return kept.error();
        }
    }
    Q_EMIT printersChanged();
    if (m_printer.isEmpty() || m_printer == printer.id) {
        m_printer.clear(); // chosen again: the summary follows the edit
        setPrinter(printer.id);
    }
    return printer.id;
}

Result<Done> LabelsThermal::remove(const QString &id)
{
    const auto it = std::find_if(m_list.begin(), m_list.end(), [&](const auto &p) { return p.id == id; });
    if (it == m_list.end())
        return Error { u"not_found"_s, tr("There is no thermal printer “%1”.").arg(id) };
    const ThermalPrinter removed = *it;
    m_list.erase(it);
    QStringList ids;
    for (const auto &p : m_list)
        ids << p.id;
    if (auto kept = m_context.settings->set(kList, ids.join(u',')); !kept.ok()) {
        m_list.push_back(removed);
        return kept.error();
    }
    Q_EMIT printersChanged();
    if (m_printer == id)
        setPrinter(m_list.empty() ? QString() : m_list.front().id);
    return Done {};
}

void LabelsThermal::setError(const QString &error)
{
    if (error == m_error)
        return;
    m_error = error;
    Q_EMIT errorChanged();
}

bool LabelsThermal::savePrinter(const QVariantMap &printer)
{
    const auto saved = save(ThermalPrinter::fromMap(printer));
    setError(saved.ok() ? QString() : saved.error().message);
    if (saved.ok())
        m_context.status->good(tr("The thermal printer %1 is kept.").arg(current() ? current()->name : saved.value()));
    return saved.ok();
}

bool LabelsThermal::removePrinter(const QString &id)
{
    const auto removed = remove(id);
    setError(removed.ok() ? QString() : removed.error().message);
    return removed.ok();
}

Result<Done> LabelsThermal::applyTo(ExportRequest &q, bool send) const
{
    const auto p = current();
    if (!p)
        return Error { u"invalid"_s,
            tr("There is no thermal printer to use: add one (its address, resolution, darkness, speed).") };
    if (q.layoutName.isEmpty() && !q.layout)
        return Error { u"invalid"_s, tr("Thermal labels are drawn by a layout: choose one first.") };
    q.exportType = u"thermal"_s;
    q.fileFormat = u"zpl"_s;
    q.zpl = p->zpl();
    if (send) {
        q.print.printer = p->target;
        q.print.printerName = p->name;
        q.print.fromPage = 0;
        q.print.toPage = 0;
    }
    return Done {};
}

void LabelsThermal::restore()
{
    const auto &s = *m_context.settings;
    m_list.clear();
    for (const auto &id : s.text(kList).split(u',', Qt::SkipEmptyParts)) {
        ThermalPrinter p;
        p.id = id;
        p.name = s.text(key(u"name", id));
        p.target = s.text(key(u"target", id));
        p.dpi = s.text(key(u"dpi", id)).toInt();
        p.darkness = s.integer(key(u"darkness", id));
        p.speed = s.integer(key(u"speed", id));
        p.media = s.text(key(u"media", id));
        if (p.dpi == 0)
            p.dpi = 203;
        if (p.media.isEmpty())
            p.media = u"gap"_s;
        if (check(p).ok()) // one that no longer reads is left out, not offered half made
            m_list.push_back(p);
    }
    const QString chosen = s.text(kChosen);
    const bool known = std::any_of(m_list.begin(), m_list.end(), [&](const auto &p) { return p.id == chosen; });
    m_printer = known ? chosen : (m_list.empty() ? QString() : m_list.front().id);
    Q_EMIT printersChanged();
    Q_EMIT changed();
}

} // namespace closient::models
