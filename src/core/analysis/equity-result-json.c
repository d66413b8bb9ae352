/* equity-result-json.c — a result as `analyze --json` prints it (../shared/CLI.md)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The layout of each kind's rows is a table: the array's name, the label's
 * key, then the members in order. CLI.md's keys come first; the rest are
 * extras a reader or a chart may want.
 */

#define G_LOG_DOMAIN "equity-result"

#include "config.h"

#include <math.h>

#include "equity-result.h"

typedef enum
{
  F_COUNT, F_POPULATION, F_POPULATION_MOE, F_RATE, F_RATE_LOW, F_RATE_HIGH,
  F_RATIO, F_RATIO_LOW, F_RATIO_HIGH, F_DIFFERENCE, F_DIFFERENCE_LOW, F_DIFFERENCE_HIGH,
  F_ESTIMATE, F_MOE, F_CV, F_RELIABILITY, F_SHARE, F_SHARE_LOW, F_SHARE_HIGH,
  F_POPULATION_SHARE, F_MEAN, F_MEAN_LOW, F_MEAN_HIGH, F_MEDIAN, F_MEDIAN_LOW,
  F_MEDIAN_HIGH, F_INDEX, F_FLAGGED, F_SUPPRESSED, F_IS_REFERENCE, F_DISPLAY_LABEL, F_LABEL,
  F_END,
} Field;

typedef struct
{
  const char *name;
  Field       field;
} Member;

/* per kind: the array's name, the label's key, then the members in order */
typedef struct
{
  const char   *kind;
  const char   *rows_name;
  const char   *label_name;
  const Member *members;
} Layout;

#define RATE_MEMBERS \
  { "count", F_COUNT }, { "population", F_POPULATION }, { "population_moe", F_POPULATION_MOE }, \
  { "rate", F_RATE }, { "rate_low", F_RATE_LOW }, { "rate_high", F_RATE_HIGH }

static const Member group_members[] = {
  { "display_label", F_DISPLAY_LABEL }, RATE_MEMBERS,
  { "ratio", F_RATIO }, { "ratio_low", F_RATIO_LOW }, { "ratio_high", F_RATIO_HIGH },
  { "difference", F_DIFFERENCE }, { "difference_low", F_DIFFERENCE_LOW },
  { "difference_high", F_DIFFERENCE_HIGH }, { "share", F_SHARE },
  { "population_share", F_POPULATION_SHARE }, { "suppressed", F_SUPPRESSED },
  { "is_reference", F_IS_REFERENCE }, { NULL, F_END },
};

/* "label": the area's name (label-column), null when it has none */
static const Member area_members[] = {
  { "label", F_LABEL }, { "display_label", F_DISPLAY_LABEL }, RATE_MEMBERS,
  { "ratio_to_overall", F_RATIO }, { "ratio_low", F_RATIO_LOW }, { "ratio_high", F_RATIO_HIGH },
  { "share", F_SHARE }, { "population_share", F_POPULATION_SHARE },
  { "suppressed", F_SUPPRESSED }, { NULL, F_END },
};

static const Member acs_members[] = {
  { "label", F_LABEL }, { "estimate", F_ESTIMATE }, { "moe", F_MOE }, { "cv", F_CV }, { "reliability", F_RELIABILITY },
  { "numerator", F_COUNT }, { "denominator", F_POPULATION }, { NULL, F_END },
};

static const Member dissimilarity_members[] = {
  { "share_a", F_SHARE }, { "share_b", F_POPULATION_SHARE }, { NULL, F_END },
};

static const Member exposure_members[] = {
  { "display_label", F_DISPLAY_LABEL }, { "population", F_POPULATION },
  { "rate", F_RATE }, { "rate_low", F_RATE_LOW }, { "rate_high", F_RATE_HIGH },
  { "ratio", F_RATIO }, { "ratio_low", F_RATIO_LOW }, { "ratio_high", F_RATIO_HIGH },
  { "service", F_COUNT }, { "service_share", F_SHARE }, { "population_share", F_POPULATION_SHARE },
  { "is_reference", F_IS_REFERENCE }, { NULL, F_END },
};

static const Member outcome_members[] = {
  { "display_label", F_DISPLAY_LABEL }, { "n", F_COUNT },
  { "mean", F_MEAN }, { "mean_low", F_MEAN_LOW }, { "mean_high", F_MEAN_HIGH },
  { "median", F_MEDIAN }, { "median_low", F_MEDIAN_LOW }, { "median_high", F_MEDIAN_HIGH },
  { "ratio", F_RATIO }, { "suppressed", F_SUPPRESSED }, { NULL, F_END },
};

static const Member representation_members[] = {
  { "display_label", F_DISPLAY_LABEL }, { "members", F_COUNT }, { "population", F_POPULATION },
  { "share", F_SHARE }, { "share_low", F_SHARE_LOW }, { "share_high", F_SHARE_HIGH },
  { "population_share", F_POPULATION_SHARE }, { "ratio", F_RATIO }, { "ratio_low", F_RATIO_LOW },
  { "ratio_high", F_RATIO_HIGH }, { "suppressed", F_SUPPRESSED }, { NULL, F_END },
};

