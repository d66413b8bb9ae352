/* equity-indicator-entry.c — one indicator as the Indicators page shows it,
 * and every indicator of a project evaluated
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The page reads the core's indicators through this one file: what the
 * list, the chart and the year table show comes from here.
 */

#define G_LOG_DOMAIN "equity-indicators-page"

#include "config.h"

#include <math.h>
#include <glib/gi18n.h>

#include "equity-indicator-entry.h"

struct _EquityIndicatorEntry
{
  GObject                    parent_instance;

  EquityIndicator           *indicator;
  EquityIndicatorEvaluation *evaluation;
  char                      *group_a;
  char                      *group_b;
  char                      *units;
  char                      *error;
};

G_DEFINE_FINAL_TYPE (EquityIndicatorEntry, equity_indicator_entry, G_TYPE_OBJECT)

static void
equity_indicator_entry_finalize (GObject *object)
{
  EquityIndicatorEntry *self = EQUITY_INDICATOR_ENTRY (object);

  g_clear_object (&self->indicator);
  g_clear_pointer (&self->evaluation, equity_indicator_evaluation_unref);
  g_free (self->group_a);
  g_free (self->group_b);
  g_free (self->units);
  g_free (self->error);

  G_OBJECT_CLASS (equity_indicator_entry_parent_class)->finalize (object);
}

static void
equity_indicator_entry_class_init (EquityIndicatorEntryClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = equity_indicator_entry_finalize;
}

static void
equity_indicator_entry_init (EquityIndicatorEntry *self)
{
}

/* "B" → "Black"; an area's key stays as it is; NULL: typed values, no groups */
static char *
group_name (const char *value)
{
  const char *name = value != NULL ? equity_analysis_group_display_name (value) : NULL;

  return g_strdup (name != NULL ? name : value);
}

static EquityIndicatorEntry *
entry_new (EquityIndicator           *indicator,
           EquityIndicatorEvaluation *evaluation,
           const GError              *error)
{
  EquityIndicatorEntry *self = g_object_new (EQUITY_TYPE_INDICATOR_ENTRY, NULL);
  g_autofree char *per = equity_format_number (equity_indicator_get_per (indicator), 0);

  self->indicator = g_object_ref (indicator);
  self->evaluation = evaluation != NULL ? equity_indicator_evaluation_ref (evaluation) : NULL;
  self->error = error != NULL ? g_strdup (error->message) : NULL;
  self->group_a = group_name (equity_indicator_get_group_a (indicator));
  self->group_b = group_name (equity_indicator_get_group_b (indicator));
  if (equity_indicator_get_kind (indicator) == EQUITY_INDICATOR_PERCENTAGE)
    self->units = g_strdup (_("percent"));
  else
    /* Translators: what an indicator's rates count, e.g. "per 1,000 people" */
    self->units = g_strdup_printf (_("per %s people"), per);
  return self;
}

EquityIndicator *
equity_indicator_entry_get_indicator (EquityIndicatorEntry *self)
{
  g_return_val_if_fail (EQUITY_IS_INDICATOR_ENTRY (self), NULL);
  return self->indicator;
}

EquityIndicatorEvaluation *
equity_indicator_entry_get_evaluation (EquityIndicatorEntry *self)
{
  g_return_val_if_fail (EQUITY_IS_INDICATOR_ENTRY (self), NULL);
  return self->evaluation;
}

gint64
equity_indicator_entry_get_id (EquityIndicatorEntry *self)
{
  g_return_val_if_fail (EQUITY_IS_INDICATOR_ENTRY (self), 0);
  return equity_indicator_get_id (self->indicator);
}

const char *
equity_indicator_entry_get_name (EquityIndicatorEntry *self)
{
  g_return_val_if_fail (EQUITY_IS_INDICATOR_ENTRY (self), NULL);
  return equity_indicator_get_name (self->indicator);
}

const char *
equity_indicator_entry_get_theme (EquityIndicatorEntry *self)
{
  const char *theme;

  g_return_val_if_fail (EQUITY_IS_INDICATOR_ENTRY (self), NULL);
  theme = equity_indicator_get_theme (self->indicator);
  return theme != NULL && theme[0] != '\0' ? theme : _("No theme");
}

const char *
equity_indicator_entry_get_topic (EquityIndicatorEntry *self)
{
  const char *topic;

  g_return_val_if_fail (EQUITY_IS_INDICATOR_ENTRY (self), NULL);
  topic = equity_indicator_get_topic (self->indicator);
  return topic != NULL && topic[0] != '\0' ? topic : _("No topic");
}

