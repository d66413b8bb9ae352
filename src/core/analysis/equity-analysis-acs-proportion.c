/* equity-analysis-acs-proportion.c — a share per row, with its ACS margin of error
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Spec keys ([analysis]): dataset, key-column, numerator, numerator-moe,
 * denominator, denominator-moe, [label-column] (the rows' names; default a
 * name-like column); [map] + [map-key] to draw it.
 */

#define G_LOG_DOMAIN "equity-analysis"

#include "config.h"

#include <math.h>
#include <glib/gi18n-lib.h>

#include "equity-analysis-kind.h"

static const EquityFieldInfo acs_proportion_fields[] = {
  { "dataset", EQUITY_FIELD_DATASET, N_("Table"), NULL, NULL, 0, R (MOE), 0, NULL, NULL },
  { "key-column", EQUITY_FIELD_COLUMN, N_("Row key"), NULL, "dataset", 0, KEYS, 0, NULL, NULL },
  { "numerator", EQUITY_FIELD_COLUMN, N_("Count of"), NULL, "dataset", EQUITY_FIELD_NUMERIC, R (COUNT), 0, NULL, NULL },
  { "numerator-moe", EQUITY_FIELD_COLUMN, N_("Its margin of error"), NULL, "dataset", EQUITY_FIELD_NUMERIC,
    R (MOE), 0, "numerator", NULL },
  { "denominator", EQUITY_FIELD_COLUMN, N_("Out of"), NULL, "dataset", EQUITY_FIELD_NUMERIC, R (POPULATION), 0, NULL, NULL },
  { "denominator-moe", EQUITY_FIELD_COLUMN, N_("Its margin of error"), NULL, "dataset", EQUITY_FIELD_NUMERIC,
    R (MOE), 0, "denominator", NULL },
  { "label-column", EQUITY_FIELD_COLUMN, N_("Row names"), N_("A column called name, if any"), "dataset",
    EQUITY_FIELD_OPTIONAL, 0, 0, NULL, NULL },
  EQUITY_MAP_FIELDS (0),
  { NULL }
};

static const EquityResultMember acs_members[] = {
  { "label", EQUITY_MEMBER_LABEL }, { "estimate", EQUITY_MEMBER_ESTIMATE }, { "moe", EQUITY_MEMBER_MOE },
  { "cv", EQUITY_MEMBER_CV }, { "reliability", EQUITY_MEMBER_RELIABILITY },
  { "numerator", EQUITY_MEMBER_COUNT }, { "denominator", EQUITY_MEMBER_POPULATION }, { NULL, EQUITY_MEMBER_END },
};

static const char *numeric_keys[] = { "numerator", "numerator-moe", "denominator", "denominator-moe" };

static gboolean
acs_proportion_validate (EquityAnalysisContext  *context,
                         GError                **error)
{
  EquityDataset *dataset = _equity_analysis_dataset (context, "dataset", FALSE, error);

  if (dataset == NULL || _equity_analysis_column (context, dataset, NULL, "key-column", FALSE, error) == NULL)
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (numeric_keys); i++)
    if (_equity_analysis_numeric_column (context, dataset, NULL, numeric_keys[i], FALSE, error) == NULL)
      return FALSE;
  return _equity_analysis_check_label_column (context, dataset, error) &&
         _equity_analysis_check_map (context, error);
}

/* ACS tables mark what they cannot publish with negative codes (-999 in the
 * SVI, -666666666 and friends in the API): never a count or a margin */
static double
acs_value (EquityDatasetReader *reader,
           guint                index,
           guint               *n_invalid)
{
  double value = equity_dataset_reader_get_double (reader, index);

  if (value < 0.0)
    {
      (*n_invalid)++;
      return NAN;
    }
  return value;
}

