/* equity-analysis-refs.c — saved analyses name datasets and columns by id
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A spec as the user reads it names datasets and columns ("events =
 * arrests"). Saved in the project, every value that names one is bound to
 * what cannot change under a rename: "#<dataset id>" for a dataset,
 * "#<position>" for a column, "#<position>=VALUE" for a row filter. A name
 * that did not resolve when saving is kept as "=<text>", so the two never
 * mix. Which keys name what comes from the kinds' field tables
 * (equity-analysis-fields.c): nothing here knows a kind.
 */

#define G_LOG_DOMAIN "equity-analysis"

#include "config.h"

#include <inttypes.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "equity-analysis-fields.h"
#include "equity-analysis-private.h"
#include "equity-error.h"

#define BOUND_PREFIX   '#'
#define LITERAL_PREFIX '='

typedef enum
{
  BIND,
  RESOLVE,
} Direction;

typedef struct
{
  EquityProject *project;
  GKeyFile      *spec;
  Direction      direction;
  GArray        *dataset_ids;  /* BIND: the datasets bound, gint64 */
} RefWalk;

static char *
literal (const char *text)
{
  return g_strdup_printf ("%c%s", LITERAL_PREFIX, text);
}

/* "#12" → 12; FALSE when TEXT is not a bound reference */
static gboolean
parse_bound (const char *text,
             gint64     *id,
             const char **rest)
{
  char *end = NULL;

  if (text == NULL || text[0] != BOUND_PREFIX || !g_ascii_isdigit (text[1]))
    return FALSE;
  *id = g_ascii_strtoll (text + 1, &end, 10);
  if (rest != NULL)
    *rest = end;
  return rest != NULL || *end == '\0';
}

char *
_equity_analysis_key_file_value (GKeyFile   *spec,
                                 const char *group,
                                 const char *key)
{
  g_autofree char *value = g_key_file_get_string (spec, group, key, NULL);

  if (value == NULL)
    return NULL;
  g_strstrip (value);
  if (value[0] == '\0')
    return NULL;
  return g_steal_pointer (&value);
}

/* The dataset DATASET_KEY names, in the walk's current form. */
static EquityDataset *
walk_dataset (RefWalk    *walk,
              const char *dataset_key)
{
  g_autofree char *value = NULL;
  gint64 id;

  if (dataset_key == NULL)
    return NULL;
  value = _equity_analysis_key_file_value (walk->spec, EQUITY_ANALYSIS_GROUP, dataset_key);
  if (value == NULL)
    return NULL;
  /* BIND reads names (datasets are bound after their columns); RESOLVE ids */
  if (walk->direction == RESOLVE)
    return parse_bound (value, &id, NULL) ? equity_project_find_dataset_by_id (walk->project, id) : NULL;
  return equity_project_find_dataset (walk->project, value);
}

static char *
convert_dataset (RefWalk    *walk,
                 const char *value)
{
  EquityDataset *dataset;
  gint64 id;

  if (walk->direction == BIND)
    {
      dataset = equity_project_find_dataset (walk->project, value);
      if (dataset == NULL)
        return literal (value);
      id = equity_dataset_get_id (dataset);
      g_array_append_val (walk->dataset_ids, id);
      return g_strdup_printf ("%c%" G_GINT64_FORMAT, BOUND_PREFIX, id);
    }

  if (value[0] == LITERAL_PREFIX)
    return g_strdup (value + 1);
  if (!parse_bound (value, &id, NULL))
    return g_strdup (value);
  dataset = equity_project_find_dataset_by_id (walk->project, id);
  if (dataset == NULL)
    /* Translators: stands in a saved analysis for a dataset deleted since */
    return g_strdup_printf (_("(deleted dataset #%" PRId64 ")"), id);
  return g_strdup (equity_dataset_get_name (dataset));
}

