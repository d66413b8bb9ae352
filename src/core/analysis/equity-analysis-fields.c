/* equity-analysis-fields.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The keys each kind reads are those of docs/methods.md §9 and the kinds'
 * own files in src/core/analysis/.
 */

#define G_LOG_DOMAIN "equity-analysis"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "equity-analysis-fields.h"

#define R(role) EQUITY_ROLE_BIT (EQUITY_COLUMN_ROLE_##role)
#define KEYS (R (KEY) | R (IDENTIFIER))

/* Events placed in areas: by key, or by location in the areas' shapes. */
enum {
  MODE_KEY = 1 << 0,
  MODE_LATLON = 1 << 1,
  MODE_LOCATION = 1 << 2,
  MODE_POINTS = MODE_LATLON | MODE_LOCATION,
};

static const EquityModeInfo area_modes[] = {
  { "area-column", N_("An area key in each row"), MODE_KEY },
  { "lat-column", N_("Latitude and longitude"), MODE_LATLON },
  { "location-column", N_("A “lat, lon” location"), MODE_LOCATION },
  { NULL }
};

/* Outcomes are broken down by group or by area. */
enum {
  MODE_BY_GROUP = 1 << 0,
  MODE_BY_AREA = 1 << 1,
};

static const EquityModeInfo outcome_modes[] = {
  { "group-column", N_("Group"), MODE_BY_GROUP },
  { "area-column", N_("Area"), MODE_BY_AREA },
  { NULL }
};

#define EVENTS_DATASET \
  { "events", EQUITY_FIELD_DATASET, N_("Events"), NULL, NULL, 0, R (GROUP) | R (DATE), 0, NULL, NULL }, \
  { "events-filter", EQUITY_FIELD_ROW, N_("Only events where"), N_("All events"), "events", \
    EQUITY_FIELD_OPTIONAL | EQUITY_FIELD_HIDDEN, 0, 0, NULL, NULL }

#define AREA_SOURCE_FIELDS \
  EVENTS_DATASET, \
  { "locate", EQUITY_FIELD_MODE, N_("Events are placed by"), NULL, NULL, 0, 0, 0, NULL, NULL }, \
  { "area-column", EQUITY_FIELD_COLUMN, N_("Area key"), NULL, "events", 0, KEYS, MODE_KEY, NULL, NULL }, \
  { "lat-column", EQUITY_FIELD_COLUMN, N_("Latitude"), NULL, "events", EQUITY_FIELD_NUMERIC, R (LATITUDE), MODE_LATLON, NULL, NULL }, \
  { "lon-column", EQUITY_FIELD_COLUMN, N_("Longitude"), NULL, "events", EQUITY_FIELD_NUMERIC, R (LONGITUDE), MODE_LATLON, NULL, NULL }, \
  { "location-column", EQUITY_FIELD_COLUMN, N_("Location"), NULL, "events", 0, R (LOCATION), MODE_LOCATION, NULL, NULL }, \
  { "areas", EQUITY_FIELD_DATASET, N_("Areas"), NULL, NULL, EQUITY_FIELD_GEOMETRY, 0, MODE_POINTS, NULL, NULL }, \
  { "areas-key", EQUITY_FIELD_COLUMN, N_("Area key of the areas"), NULL, "areas", 0, KEYS, MODE_POINTS, NULL, NULL }

#define MAP_FIELDS(modes) \
  { "map", EQUITY_FIELD_DATASET, N_("Map"), N_("No map"), NULL, EQUITY_FIELD_OPTIONAL | EQUITY_FIELD_GEOMETRY, 0, modes, NULL, NULL }, \
  { "map-key", EQUITY_FIELD_COLUMN, N_("Map key"), NULL, "map", 0, KEYS, modes, NULL, NULL }

/* Events by group over each group's population: group rates and the index
 * of disparity read the same inputs, and differ in their reference. */
