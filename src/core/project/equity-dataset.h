/* equity-dataset.h — a dataset's catalog entry
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "equity-column.h"

G_BEGIN_DECLS

#define EQUITY_TYPE_DATASET (equity_dataset_get_type ())
G_DECLARE_FINAL_TYPE (EquityDataset, equity_dataset, EQUITY, DATASET, GObject)

EquityDataset *equity_dataset_new              (gint64         id,
                                                const char    *name);
gint64         equity_dataset_get_id           (EquityDataset *self);
const char    *equity_dataset_get_name         (EquityDataset *self);
void           equity_dataset_set_name         (EquityDataset *self,
                                                const char    *name);
/* the quoted SQL name of the table holding the rows, e.g. "ds_3" */
const char    *equity_dataset_get_table_name   (EquityDataset *self);
/* the R*Tree of its geometries' bounding boxes (min_x, max_x, min_y, max_y
 * by rowid), or NULL when the dataset has no geometry column */
const char    *equity_dataset_get_bbox_table_name (EquityDataset *self);
/* the first geometry column, or NULL */
EquityColumn  *equity_dataset_get_geometry_column (EquityDataset *self);
const char    *equity_dataset_get_source       (EquityDataset *self);
void           equity_dataset_set_source       (EquityDataset *self,
                                                const char    *source);
const char    *equity_dataset_get_format       (EquityDataset *self);
void           equity_dataset_set_format       (EquityDataset *self,
                                                const char    *format);
GDateTime     *equity_dataset_get_imported_at  (EquityDataset *self);
void           equity_dataset_set_imported_at  (EquityDataset *self,
                                                GDateTime     *imported_at);
guint64        equity_dataset_get_n_rows       (EquityDataset *self);
void           equity_dataset_set_n_rows       (EquityDataset *self,
                                                guint64        n_rows);
/* columns in file order */
GPtrArray     *equity_dataset_get_columns      (EquityDataset *self);
void           equity_dataset_add_column       (EquityDataset *self,
                                                EquityColumn  *column);
guint          equity_dataset_get_n_columns    (EquityDataset *self);
EquityColumn  *equity_dataset_get_column       (EquityDataset *self,
                                                guint          position);
EquityColumn  *equity_dataset_find_column      (EquityDataset *self,
                                                const char    *name);

G_END_DECLS