/* A column, or with IS_ROW a "COLUMN=VALUE" row filter. */
static char *
convert_column (RefWalk       *walk,
                EquityDataset *dataset,
                const char    *value,
                gboolean       is_row)
{
  g_autofree char *name = NULL;
  const char *row_value = NULL;
  const char *rest = NULL;
  EquityColumn *column;
  gint64 position;

  if (walk->direction == BIND)
    {
      if (is_row)
        {
          const char *equals = strchr (value, '=');

          if (equals == NULL)
            return literal (value);
          name = g_strstrip (g_strndup (value, equals - value));
          row_value = equals + 1;
        }
      column = dataset != NULL ? equity_dataset_find_column (dataset, name != NULL ? name : value) : NULL;
      if (column == NULL)
        return literal (value);
      if (is_row)
        return g_strdup_printf ("%c%u=%s", BOUND_PREFIX, equity_column_get_position (column), row_value);
      return g_strdup_printf ("%c%u", BOUND_PREFIX, equity_column_get_position (column));
    }

  if (value[0] == LITERAL_PREFIX)
    return g_strdup (value + 1);
  if (!parse_bound (value, &position, is_row ? &rest : NULL)
      || (is_row && rest[0] != '='))
    return g_strdup (value);
  if (dataset == NULL || position >= equity_dataset_get_n_columns (dataset))
    name = g_strdup_printf (_("(missing column #%" PRId64 ")"), position);
  else
    name = g_strdup (equity_column_get_name (equity_dataset_get_column (dataset, position)));
  if (is_row)
    return g_strdup_printf ("%s=%s", name, rest + 1);
  return g_steal_pointer (&name);
}

static void
convert_key (RefWalk       *walk,
             const char    *group,
             const char    *key,
             EquityDataset *dataset,
             EquityFieldType type)
{
  g_autofree char *value = _equity_analysis_key_file_value (walk->spec, group, key);
  g_autofree char *converted = NULL;

  if (value == NULL)
    return;
  if (type == EQUITY_FIELD_DATASET)
    converted = convert_dataset (walk, value);
  else
    converted = convert_column (walk, dataset, value, type == EQUITY_FIELD_ROW);
  g_key_file_set_string (walk->spec, group, key, converted);
}

static void
convert_group_columns (RefWalk       *walk,
                       const char    *group,
                       EquityDataset *dataset)
{
  g_auto(GStrv) keys = g_key_file_get_keys (walk->spec, group, NULL, NULL);

  for (guint i = 0; keys != NULL && keys[i] != NULL; i++)
    convert_key (walk, group, keys[i], dataset, EQUITY_FIELD_COLUMN);
}

/* Columns first, while their datasets still read as the walk expects. */
static void
walk_spec (RefWalk *walk)
{
  g_autofree char *kind = _equity_analysis_key_file_value (walk->spec, EQUITY_ANALYSIS_GROUP, "kind");
  const EquityKindInfo *info = equity_analysis_fields_find_kind (kind);

  if (info == NULL)
    return;

  for (guint i = 0; info->fields[i].key != NULL; i++)
    {
      const EquityFieldInfo *field = &info->fields[i];
      EquityDataset *dataset = walk_dataset (walk, field->dataset_key);

      switch (field->type)
        {
        case EQUITY_FIELD_COLUMN:
        case EQUITY_FIELD_ROW:
          convert_key (walk, EQUITY_ANALYSIS_GROUP, field->key, dataset, field->type);
          break;
        case EQUITY_FIELD_GROUPS:
        case EQUITY_FIELD_GROUP_COLUMNS:
          convert_group_columns (walk, EQUITY_GROUPS_GROUP, dataset);
          convert_group_columns (walk, EQUITY_GROUP_MOES_GROUP, dataset);
          break;
        case EQUITY_FIELD_DATASET:
        case EQUITY_FIELD_MODE:
        case EQUITY_FIELD_REFERENCE:
        default:
          break;
        }
    }

  for (guint i = 0; info->fields[i].key != NULL; i++)
    if (info->fields[i].type == EQUITY_FIELD_DATASET)
      convert_key (walk, EQUITY_ANALYSIS_GROUP, info->fields[i].key, NULL, EQUITY_FIELD_DATASET);
}

static GKeyFile *
copy_spec (EquityAnalysis *self)
{
  g_autofree char *data = equity_analysis_to_data (self, NULL);
  g_autoptr(GKeyFile) copy = g_key_file_new ();

  if (!g_key_file_load_from_data (copy, data, (gsize) -1, G_KEY_FILE_KEEP_COMMENTS, NULL))
    return NULL;
  return g_steal_pointer (&copy);
}

