/* equity-project-private.h — the project's database, for the store's own files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <sqlite3.h>

#include "equity-project.h"

G_BEGIN_DECLS

sqlite3       *equity_project_get_db           (EquityProject  *self);

G_END_DECLS
