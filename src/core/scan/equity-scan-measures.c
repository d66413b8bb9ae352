/* equity-scan-measures.c — which measures the scan runs
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Saved analyses that compare groups or areas run as saved. Beside them the
 * scan builds area-rates specs (the analysis kind does the arithmetic) for
 * count and amount columns that can be linked to a population:
 *  - a column with the count or amount role in a dataset with a key column
 *    whose values are, for at least half of them, keys of a dataset holding
 *    population columns (its "total", else its first population column);
 *  - a numeric column of a saved area-rates analysis's events dataset that
 *    has a namesake in its population dataset (another year of the same
 *    count, as in the Quality of Life Explorer's files).
 */

#define G_LOG_DOMAIN "equity-scan"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "equity-analysis-kinds.h"
#include "equity-dataset-reader.h"
#include "equity-saved-analysis.h"
#include "equity-scan-private.h"

void
_equity_scan_job_free (EquityScanJob *job)
{
  if (job == NULL)
    return;
  equity_scan_measure_free (job->measure);
  g_clear_object (&job->analysis);
  g_free (job->grouping);
  g_free (job);
}

static gboolean
kind_compares (const char *kind)
{
  /* kinds whose rows carry a ratio against a reference or the whole */
  return g_strcmp0 (kind, EQUITY_KIND_ACS_PROPORTION) != 0 &&
         g_strcmp0 (kind, EQUITY_KIND_DISSIMILARITY) != 0 &&
         g_strcmp0 (kind, EQUITY_KIND_INDEX_OF_DISPARITY) != 0;
}

static char *
grouping_of (EquityAnalysis *analysis)
{
  char *value;

  if ((value = equity_analysis_dup_string (analysis, "group-column")) != NULL)
    return value;
  if ((value = equity_analysis_dup_string (analysis, "area-column")) != NULL)
    return value;
  if ((value = equity_analysis_dup_string (analysis, "areas-key")) != NULL)
    return value;
  return equity_analysis_dup_kind (analysis);
}

static EquityScanJob *
job_new (EquityScanMeasure *measure,
         EquityAnalysis    *analysis)
{
  EquityScanJob *job = g_new0 (EquityScanJob, 1);

  job->measure = measure;
  job->analysis = analysis;
  job->grouping = grouping_of (analysis);
  return job;
}

/* "3/5": dataset 3, column 5, or NULL when either is missing */
static char *
column_ref (EquityProject *project,
            const char    *dataset_name,
            const char    *column_name)
{
  EquityDataset *dataset = dataset_name != NULL ? equity_project_find_dataset (project, dataset_name) : NULL;
  EquityColumn *column = dataset != NULL && column_name != NULL
                         ? equity_dataset_find_column (dataset, column_name) : NULL;

  if (column == NULL)
    return NULL;
  return g_strdup_printf ("%" G_GINT64_FORMAT "/%u", equity_dataset_get_id (dataset),
                          equity_column_get_position (column));
}

static char *
generated_id (EquityProject *project,
              const char    *events,
              const char    *count_column,
              const char    *population,
              const char    *population_column)
{
  g_autofree char *count = column_ref (project, events, count_column);
  g_autofree char *people = column_ref (project, population, population_column);

  if (count == NULL || people == NULL)
    return NULL;
  return g_strdup_printf ("column:%s:%s", count, people);
}

static void
add_generated (GPtrArray      *jobs,
               GHashTable     *seen,
               char           *id,
               EquityAnalysis *analysis)
{
  g_autofree char *name = equity_analysis_dup_name (analysis);
  g_autofree char *spec = NULL;

  if (id == NULL || g_hash_table_contains (seen, id))
    {
      g_free (id);
      g_object_unref (analysis);
      return;
    }
  spec = equity_analysis_to_data (analysis, NULL);
  g_ptr_array_add (jobs, job_new (equity_scan_measure_new (id, name, EQUITY_KIND_AREA_RATES, NULL, spec),
                                  analysis));
  g_hash_table_add (seen, id);
}

static gboolean
is_numeric (EquityColumn *column)
{
  EquityColumnType type = equity_column_get_column_type (column);
  return type == EQUITY_COLUMN_TYPE_INTEGER || type == EQUITY_COLUMN_TYPE_REAL;
}

