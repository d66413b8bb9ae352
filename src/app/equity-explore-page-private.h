/* equity-explore-page-private.h — shared by the files of EquityExplorePage
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "equity-analysis-editor.h"
#include "equity-chart-view.h"
#include "equity-explore-page.h"
#include "equity-result-table.h"
#include "equity-utils.h"

G_BEGIN_DECLS

struct _EquityExplorePage
{
  AdwBin                parent_instance;

  /* Template widgets */
  GtkStack             *stack;
  AdwStatusPage        *intro_page;
  GtkWidget            *sample_button;
  AdwFlap              *flap;
  EquityAnalysisEditor *editor;
  GtkWidget            *header_box;
  GtkLabel             *title_label;
  GtkLabel             *headline_label;
  AdwViewSwitcher      *view_switcher;
  GtkWidget            *chart_kind_box;
  GtkToggleButton      *bars_button;
  GtkToggleButton      *dots_button;
  GtkRevealer          *error_revealer;
  GtkLabel             *error_label;
  GtkStack             *result_stack;
  AdwStatusPage        *message_page;
  GtkPaned             *paned;
  AdwViewStack         *view_stack;
  AdwViewStackPage     *chart_page;
  AdwViewStackPage     *map_page;
  EquityChartView      *chart_view;
  EquityChartView      *map_view;
  GtkLabel             *hover_label;
  GtkLabel             *notes_label;
  GtkProgressBar       *progress_bar;
  EquityResultTable    *table;

  /* Owned references */
  GSimpleActionGroup   *actions;          /* explore.* */
  EquityProject        *project;
  EquitySavedAnalysis  *analysis;
  EquityProjectSignals  project_signals;
  EquityResult         *result;
  EquityChart          *chart;
  EquityChart          *map;
  GCancellable         *run_cancellable;
  char                 *message;
  char                 *saved_spec;       /* the saved analysis as opened or last saved */

  guint                 debounce_source;
  guint                 progress_source;
  gboolean              running;
  gboolean              updating;
  gboolean              chart_kind_edited;  /* Bars or Dots chosen since the analysis was set */
  gboolean              shown;              /* the page the window shows: actions enabled */
};

/* equity-explore-page.c */
void            _equity_explore_page_set_busy       (EquityExplorePage *self,
                                                     gboolean           running);
void            _equity_explore_page_show_result    (EquityExplorePage *self,
                                                     EquityResult      *result,
                                                     EquityChart       *chart,
                                                     EquityChart       *map,
                                                     const GError      *map_error);
void            _equity_explore_page_show_message   (EquityExplorePage *self,
                                                     const char        *icon_name,
                                                     const char        *title,
                                                     const char        *message);
void            _equity_explore_page_show_error     (EquityExplorePage *self,
                                                     const char        *message);
/* the saved analysis shown (NULL: a new one); notifies ::analysis */
void            _equity_explore_page_set_saved_analysis (EquityExplorePage   *self,
                                                         EquitySavedAnalysis *analysis);
/* Remembers the spec edited now as the saved one: changes count from here. */
void            _equity_explore_page_mark_saved     (EquityExplorePage *self);
/* bars or dots as the spec says, else EQUITY_CHART_N_KINDS: what suits the result */
EquityChartKind _equity_explore_page_spec_chart_kind (EquityExplorePage *self);

/* equity-explore-run.c */
/* MESSAGE of the core in the window's terms: the input's title in place
 * of the spec's "[analysis] key" */
char           *_equity_explore_page_describe_error (EquityExplorePage *self,
                                                     const char        *message);
void            _equity_explore_page_start_run      (EquityExplorePage *self);
void            _equity_explore_page_schedule_run   (EquityExplorePage *self);
void            _equity_explore_page_cancel_run     (EquityExplorePage *self);

/* equity-explore-export.c */
/* the chart of the tab shown: the map on the Map tab, else the chart */
EquityChart *_equity_explore_page_get_shown_chart (EquityExplorePage *self);

/* equity-explore-page-actions.c */
void         _equity_explore_page_init_actions    (EquityExplorePage *self);
void         _equity_explore_page_clear_actions   (EquityExplorePage *self);
void         _equity_explore_page_update_actions  (EquityExplorePage *self);

G_END_DECLS
