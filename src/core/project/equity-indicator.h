/* equity-indicator.h — an equity indicator: what it measures, its yearly
 * values and targets, and its equity score by the Equity Indicators method
 * (../shared/FRAMEWORK-ANCHORS.md §1; formulas in docs/methods.md)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "equity-project.h"
#include "equity-types.h"

G_BEGIN_DECLS

typedef enum
{
  EQUITY_INDICATOR_HIGHER_IS_WORSE,   /* a bad outcome: arrests, poverty */
  EQUITY_INDICATOR_HIGHER_IS_BETTER,  /* a good outcome: ownership, access */
} EquityIndicatorDirection;

typedef enum
{
  EQUITY_INDICATOR_RATIO,       /* disadvantaged group's rate against the advantaged group's */
  EQUITY_INDICATOR_PERCENTAGE,  /* a share of something, scored by the percentage rule */
} EquityIndicatorKind;

typedef enum
{
  EQUITY_INDICATOR_NO_DATA,
  EQUITY_INDICATOR_ON_TRACK,
  EQUITY_INDICATOR_OFF_TRACK,
} EquityIndicatorStatus;

/* "higher-is-worse", "ratio", "on-track"… as files and the CLI spell them,
 * and back (FALSE for an unknown word) */
const char *equity_indicator_direction_to_string (EquityIndicatorDirection  direction);
gboolean    equity_indicator_direction_from_string (const char             *text,
                                                    EquityIndicatorDirection *direction);
const char *equity_indicator_kind_to_string      (EquityIndicatorKind       kind);
gboolean    equity_indicator_kind_from_string    (const char               *text,
                                                  EquityIndicatorKind      *kind);
const char *equity_indicator_status_to_string    (EquityIndicatorStatus     status);
/* "On track", "Off track", "No data", translated */
const char *equity_indicator_status_to_label     (EquityIndicatorStatus     status);

/* One year of an indicator. Stored (typed or imported) years fill what they
 * know; an evaluation fills the rest. Numbers that do not apply are NAN.
 * Group A is the disadvantaged group (or "most"), B the advantaged ("least"). */
typedef struct
{
  int    year;
  double value;        /* the oriented ratio, or the percentage (0–100) */
  double low;
  double high;
  double count_a;      /* events and population behind each rate, when known
                        * (a percentage indicator: its share's count and whole) */
  double population_a;
  double count_b;
  double population_b;
  double rate_a;       /* per `per` */
  double rate_a_low;
  double rate_a_high;
  double rate_b;
  double rate_b_low;
  double rate_b_high;
  double ratio;        /* oriented: above 1 means inequity; NAN for percentages */
  double ratio_low;
  double ratio_high;
  double target;       /* typed, or on the straight path to the goal */
  double score;        /* 1–100 */
  double change;       /* score − the baseline year's score */
} EquityIndicatorYear;

/* a year with every number NAN */
void equity_indicator_year_init (EquityIndicatorYear *year,
                                 int                  year_number);

#define EQUITY_TYPE_INDICATOR (equity_indicator_get_type ())
G_DECLARE_FINAL_TYPE (EquityIndicator, equity_indicator, EQUITY, INDICATOR, GObject)

/* A new, unsaved indicator (id 0): ratio kind, higher is worse, no measure. */
EquityIndicator *equity_indicator_new               (const char       *name);
EquityIndicator *equity_indicator_copy              (EquityIndicator  *self);
gint64           equity_indicator_get_id            (EquityIndicator  *self);
const char      *equity_indicator_get_name          (EquityIndicator  *self);
void             equity_indicator_set_name          (EquityIndicator  *self,
                                                     const char       *name);
const char      *equity_indicator_get_theme         (EquityIndicator  *self);
void             equity_indicator_set_theme         (EquityIndicator  *self,
                                                     const char       *theme);
const char      *equity_indicator_get_topic         (EquityIndicator  *self);
void             equity_indicator_set_topic         (EquityIndicator  *self,
                                                     const char       *topic);
EquityIndicatorDirection equity_indicator_get_direction (EquityIndicator *self);
void             equity_indicator_set_direction     (EquityIndicator  *self,
                                                     EquityIndicatorDirection direction);
