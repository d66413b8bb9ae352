/* equity-table-view.h — a dataset's rows in a column view, with summaries
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "equity-core.h"
#include "equity-row-model.h"

G_BEGIN_DECLS

#define EQUITY_TYPE_TABLE_VIEW (equity_table_view_get_type ())
G_DECLARE_FINAL_TYPE (EquityTableView, equity_table_view, EQUITY, TABLE_VIEW, AdwBin)

GtkWidget      *equity_table_view_new               (void);
/* Shows DATASET of PROJECT (both NULL: nothing), unsorted and unfiltered. */
void            equity_table_view_set_dataset       (EquityTableView *self,
                                                     EquityProject   *project,
                                                     EquityDataset   *dataset);
/* rows whose text or date cells contain FILTER */
void            equity_table_view_set_filter        (EquityTableView *self,
                                                     const char      *filter);
gboolean        equity_table_view_get_show_summaries (EquityTableView *self);
void            equity_table_view_set_show_summaries (EquityTableView *self,
                                                      gboolean         show);

/* for tests */
EquityRowModel *equity_table_view_get_model         (EquityTableView *self);
GtkColumnView  *equity_table_view_get_column_view   (EquityTableView *self);
const char     *equity_table_view_get_status        (EquityTableView *self);
/* how many summaries are shown (0 while they are worked out) */
guint           equity_table_view_get_n_summaries   (EquityTableView *self);

G_END_DECLS
