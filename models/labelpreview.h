// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "labelscontext.h"

#include <QObject>
#include <QPointer>
#include <QQmlEngine>
#include <QTimer>

namespace closient::models {

class LabelsThermal;

/** The Labels screen's preview: a moment after a change, the very PDF a print would send (without reading it back),
 *  made on the pool; a change while it is made cancels it and starts again. */
class LabelPreview : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Part of LabelsController.")
    Q_PROPERTY(State state READ state NOTIFY changed)
    Q_PROPERTY(QString message READ message NOTIFY changed)
    Q_PROPERTY(int pages READ pages NOTIFY changed)
    Q_PROPERTY(int labels READ labels NOTIFY changed)
    Q_PROPERTY(QString path READ path NOTIFY changed)
    Q_PROPERTY(bool showsPages READ showsPages NOTIFY changed)
    /// Height over width of the pages shown (0 before the first): a sheet, or one thermal label.
    Q_PROPERTY(double pageAspect READ pageAspect NOTIFY changed)
    /// The pages are single thermal labels as the printer's dots, not sheets: no sheet positions to pick.
    Q_PROPERTY(bool labelPages READ labelPages NOTIFY changed)

public:
    /// Empty: nothing matches. NotASheet: the export makes symbol files, not sheets.
    enum class State { Empty, NotASheet, Rendering, Ready, Failed };
    Q_ENUM(State)

    LabelPreview(const LabelsContext &context, QObject *parent = nullptr);
    ~LabelPreview() override;

    [[nodiscard]] State state() const { return m_state; }
    [[nodiscard]] QString message() const { return m_message; }
    [[nodiscard]] int pages() const { return m_pages; }
    [[nodiscard]] int labels() const { return m_labels; }
    [[nodiscard]] QString path() const { return m_path; }
    [[nodiscard]] double pageAspect() const { return m_pageAspect; }
    [[nodiscard]] bool labelPages() const { return m_labelPages; }
    /// Pages are on show (ready, or being made again over the last ones).
    [[nodiscard]] bool showsPages() const { return m_state == State::Ready || m_state == State::Rendering; }
    /// How long a change waits for the next before a preview is made (default 350 ms).
    void setDelay(int ms) { m_timer.setInterval(ms); }

    /// The image provider URL of page @p page (0-based).
    Q_INVOKABLE QString pageSource(int page) const;
    /// A new preview soon, of @p items listed (@p loading: the list is still being read).
    void schedule(int items, bool loading);
    /// The thermal printers: a thermal preview shows each label as the chosen printer's dots.
    void setThermal(const LabelsThermal *thermal) { m_thermal = thermal; }
    /// Stops the one being made and waits for nothing: the pool is the hub's.
    void cancel();

Q_SIGNALS:
    void changed();

private:
    void make();
    void set(State state, const QString &message);

    LabelsContext m_context;
    const LabelsThermal *m_thermal = nullptr;
    QTimer m_timer;
    QPointer<labels::LabelJob> m_job;
    bool m_again = false;
    int m_revision = 0;
    State m_state = State::Empty;
    QString m_message;
    QString m_path;
    int m_pages = 0;
    int m_labels = 0;
    double m_pageAspect = 0;
    bool m_labelPages = false;
};

} // namespace closient::models