EquityIndicatorKind equity_indicator_get_kind       (EquityIndicator  *self);
void             equity_indicator_set_kind          (EquityIndicator  *self,
                                                     EquityIndicatorKind kind);

/* The measure, either a saved analysis (by its stable id; 0: none) run once
 * per year with its events limited to that year by YEAR_COLUMN (a position
 * in the analysis's events dataset, a date or a year number; −1: none)… */
gint64           equity_indicator_get_analysis_id   (EquityIndicator  *self);
int              equity_indicator_get_year_column   (EquityIndicator  *self);
/* the years to evaluate, ascending; N_YEARS may be NULL */
const int       *equity_indicator_get_years         (EquityIndicator  *self,
                                                     guint            *n_years);
void             equity_indicator_set_analysis      (EquityIndicator  *self,
                                                     gint64            analysis_id,
                                                     int               year_column,
                                                     const int        *years,
                                                     guint             n_years);
/* …whose two groups (or areas) are compared: disadvantaged (or "most")
 * against advantaged (or "least"), as the result labels them ("B", "W") */
const char      *equity_indicator_get_group_a       (EquityIndicator  *self);
const char      *equity_indicator_get_group_b       (EquityIndicator  *self);
void             equity_indicator_set_groups        (EquityIndicator  *self,
                                                     const char       *group_a,
                                                     const char       *group_b);
/* …or yearly values typed or imported, with their source (text as given) */
const char      *equity_indicator_get_source        (EquityIndicator  *self);
void             equity_indicator_set_source        (EquityIndicator  *self,
                                                     const char       *source);
/* stored years (values and typed targets), ascending by year */
GArray          *equity_indicator_get_values        (EquityIndicator  *self);
/* adds or replaces the year YEAR->year */
void             equity_indicator_set_value         (EquityIndicator  *self,
                                                     const EquityIndicatorYear *year);
void             equity_indicator_clear_values      (EquityIndicator  *self);
/* rates are per PER people (default 1000; 100 for shares) */
double           equity_indicator_get_per           (EquityIndicator  *self);
void             equity_indicator_set_per           (EquityIndicator  *self,
                                                     double            per);
/* the baseline year (0: the first year with a value) */
int              equity_indicator_get_baseline_year (EquityIndicator  *self);
void             equity_indicator_set_baseline_year (EquityIndicator  *self,
                                                     int               year);
/* the goal: GOAL_VALUE by GOAL_YEAR, reached on a straight path from the
 * baseline year's value (0 and NAN: no goal). Typed targets override it. */
int              equity_indicator_get_goal_year     (EquityIndicator  *self);
double           equity_indicator_get_goal_value    (EquityIndicator  *self);
void             equity_indicator_set_goal          (EquityIndicator  *self,
                                                     int               goal_year,
                                                     double            goal_value);

/* The store. list: every indicator, ordered by theme, topic, name. */
GPtrArray       *equity_project_list_indicators     (EquityProject    *project,
                                                     GError          **error);
EquityIndicator *equity_project_find_indicator      (EquityProject    *project,
                                                     const char       *name,
                                                     GError          **error);
/* add gives INDICATOR its id; update saves it under its id (names unique) */
gboolean         equity_project_add_indicator       (EquityProject    *project,
                                                     EquityIndicator  *indicator,
                                                     GError          **error);
gboolean         equity_project_update_indicator    (EquityProject    *project,
                                                     EquityIndicator  *indicator,
                                                     GError          **error);
/* Returns the deleted indicator with everything it held, so an undo can
 * pass it to equity_project_undelete_indicator() (same id again). */
EquityIndicator *equity_project_delete_indicator    (EquityProject    *project,
                                                     gint64            id,
                                                     GError          **error);
gboolean         equity_project_undelete_indicator  (EquityProject    *project,
                                                     EquityIndicator  *indicator,
                                                     GError          **error);
/* the name a saved analysis has now, by its stable id; NULL when deleted */
char            *equity_project_dup_analysis_name   (EquityProject    *project,
                                                     gint64            analysis_id,
                                                     GError          **error);
gint64           equity_project_get_analysis_id     (EquityProject    *project,
                                                     const char       *analysis_name,
                                                     GError          **error);

G_END_DECLS
