/* equity-result-json.c — a result as `analyze --json` prints it (../shared/CLI.md)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each kind's rows are laid out as its description says (json_rows,
 * json_label, json_members in its equity-analysis-KIND.c).
 */

#define G_LOG_DOMAIN "equity-result"

#include "config.h"

#include <math.h>

#include "equity-result.h"
#include "equity-analysis-kind.h"

void
equity_json_add_number (JsonBuilder *builder,
                        const char  *name,
                        double       value)
{
  json_builder_set_member_name (builder, name);
  /* whole numbers (counts, populations) print as integers: "count": 4452 */
  if (isfinite (value) && value == floor (value) && fabs (value) < 9007199254740992.0)
    json_builder_add_int_value (builder, (gint64) value);
  else if (isfinite (value))
    json_builder_add_double_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

static void
add_member (JsonBuilder              *builder,
            const EquityResultMember *member,
            const EquityResultRow    *row)
{
  static const gsize offsets[] = {
    [EQUITY_MEMBER_COUNT] = G_STRUCT_OFFSET (EquityResultRow, count),
    [EQUITY_MEMBER_POPULATION] = G_STRUCT_OFFSET (EquityResultRow, population),
    [EQUITY_MEMBER_POPULATION_MOE] = G_STRUCT_OFFSET (EquityResultRow, population_moe),
    [EQUITY_MEMBER_RATE] = G_STRUCT_OFFSET (EquityResultRow, rate),
    [EQUITY_MEMBER_RATE_LOW] = G_STRUCT_OFFSET (EquityResultRow, rate_low),
    [EQUITY_MEMBER_RATE_HIGH] = G_STRUCT_OFFSET (EquityResultRow, rate_high),
    [EQUITY_MEMBER_RATIO] = G_STRUCT_OFFSET (EquityResultRow, ratio),
    [EQUITY_MEMBER_RATIO_LOW] = G_STRUCT_OFFSET (EquityResultRow, ratio_low),
    [EQUITY_MEMBER_RATIO_HIGH] = G_STRUCT_OFFSET (EquityResultRow, ratio_high),
    [EQUITY_MEMBER_DIFFERENCE] = G_STRUCT_OFFSET (EquityResultRow, difference),
    [EQUITY_MEMBER_DIFFERENCE_LOW] = G_STRUCT_OFFSET (EquityResultRow, difference_low),
    [EQUITY_MEMBER_DIFFERENCE_HIGH] = G_STRUCT_OFFSET (EquityResultRow, difference_high),
    [EQUITY_MEMBER_ESTIMATE] = G_STRUCT_OFFSET (EquityResultRow, estimate),
    [EQUITY_MEMBER_MOE] = G_STRUCT_OFFSET (EquityResultRow, moe),
    [EQUITY_MEMBER_CV] = G_STRUCT_OFFSET (EquityResultRow, cv),
    [EQUITY_MEMBER_SHARE] = G_STRUCT_OFFSET (EquityResultRow, share),
    [EQUITY_MEMBER_SHARE_LOW] = G_STRUCT_OFFSET (EquityResultRow, share_low),
    [EQUITY_MEMBER_SHARE_HIGH] = G_STRUCT_OFFSET (EquityResultRow, share_high),
    [EQUITY_MEMBER_POPULATION_SHARE] = G_STRUCT_OFFSET (EquityResultRow, population_share),
    [EQUITY_MEMBER_MEAN] = G_STRUCT_OFFSET (EquityResultRow, mean),
    [EQUITY_MEMBER_MEAN_LOW] = G_STRUCT_OFFSET (EquityResultRow, mean_low),
    [EQUITY_MEMBER_MEAN_HIGH] = G_STRUCT_OFFSET (EquityResultRow, mean_high),
    [EQUITY_MEMBER_MEDIAN] = G_STRUCT_OFFSET (EquityResultRow, median),
    [EQUITY_MEMBER_MEDIAN_LOW] = G_STRUCT_OFFSET (EquityResultRow, median_low),
    [EQUITY_MEMBER_MEDIAN_HIGH] = G_STRUCT_OFFSET (EquityResultRow, median_high),
    [EQUITY_MEMBER_INDEX] = G_STRUCT_OFFSET (EquityResultRow, index),
  };

  switch (member->field)
    {
    case EQUITY_MEMBER_RELIABILITY:
      equity_json_add_string (builder, member->name, row->reliability);
      break;
    case EQUITY_MEMBER_DISPLAY_LABEL:
      equity_json_add_string (builder, member->name, equity_result_row_get_name (row));
      break;
    case EQUITY_MEMBER_LABEL:
      equity_json_add_string (builder, member->name, row->display_label);
      break;
    case EQUITY_MEMBER_SUPPRESSED:
    case EQUITY_MEMBER_IS_REFERENCE:
    case EQUITY_MEMBER_FLAGGED:
      equity_json_add_boolean (builder, member->name,
                               member->field == EQUITY_MEMBER_SUPPRESSED ? row->suppressed :
                               member->field == EQUITY_MEMBER_IS_REFERENCE ? row->is_reference :
                               row->flagged);
      break;
    case EQUITY_MEMBER_END:
      g_assert_not_reached ();
    default:
      equity_json_add_number (builder, member->name,
                              G_STRUCT_MEMBER (double, row, offsets[member->field]));
    }
}

/* NAME: NODE (taken), or null when NODE is NULL */
static void
add_node_or_null (JsonBuilder *builder,
                  const char  *name,
                  JsonNode    *node)
{
  json_builder_set_member_name (builder, name);
  if (node != NULL)
    json_builder_add_value (builder, node);
  else
    json_builder_add_null_value (builder);
}

void
equity_json_add_double (JsonBuilder *builder,
                        const char  *name,
                        double       value)
{
  add_node_or_null (builder, name, isfinite (value) ? json_node_init_double (json_node_alloc (), value) : NULL);
}

void
equity_json_add_string (JsonBuilder *builder,
                        const char  *name,
                        const char  *value)
{
  add_node_or_null (builder, name, value != NULL ? json_node_init_string (json_node_alloc (), value) : NULL);
}

void
equity_json_add_int (JsonBuilder *builder,
                     const char  *name,
                     gint64       value)
{
  add_node_or_null (builder, name, json_node_init_int (json_node_alloc (), value));
}

void
equity_json_add_boolean (JsonBuilder *builder,
                         const char  *name,
                         gboolean     value)
{
  add_node_or_null (builder, name, json_node_init_boolean (json_node_alloc (), value));
}

static void
add_members (JsonBuilder              *builder,
             const EquityResultMember *members,
             const EquityResultRow    *row)
{
  for (const EquityResultMember *member = members; member->name != NULL; member++)
    add_member (builder, member, row);
}

/* "overall": the whole population's figures, and beside them an outcome's mean and median */
static void
add_overall (JsonBuilder     *builder,
             EquityResult    *self)
{
  static const EquityResultMember overall_members[] = {
    { "count", EQUITY_MEMBER_COUNT }, { "population", EQUITY_MEMBER_POPULATION },
    { "rate", EQUITY_MEMBER_RATE }, { "rate_low", EQUITY_MEMBER_RATE_LOW },
    { "rate_high", EQUITY_MEMBER_RATE_HIGH },
    { NULL, EQUITY_MEMBER_END },
  };
  static const EquityResultMember outcome_members[] = {
    { "mean", EQUITY_MEMBER_MEAN }, { "median", EQUITY_MEMBER_MEDIAN },
    { NULL, EQUITY_MEMBER_END },
  };
  EquityResultRow *overall = equity_result_get_overall (self);

  json_builder_set_member_name (builder, "overall");
  json_builder_begin_object (builder);
  add_members (builder, overall_members, overall);
  if (g_str_equal (equity_result_get_kind (self), EQUITY_KIND_OUTCOMES))
    add_members (builder, outcome_members, overall);
  json_builder_end_object (builder);
}

/* optional strings: present only when set */
static void
add_string_if (JsonBuilder *builder,
               const char  *name,
               const char  *value)
{
  if (value != NULL)
    equity_json_add_string (builder, name, value);
}

JsonNode *
equity_result_to_json (EquityResult *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autofree char *headline = NULL;
  const char *kind;
  const EquityAnalysisKindInfo *info;
  const char *rows_name = "rows", *label_name = "label";
  const EquityResultMember *members = equity_group_rate_members;
  const char * const *names;
  const char * const *notes;
  GPtrArray *unmatched;
  gboolean area_like;

  g_return_val_if_fail (EQUITY_IS_RESULT (self), NULL);

  kind = equity_result_get_kind (self);
  info = equity_analysis_fields_find_kind (kind);
  if (info != NULL)
    {
      rows_name = info->json_rows;
      label_name = info->json_label;
      members = info->json_members;
    }
  area_like = info != NULL && (info->flags & EQUITY_KIND_AREA_LIKE);
  unmatched = equity_result_get_unmatched (self);

  json_builder_begin_object (builder);
  equity_json_add_string (builder, "kind", kind);
  add_string_if (builder, "title", equity_result_get_title (self));
  equity_json_add_number (builder, "per", equity_result_get_per (self));
  equity_json_add_number (builder, "confidence", equity_result_get_confidence (self));
  equity_json_add_int (builder, "suppress_below", equity_result_get_suppress_below (self));
  equity_json_add_string (builder, "reference", equity_result_get_reference (self));
  add_string_if (builder, "units", equity_result_get_units (self));
  add_string_if (builder, "source_note", equity_result_get_source_note (self));

  if (g_str_equal (kind, EQUITY_KIND_DISSIMILARITY))
    {
      equity_json_add_number (builder, "index", equity_result_get_index (self));
      equity_json_add_int (builder, "areas", equity_result_get_n_rows (self));
    }
  else if (isfinite (equity_result_get_index (self)))
    equity_json_add_number (builder, "index", equity_result_get_index (self));

  names = equity_result_get_number_names (self);
  for (guint i = 0; names[i] != NULL; i++)
    equity_json_add_number (builder, names[i], equity_result_get_number (self, names[i]));

  if (info != NULL && (info->flags & EQUITY_KIND_OVERALL))
    add_overall (builder, self);

  json_builder_set_member_name (builder, rows_name);
  json_builder_begin_array (builder);
  for (guint i = 0; i < equity_result_get_n_rows (self); i++)
    {
      EquityResultRow *row = equity_result_get_row (self, i);

      json_builder_begin_object (builder);
      equity_json_add_string (builder, label_name, row->label);
      add_members (builder, members, row);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  /* area-rates must always say what did not match; other kinds when it happened */
  if (area_like || unmatched->len > 0 || equity_result_get_unmatched_events (self) > 0)
    {
      json_builder_set_member_name (builder, "unmatched");
      json_builder_begin_array (builder);
      for (guint i = 0; i < unmatched->len; i++)
        json_builder_add_string_value (builder, g_ptr_array_index (unmatched, i));
      json_builder_end_array (builder);
      equity_json_add_int (builder, "unmatched_events", equity_result_get_unmatched_events (self));
    }
  if (area_like || equity_result_get_outside (self) > 0)
    {
      equity_json_add_int (builder, "outside", equity_result_get_outside (self));
    }

  if (equity_result_get_map_dataset (self) != NULL)
    {
      json_builder_set_member_name (builder, "map");
      json_builder_begin_object (builder);
      add_string_if (builder, "dataset", equity_result_get_map_dataset (self));
      add_string_if (builder, "key", equity_result_get_map_key (self));
      json_builder_end_object (builder);
    }

  json_builder_set_member_name (builder, "notes");
  json_builder_begin_array (builder);
  notes = equity_result_get_notes (self);
  for (guint i = 0; notes[i] != NULL; i++)
    json_builder_add_string_value (builder, notes[i]);
  json_builder_end_array (builder);

  headline = equity_result_dup_headline (self);
  equity_json_add_string (builder, "headline", headline);

  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}
