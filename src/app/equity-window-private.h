/* equity-window-private.h — shared by the files that make up EquityWindow
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "equity-assessments-page.h"
#include "equity-datasets-page.h"
#include "equity-explore-page.h"
#include "equity-import-dialog.h"
#include "equity-scan-page.h"
#include "equity-indicators-page.h"
#include "equity-action-plan-page.h"
#include "equity-job.h"
#include "equity-sidebar.h"
#include "equity-start-page.h"
#include "equity-window.h"

G_BEGIN_DECLS

struct _EquityWindow
{
  AdwApplicationWindow  parent_instance;

  /* Template widgets */
  AdwToastOverlay      *toast_overlay;
  GtkStack             *main_stack;
  EquityStartPage      *start_page;
  AdwLeaflet           *leaflet;
  GtkWidget            *sidebar_box;
  GtkWidget            *content_box;
  AdwWindowTitle       *sidebar_title;
  AdwViewSwitcherTitle *switcher_title;
  EquitySidebar        *sidebar;
  AdwViewStack         *view_stack;
  AdwViewSwitcherBar   *switcher_bar;
  EquityDatasetsPage   *datasets_page;
  AdwBin               *explore_slot;       /* where each page goes when built */
  AdwBin               *scan_slot;
  AdwBin               *indicators_slot;
  AdwBin               *action_plan_slot;
  AdwBin               *assessments_slot;
  GtkRevealer          *job_revealer;
  GtkSpinner           *job_spinner;
  GtkLabel             *job_label;
  GtkProgressBar       *job_progress;
  GtkLabel             *job_percent;
  AdwStatusPage        *loading_page;
  GtkSpinner           *loading_spinner;

  /* Owned references */
  GSettings            *settings;
  EquityProject        *project;
  GSignalGroup         *datasets_signals;
  EquityJob            *job;
  GQueue                pending_imports;    /* GFile */
  EquityImportDialog   *import_dialog;      /* the file being imported */
  gint64                selected_dataset_id;
  gboolean              reselecting;
  gboolean              may_close;          /* unsaved changes were saved or dropped */
  char                 *select_after_reload;
  GCancellable         *loading;            /* a project opening in a worker */
  char                 *loading_path;
  EquityProject        *opened;             /* in, waiting for the first frame to be painted */
  gulong                first_frame_id;     /* the frame clock watched until the first frame */
  gboolean              first_frame_painted;
  gboolean              creating_sample;
  guint                 bound_pages;        /* EquityWindowPage bits: pages given the project */

  /* The pages after Datasets, NULL until built (equity-window-pages.c) */
  EquityExplorePage    *explore_page;
  EquityScanPage       *scan_page;
  EquityIndicatorsPage *indicators_page;
  EquityActionPlanPage *action_plan_page;
  EquityAssessmentsPage *assessments_page;
};

/* The pages after Datasets are built when first needed, and given the
 * project when first shown: neither is needed for the window's first frame. */
typedef enum
{
  EQUITY_WINDOW_PAGE_EXPLORE     = 1 << 0,
  EQUITY_WINDOW_PAGE_SCAN        = 1 << 1,
  EQUITY_WINDOW_PAGE_INDICATORS  = 1 << 2,
  EQUITY_WINDOW_PAGE_ASSESSMENTS = 1 << 3,
  EQUITY_WINDOW_PAGE_ACTION_PLAN = 1 << 4,
} EquityWindowPage;

/* equity-window-actions.c */
void _equity_window_class_add_actions (GtkWidgetClass *widget_class);
void _equity_window_init_actions      (EquityWindow   *self);
void _equity_window_cancel_jobs       (EquityWindow   *self);
void _equity_window_update_actions    (EquityWindow   *self);
void _equity_window_show_error        (EquityWindow   *self,
                                       const char     *heading,
                                       const char     *message);
void _equity_window_begin_job         (EquityWindow   *self,
                                       EquityJob      *job);
void _equity_window_end_job           (EquityWindow   *self);
void _equity_window_add_filter        (GtkFileChooser *chooser,
                                       const char     *name,
                                       const char     *first_pattern,
                                       ...) G_GNUC_NULL_TERMINATED;

/* equity-window-import.c */
void _equity_window_import_action     (GtkWidget      *widget,
                                       const char     *action_name,
                                       GVariant       *param);
void _equity_window_cancel_imports    (EquityWindow   *self);

/* equity-window-explore.c */
void _equity_window_class_add_explore_actions (GtkWidgetClass *widget_class);
void _equity_window_explore_page_built        (EquityWindow     *self,
                                               EquityWindowPage  page);
/* Shows ANALYSIS in Explore; asks first when the analysis shown has
 * unsaved changes. */
void _equity_window_open_analysis             (EquityWindow        *self,
                                               EquitySavedAnalysis *analysis);
/* When the analysis shown has unsaved changes, asks what becomes of them,
 * then closes the window (WHOLE_WINDOW) or the project, and returns TRUE:
 * the caller stops there. FALSE: nothing to ask. */
gboolean _equity_window_ask_before_closing    (EquityWindow        *self,
                                               gboolean             whole_window);

/* …or opens the project at PATH (the caller stops there too). */
gboolean _equity_window_ask_before_opening    (EquityWindow        *self,
                                               const char          *path);

/* equity-window-export.c */
void _equity_window_export_workbook_action (GtkWidget  *widget,
                                            const char *action_name,
                                            GVariant   *param);
void _equity_window_open_folder_action     (GtkWidget  *widget,
                                            const char *action_name,
                                            GVariant   *param);

/* equity-window-pages.c */
void       _equity_window_init_pages        (EquityWindow     *self);
/* PAGE, built now if it was not yet */
GtkWidget *_equity_window_get_page          (EquityWindow     *self,
                                             EquityWindowPage  page);
/* Gives PAGE the project, unless it has it already */
void       _equity_window_bind_page         (EquityWindow     *self,
                                             EquityWindowPage  page);
void       _equity_window_bind_visible_page (EquityWindow     *self);
void       _equity_window_unbind_pages      (EquityWindow     *self);

/* equity-window.c */
/* equity_window_is_loading() while the sample is made */
void _equity_window_set_creating_sample    (EquityWindow     *self,
                                            gboolean          creating);
/* Opens PATH without asking about the analysis shown */
gboolean _equity_window_open_project_now   (EquityWindow *self,
                                            const char   *path);
void _equity_window_select_dataset_by_name (EquityWindow *self,
                                            const char   *name);

/* for tests */
AdwViewStack  *_equity_window_get_view_stack    (EquityWindow *self);
EquitySidebar *_equity_window_get_sidebar       (EquityWindow *self);
gboolean       _equity_window_shows_start_page  (EquityWindow *self);
EquityDatasetsPage *_equity_window_get_datasets_page (EquityWindow *self);
EquityImportDialog *_equity_window_get_import_dialog (EquityWindow *self);

G_END_DECLS