#define GROUP_RATE_FIELDS \
  EVENTS_DATASET, \
  { "group-column", EQUITY_FIELD_COLUMN, N_("Group column"), NULL, "events", 0, R (GROUP), 0, NULL, NULL }, \
  { "value-column", EQUITY_FIELD_COLUMN, N_("Measure"), N_("Count the rows"), "events", \
    EQUITY_FIELD_OPTIONAL | EQUITY_FIELD_NUMERIC, R (AMOUNT) | R (COUNT), 0, NULL, NULL }, \
  { "population", EQUITY_FIELD_DATASET, N_("Population"), NULL, NULL, 0, R (POPULATION), 0, NULL, NULL }, \
  { "population-filter", EQUITY_FIELD_ROW, N_("Population row"), N_("All rows added up"), "population", \
    EQUITY_FIELD_OPTIONAL, KEYS, 0, NULL, NULL }, \
  { "groups", EQUITY_FIELD_GROUPS, N_("Groups"), N_("Not counted"), "population", EQUITY_FIELD_NUMERIC, \
    R (POPULATION), 0, "group-column", "events" }

static const EquityFieldInfo group_rates_fields[] = {
  GROUP_RATE_FIELDS,
  { "reference", EQUITY_FIELD_REFERENCE, N_("Compare with"), N_("The largest group"), NULL,
    EQUITY_FIELD_OPTIONAL, 0, 0, NULL, NULL },
  { NULL }
};

static const EquityFieldInfo index_of_disparity_fields[] = {
  GROUP_RATE_FIELDS,
  { "reference", EQUITY_FIELD_REFERENCE, N_("Compare with"), N_("All groups together"), NULL,
    EQUITY_FIELD_OPTIONAL | EQUITY_FIELD_OVERALL, 0, 0, NULL, NULL },
  { NULL }
};

static const EquityFieldInfo area_rates_fields[] = {
  AREA_SOURCE_FIELDS,
  { "count-column", EQUITY_FIELD_COLUMN, N_("Events in each row"), N_("One event a row"), "events",
    EQUITY_FIELD_OPTIONAL | EQUITY_FIELD_NUMERIC, R (COUNT), 0, NULL, NULL },
  { "value-column", EQUITY_FIELD_COLUMN, N_("Measure"), N_("Count the events"), "events",
    EQUITY_FIELD_OPTIONAL | EQUITY_FIELD_NUMERIC, R (AMOUNT), 0, NULL, NULL },
  { "population", EQUITY_FIELD_DATASET, N_("Population"), NULL, NULL, 0, R (POPULATION), 0, NULL, NULL },
  { "population-key", EQUITY_FIELD_COLUMN, N_("Area key of the population"), NULL, "population", 0, KEYS, 0, NULL, NULL },
  { "population-column", EQUITY_FIELD_COLUMN, N_("Residents"), NULL, "population", EQUITY_FIELD_NUMERIC,
    R (POPULATION), 0, NULL, NULL },
  { "population-moe-column", EQUITY_FIELD_COLUMN, N_("Margin of error of residents"), N_("None: a count"),
    "population", EQUITY_FIELD_OPTIONAL | EQUITY_FIELD_NUMERIC, R (MOE), 0, "population-column", NULL },
  { "label-column", EQUITY_FIELD_COLUMN, N_("Area names"), N_("A column called name, if any"), "population",
    EQUITY_FIELD_OPTIONAL, 0, 0, NULL, NULL },
  MAP_FIELDS (MODE_KEY),
  { NULL }
};

static const EquityFieldInfo group_exposure_fields[] = {
  AREA_SOURCE_FIELDS,
  { "value-column", EQUITY_FIELD_COLUMN, N_("Measure"), N_("Count the events"), "events",
    EQUITY_FIELD_OPTIONAL | EQUITY_FIELD_NUMERIC, R (AMOUNT), 0, NULL, NULL },
  { "population", EQUITY_FIELD_DATASET, N_("Population"), NULL, NULL, 0, R (POPULATION), 0, NULL, NULL },
  { "population-key", EQUITY_FIELD_COLUMN, N_("Area key of the population"), NULL, "population", 0, KEYS, 0, NULL, NULL },
  { "population-column", EQUITY_FIELD_COLUMN, N_("Residents"), N_("The groups added up"), "population",
    EQUITY_FIELD_OPTIONAL | EQUITY_FIELD_NUMERIC, R (POPULATION), 0, NULL, NULL },
  { "groups", EQUITY_FIELD_GROUP_COLUMNS, N_("Groups"), NULL, "population", EQUITY_FIELD_NUMERIC,
    R (POPULATION), 0, NULL, NULL },
  { "reference", EQUITY_FIELD_REFERENCE, N_("Compare with"), N_("The largest group"), NULL,
    EQUITY_FIELD_OPTIONAL, 0, 0, NULL, NULL },
  MAP_FIELDS (MODE_KEY),
  { NULL }
};