/* other years of a saved area-rates count: namesake columns in both datasets */
static void
add_namesakes (EquityProject  *project,
               EquityAnalysis *saved,
               GPtrArray      *jobs,
               GHashTable     *seen)
{
  g_autofree char *events_name = equity_analysis_dup_string (saved, "events");
  g_autofree char *population_name = equity_analysis_dup_string (saved, "population");
  g_autofree char *count_column = equity_analysis_dup_string (saved, "count-column");
  g_autofree char *area_column = equity_analysis_dup_string (saved, "area-column");
  g_autofree char *population_key = equity_analysis_dup_string (saved, "population-key");
  g_autofree char *base = NULL;
  g_autofree char *saved_name = equity_analysis_dup_name (saved);
  EquityDataset *events, *population;
  GPtrArray *columns;

  if (count_column == NULL || events_name == NULL || population_name == NULL)
    return;
  events = equity_project_find_dataset (project, events_name);
  population = equity_project_find_dataset (project, population_name);
  if (events == NULL || population == NULL)
    return;

  base = equity_analysis_to_data (saved, NULL);
  columns = equity_dataset_get_columns (events);
  for (guint i = 0; i < columns->len; i++)
    {
      EquityColumn *column = g_ptr_array_index (columns, i);
      const char *name = equity_column_get_name (column);
      EquityColumn *twin = equity_dataset_find_column (population, name);
      EquityColumnRole role = equity_column_get_role (column);
      g_autoptr(EquityAnalysis) analysis = NULL;
      g_autofree char *title = NULL;
      g_autofree char *note = NULL;

      if (twin == NULL || !is_numeric (column) || !is_numeric (twin) ||
          (role != EQUITY_COLUMN_ROLE_NONE && role != EQUITY_COLUMN_ROLE_COUNT) ||
          g_strcmp0 (name, count_column) == 0 || g_strcmp0 (name, area_column) == 0 ||
          g_strcmp0 (name, population_key) == 0)
        continue;
      analysis = equity_analysis_new_from_data (base, -1, NULL, NULL);
      if (analysis == NULL)
        return;
      /* Translators: a measure the scan builds: dataset, then a column */
      title = g_strdup_printf (_("%s: %s"), events_name, name);
      equity_analysis_set_string (analysis, "name", title);
      equity_analysis_set_string (analysis, "count-column", name);
      equity_analysis_set_string (analysis, "population-column", name);
      equity_analysis_set_string (analysis, "units", NULL);
      /* the saved analysis's note speaks of its own column: say what this one is */
      note = g_strdup_printf (_("Built by the scan: column “%s” of %s over column “%s” of %s, settings as in "
                                "the saved analysis “%s”."), name, events_name, name, population_name, saved_name);
      equity_analysis_set_string (analysis, "source-note", note);
      add_generated (jobs, seen, generated_id (project, events_name, name, population_name, name),
                     g_steal_pointer (&analysis));
    }
}

static void
collect_key (const char *key,
             guint64     n_rows,
             const char *label,
             gpointer    user_data)
{
  g_hash_table_add (user_data, g_strdup (key));
}

static GHashTable *
read_keys (EquityProject  *project,
           EquityDataset  *dataset,
           EquityColumn   *column,
           GCancellable   *cancellable,
           GError        **error)
{
  g_autoptr(GHashTable) keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  if (!equity_dataset_read_distinct (project, dataset, column, NULL, cancellable, collect_key, keys, error))
    return NULL;
  return g_steal_pointer (&keys);
}

static EquityColumn *
find_role (EquityDataset    *dataset,
           EquityColumnRole  role,
           const char       *prefer)
{
  GPtrArray *columns = equity_dataset_get_columns (dataset);
  EquityColumn *first = NULL;

  for (guint i = 0; i < columns->len; i++)
    {
      EquityColumn *column = g_ptr_array_index (columns, i);
      if (equity_column_get_role (column) != role)
        continue;
      if (prefer != NULL && g_ascii_strcasecmp (equity_column_get_name (column), prefer) == 0)
        return column;
      if (first == NULL)
        first = column;
    }
  return first;
}

static gboolean
keys_link (GHashTable *events,
           GHashTable *population)
{
  GHashTableIter iter;
  gpointer key;
  guint found = 0;

  g_hash_table_iter_init (&iter, events);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    found += g_hash_table_contains (population, key);
  return found > 0 && found * 2 >= g_hash_table_size (events);
}

