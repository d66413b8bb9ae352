/* equity-assessments-page-private.h — shared by the files of EquityAssessmentsPage
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "equity-assessments-page.h"
#include "equity-core.h"

G_BEGIN_DECLS

/* how long after the last keystroke an answer is saved */
#define EQUITY_ASSESSMENT_SAVE_DELAY_MS 500

struct _EquityAssessmentsPage
{
  AdwBin              parent_instance;

  /* Template widgets */
  GtkStack           *stack;
  GtkSearchEntry     *search_entry;
  GtkDropDown        *department_filter;
  GtkDropDown        *status_filter;
  GtkListBox         *list_box;
  AdwFlap            *flap;
  GtkStack           *list_stack;
  GtkBox             *editor_box;
  GtkScrolledWindow  *editor_scroller;
  GtkRevealer        *export_revealer;
  GtkProgressBar     *export_progress;

  /* Owned references */
  GSimpleActionGroup *actions;              /* assessments.* */
  EquityProject      *project;
  GPtrArray          *assessments;          /* EquityAssessment, as listed */
  EquityAssessment   *current;              /* the one in the editor, reloaded after each save */
  EquityLensTemplate *template;             /* current's, kept while its questions are shown */
  GPtrArray          *questions;            /* EquityAssessmentQuestionUi of the editor */
  GtkWindow          *new_dialog;           /* weak */
  GCancellable       *export_cancellable;   /* the PDF being written, or NULL */

  /* Borrowed references: the editor's labels that follow completeness */
  GtkDropDown        *status_drop_down;
  GtkLabel           *overall_label;
  GtkProgressBar     *overall_bar;
  GtkLabel          **step_labels;          /* one per step, 1-based index - 1 */
  guint               n_step_labels;

  gint64              pending_delete;       /* deleted, its Undo toast still shown; 0: none */
  AdwToast           *delete_toast;         /* weak */
  GtkWindow          *history_window;       /* weak */

  guint               save_source;          /* the debounce of typed answers */
  gboolean            building;             /* controls being filled: no saves */
  gboolean            shown;
};

/* one question's control in the editor */
typedef struct
{
  EquityAssessmentsPage    *page;
  const EquityLensQuestion *question;   /* of page->template */
  GtkWidget                *control;    /* text view, drop-down or box of check buttons */
  char                    **options;    /* what a drop-down or checklist offers, stored values */
  GtkLabel                 *headline;   /* a citation's headline, else NULL */
  GtkWidget                *chart;      /* a citation's chart view, else NULL */
  GCancellable             *run;        /* the citation's run, cancelled by the next or the editor's end */
  gboolean                  pending;    /* typed and not yet saved */
} EquityAssessmentQuestionUi;

/* equity-assessments-page.c */
void  _equity_assessments_page_reload        (EquityAssessmentsPage *self,
                                              gint64                 select_id);
/* the list row's completeness text after the store changed */
void  _equity_assessments_page_update_row    (EquityAssessmentsPage *self);
/* "50% · 9 of 18" */
char *_equity_assessments_dup_completeness   (EquityAssessment      *assessment,
                                              guint                  step);

/* equity-assessments-page-editor.c */
void  _equity_assessments_page_show_editor   (EquityAssessmentsPage *self,
                                              gint64                 id);
void  _equity_assessments_page_clear_editor  (EquityAssessmentsPage *self);

/* equity-assessments-page-actions.c */
void  _equity_assessments_page_init_actions  (EquityAssessmentsPage *self);
void  _equity_assessments_page_clear_actions (EquityAssessmentsPage *self);
void  _equity_assessments_page_update_actions (EquityAssessmentsPage *self);
void  _equity_assessments_page_templates_closed (EquityAssessmentsPage *self);

/* equity-assessments-page-print.c: the PDF, written in a worker */
void  _equity_assessments_page_print_to      (EquityAssessmentsPage *self,
                                              const char            *path);
void  _equity_assessments_page_choose_pdf    (EquityAssessmentsPage *self);
void  _equity_assessments_page_cancel_export (EquityAssessmentsPage *self);

/* equity-assessments-page-history.c */
void  _equity_assessments_page_show_history   (EquityAssessmentsPage *self);
void  _equity_assessments_page_export_history (EquityAssessmentsPage *self);
void  _equity_assessments_page_delete         (EquityAssessmentsPage *self);
void  _equity_assessments_page_undo_delete    (EquityAssessmentsPage *self);
void  _equity_assessments_page_commit_delete  (EquityAssessmentsPage *self);
void  _equity_assessments_page_export_sheet   (EquityAssessmentsPage *self);

/* for tests */
GtkListBox *_equity_assessments_page_get_list_box  (EquityAssessmentsPage *self);
GtkWidget  *_equity_assessments_page_get_control   (EquityAssessmentsPage *self,
                                                    const char            *question);
const char *_equity_assessments_page_get_overall   (EquityAssessmentsPage *self);
GtkLabel   *_equity_assessments_page_get_headline  (EquityAssessmentsPage *self,
                                                    const char            *question);
GtkWindow  *_equity_assessments_page_get_new_dialog (EquityAssessmentsPage *self);
GtkDropDown *_equity_assessments_page_get_status_filter (EquityAssessmentsPage *self);
GtkSearchEntry *_equity_assessments_page_get_search_entry (EquityAssessmentsPage *self);

G_END_DECLS