static const Member utilization_members[] = {
  { "display_label", F_DISPLAY_LABEL }, { "dollars", F_COUNT }, { EQUITY_KIND_UTILIZATION, F_SHARE },
  { "availability", F_POPULATION_SHARE }, { "disparity_index", F_INDEX },
  { "substantial_disparity", F_FLAGGED }, { NULL, F_END },
};

static const Layout layouts[] = {
  { EQUITY_KIND_GROUP_RATES, "groups", "group", group_members },
  { EQUITY_KIND_INDEX_OF_DISPARITY, "groups", "group", group_members },
  { EQUITY_KIND_AREA_RATES, "areas", "area", area_members },
  { EQUITY_KIND_ACS_PROPORTION, "rows", "key", acs_members },
  { EQUITY_KIND_DISSIMILARITY, "rows", "key", dissimilarity_members },
  { EQUITY_KIND_GROUP_EXPOSURE, "groups", "group", exposure_members },
  { EQUITY_KIND_OUTCOMES, "rows", "label", outcome_members },
  { EQUITY_KIND_REPRESENTATION, "groups", "group", representation_members },
  { EQUITY_KIND_UTILIZATION, "groups", "group", utilization_members },
};

static const Layout fallback_layout = { NULL, "rows", "label", group_members };

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
add_member (JsonBuilder           *builder,
            const Member          *member,
            const EquityResultRow *row)
{
  static const gsize offsets[] = {
    [F_COUNT] = G_STRUCT_OFFSET (EquityResultRow, count),
    [F_POPULATION] = G_STRUCT_OFFSET (EquityResultRow, population),
    [F_POPULATION_MOE] = G_STRUCT_OFFSET (EquityResultRow, population_moe),
    [F_RATE] = G_STRUCT_OFFSET (EquityResultRow, rate),
    [F_RATE_LOW] = G_STRUCT_OFFSET (EquityResultRow, rate_low),
    [F_RATE_HIGH] = G_STRUCT_OFFSET (EquityResultRow, rate_high),
    [F_RATIO] = G_STRUCT_OFFSET (EquityResultRow, ratio),
    [F_RATIO_LOW] = G_STRUCT_OFFSET (EquityResultRow, ratio_low),
    [F_RATIO_HIGH] = G_STRUCT_OFFSET (EquityResultRow, ratio_high),
    [F_DIFFERENCE] = G_STRUCT_OFFSET (EquityResultRow, difference),
    [F_DIFFERENCE_LOW] = G_STRUCT_OFFSET (EquityResultRow, difference_low),
    [F_DIFFERENCE_HIGH] = G_STRUCT_OFFSET (EquityResultRow, difference_high),
    [F_ESTIMATE] = G_STRUCT_OFFSET (EquityResultRow, estimate),
    [F_MOE] = G_STRUCT_OFFSET (EquityResultRow, moe),
    [F_CV] = G_STRUCT_OFFSET (EquityResultRow, cv),
    [F_SHARE] = G_STRUCT_OFFSET (EquityResultRow, share),
    [F_SHARE_LOW] = G_STRUCT_OFFSET (EquityResultRow, share_low),
    [F_SHARE_HIGH] = G_STRUCT_OFFSET (EquityResultRow, share_high),
    [F_POPULATION_SHARE] = G_STRUCT_OFFSET (EquityResultRow, population_share),
    [F_MEAN] = G_STRUCT_OFFSET (EquityResultRow, mean),
    [F_MEAN_LOW] = G_STRUCT_OFFSET (EquityResultRow, mean_low),
    [F_MEAN_HIGH] = G_STRUCT_OFFSET (EquityResultRow, mean_high),
    [F_MEDIAN] = G_STRUCT_OFFSET (EquityResultRow, median),
    [F_MEDIAN_LOW] = G_STRUCT_OFFSET (EquityResultRow, median_low),
    [F_MEDIAN_HIGH] = G_STRUCT_OFFSET (EquityResultRow, median_high),
    [F_INDEX] = G_STRUCT_OFFSET (EquityResultRow, index),
  };

  switch (member->field)
    {
    case F_RELIABILITY:
      json_builder_set_member_name (builder, member->name);
      if (row->reliability != NULL)
        json_builder_add_string_value (builder, row->reliability);
      else
        json_builder_add_null_value (builder);
      break;
    case F_DISPLAY_LABEL:
      json_builder_set_member_name (builder, member->name);
      json_builder_add_string_value (builder, equity_result_row_get_name (row));
      break;
    case F_LABEL:
      json_builder_set_member_name (builder, member->name);
      if (row->display_label != NULL)
        json_builder_add_string_value (builder, row->display_label);
      else
        json_builder_add_null_value (builder);
      break;
    case F_SUPPRESSED:
    case F_IS_REFERENCE:
    case F_FLAGGED:
      json_builder_set_member_name (builder, member->name);
      json_builder_add_boolean_value (builder,
                                      member->field == F_SUPPRESSED ? row->suppressed :
                                      member->field == F_IS_REFERENCE ? row->is_reference :
                                      row->flagged);
      break;
    case F_END:
      g_assert_not_reached ();
    default:
      equity_json_add_number (builder, member->name,
                              G_STRUCT_MEMBER (double, row, offsets[member->field]));
    }
}

