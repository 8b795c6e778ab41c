// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The resources are compiled in by qt_add_resources; this file only gives the library a translation unit.
namespace closient {
int resourcesVersion()
{
    return 1;
}
} // namespace closient
