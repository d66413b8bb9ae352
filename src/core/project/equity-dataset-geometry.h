/* equity-dataset-geometry.h — the areas of a spatial dataset, read from the store
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "equity-area-set.h"
#include "equity-project.h"

G_BEGIN_DECLS

/* The areas of DATASET_NAME in row order, each keyed by KEY_COLUMN (as text:
 * 9 is "9", 37021000100.0 is "37021000100"). Fails with EQUITY_ERROR_NOT_FOUND
 * for a missing dataset or column, EQUITY_ERROR_INVALID for a dataset without
 * geometry. */
EquityAreaSet *equity_dataset_load_areas (EquityProject  *project,
                                          const char     *dataset_name,
                                          const char     *key_column,
                                          GError        **error);

G_END_DECLS