static EquityResult *
acs_proportion_run (EquityAnalysisContext  *context,
                    GError                **error)
{
  g_autoptr(EquityResult) result = _equity_analysis_new_result (context, EQUITY_KIND_ACS_PROPORTION);
  g_autoptr(EquityDatasetReader) reader = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *source = NULL;
  g_autofree char *described = NULL;
  EquityDataset *dataset = _equity_analysis_dataset (context, "dataset", FALSE, NULL);
  EquityColumn *key = _equity_analysis_column (context, dataset, NULL, "key-column", FALSE, NULL);
  /* the key, then the numeric columns */
  EquityColumn *columns[1 + G_N_ELEMENTS (numeric_keys)] = { key };
  guint n_invalid = 0, n_fallback = 0, n_missing = 0;

  for (guint i = 0; i < G_N_ELEMENTS (numeric_keys); i++)
    columns[1 + i] = _equity_analysis_column (context, dataset, NULL, numeric_keys[i], FALSE, NULL);

  reader = equity_dataset_reader_new (context->project, dataset, columns, G_N_ELEMENTS (columns),
                                      NULL, NULL, error);
  if (reader == NULL)
    return NULL;
  while (equity_dataset_reader_next (reader, &local_error))
    {
      g_autofree char *label = equity_dataset_reader_dup_key (reader, 0);
      EquityResultRow *row = equity_result_add_row (result, label != NULL ? label : "");
      double x = acs_value (reader, 1, &n_invalid);
      double moe_x = acs_value (reader, 2, &n_invalid);
      double y = acs_value (reader, 3, &n_invalid);
      double moe_y = acs_value (reader, 4, &n_invalid);
      EquityStatsFlags flags = EQUITY_STATS_OK;

      row->count = x;
      row->population = y;
      row->population_moe = moe_y;
      row->estimate = y > 0.0 && isfinite (x) ? x / y : NAN;
      if (isnan (row->estimate))
        flags |= y == 0.0 ? EQUITY_STATS_ZERO_DENOMINATOR : EQUITY_STATS_MISSING_MOE;
      else
        row->moe = equity_acs_moe_proportion (x, moe_x, y, moe_y, &flags);
      row->cv = equity_acs_cv (row->estimate, row->moe);
      row->reliability = equity_acs_reliability (row->cv);
      row->share = row->estimate;
      row->flags = flags;
      if (flags & EQUITY_STATS_RATIO_FALLBACK)
        n_fallback++;
      if (flags & EQUITY_STATS_MISSING_MOE)
        n_missing++;
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  if (n_fallback > 0)
    equity_result_add_note (result, g_dngettext (GETTEXT_PACKAGE,
                                                 "%u row used the ratio formula: the proportion formula had nothing under its root.",
                                                 "%u rows used the ratio formula: the proportion formula had nothing under its root.",
                                                 n_fallback), n_fallback);
  if (n_missing > 0 || n_invalid > 0)
    equity_result_add_note (result, g_dngettext (GETTEXT_PACKAGE,
                                                 "%u row lacks an estimate or a margin (empty or a negative code): its margin is unknown and its reliability low.",
                                                 "%u rows lack an estimate or a margin (empty or negative codes): their margins are unknown and their reliability low.",
                                                 n_missing), n_missing);

  _equity_analysis_set_map (context, result, dataset, equity_column_get_name (key));
  if (!_equity_analysis_label_areas (context, result, dataset, key, error))
    return NULL;
  equity_result_set_units (result, _("proportion (0–1); margins of error at 90%"));
  described = _equity_analysis_describe_dataset (dataset, NULL);
  source = g_strdup_printf (_("%s: %s / %s, margins %s and %s (Census Bureau formulas)."),
                            described, equity_column_get_name (columns[1]),
                            equity_column_get_name (columns[3]), equity_column_get_name (columns[2]),
                            equity_column_get_name (columns[4]));
  equity_result_set_source_note (result, source);
  return g_steal_pointer (&result);
}

const EquityAnalysisKindInfo equity_analysis_kind_acs_proportion = {
  .kind = EQUITY_KIND_ACS_PROPORTION,
  .label = N_("Census survey proportion"),
  .description = N_("A share of residents from ACS estimates, with margins of error"),
  .fields = acs_proportion_fields,
  .formula = N_("p = numerator ÷ denominator; MOE = √(MOE_num² − p²·MOE_den²) ÷ denominator (the ratio formula when the root is negative); CV = (MOE ÷ 1.645) ÷ p"),
  .json_rows = "rows",
  .json_label = "key",
  .json_members = acs_members,
  .charts = EQUITY_MAP_CHARTS,
  .validate = acs_proportion_validate,
  .run = acs_proportion_run,
};
