/* equity-point-index.h — which polygon holds a point, a million times over
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "equity-geometry.h"

G_BEGIN_DECLS

typedef struct _EquityPointIndex EquityPointIndex;

/* An index over POLYGONS (EquityGeometry*, borrowed: keep them alive while
 * the index is used; NULL entries and non-areal geometries are skipped). */
EquityPointIndex *equity_point_index_new    (GPtrArray              *polygons);
void              equity_point_index_free   (EquityPointIndex       *self);
/* The position in POLYGONS of the first polygon containing (X, Y) — a
 * point on a shared border goes to the earlier one — or -1. */
int               equity_point_index_lookup (const EquityPointIndex *self,
                                             double                  x,
                                             double                  y);
/* cells and entries, for tests and the benchmark's report */
void              equity_point_index_get_stats (const EquityPointIndex *self,
                                                guint                  *n_cells,
                                                guint                  *n_entries,
                                                guint                  *n_uniform);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EquityPointIndex, equity_point_index_free)

G_END_DECLS
