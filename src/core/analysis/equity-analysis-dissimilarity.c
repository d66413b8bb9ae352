/* equity-analysis-dissimilarity.c — how differently two groups spread over areas
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Spec keys ([analysis]): dataset, group-a, group-b, [key-column];
 * [map] + [map-key] to draw each area's contribution.
 */

#define G_LOG_DOMAIN "equity-analysis"

#include "config.h"

#include <math.h>
#include <glib/gi18n-lib.h>

#include "equity-analysis-kind.h"

static const EquityFieldInfo dissimilarity_fields[] = {
  { "dataset", EQUITY_FIELD_DATASET, N_("Table"), NULL, NULL, 0, R (POPULATION), 0, NULL, NULL },
  { "group-a", EQUITY_FIELD_COLUMN, N_("First group"), NULL, "dataset", EQUITY_FIELD_NUMERIC, R (POPULATION), 0, NULL, NULL },
  { "group-b", EQUITY_FIELD_COLUMN, N_("Second group"), NULL, "dataset", EQUITY_FIELD_NUMERIC, R (POPULATION), 0, NULL, NULL },
  { "key-column", EQUITY_FIELD_COLUMN, N_("Area key"), N_("None"), "dataset", EQUITY_FIELD_OPTIONAL, KEYS, 0, NULL, NULL },
  EQUITY_MAP_FIELDS (0),
  { NULL }
};

static const EquityResultMember dissimilarity_members[] = {
  { "share_a", EQUITY_MEMBER_SHARE }, { "share_b", EQUITY_MEMBER_POPULATION_SHARE }, { NULL, EQUITY_MEMBER_END },
};

static gboolean
dissimilarity_validate (EquityAnalysisContext  *context,
                        GError                **error)
{
  g_autoptr(GError) local_error = NULL;
  EquityDataset *dataset = _equity_analysis_dataset (context, "dataset", FALSE, error);

  if (dataset == NULL
      || _equity_analysis_numeric_column (context, dataset, NULL, "group-a", FALSE, error) == NULL
      || _equity_analysis_numeric_column (context, dataset, NULL, "group-b", FALSE, error) == NULL)
    return FALSE;
  if (_equity_analysis_column (context, dataset, NULL, "key-column", TRUE, &local_error) == NULL
      && local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  return _equity_analysis_check_map (context, error);
}

static EquityResult *
dissimilarity_run (EquityAnalysisContext  *context,
                   GError                **error)
{
  g_autoptr(EquityResult) result = _equity_analysis_new_result (context, EQUITY_KIND_DISSIMILARITY);
  g_autoptr(GArray) a = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) b = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(EquityDatasetReader) reader = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *source = NULL;
  g_autofree char *described = NULL;
  EquityDataset *dataset = _equity_analysis_dataset (context, "dataset", FALSE, NULL);
  EquityColumn *group_a = _equity_analysis_column (context, dataset, NULL, "group-a", FALSE, NULL);
  EquityColumn *group_b = _equity_analysis_column (context, dataset, NULL, "group-b", FALSE, NULL);
  EquityColumn *key = _equity_analysis_column (context, dataset, NULL, "key-column", TRUE, NULL);
  double total_a = 0.0, total_b = 0.0;
  EquityColumn *columns[3] = { group_a, group_b, key };
  guint skipped = 0, row_number = 0;

  reader = equity_dataset_reader_new (context->project, dataset, columns, 3, NULL, NULL, error);
  if (reader == NULL)
    return NULL;
  while (equity_dataset_reader_next (reader, &local_error))
    {
      g_autofree char *label = NULL;
      EquityResultRow *row;
      double x, y;

      row_number++;
      /* an area missing either count cannot say how the two groups differ */
      x = equity_dataset_reader_get_double (reader, 0);
      y = equity_dataset_reader_get_double (reader, 1);
      if (isnan (x) || isnan (y) || x < 0.0 || y < 0.0)
        {
          skipped++;
          continue;
        }
      label = key != NULL ? equity_dataset_reader_dup_key (reader, 2) : g_strdup_printf ("%u", row_number);
      row = equity_result_add_row (result, label != NULL ? label : "");
      row->count = x;
      row->population = y;
      g_array_append_val (a, x);
      g_array_append_val (b, y);
      total_a += x;
      total_b += y;
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  for (guint i = 0; i < equity_result_get_n_rows (result); i++)
    {
      EquityResultRow *row = equity_result_get_row (result, i);

      row->share = total_a > 0.0 ? row->count / total_a : NAN;
      row->population_share = total_b > 0.0 ? row->population / total_b : NAN;
    }
  equity_result_set_index (result, equity_stats_dissimilarity ((double *) a->data, (double *) b->data, a->len));
  equity_result_set_number (result, "total_a", total_a);
  equity_result_set_number (result, "total_b", total_b);
  if (skipped > 0)
    equity_result_add_note (result, g_dngettext (GETTEXT_PACKAGE,
                                                 "%u row lacks a count of either group and is left out.",
                                                 "%u rows lack a count of either group and are left out.",
                                                 skipped), skipped);
  if (key != NULL)
    _equity_analysis_set_map (context, result, dataset, equity_column_get_name (key));
  equity_result_set_units (result, _("index 0–1 (0: both groups spread alike)"));
  described = _equity_analysis_describe_dataset (dataset, NULL);
  source = g_strdup_printf (_("%s: %s against %s across %u areas."), described,
                            equity_column_get_name (group_a), equity_column_get_name (group_b), a->len);
  equity_result_set_source_note (result, source);
  return g_steal_pointer (&result);
}

const EquityAnalysisKindInfo equity_analysis_kind_dissimilarity = {
  .kind = EQUITY_KIND_DISSIMILARITY,
  .label = N_("Dissimilarity index"),
  .description = N_("How differently two groups are spread over the areas"),
  .flags = EQUITY_KIND_INDEX,
  .fields = dissimilarity_fields,
  .formula = N_("D = ½ Σ over areas |a_i ÷ A − b_i ÷ B|: the share of either group that would have to move for both to be spread alike"),
  .json_rows = "rows",
  .json_label = "key",
  .json_members = dissimilarity_members,
  .charts = EQUITY_MAP_CHARTS,
  .validate = dissimilarity_validate,
  .run = dissimilarity_run,
};