static const EquityFieldInfo outcomes_fields[] = {
  EVENTS_DATASET,
  { "value-column", EQUITY_FIELD_COLUMN, N_("Value"), NULL, "events", EQUITY_FIELD_NUMERIC,
    R (DURATION) | R (AMOUNT) | R (COUNT), 0, NULL, NULL },
  { "by", EQUITY_FIELD_MODE, N_("Compare by"), NULL, NULL, 0, 0, 0, NULL, NULL },
  { "group-column", EQUITY_FIELD_COLUMN, N_("Group column"), NULL, "events", 0, R (GROUP), MODE_BY_GROUP, NULL, NULL },
  { "area-column", EQUITY_FIELD_COLUMN, N_("Area key"), NULL, "events", 0, KEYS, MODE_BY_AREA, NULL, NULL },
  MAP_FIELDS (MODE_BY_AREA),
  { NULL }
};

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
  MAP_FIELDS (0),
  { NULL }
};

static const EquityFieldInfo representation_fields[] = {
  { "members", EQUITY_FIELD_DATASET, N_("Members"), NULL, NULL, 0, R (GROUP), 0, NULL, NULL },
  { "group-column", EQUITY_FIELD_COLUMN, N_("Group column"), NULL, "members", 0, R (GROUP), 0, NULL, NULL },
  { "population", EQUITY_FIELD_DATASET, N_("Population"), NULL, NULL, 0, R (POPULATION), 0, NULL, NULL },
  { "population-filter", EQUITY_FIELD_ROW, N_("Population row"), N_("All rows added up"), "population",
    EQUITY_FIELD_OPTIONAL, KEYS, 0, NULL, NULL },
  { "groups", EQUITY_FIELD_GROUPS, N_("Groups"), N_("Not counted"), "population", EQUITY_FIELD_NUMERIC,
    R (POPULATION), 0, "group-column", "members" },
  { NULL }
};

static const EquityFieldInfo utilization_fields[] = {
  { "contracts", EQUITY_FIELD_DATASET, N_("Contracts"), NULL, NULL, 0, R (AMOUNT), 0, NULL, NULL },
  { "group-column", EQUITY_FIELD_COLUMN, N_("Firm group"), NULL, "contracts", 0, R (GROUP), 0, NULL, NULL },
  { "value-column", EQUITY_FIELD_COLUMN, N_("Dollars"), NULL, "contracts", EQUITY_FIELD_NUMERIC, R (AMOUNT), 0, NULL, NULL },
  { "availability", EQUITY_FIELD_DATASET, N_("Availability"), NULL, NULL, 0, R (GROUP), 0, NULL, NULL },
  { "availability-group-column", EQUITY_FIELD_COLUMN, N_("Firm group"), NULL, "availability", 0, R (GROUP), 0, NULL, NULL },
  { "availability-column", EQUITY_FIELD_COLUMN, N_("Available firms"), NULL, "availability", EQUITY_FIELD_NUMERIC,
    R (COUNT) | R (AMOUNT), 0, NULL, NULL },
  { NULL }
};

static const EquityFieldInfo dissimilarity_fields[] = {
  { "dataset", EQUITY_FIELD_DATASET, N_("Table"), NULL, NULL, 0, R (POPULATION), 0, NULL, NULL },
  { "group-a", EQUITY_FIELD_COLUMN, N_("First group"), NULL, "dataset", EQUITY_FIELD_NUMERIC, R (POPULATION), 0, NULL, NULL },
  { "group-b", EQUITY_FIELD_COLUMN, N_("Second group"), NULL, "dataset", EQUITY_FIELD_NUMERIC, R (POPULATION), 0, NULL, NULL },
  { "key-column", EQUITY_FIELD_COLUMN, N_("Area key"), N_("None"), "dataset", EQUITY_FIELD_OPTIONAL, KEYS, 0, NULL, NULL },
  MAP_FIELDS (0),
  { NULL }
};

