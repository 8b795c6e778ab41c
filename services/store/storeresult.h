// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "result.h"

namespace closient::store {

// The store speaks the station's one way to fail (services/core/result.h).
using StoreError = closient::Error;
using closient::Done;
using closient::Result;

} // namespace closient::store
