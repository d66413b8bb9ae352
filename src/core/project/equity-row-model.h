/* equity-row-model.h — a dataset's rows as a list model, read in pages
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "equity-project.h"
#include "equity-table-query.h"

G_BEGIN_DECLS

/* One row: its values as display text. */
#define EQUITY_TYPE_ROW (equity_row_get_type ())
G_DECLARE_FINAL_TYPE (EquityRow, equity_row, EQUITY, ROW, GObject)

guint           equity_row_get_position      (EquityRow      *self);
gint64          equity_row_get_rowid         (EquityRow      *self);
/* NULL for an empty cell */
const char     *equity_row_get_value         (EquityRow      *self,
                                              guint           column);

/* A GListModel of EquityRow over a dataset, filtered and sorted by the core
 * (EquityTableQuery). Rows are read from the project a page at a time, when
 * the view asks for them; a change of sort or filter is worked out in a
 * thread, and the model keeps its old rows until the new order is ready. */
#define EQUITY_TYPE_ROW_MODEL (equity_row_model_get_type ())
G_DECLARE_FINAL_TYPE (EquityRowModel, equity_row_model, EQUITY, ROW_MODEL, GObject)

EquityRowModel *equity_row_model_new         (EquityProject  *project,
                                              EquityDataset  *dataset) G_GNUC_WARN_UNUSED_RESULT;
EquityDataset  *equity_row_model_get_dataset (EquityRowModel *self);
void            equity_row_model_set_sort    (EquityRowModel *self,
                                              int             column,
                                              gboolean        ascending);
int             equity_row_model_get_sort_column (EquityRowModel *self);
gboolean        equity_row_model_get_ascending (EquityRowModel *self);
void            equity_row_model_set_filter  (EquityRowModel *self,
                                              const char     *filter);
const char     *equity_row_model_get_filter  (EquityRowModel *self);
/* while a new order is worked out */
gboolean        equity_row_model_is_busy     (EquityRowModel *self);
/* of that work: 0…1, or -1 while the database sorts */
double          equity_row_model_get_progress (EquityRowModel *self);
/* the last failure to read the dataset, or NULL */
const GError   *equity_row_model_get_error   (EquityRowModel *self);

/* Column summaries (EquityColumnSummary) of the rows the filter matches,
 * worked out in a thread. */
void            equity_row_model_summarize_async  (EquityRowModel      *self,
                                                   GCancellable        *cancellable,
                                                   GAsyncReadyCallback  callback,
                                                   gpointer             user_data);
GPtrArray      *equity_row_model_summarize_finish (EquityRowModel      *self,
                                                   GAsyncResult        *result,
                                                   GError             **error);

G_END_DECLS