static const EquityKindInfo kinds[] = {
  { EQUITY_KIND_GROUP_RATES, N_("Rates by group"),
    N_("Events per resident of each group, against a reference group"),
    EQUITY_KIND_PER | EQUITY_KIND_CONFIDENCE | EQUITY_KIND_SUPPRESS, group_rates_fields, NULL,
    N_("rate = events ÷ residents × per; interval exact (Poisson) below 10 events, Byar from 10; ratio to the reference by the log method (mid-p when a count is 0)") },
  { EQUITY_KIND_AREA_RATES, N_("Rates by area"),
    N_("Events per resident of each area, against the whole city"),
    EQUITY_KIND_PER | EQUITY_KIND_CONFIDENCE | EQUITY_KIND_SUPPRESS, area_rates_fields, area_modes,
    N_("rate = events ÷ residents × per for each area; interval exact below 10 events, Byar from 10; ratio to the rate over all areas by the log method") },
  { EQUITY_KIND_GROUP_EXPOSURE, N_("Service by where groups live"),
    N_("What the average member of each group receives where they live"),
    EQUITY_KIND_PER | EQUITY_KIND_CONFIDENCE, group_exposure_fields, area_modes,
    N_("each group's exposure = Σ over areas of (its residents in the area ÷ its residents) × the area's rate; ratio to the reference group") },
  { EQUITY_KIND_OUTCOMES, N_("Outcomes by group or area"),
    N_("Mean and median of a value, such as days to close a request"),
    EQUITY_KIND_CONFIDENCE | EQUITY_KIND_SUPPRESS, outcomes_fields, outcome_modes,
    N_("mean with Student's t interval; median with the distribution-free interval between order statistics") },
  { EQUITY_KIND_ACS_PROPORTION, N_("Census survey proportion"),
    N_("A share of residents from ACS estimates, with margins of error"),
    0, acs_proportion_fields, NULL,
    N_("p = numerator ÷ denominator; MOE = √(MOE_num² − p²·MOE_den²) ÷ denominator (the ratio formula when the root is negative); CV = (MOE ÷ 1.645) ÷ p") },
  { EQUITY_KIND_REPRESENTATION, N_("Representation"),
    N_("Seats held by each group against its share of residents"),
    EQUITY_KIND_CONFIDENCE | EQUITY_KIND_SUPPRESS, representation_fields, NULL,
    N_("share of seats against share of residents; Wilson interval for the share of seats; ratio of the two shares") },
  { EQUITY_KIND_UTILIZATION, N_("Contract utilization"),
    N_("Contract dollars by firm group against availability"),
    0, utilization_fields, NULL,
    N_("disparity index = share of dollars ÷ share of available firms × 100; below 80 is a substantial disparity (four-fifths rule)") },
  { EQUITY_KIND_DISSIMILARITY, N_("Dissimilarity index"),
    N_("How differently two groups are spread over the areas"),
    0, dissimilarity_fields, NULL,
    N_("D = ½ Σ over areas |a_i ÷ A − b_i ÷ B|: the share of either group that would have to move for both to be spread alike") },
  { EQUITY_KIND_INDEX_OF_DISPARITY, N_("Index of disparity"),
    N_("One number for how far group rates are from the reference"),
    EQUITY_KIND_PER | EQUITY_KIND_CONFIDENCE | EQUITY_KIND_SUPPRESS, index_of_disparity_fields, NULL,
    N_("ID = mean of |group rate − reference rate| ÷ reference rate × 100 (Pearcy and Keppel)") },
};

guint
equity_analysis_fields_get_n_kinds (void)
{
  return G_N_ELEMENTS (kinds);
}

const EquityKindInfo *
equity_analysis_fields_get_kind (guint index)
{
  g_return_val_if_fail (index < G_N_ELEMENTS (kinds), NULL);

  return &kinds[index];
}

const EquityKindInfo *
equity_analysis_fields_find_kind (const char *kind)
{
  for (guint i = 0; kind != NULL && i < G_N_ELEMENTS (kinds); i++)
    if (g_str_equal (kinds[i].kind, kind))
      return &kinds[i];

  return NULL;
}

