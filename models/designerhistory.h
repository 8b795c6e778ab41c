// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "layout.h"

#include <QString>
#include <QStringList>

#include <vector>

namespace closient::models::designer {

/** The layout and what was selected, as one step of the history leaves them. */
struct Snapshot
{
    labels::Layout layout;
    QStringList selection;
};

/**
 * Undo and redo as whole snapshots of the layout (a layout is small: a few dozen objects). Each step keeps the
 * state before and after it; a step with the same merge key as the one before it (arrow-key nudges of the same
 * selection) extends that step instead, so one undo takes back the whole run of nudges.
 */
class History
{
public:
    void push(const QString &text, Snapshot before, Snapshot after, int mergeKey = 0);
    /// The state to go back to, or nullptr when there is nothing to undo.
    const Snapshot *undo();
    const Snapshot *redo();
    void clear();
    /// Remembers the current point as the saved one (dirty() is false there).
    void markSaved() { m_saved = m_index; }
    /// Nothing in the history matches a file (a new layout): dirty() until saved.
    void markUnsaved() { m_saved = -1; }
    /// Ends merging: the next step stands alone even with the same key.
    void closeMerge() { m_mergeOpen = false; }

    [[nodiscard]] bool canUndo() const { return m_index > 0; }
    [[nodiscard]] bool canRedo() const { return m_index < int(m_steps.size()); }
    [[nodiscard]] QString undoText() const;
    [[nodiscard]] QString redoText() const;
    [[nodiscard]] bool dirty() const { return m_index != m_saved; }

private:
    struct Step
    {
        QString text;
        Snapshot before;
        Snapshot after;
        int mergeKey = 0;
    };
    std::vector<Step> m_steps;
    int m_index = 0; // steps before it are done
    int m_saved = 0; // -1: the saved state was dropped from the history
    bool m_mergeOpen = false;
};

} // namespace closient::models::designer
