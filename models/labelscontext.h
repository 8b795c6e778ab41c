// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "labeljob.h"

#include <functional>

class QThreadPool;

namespace closient::store {
class Database;
class Settings;
} // namespace closient::store

namespace closient::models {

class StatusMessage;

/** What the parts of the Labels screen share, owned by the hub (LabelsController): the store, the settings, the
 *  one export request they edit, the screen's status message and the pool jobs run on. */
struct LabelsContext
{
    store::Database *db = nullptr;
    store::Settings *settings = nullptr;
    labels::ExportRequest *request = nullptr; // options and filters; the ticks are added by job()
    StatusMessage *status = nullptr;
    QThreadPool *pool = nullptr;
    /// The request a job runs: the options, the filters with the ticked items, the user.
    std::function<labels::ExportRequest()> job;
};

} // namespace closient::models
