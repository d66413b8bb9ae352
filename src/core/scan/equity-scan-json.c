/* equity-scan-json.c — the JSON of `scan --json` (../shared/CLI.md)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include "equity-scan.h"

/* a JSON number, or null for a figure that does not exist */
static void
member_number (JsonBuilder *builder,
               const char  *name,
               double       value)
{
  json_builder_set_member_name (builder, name);
  if (isfinite (value))
    json_builder_add_double_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

static void
member_string (JsonBuilder *builder,
               const char  *name,
               const char  *value)
{
  json_builder_set_member_name (builder, name);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

static void
add_gap (JsonBuilder         *builder,
         const EquityScanGap *gap,
         double               fdr)
{
  json_builder_begin_object (builder);
  member_string (builder, "measure", gap->measure);
  member_string (builder, "grouping", gap->grouping);
  member_string (builder, "group", gap->group);
  member_number (builder, "ratio", gap->ratio);
  member_number (builder, "ratio_low", gap->ratio_low);
  member_number (builder, "ratio_high", gap->ratio_high);
  member_number (builder, "p", gap->p);
  member_number (builder, "p_adjusted", gap->p_adjusted);
  json_builder_set_member_name (builder, "significant");
  json_builder_add_boolean_value (builder, gap->significant);
  json_builder_set_member_name (builder, "rank");
  json_builder_add_int_value (builder, gap->rank);
  /* beside the contract's keys */
  member_string (builder, "measure_id", gap->measure_id);
  member_string (builder, "group_label", equity_scan_gap_get_label (gap));
  member_string (builder, "reference", gap->reference);
  member_string (builder, "worse_off", gap->group_worse ? equity_scan_gap_get_label (gap) : gap->reference);
  member_number (builder, "difference", gap->difference);
  member_number (builder, "fdr", fdr);
  json_builder_set_member_name (builder, "suppressed");
  json_builder_add_boolean_value (builder, gap->suppressed);
  member_string (builder, "change", equity_scan_change_to_string (gap->change));
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
