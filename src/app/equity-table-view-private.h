/* equity-table-view-private.h — shared by the files of EquityTableView
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "equity-table-view.h"

G_BEGIN_DECLS

struct _EquityTableView
{
  AdwBin          parent_instance;

  /* Template widgets */
  GtkScrolledWindow *scrolled_window;
  GtkColumnView  *column_view;
  AdwStatusPage  *empty_page;
  GtkRevealer    *summary_revealer;
  GtkLabel       *summary_subtitle;
  GtkStack       *summary_stack;
  GtkSpinner     *summary_spinner;
  GtkListBox     *summary_list;
  GtkLabel       *summary_error;
  GtkLabel       *status_label;
  GtkSpinner     *spinner;
  GtkProgressBar *progress_bar;

  /* Owned references */
  EquityProject  *project;
  EquityDataset  *dataset;
  EquityRowModel *model;
  /* the rows the column view is given: the first screenful, then all */
  GtkSliceListModel *shown_rows;
  /* the columns beyond the window's right edge, appended to the column
   * view after the first frame with rows: it makes every column's cells */
  GPtrArray      *later_columns;
  GdkFrameClock  *fill_clock;
  gulong          fill_handler;
  gint64          fill_frame;
  GCancellable   *summary_cancellable;
  guint           pulse_source;
  gboolean        summaries_stale;
  gboolean        resorting;
  gboolean        columns_fitted;
  guint           n_summaries;
};

/* equity-table-view-summaries.c */
/* Works the summaries out again in a thread when they are shown; else
 * marks them as stale. */
void _equity_table_view_refresh_summaries (EquityTableView *self);

G_END_DECLS