/* count and amount columns of keyed datasets, over a keyed population */
static gboolean
add_keyed_counts (EquityProject  *project,
                  GPtrArray      *jobs,
                  GHashTable     *seen,
                  GCancellable   *cancellable,
                  GError        **error)
{
  GListModel *datasets = equity_project_get_datasets (project);
  guint n = g_list_model_get_n_items (datasets);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(EquityDataset) events = g_list_model_get_item (datasets, i);
      EquityColumn *key = find_role (events, EQUITY_COLUMN_ROLE_KEY, NULL);
      GPtrArray *columns = equity_dataset_get_columns (events);
      g_autoptr(GHashTable) event_keys = NULL;
      gboolean has_counts = FALSE;

      for (guint c = 0; c < columns->len; c++)
        {
          EquityColumnRole role = equity_column_get_role (g_ptr_array_index (columns, c));
          has_counts |= role == EQUITY_COLUMN_ROLE_COUNT || role == EQUITY_COLUMN_ROLE_AMOUNT;
        }
      if (key == NULL || !has_counts)
        continue;
      if ((event_keys = read_keys (project, events, key, cancellable, error)) == NULL)
        return FALSE;

      for (guint j = 0; j < n; j++)
        {
          g_autoptr(EquityDataset) population = g_list_model_get_item (datasets, j);
          EquityColumn *population_key = find_role (population, EQUITY_COLUMN_ROLE_KEY, NULL);
          EquityColumn *people = find_role (population, EQUITY_COLUMN_ROLE_POPULATION, "total");
          g_autoptr(GHashTable) population_keys = NULL;

          if (population_key == NULL || people == NULL)
            continue;
          if ((population_keys = read_keys (project, population, population_key, cancellable, error)) == NULL)
            return FALSE;
          if (!keys_link (event_keys, population_keys))
            continue;

          for (guint c = 0; c < columns->len; c++)
            {
              EquityColumn *column = g_ptr_array_index (columns, c);
              EquityColumnRole role = equity_column_get_role (column);
              g_autoptr(EquityAnalysis) analysis = NULL;
              g_autofree char *title = NULL;

              if (role != EQUITY_COLUMN_ROLE_COUNT && role != EQUITY_COLUMN_ROLE_AMOUNT)
                continue;
              analysis = equity_analysis_new (EQUITY_KIND_AREA_RATES);
              title = g_strdup_printf (_("%s: %s"), equity_dataset_get_name (events),
                                       equity_column_get_name (column));
              equity_analysis_set_string (analysis, "name", title);
              equity_analysis_set_string (analysis, "events", equity_dataset_get_name (events));
              equity_analysis_set_string (analysis, "area-column", equity_column_get_name (key));
              equity_analysis_set_string (analysis,
                                          role == EQUITY_COLUMN_ROLE_COUNT ? "count-column" : "value-column",
                                          equity_column_get_name (column));
              equity_analysis_set_string (analysis, "population", equity_dataset_get_name (population));
              equity_analysis_set_string (analysis, "population-key", equity_column_get_name (population_key));
              equity_analysis_set_string (analysis, "population-column", equity_column_get_name (people));
              add_generated (jobs, seen,
                             generated_id (project, equity_dataset_get_name (events),
                                           equity_column_get_name (column),
                                           equity_dataset_get_name (population),
                                           equity_column_get_name (people)),
                             g_steal_pointer (&analysis));
            }
        }
    }
  return TRUE;
}

GPtrArray *
_equity_scan_find_measures (EquityProject  *project,
                            GPtrArray      *problems,
                            GCancellable   *cancellable,
                            GError        **error)
{
  g_autoptr(GPtrArray) jobs = g_ptr_array_new_with_free_func ((GDestroyNotify) _equity_scan_job_free);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) area_specs = g_ptr_array_new_with_free_func (g_object_unref);
  GListModel *analyses = equity_project_get_analyses (project);

  for (guint i = 0; i < g_list_model_get_n_items (analyses); i++)
    {
      g_autoptr(EquitySavedAnalysis) saved = g_list_model_get_item (analyses, i);
      const char *name = equity_saved_analysis_get_name (saved);
      const char *kind = equity_saved_analysis_get_kind (saved);
      g_autoptr(GError) local_error = NULL;
      g_autoptr(EquityAnalysis) analysis = NULL;
      g_autofree char *id = NULL;
      g_autofree char *events = NULL;
      g_autofree char *count = NULL;
      g_autofree char *population = NULL;
      g_autofree char *people = NULL;
      char *same;

      if (!kind_compares (kind))
        continue;
      analysis = equity_analysis_new_from_project (project, name, &local_error);
      if (analysis == NULL)
        {
          g_ptr_array_add (problems, g_strdup_printf ("%s: %s", name, local_error->message));
          continue;
        }
      id = g_strdup_printf ("analysis:%" G_GINT64_FORMAT, equity_project_get_analysis_id (project, name, NULL));

      /* a generated measure that repeats this one is left out */
      events = equity_analysis_dup_string (analysis, "events");
      count = equity_analysis_dup_string (analysis, "count-column");
      population = equity_analysis_dup_string (analysis, "population");
      people = equity_analysis_dup_string (analysis, "population-column");
      same = generated_id (project, events, count, population, people);
      if (same != NULL)
        g_hash_table_add (seen, same);
      if (g_strcmp0 (kind, EQUITY_KIND_AREA_RATES) == 0)
        g_ptr_array_add (area_specs, g_object_ref (analysis));

      g_ptr_array_add (jobs, job_new (equity_scan_measure_new (id, name, kind, name, NULL),
                                      g_steal_pointer (&analysis)));
    }

  for (guint i = 0; i < area_specs->len; i++)
    add_namesakes (project, g_ptr_array_index (area_specs, i), jobs, seen);
  if (!add_keyed_counts (project, jobs, seen, cancellable, error))
    return NULL;
  return g_steal_pointer (&jobs);
}