const char *
equity_indicator_entry_get_group_a (EquityIndicatorEntry *self)
{
  g_return_val_if_fail (EQUITY_IS_INDICATOR_ENTRY (self), NULL);
  return self->group_a;
}

const char *
equity_indicator_entry_get_group_b (EquityIndicatorEntry *self)
{
  g_return_val_if_fail (EQUITY_IS_INDICATOR_ENTRY (self), NULL);
  return self->group_b;
}

const char *
equity_indicator_entry_get_units (EquityIndicatorEntry *self)
{
  g_return_val_if_fail (EQUITY_IS_INDICATOR_ENTRY (self), NULL);
  return self->units;
}

int
equity_indicator_entry_get_baseline (EquityIndicatorEntry *self)
{
  g_return_val_if_fail (EQUITY_IS_INDICATOR_ENTRY (self), 0);
  return self->evaluation != NULL ? equity_indicator_evaluation_get_baseline_year (self->evaluation)
                                  : equity_indicator_get_baseline_year (self->indicator);
}

const char *
equity_indicator_entry_get_error (EquityIndicatorEntry *self)
{
  g_return_val_if_fail (EQUITY_IS_INDICATOR_ENTRY (self), NULL);
  return self->error;
}

EquityIndicatorStatus
equity_indicator_entry_get_status (EquityIndicatorEntry *self)
{
  g_return_val_if_fail (EQUITY_IS_INDICATOR_ENTRY (self), EQUITY_INDICATOR_NO_DATA);
  return self->evaluation != NULL ? equity_indicator_evaluation_get_status (self->evaluation)
                                  : EQUITY_INDICATOR_NO_DATA;
}

guint
equity_indicator_entry_get_n_years (EquityIndicatorEntry *self)
{
  g_return_val_if_fail (EQUITY_IS_INDICATOR_ENTRY (self), 0);
  return self->evaluation != NULL ? equity_indicator_evaluation_get_n_years (self->evaluation) : 0;
}

const EquityIndicatorYear *
equity_indicator_entry_get_year (EquityIndicatorEntry *self,
                                 guint                 index)
{
  g_return_val_if_fail (EQUITY_IS_INDICATOR_ENTRY (self), NULL);
  g_return_val_if_fail (index < equity_indicator_entry_get_n_years (self), NULL);
  return equity_indicator_evaluation_get_year (self->evaluation, index);
}

const EquityIndicatorYear *
equity_indicator_entry_get_latest (EquityIndicatorEntry *self)
{
  g_return_val_if_fail (EQUITY_IS_INDICATOR_ENTRY (self), NULL);

  for (guint i = equity_indicator_entry_get_n_years (self); i > 0; i--)
    {
      const EquityIndicatorYear *year = equity_indicator_entry_get_year (self, i - 1);

      if (!isnan (year->score))
        return year;
    }
  return NULL;
}

/* The trend chart draws a result: a row a year, the value with its
 * interval as the rate, the target of each year and the baseline beside. */
EquityChart *
equity_indicator_entry_create_chart (EquityIndicatorEntry *self)
{
  g_autoptr(EquityResult) result = NULL;
  g_autoptr(GArray) years = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) targets = g_array_new (FALSE, FALSE, sizeof (double));
  gboolean percentage;
  EquityChart *chart;

  g_return_val_if_fail (EQUITY_IS_INDICATOR_ENTRY (self), NULL);

  percentage = equity_indicator_get_kind (self->indicator) == EQUITY_INDICATOR_PERCENTAGE;
  result = equity_result_new ("indicator");
  equity_result_set_title (result, equity_indicator_get_name (self->indicator));
  equity_result_set_units (result, percentage ? _("percent")
                                              : _("ratio of the two groups’ rates (1: parity)"));
  for (guint i = 0; i < equity_indicator_entry_get_n_years (self); i++)
    {
      const EquityIndicatorYear *year = equity_indicator_entry_get_year (self, i);
      g_autofree char *label = g_strdup_printf ("%d", year->year);
      EquityResultRow *row = equity_result_add_row (result, label);
      double x = year->year;

      row->rate = year->value;
      row->rate_low = year->low;
      row->rate_high = year->high;
      if (!isnan (year->target))
        {
          g_array_append_val (years, x);
          g_array_append_val (targets, year->target);
        }
    }

  chart = equity_chart_new (result);
  equity_chart_set_kind (chart, EQUITY_CHART_TREND);
  if (equity_indicator_entry_get_baseline (self) > 0)
    equity_chart_set_baseline (chart, equity_indicator_entry_get_baseline (self));
  if (years->len > 0)
    equity_chart_set_targets (chart, (const double *) years->data, (const double *) targets->data,
                              years->len);
  return chart;
}

