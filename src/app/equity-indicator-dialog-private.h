/* equity-indicator-dialog-private.h — shared by the files of EquityIndicatorDialog
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "equity-indicator-dialog.h"

G_BEGIN_DECLS

/* What the dialog asks, as the rows show it */
typedef struct
{
  char     *name;
  char     *theme;
  char     *topic;
  char     *analysis;         /* the saved analysis, by its name now */
  char     *group_a;          /* the disadvantaged group or area, as the result labels it */
  char     *group_b;          /* the advantaged one */
  gboolean  higher_is_better;
  char     *year_column;      /* of the analysis's events, by its name now */
  int       first_year;
  int       last_year;
  int       baseline;
  int       goal_year;
  double    goal;             /* the ratio aimed for in GOAL_YEAR */
} EquityIndicatorChoices;

struct _EquityIndicatorDialog
{
  AdwWindow        parent_instance;

  /* Template widgets */
  GtkWidget       *save_button;
  GtkRevealer     *error_revealer;
  GtkLabel        *error_label;
  AdwEntryRow     *name_row;
  AdwEntryRow     *theme_row;
  AdwEntryRow     *topic_row;
  AdwComboRow     *analysis_row;
  AdwComboRow     *group_a_row;
  AdwComboRow     *group_b_row;
  AdwComboRow     *direction_row;
  AdwComboRow     *year_column_row;
  AdwComboRow     *first_year_row;
  AdwComboRow     *last_year_row;
  AdwComboRow     *baseline_row;
  AdwComboRow     *goal_year_row;
  AdwComboRow     *goal_row;

  /* Owned references */
  EquityProject   *project;
  GCancellable    *cancellable;       /* reading the groups and the years */
  EquityAnalysis  *spec;              /* the saved analysis chosen */
  char            *dataset;           /* its events */
  GPtrArray       *group_values;      /* the values behind group_a_row's names */
  GArray          *years;             /* int, behind the year rows */
  EquityIndicator *editing;           /* a copy of the indicator edited, or NULL */
  EquityIndicatorChoices          pending;           /* its choices: chosen once the lists are read */
  guint            n_loading;
};

/* equity-indicator-dialog-store.c: the choices to and from the core's indicator */
void           _equity_indicator_choices_clear    (EquityIndicatorChoices                *choices);
/* the events dataset a saved analysis reads, or NULL */
EquityDataset *_equity_indicator_dialog_find_events (EquityProject        *project,
                                                     EquityAnalysis       *spec);
/* The choices the indicator ID was made with, in today's names, into
 * SELF->pending; SELF->editing: a copy of it */
gboolean       _equity_indicator_dialog_read      (EquityIndicatorDialog  *self,
                                                   gint64                  id,
                                                   GError                **error);
/* Saves CHOICES as a new indicator, or over the one edited */
gboolean       _equity_indicator_dialog_save      (EquityIndicatorDialog  *self,
                                                   const EquityIndicatorChoices          *choices,
                                                   gint64                 *saved_id,
                                                   GError                **error);

G_END_DECLS
