/* equity-scan.c — running the environmental scan
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "equity-scan"

#include "config.h"

#include <math.h>
#include <glib/gi18n-lib.h>

#include "equity-analysis-kinds.h"
#include "equity-worker.h"
#include "equity-scan-private.h"

struct _EquityScan
{
  GObject           parent_instance;
  EquityScanRecord *record;
  GPtrArray        *closed;    /* EquityScanGap */
  GPtrArray        *funnels;   /* EquityFunnel */
  GPtrArray        *problems;  /* char *, NULL-terminated */
  gboolean          has_previous;
};

G_DEFINE_FINAL_TYPE (EquityScan, equity_scan, G_TYPE_OBJECT)

void
equity_funnel_free (EquityFunnel *funnel)
{
  if (funnel == NULL)
    return;
  for (guint i = 0; i < funnel->points->len; i++)
    g_free (g_array_index (funnel->points, EquityFunnelPoint, i).label);
  g_array_unref (funnel->points);
  g_free (funnel->measure_id);
  g_free (funnel->title);
  g_free (funnel->units);
  g_free (funnel);
}

static void
equity_scan_finalize (GObject *object)
{
  EquityScan *self = EQUITY_SCAN (object);

  g_clear_pointer (&self->record, equity_scan_record_free);
  g_clear_pointer (&self->closed, g_ptr_array_unref);
  g_clear_pointer (&self->funnels, g_ptr_array_unref);
  g_clear_pointer (&self->problems, g_ptr_array_unref);
  G_OBJECT_CLASS (equity_scan_parent_class)->finalize (object);
}

static void
equity_scan_class_init (EquityScanClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = equity_scan_finalize;
}

static void
equity_scan_init (EquityScan *self)
{
  self->funnels = g_ptr_array_new_with_free_func ((GDestroyNotify) equity_funnel_free);
  self->problems = g_ptr_array_new_null_terminated (0, g_free, TRUE);
}

/* Orients the comparison so that the ratio is at least 1 (Healthy People
 * 2030 orients its disparity ratios above 1): when the group's rate is the
 * lower one, the reference is the worse-off side and the ratio is inverted. */
static void
orient (EquityScanGap *gap,
        double         ratio,
        double         low,
        double         high)
{
  gap->group_worse = !(ratio < 1.0);
  if (gap->group_worse)
    {
      gap->ratio = ratio;
      gap->ratio_low = low;
      gap->ratio_high = high;
      return;
    }
  gap->ratio = ratio > 0.0 ? 1.0 / ratio : NAN;
  gap->ratio_low = high > 0.0 && isfinite (high) ? 1.0 / high : NAN;
  gap->ratio_high = low > 0.0 ? 1.0 / low : NAN;
}

static void
add_gap (EquityScanRecord      *record,
         EquityScanJob         *job,
         const EquityResultRow *row,
         const char            *reference,
         gboolean               hidden,
         double                 p,
         double                 difference)
{
  EquityScanGap *gap;

  if (isnan (p))
    return;
  gap = equity_scan_gap_new ();
  gap->measure_id = g_strdup (job->measure->id);
  gap->measure = g_strdup (job->measure->name);
  gap->grouping = g_strdup (job->grouping);
  gap->group = g_strdup (row->label);
  gap->group_label = g_strdup (row->display_label);
  gap->reference = g_strdup (reference);
  orient (gap, row->ratio, row->ratio_low, row->ratio_high);
  gap->difference = fabs (difference);
  gap->p = p;
  gap->suppressed = hidden;
  g_ptr_array_add (record->gaps, gap);
}

/* Areas: each against the whole. The ratio is the analysis's ratio to the
 * overall rate; the test compares the area with the rest of the areas,
 * which is the same question (equal rates) asked of two independent counts. */
static void
add_area_gaps (EquityScan    *self,
               EquityScanJob *job,
               EquityResult  *result)
{
  EquityResultRow *overall = equity_result_get_overall (result);
  EquityFunnel *funnel = g_new0 (EquityFunnel, 1);
  double confidence = equity_result_get_confidence (result);

  funnel->measure_id = g_strdup (job->measure->id);
  funnel->title = g_strdup (job->measure->name);
  funnel->units = g_strdup (equity_result_get_units (result));
  funnel->per = equity_result_get_per (result);
  funnel->overall_rate = overall->rate;
  funnel->points = g_array_new (FALSE, TRUE, sizeof (EquityFunnelPoint));

  for (guint i = 0; i < equity_result_get_n_rows (result); i++)
    {
      const EquityResultRow *row = equity_result_get_row (result, i);
      EquityFunnelPoint point;
      double p;

      if (!(row->population > 0.0) || isnan (row->count))
        continue;
      point.label = g_strdup (equity_result_row_get_name (row));
      point.count = row->count;
      point.population = row->population;
      point.rate = row->rate;
      g_array_append_val (funnel->points, point);

      p = equity_scan_poisson_p (row->count, row->population,
                                 overall->count - row->count, overall->population - row->population);
      if (isnan (p))
        p = equity_scan_wald_p (row->ratio, row->ratio_low, row->ratio_high, confidence);
      add_gap (self->record, job, row, _("all areas"), equity_result_row_is_hidden (row),
               p, row->rate - overall->rate);
    }
  g_ptr_array_add (self->funnels, funnel);
}

