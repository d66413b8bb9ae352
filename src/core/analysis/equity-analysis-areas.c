/* equity-analysis-areas.c — events to areas: by key, or by point in polygon
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Spec keys ([analysis]): events, [events-filter], [value-column], and either
 * area-column, or lat-column + lon-column, or location-column ("lat, lon"),
 * with areas (a spatial dataset) and areas-key (its column of area keys).
 */

#define G_LOG_DOMAIN "equity-analysis"

#include "config.h"

#include <inttypes.h>

#include <math.h>
#include <glib/gi18n-lib.h>

#include "equity-analysis-private.h"
#include "equity-dataset-geometry.h"
#include "equity-point-index.h"

/* rows between checks of the cancellable and progress reports */
#define CHECK_EVERY 65536

gboolean
_equity_analysis_area_inputs (EquityAnalysisContext  *context,
                              EquityAreaInputs       *inputs,
                              GError                **error)
{
  inputs->events = _equity_analysis_dataset (context, "events", FALSE, error);
  inputs->population = inputs->events != NULL ? _equity_analysis_dataset (context, "population", FALSE, error)
                                              : NULL;
  inputs->key = inputs->population != NULL
                ? _equity_analysis_column (context, inputs->population, NULL, "population-key", FALSE, error)
                : NULL;
  return inputs->key != NULL;
}

static gboolean
check_area_source (EquityAnalysisContext  *context,
                   GError                **error)
{
  g_auto(EquityRowFilter) filter = { 0 };
  EquityDataset *events, *areas;
  gboolean has_area, has_lat, has_lon, has_location;

  events = _equity_analysis_dataset (context, "events", FALSE, error);
  if (events == NULL || !_equity_analysis_filter (context, events, "events-filter", &filter, error)
      || !_equity_analysis_check_optional_numeric (context, events, NULL, "value-column", error))
    return FALSE;

  has_area = equity_analysis_has_key (context->analysis, "area-column");
  has_lat = equity_analysis_has_key (context->analysis, "lat-column");
  has_lon = equity_analysis_has_key (context->analysis, "lon-column");
  has_location = equity_analysis_has_key (context->analysis, "location-column");

  if (has_area)
    return _equity_analysis_column (context, events, NULL, "area-column", FALSE, error) != NULL;

  if (!has_lat && !has_lon && !has_location)
    {
      _equity_analysis_set_error (context, error, NULL, "area-column",
                                  _("missing (give area-column, or lat-column and lon-column, "
                                    "or location-column, with areas and areas-key)"));
      return FALSE;
    }
  if (has_location)
    {
      if (_equity_analysis_column (context, events, NULL, "location-column", FALSE, error) == NULL)
        return FALSE;
    }
  else if (_equity_analysis_numeric_column (context, events, NULL, "lat-column", FALSE, error) == NULL
           || _equity_analysis_numeric_column (context, events, NULL, "lon-column", FALSE, error) == NULL)
    return FALSE;

  areas = _equity_analysis_dataset (context, "areas", FALSE, error);
  if (areas == NULL || _equity_analysis_column (context, areas, NULL, "areas-key", FALSE, error) == NULL)
    return FALSE;
  if (equity_dataset_get_geometry_column (areas) == NULL)
    {
      _equity_analysis_set_error (context, error, NULL, "areas",
                                  _("dataset “%s” has no geometry (import a GeoJSON, Shapefile or "
                                    "GeoPackage of the areas)"), equity_dataset_get_name (areas));
      return FALSE;
    }
  return TRUE;
}

gboolean
_equity_analysis_check_area_inputs (EquityAnalysisContext  *context,
                                    EquityAreaInputs       *inputs,
                                    GError                **error)
{
  return check_area_source (context, error) && _equity_analysis_area_inputs (context, inputs, error);
}

/* what both ways of placing events read and add to */
typedef struct
{
  EquityAnalysisContext *context;
  EquityDataset         *events;
  EquityColumn          *value_column;
  const EquityRowFilter *filter;
  GHashTable            *slots;
  double                *counts;
  double                *sums;    /* NULL without a value column */
  EquityResult          *result;
} Assignment;

