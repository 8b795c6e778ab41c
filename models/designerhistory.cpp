// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "designerhistory.h"

namespace closient::models::designer {

namespace {
constexpr size_t kMaxSteps = 200; // enough for an afternoon's layout; older steps are let go
}

void History::push(const QString &text, Snapshot before, Snapshot after, int mergeKey)
{
    if (m_index < int(m_steps.size())) {
        m_steps.erase(m_steps.begin() + m_index, m_steps.end()); // what was undone cannot be redone any more
        if (m_saved > m_index)
            m_saved = -1;
    }
    if (mergeKey != 0 && m_mergeOpen && m_index > 0 && m_index != m_saved && m_steps.back().mergeKey == mergeKey) {
        m_steps.back().after = std::move(after);
        return;
    }
    m_steps.push_back({ text, std::move(before), std::move(after), mergeKey });
    ++m_index;
    m_mergeOpen = mergeKey != 0;
    if (m_steps.size() > kMaxSteps) {
        m_steps.erase(m_steps.begin());
        --m_index;
        m_saved = m_saved > 0 ? m_saved - 1 : -1;
    }
}

const Snapshot *History::undo()
{
    if (!canUndo())
        return nullptr;
    m_mergeOpen = false;
    --m_index;
    return &m_steps[size_t(m_index)].before;
}

const Snapshot *History::redo()
{
    if (!canRedo())
        return nullptr;
    m_mergeOpen = false;
    ++m_index;
    return &m_steps[size_t(m_index - 1)].after;
}

void History::clear()
{
    m_steps.clear();
    m_index = 0;
    m_saved = 0;
    m_mergeOpen = false;
}

QString History::undoText() const
{
    return canUndo() ? m_steps[size_t(m_index - 1)].text : QString();
}

QString History::redoText() const
{
    return canRedo() ? m_steps[size_t(m_index)].text : QString();
}

} // namespace closient::models::designer