guint
equity_analysis_fields_get_mode (const EquityKindInfo *info,
                                 EquityAnalysis       *analysis)
{
  g_return_val_if_fail (info != NULL, 0);

  if (info->modes == NULL)
    return 0;

  for (guint i = 0; info->modes[i].key != NULL; i++)
    if (equity_analysis_has_key (analysis, info->modes[i].key))
      return info->modes[i].mode;

  return info->modes[0].mode;
}

gboolean
equity_analysis_fields_is_shown (const EquityFieldInfo *field,
                                 guint                  mode)
{
  return field->modes == 0 || (field->modes & mode) != 0;
}

static gboolean
dataset_has_role (EquityDataset *dataset,
                  guint          roles)
{
  for (guint i = 0; i < equity_dataset_get_n_columns (dataset); i++)
    if (roles & EQUITY_ROLE_BIT (equity_column_get_role (equity_dataset_get_column (dataset, i))))
      return TRUE;

  return FALSE;
}

GPtrArray *
equity_analysis_fields_list_datasets (const EquityFieldInfo *field,
                                      EquityProject         *project)
{
  GListModel *model = equity_project_get_datasets (project);
  GPtrArray *preferred = g_ptr_array_new ();
  g_autoptr(GPtrArray) rest = g_ptr_array_new ();

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(EquityDataset) dataset = g_list_model_get_item (model, i);
      gboolean has_shapes = equity_dataset_get_geometry_column (dataset) != NULL;

      if ((field->flags & EQUITY_FIELD_GEOMETRY) && !has_shapes)
        continue;

      /* Records and tables first; shapes last unless shapes are wanted. */
      if (field->prefer_roles != 0 && dataset_has_role (dataset, field->prefer_roles) && !has_shapes)
        g_ptr_array_add (preferred, dataset);
      else
        g_ptr_array_add (rest, dataset);
    }

  g_ptr_array_extend_and_steal (preferred, g_steal_pointer (&rest));
  return preferred;
}

static gboolean
column_fits (const EquityFieldInfo *field,
             EquityColumn          *column)
{
  EquityColumnType type = equity_column_get_column_type (column);

  if (type == EQUITY_COLUMN_TYPE_GEOMETRY)
    return FALSE;
  if (field->flags & EQUITY_FIELD_NUMERIC)
    return type == EQUITY_COLUMN_TYPE_INTEGER || type == EQUITY_COLUMN_TYPE_REAL;
  return TRUE;
}

static gboolean
column_preferred (const EquityFieldInfo *field,
                  EquityColumn          *column,
                  EquityColumn          *pair)
{
  if (pair != NULL && g_strcmp0 (equity_column_get_moe_of (column), equity_column_get_name (pair)) == 0)
    return TRUE;
  /* the margin of another estimate is not this one's */
  if (pair != NULL && equity_column_get_moe_of (column) != NULL)
    return FALSE;
  return (field->prefer_roles & EQUITY_ROLE_BIT (equity_column_get_role (column))) != 0;
}

GPtrArray *
equity_analysis_fields_list_columns (const EquityFieldInfo *field,
                                     EquityDataset         *dataset,
                                     EquityColumn          *pair)
{
  GPtrArray *columns = g_ptr_array_new ();
  g_autoptr(GPtrArray) rest = g_ptr_array_new ();

  for (guint i = 0; i < equity_dataset_get_n_columns (dataset); i++)
    {
      EquityColumn *column = equity_dataset_get_column (dataset, i);

      if (!column_fits (field, column))
        continue;

      /* The margin that belongs to the pair's estimate comes first of all. */
      if (pair != NULL && g_strcmp0 (equity_column_get_moe_of (column), equity_column_get_name (pair)) == 0)
        g_ptr_array_insert (columns, 0, column);
      else if (column_preferred (field, column, pair))
        g_ptr_array_add (columns, column);
      else
        g_ptr_array_add (rest, column);
    }

  g_ptr_array_extend_and_steal (columns, g_steal_pointer (&rest));
  return columns;
}

guint
equity_analysis_fields_count_preferred (const EquityFieldInfo *field,
                                        GPtrArray             *columns,
                                        EquityColumn          *pair)
{
  guint n = 0;

  while (n < columns->len && column_preferred (field, g_ptr_array_index (columns, n), pair))
    n++;

  return n;
}

