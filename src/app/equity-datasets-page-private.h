/* equity-datasets-page-private.h — shared by the files of EquityDatasetsPage
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "equity-datasets-page.h"
#include "equity-table-view.h"

G_BEGIN_DECLS

struct _EquityDatasetsPage
{
  AdwBin         parent_instance;

  /* Template widgets */
  GtkStack      *stack;
  GtkLabel      *name_label;
  GtkLabel      *summary_label;
  AdwActionRow  *source_row;
  GtkLabel      *format_label;
  GtkLabel      *imported_label;
  GtkLabel      *rows_label;
  GtkLabel      *columns_label;
  GtkListBox    *columns_list;
  GtkStack      *tabs;
  GtkToggleButton *rows_button;
  GtkToggleButton *details_button;
  GtkSearchEntry *search_entry;
  GtkWidget     *summaries_button;
  EquityTableView *table_view;

  /* Owned references */
  EquityProject *project;
  EquityDataset *dataset;
};

/* equity-datasets-page.c */
void _equity_datasets_page_update        (EquityDatasetsPage *self);

/* equity-datasets-page-actions.c */
void _equity_datasets_page_rename_action (GtkWidget          *widget,
                                          const char         *action_name,
                                          GVariant           *param);
void _equity_datasets_page_delete_action (GtkWidget          *widget,
                                          const char         *action_name,
                                          GVariant           *param);

G_END_DECLS