const char *
equity_indicator_status_to_icon (EquityIndicatorStatus status)
{
  switch (status)
    {
    case EQUITY_INDICATOR_ON_TRACK:  return "object-select-symbolic";
    case EQUITY_INDICATOR_OFF_TRACK: return "dialog-warning-symbolic";
    case EQUITY_INDICATOR_NO_DATA:
    default:                         return "action-unavailable-symbolic";
    }
}

char *
equity_indicator_format_score (double score)
{
  /* a score is whole; a mean of scores keeps a decimal (Dallas: 38.75 → 39.77) */
  if (!isfinite (score))
    return g_strdup (EQUITY_FORMAT_MISSING);
  return equity_format_number (score, fabs (score - round (score)) < 1e-9 ? 0 : 1);
}

char *
equity_indicator_format_change (double change)
{
  g_autofree char *number = NULL;

  if (!isfinite (change))
    return g_strdup (EQUITY_FORMAT_MISSING);
  if (fabs (change) < 0.05)
    return g_strdup ("±0");
  number = equity_indicator_format_score (change);
  /* equity_format_number() writes the minus sign itself */
  return change > 0 ? g_strconcat ("+", number, NULL) : g_steal_pointer (&number);
}

/* The board: the project's indicators listed on the main thread (a short
 * read), then each evaluated in the core's worker, one after the other. */

typedef struct
{
  GPtrArray          *indicators;
  GPtrArray          *evaluations;   /* NULL where the evaluation failed */
  GPtrArray          *errors;        /* GError or NULL, side by side */
  char               *project_path;
  EquityProgressFunc  progress;
  gpointer            progress_data;
  guint               next;
} BoardLoad;

static void
board_load_free (BoardLoad *load)
{
  g_ptr_array_unref (load->indicators);
  g_ptr_array_unref (load->evaluations);
  g_ptr_array_unref (load->errors);
  g_free (load->project_path);
  g_free (load);
}

void
equity_indicator_board_free (EquityIndicatorBoard *board)
{
  if (board == NULL)
    return;
  g_clear_pointer (&board->summary, equity_indicator_summary_free);
  g_clear_pointer (&board->scored, g_ptr_array_unref);
  g_clear_pointer (&board->evaluations, g_ptr_array_unref);
  g_clear_pointer (&board->entries, g_ptr_array_unref);
  g_free (board);
}

static void
evaluate_next (GTask *task);

static void
evaluate_progress_cb (double   fraction,
                      gpointer data)
{
  GTask *task = data;
  BoardLoad *load = g_task_get_task_data (task);

  if (load->progress != NULL && !g_cancellable_is_cancelled (g_task_get_cancellable (task)))
    load->progress ((load->next + CLAMP (fraction, 0.0, 1.0)) / MAX (load->indicators->len, 1),
                    load->progress_data);
}

static void
evaluated_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  BoardLoad *load = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  EquityIndicatorEvaluation *evaluation;

  evaluation = equity_indicator_evaluate_finish (EQUITY_INDICATOR (source), result, &error);
  if (g_task_return_error_if_cancelled (task))
    {
      g_clear_pointer (&evaluation, equity_indicator_evaluation_unref);
      return;
    }
  /* one indicator that cannot be evaluated (its analysis deleted, say)
   * is listed with what went wrong; the others are still scored */
  g_ptr_array_add (load->evaluations, evaluation);
  g_ptr_array_add (load->errors, g_steal_pointer (&error));
  load->next++;
  evaluate_next (task);
}