/* The one-letter race codes of police exports (NIBRS/UCR) and Census
 * race/ethnicity groups: the name a reader sees, and the words that find a
 * population column for the group ("B" → "rc_black"). */
static const struct
{
  const char *code;
  const char *name;
  const char *needles[4];
} race_codes[] = {
  { "W", N_("White"), { "white", NULL } },
  { "B", N_("Black"), { "black", "african", NULL } },
  { "A", N_("Asian"), { "asian", NULL } },
  { "I", N_("American Indian"), { "indian", "aian", "native", NULL } },
  { "H", N_("Hispanic or Latino"), { "hispanic", "latino", NULL } },
  { "P", N_("Pacific Islander"), { "pac", "hawaiian", "nhpi", NULL } },
  { "M", N_("Multiracial"), { "multi", "two", NULL } },
  { "O", N_("Other"), { "other", NULL } },
  { "U", N_("Unknown"), { NULL } },
};

const char *
equity_analysis_group_display_name (const char *value)
{
  for (guint i = 0; value != NULL && i < G_N_ELEMENTS (race_codes); i++)
    if (g_ascii_strcasecmp (race_codes[i].code, value) == 0)
      return _(race_codes[i].name);
  return NULL;
}

EquityColumn *
equity_analysis_fields_guess_group_column (EquityDataset *population,
                                           const char    *group)
{
  g_autofree char *lower = NULL;
  const char * const *needles = NULL;
  const char *own[2] = { NULL, NULL };

  g_return_val_if_fail (EQUITY_IS_DATASET (population), NULL);

  if (group == NULL || group[0] == '\0')
    return NULL;

  for (guint i = 0; i < G_N_ELEMENTS (race_codes) && needles == NULL; i++)
    if (g_ascii_strcasecmp (race_codes[i].code, group) == 0)
      needles = race_codes[i].needles;

  /* A group written out ("White", "Asian") is its own needle. */
  if (needles == NULL)
    {
      if (strlen (group) < 3)
        return NULL;
      lower = g_ascii_strdown (group, -1);
      own[0] = lower;
      needles = own;
    }

  /* Population columns first, in file order: "rc_white" before "eth_white_nh". */
  for (guint pass = 0; pass < 2; pass++)
    for (guint i = 0; i < equity_dataset_get_n_columns (population); i++)
      {
        EquityColumn *column = equity_dataset_get_column (population, i);
        EquityColumnType type = equity_column_get_column_type (column);
        gboolean is_population = equity_column_get_role (column) == EQUITY_COLUMN_ROLE_POPULATION;
        g_autofree char *name = g_ascii_strdown (equity_column_get_name (column), -1);

        if ((pass == 0) != is_population
            || (type != EQUITY_COLUMN_TYPE_INTEGER && type != EQUITY_COLUMN_TYPE_REAL))
          continue;
        for (guint n = 0; needles[n] != NULL; n++)
          if (strstr (name, needles[n]) != NULL)
            return column;
      }

  return NULL;
}

char *
equity_analysis_fields_group_title (const char *value)
{
  const char *name = equity_analysis_group_display_name (value);

  if (name == NULL || g_strcmp0 (name, value) == 0)
    return g_strdup (value);

  /* Translators: a group's name and the code records carry, e.g. "Black (B)" */
  return g_strdup_printf (_("%s (%s)"), name, value);
}

gboolean
equity_analysis_fields_knows_key (const EquityKindInfo *info,
                                  const char           *key)
{
  static const char * const common[] = {
    "name", "kind", "per", "confidence", "suppress-below", "source-note", "units", "chart",
  };

  for (guint i = 0; i < G_N_ELEMENTS (common); i++)
    if (g_str_equal (common[i], key))
      return TRUE;

  for (guint i = 0; info->fields[i].key != NULL; i++)
    if (g_str_equal (info->fields[i].key, key))
      return TRUE;

  for (guint i = 0; info->modes != NULL && info->modes[i].key != NULL; i++)
    if (g_str_equal (info->modes[i].key, key))
      return TRUE;

  return FALSE;
}
