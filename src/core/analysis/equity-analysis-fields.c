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