gboolean
equity_analysis_save (EquityAnalysis  *self,
                      EquityProject   *project,
                      GError         **error)
{
  g_autoptr(GKeyFile) bound = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree char *name = NULL;
  g_autofree char *kind = NULL;
  g_autofree char *data = NULL;
  RefWalk walk = { project, NULL, BIND, ids };

  g_return_val_if_fail (EQUITY_IS_ANALYSIS (self), FALSE);
  g_return_val_if_fail (EQUITY_IS_PROJECT (project), FALSE);

  name = equity_analysis_dup_name (self);
  kind = equity_analysis_dup_kind (self);
  bound = copy_spec (self);
  if (bound == NULL)
    {
      g_set_error (error, EQUITY_ERROR, EQUITY_ERROR_INVALID,
                   _("%s: the analysis cannot be written as a spec"), equity_analysis_get_source_name (self));
      return FALSE;
    }
  walk.spec = bound;
  walk_spec (&walk);
  data = g_key_file_to_data (bound, NULL, NULL);
  return equity_project_save_analysis (project, name, kind != NULL ? kind : "", data, ids, error);
}

EquityAnalysis *
equity_analysis_new_from_project (EquityProject  *project,
                                  const char     *name,
                                  GError        **error)
{
  g_autoptr(GKeyFile) spec = g_key_file_new ();
  g_autoptr(GError) local_error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *source = NULL;
  g_autofree char *resolved = NULL;
  gboolean bound = FALSE;
  RefWalk walk = { project, spec, RESOLVE, NULL };

  g_return_val_if_fail (EQUITY_IS_PROJECT (project), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  text = equity_project_dup_analysis_spec (project, name, &bound, error);
  if (text == NULL)
    return NULL;
  source = g_strdup_printf (_("saved analysis “%s”"), name);
  if (!bound)
    return equity_analysis_new_from_data (text, -1, source, error);

  if (!g_key_file_load_from_data (spec, text, (gsize) -1, G_KEY_FILE_KEEP_COMMENTS, &local_error))
    {
      g_set_error (error, EQUITY_ERROR, EQUITY_ERROR_CORRUPT, "%s: %s", source, local_error->message);
      return NULL;
    }
  walk_spec (&walk);
  resolved = g_key_file_to_data (spec, NULL, NULL);
  return equity_analysis_new_from_data (resolved, -1, source, error);
}

gboolean
equity_analysis_bind_saved (EquityProject  *project,
                            GError        **error)
{
  g_auto(GStrv) names = NULL;

  g_return_val_if_fail (EQUITY_IS_PROJECT (project), FALSE);

  names = equity_project_list_unbound_analyses (project, error);
  if (names == NULL)
    return FALSE;
  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autoptr(EquityAnalysis) analysis = equity_analysis_new_from_project (project, names[i], error);

      /* the spec's own name may differ from the row's: keep the row's */
      if (analysis == NULL)
        return FALSE;
      equity_analysis_set_string (analysis, "name", names[i]);
      if (!equity_analysis_save (analysis, project, error))
        return FALSE;
    }
  return TRUE;
}

void
equity_analysis_rename_dataset (EquityAnalysis *self,
                                const char     *old_name,
                                const char     *new_name)
{
  g_autofree char *kind = NULL;
  const EquityKindInfo *info;

  g_return_if_fail (EQUITY_IS_ANALYSIS (self));
  g_return_if_fail (old_name != NULL && new_name != NULL);

  kind = equity_analysis_dup_kind (self);
  info = equity_analysis_fields_find_kind (kind);
  for (guint i = 0; info != NULL && info->fields[i].key != NULL; i++)
    {
      g_autofree char *value = NULL;

      if (info->fields[i].type != EQUITY_FIELD_DATASET)
        continue;
      value = equity_analysis_dup_string (self, info->fields[i].key);
      if (g_strcmp0 (value, old_name) == 0)
        equity_analysis_set_string (self, info->fields[i].key, new_name);
    }
}