static gboolean
assign_by_key (const Assignment  *assign,
               EquityColumn      *area_column,
               GError           **error)
{
  g_autoptr(GHashTable) by_key = NULL;
  g_autoptr(GList) keys = NULL;
  guint64 unmatched = 0, blank = 0;

  by_key = _equity_analysis_count_by (assign->context, assign->events, area_column, assign->value_column,
                                      assign->filter, error);
  if (by_key == NULL)
    return FALSE;

  /* sorted, so the unmatched list reads the same every run */
  keys = g_list_sort (g_hash_table_get_keys (by_key), (GCompareFunc) g_strcmp0);
  for (GList *l = keys; l != NULL; l = l->next)
    {
      const double *entry = g_hash_table_lookup (by_key, l->data);
      gpointer slot = g_hash_table_lookup (assign->slots, l->data);

      if (slot != NULL)
        {
          assign->counts[GPOINTER_TO_UINT (slot) - 1] += entry[0];
          if (assign->sums != NULL)
            assign->sums[GPOINTER_TO_UINT (slot) - 1] += entry[1];
        }
      else if (((const char *) l->data)[0] == '\0')
        blank += (guint64) entry[0];
      else
        {
          equity_result_add_unmatched (assign->result, l->data);
          unmatched += (guint64) entry[0];
        }
    }
  equity_result_set_unmatched_events (assign->result, unmatched + blank);
  if (blank > 0)
    equity_result_add_note (assign->result, g_dngettext (GETTEXT_PACKAGE,
                                                         "%" PRIu64 " event has no %s and is counted as unmatched.",
                                                         "%" PRIu64 " events have no %s and are counted as unmatched.",
                                                         blank),
                                            blank, equity_column_get_name (area_column));
  return TRUE;
}

/* "35.59, -82.55" or "(35.59, -82.55)" → lat, lon */
static gboolean
parse_location (const char *text,
                double     *lat,
                double     *lon)
{
  char *end;

  if (text == NULL)
    return FALSE;
  while (g_ascii_isspace (*text) || *text == '(' || *text == '[')
    text++;
  *lat = g_ascii_strtod (text, &end);
  if (end == text)
    return FALSE;
  text = end;
  while (g_ascii_isspace (*text))
    text++;
  if (*text != ',' && *text != ';')
    return FALSE;
  text++;
  *lon = g_ascii_strtod (text, &end);
  if (end == text)
    return FALSE;
  while (g_ascii_isspace (*end) || *end == ')' || *end == ']')
    end++;
  return *end == '\0' && isfinite (*lat) && isfinite (*lon);
}

/* The areas of [analysis] areas, keyed by areas-key; unreadable ones noted */
static EquityAreaSet *
load_areas (EquityAnalysisContext  *context,
            EquityResult           *result,
            GError                **error)
{
  EquityDataset *dataset = _equity_analysis_dataset (context, "areas", FALSE, error);
  EquityColumn *key = _equity_analysis_column (context, dataset, NULL, "areas-key", FALSE, error);
  g_autoptr(EquityAreaSet) areas = NULL;
  guint unreadable;

  areas = equity_dataset_load_areas (context->project, equity_dataset_get_name (dataset),
                                     equity_column_get_name (key), error);
  if (areas == NULL)
    return NULL;
  unreadable = equity_area_set_get_n_unreadable (areas);
  if (unreadable > 0)
    equity_result_add_note (result, g_dngettext (GETTEXT_PACKAGE,
                                                 "%u area of “%s” has no readable geometry and holds no events.",
                                                 "%u areas of “%s” have no readable geometry and hold no events.",
                                                 unreadable),
                                    unreadable, equity_dataset_get_name (dataset));
  return g_steal_pointer (&areas);
}