/* Groups: each against the analysis's reference group. */
static void
add_group_gaps (EquityScan    *self,
                EquityScanJob *job,
                EquityResult  *result)
{
  const EquityResultRow *reference = NULL;
  gboolean counts = g_strcmp0 (equity_result_get_kind (result), EQUITY_KIND_GROUP_RATES) == 0;
  double confidence = equity_result_get_confidence (result);

  for (guint i = 0; i < equity_result_get_n_rows (result); i++)
    if (equity_result_get_row (result, i)->is_reference)
      reference = equity_result_get_row (result, i);
  if (reference == NULL)
    return;

  for (guint i = 0; i < equity_result_get_n_rows (result); i++)
    {
      const EquityResultRow *row = equity_result_get_row (result, i);
      double p = NAN;
      double difference;

      if (row->is_reference || isnan (row->ratio))
        continue;
      /* counts over people: the exact test; other ratios: from their interval */
      if (counts)
        p = equity_scan_poisson_p (row->count, row->population, reference->count, reference->population);
      if (isnan (p))
        p = equity_scan_wald_p (row->ratio, row->ratio_low, row->ratio_high, confidence);
      difference = !isnan (row->difference) ? row->difference : row->rate - reference->rate;
      add_gap (self->record, job, row, equity_result_row_get_name (reference),
               equity_result_row_is_hidden (row) || equity_result_row_is_hidden (reference), p, difference);
    }
}

static void
collect_previous (EquityScan     *self,
                  EquityProject  *project,
                  GError        **error)
{
  g_autoptr(GPtrArray) stored = equity_project_load_scans (project, 1, error);
  EquityScanRecord *previous = stored != NULL && stored->len > 0 ? g_ptr_array_index (stored, 0) : NULL;

  self->has_previous = previous != NULL;
  self->closed = equity_scan_compare (self->record, previous);
}

EquityScan *
equity_scan_run (EquityProject       *project,
                 EquityProgressFunc   progress,
                 gpointer             progress_data,
                 GCancellable        *cancellable,
                 GError             **error)
{
  g_autoptr(EquityScan) self = g_object_new (EQUITY_TYPE_SCAN, NULL);
  g_autoptr(GPtrArray) jobs = NULL;
  g_autoptr(GError) previous_error = NULL;

  g_return_val_if_fail (EQUITY_IS_PROJECT (project), NULL);

  self->record = equity_scan_record_new ();
  self->record->fdr = EQUITY_SCAN_FDR;
  self->record->run_at = g_date_time_new_now_utc ();

  jobs = _equity_scan_find_measures (project, self->problems, cancellable, error);
  if (jobs == NULL)
    return NULL;
  if (progress != NULL)
    progress (0.05, progress_data);

  for (guint i = 0; i < jobs->len; i++)
    {
      EquityScanJob *job = g_ptr_array_index (jobs, i);
      g_autoptr(GError) local_error = NULL;
      g_autoptr(EquityResult) result = NULL;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return NULL;
      result = equity_analysis_run (job->analysis, project, NULL, NULL, cancellable, &local_error);
      if (result == NULL)
        {
          if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
            {
              g_propagate_error (error, g_steal_pointer (&local_error));
              return NULL;
            }
          /* one measure that cannot run leaves the rest of the scan standing */
          g_ptr_array_add (self->problems, g_strdup_printf ("%s: %s", job->measure->name, local_error->message));
          continue;
        }
      g_ptr_array_add (self->record->measures, g_steal_pointer (&job->measure));
      job->measure = g_ptr_array_index (self->record->measures, self->record->measures->len - 1);
      if (g_strcmp0 (equity_result_get_kind (result), EQUITY_KIND_AREA_RATES) == 0)
        add_area_gaps (self, job, result);
      else
        add_group_gaps (self, job, result);
      job->measure = NULL;
      if (progress != NULL)
        progress (0.05 + 0.9 * (i + 1) / jobs->len, progress_data);
    }

  equity_scan_rank (self->record->gaps, self->record->fdr);
  collect_previous (self, project, &previous_error);
  if (previous_error != NULL)
    g_ptr_array_add (self->problems, g_strdup (previous_error->message));
  if (progress != NULL)
    progress (1.0, progress_data);
  return g_steal_pointer (&self);
}

