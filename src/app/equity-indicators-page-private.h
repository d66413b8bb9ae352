/* equity-indicators-page-private.h — shared by the files of EquityIndicatorsPage
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "equity-chart-view.h"
#include "equity-indicator-entry.h"
#include "equity-indicators-page.h"

G_BEGIN_DECLS

struct _EquityIndicatorsPage
{
  AdwBin                parent_instance;

  /* Template widgets */
  GtkStack             *stack;
  AdwStatusPage        *empty_page;
  GtkWidget            *empty_new_button;
  GtkLabel             *empty_reason_label;
  AdwFlap              *flap;
  GtkLabel             *city_score_label;
  GtkLabel             *city_detail_label;
  GtkLabel             *score_source_label;
  GtkListBox           *list_box;
  GtkStack             *detail_stack;
  AdwStatusPage        *detail_message_page;
  GtkLabel             *path_label;
  GtkLabel             *name_label;
  GtkLabel             *headline_label;
  GtkLabel             *error_label;
  EquityChartView      *chart_view;
  GtkLabel             *hover_label;
  GtkGrid              *rates_grid;
  GtkLabel             *rates_note_label;
  GtkColumnView        *year_table;
  GtkProgressBar       *progress_bar;

  /* Owned references */
  GSimpleActionGroup   *actions;          /* indicators.* */
  EquityProject        *project;
  GSignalGroup         *analyses_signals;
  EquityIndicatorBoard *board;            /* the core's: every indicator evaluated, the means */
  GPtrArray            *entries;          /* EquityIndicatorEntry, one per indicator of BOARD */
  GListStore           *years;            /* EquityIndicatorYearItem of the one selected */
  GCancellable         *load_cancellable;
  EquityIndicator      *deleted;          /* what Undo brings back */
  AdwToast             *undo_toast;
  EquityScoreTable     *previous_table;   /* what Undo of a table edit brings back */
  AdwToast             *table_toast;
  gint64                select_after_load; /* the id to select once loaded, or 0 */

  guint                 progress_source;     /* shows the progress bar after a moment */
  gboolean              loading;
  gboolean              shown;
};

/* equity-indicators-page.c */
EquityIndicatorEntry *_equity_indicators_page_get_selected (EquityIndicatorsPage *self);
gboolean              _equity_indicators_page_has_analyses (EquityIndicatorsPage *self);

/* equity-indicators-page-list.c: the rows, grouped by theme and topic */
void        _equity_indicators_page_init_list     (EquityIndicatorsPage *self);
void        _equity_indicators_page_fill_list     (EquityIndicatorsPage *self);
/* selects the entry with ID (0: the first) */
void        _equity_indicators_page_select_id     (EquityIndicatorsPage *self,
                                                   gint64                id);

/* equity-indicators-page-detail.c: chart, rates and year table */
void        _equity_indicators_page_init_detail   (EquityIndicatorsPage *self);
void        _equity_indicators_page_show_entry    (EquityIndicatorsPage *self,
                                                   EquityIndicatorEntry *entry);
/* the text of COLUMN (0 year … 6 change) of the year table for YEAR */
char       *_equity_indicators_page_dup_year_cell (const EquityIndicatorYear *year,
                                                   guint                  column);

/* equity-indicators-page-actions.c */
void        _equity_indicators_page_init_actions  (EquityIndicatorsPage *self);
void        _equity_indicators_page_clear_actions (EquityIndicatorsPage *self);
void        _equity_indicators_page_update_actions (EquityIndicatorsPage *self);

/* for tests */
GtkListBox    *_equity_indicators_page_get_list_box   (EquityIndicatorsPage *self);
GtkColumnView *_equity_indicators_page_get_year_table (EquityIndicatorsPage *self);
EquityIndicatorBoard *_equity_indicators_page_get_board (EquityIndicatorsPage *self);
const char    *_equity_indicators_page_get_visible    (EquityIndicatorsPage *self);

G_END_DECLS
