/* equity-analysis-labels.c — areas called by their names, not their keys
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A council member reads "Census Tract 1", not "37021000100". Rows keyed by
 * area take their names from [analysis] label-column of the dataset the keys
 * come from, else from a name-like column of it, else from a name-like column
 * of the map (map + map-key, or areas + areas-key) joined by its key.
 */

#define G_LOG_DOMAIN "equity-analysis"

#include "config.h"

#include <string.h>

#include "equity-analysis-private.h"

/* best first; compared without case */
static const char * const name_columns[] = {
  "namelsad", "namelsad20", "namelsad10", "neighborhood", "neighbourhood", "neighborhood_name",
  "nbhd_name", "npa_name", "area_name", "district_name", "place_name", "tract_name", "name", "name20",
  "name10", "location", "label", "district",
};

static int
name_rank (EquityColumn *column)
{
  g_autofree char *lower = g_ascii_strdown (equity_column_get_name (column), -1);

  for (guint i = 0; i < G_N_ELEMENTS (name_columns); i++)
    if (g_str_equal (lower, name_columns[i]))
      return (int) i;
  if (g_str_has_suffix (lower, "_name"))
    return G_N_ELEMENTS (name_columns);
  return -1;
}

static int
compare_rank (gconstpointer a,
              gconstpointer b)
{
  return name_rank (*(EquityColumn **) a) - name_rank (*(EquityColumn **) b);
}

/* the text columns of DATASET whose names say they name things, best first */
static GPtrArray *
name_like_columns (EquityDataset *dataset,
                   EquityColumn  *key_column)
{
  GPtrArray *columns = equity_dataset_get_columns (dataset);
  GPtrArray *found = g_ptr_array_new ();

  for (guint i = 0; i < columns->len; i++)
    {
      EquityColumn *column = g_ptr_array_index (columns, i);

      if (column != key_column && equity_column_get_column_type (column) == EQUITY_COLUMN_TYPE_TEXT &&
          name_rank (column) >= 0)
        g_ptr_array_add (found, column);
    }
  g_ptr_array_sort (found, compare_rank);
  return found;
}

static gboolean
is_number (const char *text)
{
  char *end = NULL;

  g_ascii_strtod (text, &end);
  return end != text && *end == '\0';
}

/* key → the first non-empty label of its rows. With ANY_TEXT false, NULL when
 * every label is a number: tract NAME "25.02" is a code, not a name. */
