/* equity-scan-json.c — the JSON of `scan --json` (../shared/CLI.md)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include "equity-result.h"
#include "equity-scan.h"

static void
add_gap (JsonBuilder         *builder,
         const EquityScanGap *gap,
         double               fdr)
{
  json_builder_begin_object (builder);
  equity_json_add_string (builder, "measure", gap->measure);
  equity_json_add_string (builder, "grouping", gap->grouping);
  equity_json_add_string (builder, "group", gap->group);
  equity_json_add_double (builder, "ratio", gap->ratio);
  equity_json_add_double (builder, "ratio_low", gap->ratio_low);
  equity_json_add_double (builder, "ratio_high", gap->ratio_high);
  equity_json_add_double (builder, "p", gap->p);
  equity_json_add_double (builder, "p_adjusted", gap->p_adjusted);
  equity_json_add_boolean (builder, "significant", gap->significant);
  equity_json_add_int (builder, "rank", gap->rank);
  /* beside the contract's keys */
  equity_json_add_string (builder, "measure_id", gap->measure_id);
  equity_json_add_string (builder, "group_label", equity_scan_gap_get_label (gap));
  equity_json_add_string (builder, "reference", gap->reference);
  equity_json_add_string (builder, "worse_off", gap->group_worse ? equity_scan_gap_get_label (gap) : gap->reference);
  equity_json_add_double (builder, "difference", gap->difference);
  equity_json_add_double (builder, "fdr", fdr);
  equity_json_add_boolean (builder, "suppressed", gap->suppressed);
  equity_json_add_string (builder, "change", equity_scan_change_to_string (gap->change));
  json_builder_end_object (builder);
}

JsonNode *
equity_scan_to_json (EquityScan *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  EquityScanRecord *record;

  g_return_val_if_fail (EQUITY_IS_SCAN (self), NULL);

  record = equity_scan_get_record (self);
  json_builder_begin_array (builder);
  for (guint i = 0; i < record->gaps->len; i++)
    add_gap (builder, g_ptr_array_index (record->gaps, i), record->fdr);
  json_builder_end_array (builder);
  return json_builder_get_root (builder);
}