EquityScan *
equity_scan_load_latest (EquityProject  *project,
                         GError        **error)
{
  g_autoptr(GPtrArray) stored = NULL;
  EquityScan *self;

  g_return_val_if_fail (EQUITY_IS_PROJECT (project), NULL);

  stored = equity_project_load_scans (project, 2, error);
  if (stored == NULL || stored->len == 0)
    return NULL;
  self = g_object_new (EQUITY_TYPE_SCAN, NULL);
  self->record = g_ptr_array_steal_index (stored, 0);
  self->has_previous = stored->len > 0;
  self->closed = equity_scan_compare (self->record, stored->len > 0 ? g_ptr_array_index (stored, 0) : NULL);
  return self;
}

EquityScanRecord *
equity_scan_get_record (EquityScan *self)
{
  g_return_val_if_fail (EQUITY_IS_SCAN (self), NULL);
  return self->record;
}

GPtrArray *
equity_scan_get_closed (EquityScan *self)
{
  g_return_val_if_fail (EQUITY_IS_SCAN (self), NULL);
  return self->closed;
}

GPtrArray *
equity_scan_get_funnels (EquityScan *self)
{
  g_return_val_if_fail (EQUITY_IS_SCAN (self), NULL);
  return self->funnels;
}

const char * const *
equity_scan_get_problems (EquityScan *self)
{
  static const char * const none[] = { NULL };

  g_return_val_if_fail (EQUITY_IS_SCAN (self), NULL);
  /* an empty array may have no storage yet */
  return self->problems->len > 0 ? (const char * const *) self->problems->pdata : none;
}

gboolean
equity_scan_has_previous (EquityScan *self)
{
  g_return_val_if_fail (EQUITY_IS_SCAN (self), FALSE);
  return self->has_previous;
}

char *
equity_scan_dup_fdr_note (EquityScan *self)
{
  guint n = self->record->gaps->len;
  guint significant = 0;

  for (guint i = 0; i < n; i++)
    significant += ((EquityScanGap *) g_ptr_array_index (self->record->gaps, i))->significant;
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "%u of %u comparison is significant after controlling the false "
                                       "discovery rate at %g%% across all comparisons (Benjamini–Hochberg "
                                       "adjusted p below %g).",
                                       "%u of %u comparisons are significant after controlling the false "
                                       "discovery rate at %g%% across all comparisons (Benjamini–Hochberg "
                                       "adjusted p below %g).", n),
                          significant, n, self->record->fdr * 100.0, self->record->fdr);
}

gboolean
equity_scan_save (EquityScan     *self,
                  EquityProject  *project,
                  GError        **error)
{
  g_return_val_if_fail (EQUITY_IS_SCAN (self), FALSE);
  return equity_project_save_scan (project, self->record, error);
}

const char *
equity_scan_change_to_string (EquityScanChange change)
{
  switch (change)
    {
    case EQUITY_SCAN_CHANGE_NEW:        return "new";
    case EQUITY_SCAN_CHANGE_CONTINUING: return "continuing";
    case EQUITY_SCAN_CHANGE_CLOSED:     return "closed";
    case EQUITY_SCAN_CHANGE_NONE:
    default:                            return NULL;
    }
}

const char *
equity_scan_change_to_label (EquityScanChange change)
{
  switch (change)
    {
    case EQUITY_SCAN_CHANGE_NEW:        return _("New gap");
    case EQUITY_SCAN_CHANGE_CONTINUING: return _("Also in the previous scan");
    case EQUITY_SCAN_CHANGE_CLOSED:     return _("Closed");
    case EQUITY_SCAN_CHANGE_NONE:
    default:                            return NULL;
    }
}

/* in the worker: the scan, saved when asked and not cancelled */
static gpointer
scan_work (EquityProject       *project,
           gpointer             save,
           EquityProgressFunc   progress,
           gpointer             progress_data,
           GCancellable        *cancellable,
           GError             **error)
{
  g_autoptr(EquityScan) scan = equity_scan_run (project, progress, progress_data, cancellable, error);

  if (scan != NULL && GPOINTER_TO_INT (save) && !g_cancellable_is_cancelled (cancellable)
      && !equity_scan_save (scan, project, error))
    return NULL;
  return g_steal_pointer (&scan);
}

void
equity_scan_run_async (const char          *project_path,
                       gboolean             save,
                       GCancellable        *cancellable,
                       EquityProgressFunc   progress,
                       gpointer             progress_data,
                       GAsyncReadyCallback  callback,
                       gpointer             user_data)
{
  static const EquityWorkerKind kind = { "[equity] scan", scan_work, NULL, g_object_unref, FALSE };

  g_return_if_fail (project_path != NULL);

  equity_worker_run (&kind, NULL, equity_scan_run_async, project_path, GINT_TO_POINTER (save),
                     cancellable, progress, progress_data, callback, user_data);
}

EquityScan *
equity_scan_run_finish (GAsyncResult  *result,
                        GError       **error)
{
  return equity_worker_finish (result, NULL, equity_scan_run_async, error);
}
