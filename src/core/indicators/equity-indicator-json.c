/* equity-indicator-json.c — `indicators --json` (../shared/CLI.md)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "equity-indicator-evaluation.h"
#include "equity-result.h"

static void
add_year (JsonBuilder               *builder,
          const EquityIndicatorYear *year)
{
  json_builder_begin_object (builder);
  equity_json_add_int (builder, "year", year->year);
  equity_json_add_number (builder, "value", year->value);
  equity_json_add_number (builder, "low", year->low);
  equity_json_add_number (builder, "high", year->high);
  equity_json_add_number (builder, "target", year->target);
  equity_json_add_number (builder, "ratio", year->ratio);
  equity_json_add_number (builder, "ratio_low", year->ratio_low);
  equity_json_add_number (builder, "ratio_high", year->ratio_high);
  equity_json_add_number (builder, "score", year->score);
  equity_json_add_number (builder, "change", year->change);
  json_builder_end_object (builder);
}

JsonNode *
equity_indicators_to_json (GPtrArray *indicators,
                           GPtrArray *evaluations)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  g_return_val_if_fail (indicators->len == evaluations->len, NULL);

  json_builder_begin_array (builder);
  for (guint i = 0; i < indicators->len; i++)
    {
      EquityIndicator *indicator = g_ptr_array_index (indicators, i);
      EquityIndicatorEvaluation *evaluation = g_ptr_array_index (evaluations, i);
      int baseline = evaluation != NULL ? equity_indicator_evaluation_get_baseline_year (evaluation) : 0;

      json_builder_begin_object (builder);
      equity_json_add_string (builder, "name", equity_indicator_get_name (indicator));
      equity_json_add_string (builder, "theme", equity_indicator_get_theme (indicator));
      equity_json_add_string (builder, "topic", equity_indicator_get_topic (indicator));
      equity_json_add_string (builder, "direction", equity_indicator_direction_to_string (equity_indicator_get_direction (indicator)));
      json_builder_set_member_name (builder, "baseline_year");
      if (baseline != 0)
        json_builder_add_int_value (builder, baseline);
      else
        json_builder_add_null_value (builder);
      equity_json_add_string (builder, "status", equity_indicator_status_to_string (evaluation != NULL
                                                                        ? equity_indicator_evaluation_get_status (evaluation)
                                                                        : EQUITY_INDICATOR_NO_DATA));
      json_builder_set_member_name (builder, "years");
      json_builder_begin_array (builder);
      for (guint k = 0; evaluation != NULL && k < equity_indicator_evaluation_get_n_years (evaluation); k++)
        add_year (builder, equity_indicator_evaluation_get_year (evaluation, k));
      json_builder_end_array (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  return json_builder_get_root (builder);
}
