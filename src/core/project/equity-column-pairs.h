/* equity-column-pairs.h — two columns of a dataset read side by side
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <sqlite3.h>

#include "equity-project.h"

G_BEGIN_DECLS

/* A statement yielding FIRST and SECOND of DATASET's rows, in row order, as
 * columns 0 and 1; the caller steps and finalizes it. */
sqlite3_stmt *equity_project_prepare_column_pairs (EquityProject  *self,
                                                   EquityDataset  *dataset,
                                                   EquityColumn   *first,
                                                   EquityColumn   *second,
                                                   GError        **error);

G_END_DECLS
