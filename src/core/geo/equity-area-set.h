/* equity-area-set.h — the areas of a spatial dataset: keys, geometries, bounding boxes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "equity-geometry.h"

G_BEGIN_DECLS

/* The areas of one spatial dataset in row order, each with its key (as text,
 * the way the analyses match keys) and its geometry parsed once from WKB.
 * The map renderer draws them and the point-in-polygon join counts events
 * in them; the store fills the set (equity_dataset_load_areas()). */
typedef struct _EquityAreaSet EquityAreaSet;

EquityAreaSet        *equity_area_set_new             (void);
void                  equity_area_set_free            (EquityAreaSet  *self);

/* Appends an area. KEY (NULL when blank) is copied; WKB is parsed now, and an
 * area whose WKB is missing or unreadable keeps its place with no geometry. */
void                  equity_area_set_add             (EquityAreaSet  *self,
                                                       const char     *key,
                                                       const guint8   *wkb,
                                                       gsize           length);

guint                 equity_area_set_get_n_areas     (const EquityAreaSet *self);
/* NULL when the area's key is blank */
const char           *equity_area_set_get_key         (const EquityAreaSet *self,
                                                       guint                index);
/* NULL when the area has no readable geometry */
const EquityGeometry *equity_area_set_get_geometry    (const EquityAreaSet *self,
                                                       guint                index);
/* EXTENT as in equity_geometry_get_bbox(); FALSE for an area without one */
gboolean              equity_area_set_get_bbox        (const EquityAreaSet *self,
                                                       guint                index,
                                                       double               extent[4]);
/* every area's geometry (NULL where unreadable), in order: for the point index */
GPtrArray            *equity_area_set_get_geometries  (const EquityAreaSet *self);
/* areas without a readable geometry */
guint                 equity_area_set_get_n_unreadable (const EquityAreaSet *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EquityAreaSet, equity_area_set_free)

G_END_DECLS