static GHashTable *
read_labels (EquityAnalysisContext  *context,
             EquityDataset          *dataset,
             EquityColumn           *key_column,
             EquityColumn           *label_column,
             gboolean                any_text,
             GError                **error)
{
  g_autoptr(GHashTable) labels = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(EquityDatasetReader) reader = NULL;
  g_autoptr(GError) local_error = NULL;
  EquityColumn *columns[2] = { key_column, label_column };
  gboolean all_numbers = TRUE;

  reader = equity_dataset_reader_new (context->project, dataset, columns, 2, NULL, NULL, error);
  if (reader == NULL)
    return NULL;
  while (equity_dataset_reader_next (reader, &local_error))
    {
      g_autofree char *key = equity_dataset_reader_dup_key (reader, 0);
      const char *text = equity_dataset_reader_get_text (reader, 1);
      g_autofree char *label = NULL;

      if (key == NULL || text == NULL || g_hash_table_contains (labels, key))
        continue;
      label = g_strstrip (g_strdup (text));
      if (label[0] == '\0')
        continue;
      all_numbers &= is_number (label);
      g_hash_table_insert (labels, g_steal_pointer (&key), g_steal_pointer (&label));
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  if (g_hash_table_size (labels) == 0 || (all_numbers && !any_text))
    return NULL;
  return g_steal_pointer (&labels);
}

/* the first name-like column of DATASET that holds names */
static GHashTable *
guess_labels (EquityAnalysisContext  *context,
              EquityDataset          *dataset,
              EquityColumn           *key_column,
              GError                **error)
{
  g_autoptr(GPtrArray) candidates = name_like_columns (dataset, key_column);

  for (guint i = 0; i < candidates->len; i++)
    {
      g_autoptr(GError) local_error = NULL;
      GHashTable *labels = read_labels (context, dataset, key_column, g_ptr_array_index (candidates, i), FALSE,
                                        &local_error);

      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
      if (labels != NULL)
        return labels;
    }
  return NULL;
}

/* map + map-key, else areas + areas-key, when both name what is in the project */
static gboolean
find_map (EquityAnalysisContext  *context,
          EquityDataset         **dataset,
          EquityColumn          **key_column)
{
  static const char * const pairs[][2] = { { "map", "map-key" }, { "areas", "areas-key" } };

  for (guint i = 0; i < G_N_ELEMENTS (pairs); i++)
    {
      g_autofree char *name = _equity_analysis_string (context, pairs[i][0]);
      g_autofree char *key = _equity_analysis_string (context, pairs[i][1]);

      if (name == NULL || key == NULL)
        continue;
      *dataset = equity_project_find_dataset (context->project, name);
      *key_column = *dataset != NULL ? equity_dataset_find_column (*dataset, key) : NULL;
      if (*key_column != NULL)
        return TRUE;
    }
  return FALSE;
}

/* ", Buncombe County, North Carolina" when every label ends with it: said
 * once by the title, it only crowds the bars */
static gsize
common_tail (GPtrArray *texts)
{
  const char *first;

  if (texts->len < 2)
    return 0;
  first = g_ptr_array_index (texts, 0);
  for (const char *comma = strstr (first, ", "); comma != NULL; comma = strstr (comma + 1, ", "))
    {
      gboolean shared = comma != first;

      for (guint i = 1; i < texts->len && shared; i++)
        {
          const char *text = g_ptr_array_index (texts, i);
          gsize length = strlen (text), tail = strlen (comma);

          shared = length > tail && strcmp (text + length - tail, comma) == 0;
        }
      if (shared)
        return strlen (comma);
    }
  return 0;
}

gboolean
_equity_analysis_check_label_column (EquityAnalysisContext  *context,
                                     EquityDataset          *dataset,
                                     GError                **error)
{
  g_autoptr(GError) local_error = NULL;

  if (_equity_analysis_column (context, dataset, NULL, "label-column", TRUE, &local_error) == NULL &&
      local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  return TRUE;
}

gboolean
_equity_analysis_label_areas (EquityAnalysisContext  *context,
                              EquityResult           *result,
                              EquityDataset          *dataset,
                              EquityColumn           *key_column,
                              GError                **error)
{
  g_autoptr(GHashTable) labels = NULL;
  g_autoptr(GPtrArray) named = g_ptr_array_new ();
  g_autoptr(GPtrArray) texts = g_ptr_array_new ();
  g_autoptr(GError) local_error = NULL;
  EquityColumn *label_column = NULL;
  EquityDataset *map = NULL;
  EquityColumn *map_key = NULL;
  gsize tail;

  if (dataset != NULL)
    label_column = _equity_analysis_column (context, dataset, NULL, "label-column", TRUE, NULL);
  if (label_column != NULL)
    labels = read_labels (context, dataset, key_column, label_column, TRUE, &local_error);
  else if (dataset != NULL)
    labels = guess_labels (context, dataset, key_column, &local_error);
  if (labels == NULL && local_error == NULL && label_column == NULL &&
      find_map (context, &map, &map_key) && map != dataset)
    labels = guess_labels (context, map, map_key, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (labels == NULL)
    return TRUE;

  for (guint i = 0; i < equity_result_get_n_rows (result); i++)
    {
      EquityResultRow *row = equity_result_get_row (result, i);
      const char *label = row->label != NULL ? g_hash_table_lookup (labels, row->label) : NULL;

      if (label == NULL || row->display_label != NULL || g_str_equal (label, row->label))
        continue;
      g_ptr_array_add (named, row);
      g_ptr_array_add (texts, (gpointer) label);
    }
  tail = common_tail (texts);
  for (guint i = 0; i < named->len; i++)
    {
      EquityResultRow *row = g_ptr_array_index (named, i);
      const char *label = g_ptr_array_index (texts, i);

      row->display_label = g_strndup (label, strlen (label) - tail);
    }
  return TRUE;
}