static const Layout *
find_layout (const char *kind)
{
  for (guint i = 0; i < G_N_ELEMENTS (layouts); i++)
    if (g_str_equal (layouts[i].kind, kind))
      return &layouts[i];
  return &fallback_layout;
}

static gboolean
kind_has_overall (const char *kind)
{
  return g_str_equal (kind, EQUITY_KIND_AREA_RATES) || g_str_equal (kind, EQUITY_KIND_GROUP_RATES)
         || g_str_equal (kind, EQUITY_KIND_INDEX_OF_DISPARITY) || g_str_equal (kind, EQUITY_KIND_GROUP_EXPOSURE)
         || g_str_equal (kind, EQUITY_KIND_OUTCOMES);
}

static void
add_overall (JsonBuilder     *builder,
             EquityResult    *self)
{
  EquityResultRow *overall = equity_result_get_overall (self);

  json_builder_set_member_name (builder, "overall");
  json_builder_begin_object (builder);
  equity_json_add_number (builder, "count", overall->count);
  equity_json_add_number (builder, "population", overall->population);
  equity_json_add_number (builder, "rate", overall->rate);
  equity_json_add_number (builder, "rate_low", overall->rate_low);
  equity_json_add_number (builder, "rate_high", overall->rate_high);
  if (g_str_equal (equity_result_get_kind (self), EQUITY_KIND_OUTCOMES))
    {
      equity_json_add_number (builder, "mean", overall->mean);
      equity_json_add_number (builder, "median", overall->median);
    }
  json_builder_end_object (builder);
}

/* optional strings: present only when set */
static void
add_string_if (JsonBuilder *builder,
               const char  *name,
               const char  *value)
{
  if (value == NULL)
    return;
  json_builder_set_member_name (builder, name);
  json_builder_add_string_value (builder, value);
}

JsonNode *
equity_result_to_json (EquityResult *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autofree char *headline = NULL;
  const char *kind;
  const Layout *layout;
  const char * const *names;
  const char * const *notes;
  GPtrArray *unmatched;
  gboolean area_like;

  g_return_val_if_fail (EQUITY_IS_RESULT (self), NULL);

  kind = equity_result_get_kind (self);
  layout = find_layout (kind);
  area_like = g_str_equal (kind, EQUITY_KIND_AREA_RATES) || g_str_equal (kind, EQUITY_KIND_GROUP_EXPOSURE);
  unmatched = equity_result_get_unmatched (self);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "kind");
  json_builder_add_string_value (builder, kind);
  add_string_if (builder, "title", equity_result_get_title (self));
  equity_json_add_number (builder, "per", equity_result_get_per (self));
  equity_json_add_number (builder, "confidence", equity_result_get_confidence (self));
  json_builder_set_member_name (builder, "suppress_below");
  json_builder_add_int_value (builder, equity_result_get_suppress_below (self));
  json_builder_set_member_name (builder, "reference");
  if (equity_result_get_reference (self) != NULL)
    json_builder_add_string_value (builder, equity_result_get_reference (self));
  else
    json_builder_add_null_value (builder);
  add_string_if (builder, "units", equity_result_get_units (self));
  add_string_if (builder, "source_note", equity_result_get_source_note (self));

  if (g_str_equal (kind, EQUITY_KIND_DISSIMILARITY))
    {
      equity_json_add_number (builder, "index", equity_result_get_index (self));
      json_builder_set_member_name (builder, "areas");
      json_builder_add_int_value (builder, equity_result_get_n_rows (self));
    }
  else if (isfinite (equity_result_get_index (self)))
    equity_json_add_number (builder, "index", equity_result_get_index (self));

  names = equity_result_get_number_names (self);
  for (guint i = 0; names[i] != NULL; i++)
    equity_json_add_number (builder, names[i], equity_result_get_number (self, names[i]));

  if (kind_has_overall (kind))
    add_overall (builder, self);

  json_builder_set_member_name (builder, layout->rows_name);
  json_builder_begin_array (builder);
  for (guint i = 0; i < equity_result_get_n_rows (self); i++)
    {
      EquityResultRow *row = equity_result_get_row (self, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, layout->label_name);
      json_builder_add_string_value (builder, row->label);
      for (const Member *member = layout->members; member->name != NULL; member++)
        add_member (builder, member, row);
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
      json_builder_set_member_name (builder, "unmatched_events");
      json_builder_add_int_value (builder, equity_result_get_unmatched_events (self));
    }
  if (area_like || equity_result_get_outside (self) > 0)
    {
      json_builder_set_member_name (builder, "outside");
      json_builder_add_int_value (builder, equity_result_get_outside (self));
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
  json_builder_set_member_name (builder, "headline");
  if (headline != NULL)
    json_builder_add_string_value (builder, headline);
  else
    json_builder_add_null_value (builder);

  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}