static gboolean
assign_by_point (const Assignment  *assign,
                 GError           **error)
{
  g_autoptr(EquityAreaSet) areas = NULL;
  g_autoptr(EquityPointIndex) index = NULL;
  g_autofree int *polygon_slot = NULL;
  g_autofree double *polygon_events = NULL;
  g_autoptr(EquityDatasetReader) reader = NULL;
  g_autoptr(GError) local_error = NULL;
  EquityColumn *columns[3] = { NULL, NULL, assign->value_column };
  EquityColumn *location = _equity_analysis_column (assign->context, assign->events, NULL, "location-column",
                                                    TRUE, NULL);
  guint64 outside = 0, no_location = 0, unmatched = 0, n_rows = 0;
  guint64 total_rows = MAX (equity_dataset_get_n_rows (assign->events), 1);

  guint n_areas;

  areas = load_areas (assign->context, assign->result, error);
  if (areas == NULL)
    return FALSE;
  n_areas = equity_area_set_get_n_areas (areas);
  index = equity_point_index_new (equity_area_set_get_geometries (areas));

  /* each polygon's slot among the areas, once, not once per point */
  polygon_slot = g_new (int, MAX (n_areas, 1));
  polygon_events = g_new0 (double, MAX (n_areas, 1));
  for (guint i = 0; i < n_areas; i++)
    {
      const char *key = equity_area_set_get_key (areas, i);
      gpointer slot = key != NULL ? g_hash_table_lookup (assign->slots, key) : NULL;

      polygon_slot[i] = slot != NULL ? (int) GPOINTER_TO_UINT (slot) - 1 : -1;
    }

  if (location != NULL)
    columns[0] = location;
  else
    {
      columns[0] = _equity_analysis_column (assign->context, assign->events, NULL, "lat-column", FALSE, NULL);
      columns[1] = _equity_analysis_column (assign->context, assign->events, NULL, "lon-column", FALSE, NULL);
    }

  reader = equity_dataset_reader_new (assign->context->project, assign->events, columns, 3,
                                      assign->filter->column, assign->filter->value, error);
  if (reader == NULL)
    return FALSE;
  while (equity_dataset_reader_next (reader, &local_error))
    {
      double lat, lon;
      int polygon;

      if (++n_rows % CHECK_EVERY == 0)
        {
          if (_equity_analysis_cancelled (assign->context, error))
            return FALSE;
          _equity_analysis_progress (assign->context, 0.1 + 0.8 * n_rows / total_rows);
        }
      if (location != NULL)
        {
          if (!parse_location (equity_dataset_reader_get_text (reader, 0), &lat, &lon))
            {
              no_location++;
              continue;
            }
        }
      else
        {
          lat = equity_dataset_reader_get_double (reader, 0);
          lon = equity_dataset_reader_get_double (reader, 1);
          if (isnan (lat) || isnan (lon))
            {
              no_location++;
              continue;
            }
        }

      polygon = equity_point_index_lookup (index, lon, lat);
      if (polygon < 0)
        outside++;
      else if (polygon_slot[polygon] >= 0)
        {
          assign->counts[polygon_slot[polygon]] += 1.0;
          double value = equity_dataset_reader_get_double (reader, 2);

          if (assign->sums != NULL && !isnan (value))  /* NULL reads as 0 */
            assign->sums[polygon_slot[polygon]] += value;
        }
      else
        polygon_events[polygon] += 1.0;
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  /* polygons that held events but have no population row */
  for (guint i = 0; i < n_areas; i++)
    if (polygon_events[i] > 0.0)
      {
        const char *key = equity_area_set_get_key (areas, i);

        equity_result_add_unmatched (assign->result, key != NULL ? key : _("(blank)"));
        unmatched += (guint64) polygon_events[i];
      }
  equity_result_set_unmatched_events (assign->result, unmatched);
  equity_result_set_outside (assign->result, outside + no_location);
  if (no_location > 0)
    equity_result_add_note (assign->result, g_dngettext (GETTEXT_PACKAGE,
                                                         "%" PRIu64 " event has no usable location and is counted as outside.",
                                                         "%" PRIu64 " events have no usable location and are counted as outside.",
                                                         no_location),
                                            no_location);
  return TRUE;
}

gboolean
_equity_analysis_assign_events (EquityAnalysisContext  *context,
                                GHashTable             *slots,
                                double                 *counts,
                                double                 *sums,
                                EquityResult           *result,
                                GError                **error)
{
  g_auto(EquityRowFilter) filter = { 0 };
  EquityDataset *events = _equity_analysis_dataset (context, "events", FALSE, error);
  EquityColumn *area_column, *value_column;
  Assignment assign;

  if (events == NULL || !_equity_analysis_filter (context, events, "events-filter", &filter, error))
    return FALSE;
  value_column = _equity_analysis_column (context, events, NULL, "value-column", TRUE, NULL);
  /* count-column: each row stands for that many events (an aggregated table) */
  if (value_column == NULL)
    value_column = _equity_analysis_column (context, events, NULL, "count-column", TRUE, NULL);
  area_column = _equity_analysis_column (context, events, NULL, "area-column", TRUE, NULL);

  assign = (Assignment) {
    context, events, value_column, &filter, slots, counts, value_column != NULL ? sums : NULL, result,
  };
  if (area_column != NULL)
    return assign_by_key (&assign, area_column, error);
  return assign_by_point (&assign, error);
}

gboolean
_equity_analysis_area_table (EquityAnalysisContext  *context,
                             EquityDataset          *dataset,
                             EquityColumn           *key_column,
                             EquityColumn          **columns,
                             const gboolean         *is_moe,
                             guint                   n_columns,
                             EquityAreaTable        *out,
                             GError                **error)
{
  g_autoptr(GPtrArray) read = g_ptr_array_new ();
  g_autoptr(EquityDatasetReader) reader = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree double *row = g_new (double, MAX (n_columns, 1));

  memset (out, 0, sizeof *out);
  out->keys = g_ptr_array_new_with_free_func (g_free);
  out->slots = g_hash_table_new (g_str_hash, g_str_equal);
  out->values = g_array_new (FALSE, FALSE, sizeof (double));
  out->n_columns = n_columns;

  /* the key, then the columns */
  g_ptr_array_add (read, key_column);
  for (guint i = 0; i < n_columns; i++)
    g_ptr_array_add (read, columns[i]);
  reader = equity_dataset_reader_new (context->project, dataset, (EquityColumn * const *) read->pdata,
                                      read->len, NULL, NULL, error);
  if (reader == NULL)
    return FALSE;
  while (equity_dataset_reader_next (reader, &local_error))
    {
      g_autofree char *key = equity_dataset_reader_dup_key (reader, 0);
      gpointer slot;

      if (key == NULL || key[0] == '\0')
        {
          out->n_blank++;
          continue;
        }
      for (guint i = 0; i < n_columns; i++)
        row[i] = equity_dataset_reader_get_double (reader, i + 1);

      slot = g_hash_table_lookup (out->slots, key);
      if (slot == NULL)
        {
          g_array_append_vals (out->values, row, n_columns);
          g_ptr_array_add (out->keys, g_steal_pointer (&key));
          g_hash_table_insert (out->slots, g_ptr_array_index (out->keys, out->keys->len - 1),
                               GUINT_TO_POINTER (out->keys->len));
          continue;
        }

      /* the same area twice (a tract split over two rows): one area */
      out->n_duplicates++;
      for (guint i = 0; i < n_columns; i++)
        {
          double *have = &_equity_area_table_value (out, GPOINTER_TO_UINT (slot) - 1, i);

          if (isnan (row[i]))
            continue;
          if (isnan (*have))
            *have = row[i];
          else if (is_moe != NULL && is_moe[i])
            *have = sqrt (*have * *have + row[i] * row[i]);
          else
            *have += row[i];
        }
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  return TRUE;
}

void
_equity_area_table_clear (EquityAreaTable *table)
{
  g_clear_pointer (&table->slots, g_hash_table_unref);
  g_clear_pointer (&table->keys, g_ptr_array_unref);
  g_clear_pointer (&table->values, g_array_unref);
}