static EquityIndicatorBoard *
board_new (BoardLoad *load)
{
  EquityIndicatorBoard *board = g_new0 (EquityIndicatorBoard, 1);
  /* the entries hold what these point to, as long as the board lives */
  GPtrArray *scored = board->scored = g_ptr_array_new ();
  GPtrArray *evaluations = board->evaluations = g_ptr_array_new ();
  const int *years;
  guint n_years = 0;

  board->entries = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < load->indicators->len; i++)
    {
      EquityIndicatorEvaluation *evaluation = g_ptr_array_index (load->evaluations, i);

      g_ptr_array_add (board->entries, entry_new (g_ptr_array_index (load->indicators, i), evaluation,
                                                  g_ptr_array_index (load->errors, i)));
      if (evaluation != NULL)
        {
          g_ptr_array_add (scored, g_ptr_array_index (load->indicators, i));
          g_ptr_array_add (evaluations, evaluation);
        }
    }

  board->summary = equity_indicator_summary_new (scored, evaluations);
  years = equity_indicator_summary_get_years (board->summary, &n_years);
  /* the latest year the city has a score, and the first */
  for (guint i = n_years; i > 0 && board->year == 0; i--)
    if (!isnan (equity_indicator_summary_city_score (board->summary, years[i - 1])))
      board->year = years[i - 1];
  /* the city's change is counted from the first year every theme scored
   * now had a score too: a mean of other themes is no baseline */
  for (guint i = 0; i < n_years && board->first_year == 0 && board->year != 0; i++)
    {
      gboolean all = TRUE;

      for (guint j = 0; j < scored->len && all; j++)
        {
          const char *theme = equity_indicator_get_theme (g_ptr_array_index (scored, j));

          all = isnan (equity_indicator_summary_theme_score (board->summary, theme, board->year))
                || !isnan (equity_indicator_summary_theme_score (board->summary, theme, years[i]));
        }
      if (all)
        board->first_year = years[i];
    }
  return board;
}

static void
evaluate_next (GTask *task)
{
  BoardLoad *load = g_task_get_task_data (task);

  if (load->next >= load->indicators->len)
    {
      g_task_return_pointer (task, board_new (load), (GDestroyNotify) equity_indicator_board_free);
      return;
    }

  equity_indicator_evaluate_async (g_ptr_array_index (load->indicators, load->next), load->project_path,
                                   g_task_get_cancellable (task), evaluate_progress_cb, task,
                                   evaluated_cb, g_object_ref (task));
}

static void
error_free0 (gpointer error)
{
  if (error != NULL)
    g_error_free (error);
}

static void
evaluation_unref0 (gpointer evaluation)
{
  if (evaluation != NULL)
    equity_indicator_evaluation_unref (evaluation);
}

void
equity_indicator_board_load_async (EquityProject       *project,
                                   GCancellable        *cancellable,
                                   EquityProgressFunc   progress,
                                   gpointer             progress_data,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;
  BoardLoad *load;
  GPtrArray *indicators;

  g_return_if_fail (EQUITY_IS_PROJECT (project));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, equity_indicator_board_load_async);
  indicators = equity_project_list_indicators (project, &error);
  if (indicators == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  load = g_new0 (BoardLoad, 1);
  load->indicators = indicators;
  load->evaluations = g_ptr_array_new_with_free_func (evaluation_unref0);
  load->errors = g_ptr_array_new_with_free_func (error_free0);
  load->project_path = g_strdup (equity_project_get_path (project));
  load->progress = progress;
  load->progress_data = progress_data;
  g_task_set_task_data (task, load, (GDestroyNotify) board_load_free);
  evaluate_next (task);
}

EquityIndicatorBoard *
equity_indicator_board_load_finish (GAsyncResult  *result,
                                    GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

static double
level_score (EquityIndicatorBoard *board,
             const char           *theme,
             const char           *topic,
             int                   year)
{
  if (theme == NULL)
    return equity_indicator_summary_city_score (board->summary, year);
  if (topic == NULL)
    return equity_indicator_summary_theme_score (board->summary, theme, year);
  return equity_indicator_summary_topic_score (board->summary, theme, topic, year);
}

double
equity_indicator_board_get_mean (EquityIndicatorBoard *board,
                                 const char           *theme,
                                 const char           *topic,
                                 int                  *year)
{
  const int *years;
  guint n_years = 0;

  if (year != NULL)
    *year = 0;
  if (board == NULL || board->summary == NULL || board->year == 0)
    return NAN;

  /* the board's year, or the latest before it when this level has none then */
  years = equity_indicator_summary_get_years (board->summary, &n_years);
  for (guint i = n_years; i > 0; i--)
    {
      double score;

      if (years[i - 1] > board->year)
        continue;
      score = level_score (board, theme, topic, years[i - 1]);
      if (!isnan (score))
        {
          if (year != NULL)
            *year = years[i - 1];
          return score;
        }
    }
  return NAN;
}

double
equity_indicator_board_get_city_change (EquityIndicatorBoard *board)
{
  if (board == NULL || board->summary == NULL || board->year == 0 || board->first_year == board->year)
    return NAN;
  return equity_indicator_summary_city_score (board->summary, board->year)
         - equity_indicator_summary_city_score (board->summary, board->first_year);
}
