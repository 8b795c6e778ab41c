// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "framesource.h"

namespace closient::scanning {

void FrameSource::setState(State state, const QString &status)
{
    if (state == m_state && status == m_status)
        return;
    m_state = state;
    m_status = status;
    Q_EMIT stateChanged();
}

} // namespace closient::scanning
