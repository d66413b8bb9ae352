/* equity-analysis-util.c — what the kinds share: spec look-ups, errors, SQL
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "equity-analysis"

#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "equity-error.h"
#include "equity-analysis-private.h"
#include "equity-analysis-fields.h"
#include "equity-analysis-compute.h"

void
_equity_analysis_set_error (EquityAnalysisContext  *context,
                            GError                **error,
                            const char             *group,
                            const char             *key,
                            const char             *format,
                            ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error (error, EQUITY_ERROR, EQUITY_ERROR_INVALID, "%s: [%s] %s: %s",
               equity_analysis_get_source_name (context->analysis),
               group != NULL ? group : EQUITY_ANALYSIS_GROUP, key, message);
}

char *
_equity_analysis_string (EquityAnalysisContext *context,
                         const char            *key)
{
  return _equity_analysis_spec_value (context->analysis, EQUITY_ANALYSIS_GROUP, key);
}

EquityDataset *
_equity_analysis_dataset (EquityAnalysisContext  *context,
                          const char             *key,
                          gboolean                optional,
                          GError                **error)
{
  g_autofree char *name = _equity_analysis_string (context, key);
  EquityDataset *dataset;

  if (name == NULL)
    {
      if (!optional)
        _equity_analysis_set_error (context, error, NULL, key, _("missing (the name of a dataset)"));
      return NULL;
    }
  dataset = equity_project_find_dataset (context->project, name);
  if (dataset == NULL)
    _equity_analysis_set_error (context, error, NULL, key, _("the project has no dataset “%s”"), name);
  return dataset;
}

EquityColumn *
_equity_analysis_column (EquityAnalysisContext  *context,
                         EquityDataset          *dataset,
                         const char             *group,
                         const char             *key,
                         gboolean                optional,
                         GError                **error)
{
  g_autofree char *name = _equity_analysis_spec_value (context->analysis,
                                                       group != NULL ? group : EQUITY_ANALYSIS_GROUP,
                                                       key);
  EquityColumn *column;

  if (name == NULL)
    {
      if (!optional)
        _equity_analysis_set_error (context, error, group, key,
                                    _("missing (a column of dataset “%s”)"),
                                    equity_dataset_get_name (dataset));
      return NULL;
    }
  column = equity_dataset_find_column (dataset, name);
  if (column == NULL)
    _equity_analysis_set_error (context, error, group, key, _("dataset “%s” has no column “%s”"),
                                equity_dataset_get_name (dataset), name);
  return column;
}

EquityColumn *
_equity_analysis_numeric_column (EquityAnalysisContext  *context,
                                 EquityDataset          *dataset,
                                 const char             *group,
                                 const char             *key,
                                 gboolean                optional,
                                 GError                **error)
{
  g_autoptr(GError) local_error = NULL;
  EquityColumn *column = _equity_analysis_column (context, dataset, group, key, optional, &local_error);
  EquityColumnType type;

  if (column == NULL)
    {
      if (local_error != NULL)
        g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  type = equity_column_get_column_type (column);
  if (type != EQUITY_COLUMN_TYPE_INTEGER && type != EQUITY_COLUMN_TYPE_REAL)
    {
      _equity_analysis_set_error (context, error, group, key,
                                  _("column “%s” of dataset “%s” holds %s, not numbers"),
                                  equity_column_get_name (column), equity_dataset_get_name (dataset),
                                  equity_column_type_to_string (type));
      return NULL;
    }
  return column;
}

gboolean
_equity_analysis_cancelled (EquityAnalysisContext  *context,
                            GError                **error)
{
  return g_cancellable_set_error_if_cancelled (context->cancellable, error);
}

void
_equity_analysis_progress (EquityAnalysisContext *context,
                           double                 fraction)
{
  if (context->progress != NULL)
    context->progress (CLAMP (fraction, 0.0, 1.0), context->progress_data);
}

EquityResult *
_equity_analysis_new_result (EquityAnalysisContext *context,
                             const char            *kind)
{
  g_autofree char *name = equity_analysis_dup_name (context->analysis);
  EquityResult *result = equity_result_new (kind);

  equity_result_set_title (result, name);
  equity_result_set_per (result, context->per);
  equity_result_set_confidence (result, context->confidence);
  equity_result_set_suppress_below (result, context->suppress_below);
  return result;
}

static char *
format_units (EquityAnalysisContext *context,
              const char            *what)
{
  g_autoptr(GString) per = g_string_new (NULL);
  g_autofree char *digits = NULL;
  guint lead;

  if (context->per != floor (context->per) || context->per >= 1e15)
    return g_strdup_printf (_("%s per %g residents"), what, context->per);
  /* 1000 → "1,000": the way a council packet prints it */
  digits = g_strdup_printf ("%.0f", context->per);
  lead = strlen (digits) % 3;
  for (guint i = 0; digits[i] != '\0'; i++)
    {
      if (i > 0 && (i % 3) == lead % 3 && i >= (lead == 0 ? 3 : lead))
        g_string_append_c (per, ',');
      g_string_append_c (per, digits[i]);
    }
  return g_strdup_printf (_("%s per %s residents"), what, per->str);
}

void
_equity_analysis_set_units (EquityAnalysisContext *context,
                            EquityResult          *result,
                            EquityDataset         *events,
                            EquityColumn          *value_column)
{
  g_autofree char *units = format_units (context, value_column != NULL ? equity_column_get_name (value_column)
                                                                       : equity_dataset_get_name (events));

  equity_result_set_units (result, units);
}

gboolean
_equity_analysis_check_optional_numeric (EquityAnalysisContext  *context,
                                         EquityDataset          *dataset,
                                         const char             *group,
                                         const char             *key,
                                         GError                **error)
{
  g_autoptr(GError) local_error = NULL;

  if (_equity_analysis_numeric_column (context, dataset, group, key, TRUE, &local_error) == NULL
      && local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  return TRUE;
}

static gboolean
reference_may_be_overall (EquityAnalysisContext *context)
{
  g_autofree char *kind = equity_analysis_dup_kind (context->analysis);
  const EquityAnalysisKindInfo *info = equity_analysis_fields_find_kind (kind);

  for (guint i = 0; info != NULL && info->fields[i].key != NULL; i++)
    if (info->fields[i].type == EQUITY_FIELD_REFERENCE)
      return (info->fields[i].flags & EQUITY_FIELD_OVERALL) != 0;
  return FALSE;
}

gboolean
_equity_analysis_check_reference (EquityAnalysisContext  *context,
                                  GError                **error)
{
  g_autofree char *reference = _equity_analysis_string (context, "reference");
  g_autofree char *column = NULL;

  if (reference == NULL
      || (g_ascii_strcasecmp (reference, "overall") == 0 && reference_may_be_overall (context)))
    return TRUE;
  column = equity_analysis_dup_group_column (context->analysis, reference);
  if (column == NULL)
    {
      _equity_analysis_set_error (context, error, NULL, "reference",
                                  _("“%s” is not one of the groups that have a population column"), reference);
      return FALSE;
    }
  return TRUE;
}

gboolean
_equity_analysis_suppressed (EquityAnalysisContext *context,
                             double                 count)
{
  return count >= 1.0 && count < context->suppress_below;
}

/* events-year = COLUMN=YEAR: only the events whose COLUMN (a date or a
 * year number) falls in YEAR; an indicator sets it on a copy of its
 * analysis for each year it evaluates. */
static gboolean
events_year (EquityAnalysisContext  *context,
             EquityDataset          *dataset,
             EquityRowFilter        *filter,
             GError                **error)
{
  g_autofree char *text = _equity_analysis_string (context, "events-year");
  g_autofree char *column_name = NULL;
  const char *equals;
  char *end = NULL;
  gint64 year;

  if (text == NULL)
    return TRUE;
  equals = strrchr (text, '=');
  if (equals != NULL)
    year = g_ascii_strtoll (equals + 1, &end, 10);
  if (equals == NULL || equals == text || end == equals + 1 || *end != '\0' || year < 1 || year > 9999)
    {
      _equity_analysis_set_error (context, error, NULL, "events-year", _("“%s” is not COLUMN=YEAR"), text);
      return FALSE;
    }
  column_name = g_strstrip (g_strndup (text, equals - text));
  filter->year_column = equity_dataset_find_column (dataset, column_name);
  if (filter->year_column == NULL)
    {
      _equity_analysis_set_error (context, error, NULL, "events-year", _("dataset “%s” has no column “%s”"),
                                  equity_dataset_get_name (dataset), column_name);
      return FALSE;
    }
  filter->year = (int) year;
  return TRUE;
}

gboolean
_equity_analysis_filter (EquityAnalysisContext  *context,
                         EquityDataset          *dataset,
                         const char             *key,
                         EquityRowFilter        *filter,
                         GError                **error)
{
  g_autofree char *text = _equity_analysis_string (context, key);
  g_autofree char *column_name = NULL;
  const char *equals;

  filter->column = NULL;
  filter->value = NULL;
  filter->year_column = NULL;
  if (g_str_equal (key, "events-filter") && !events_year (context, dataset, filter, error))
    return FALSE;
  if (text == NULL || g_str_equal (text, EQUITY_ANALYSIS_ALL_ROWS))
    return TRUE;

  equals = strchr (text, '=');
  if (equals == NULL || equals == text)
    {
      _equity_analysis_set_error (context, error, NULL, key, _("“%s” is not COLUMN=VALUE"), text);
      return FALSE;
    }
  column_name = g_strstrip (g_strndup (text, equals - text));
  filter->column = equity_dataset_find_column (dataset, column_name);
  if (filter->column == NULL)
    {
      _equity_analysis_set_error (context, error, NULL, key, _("dataset “%s” has no column “%s”"),
                                  equity_dataset_get_name (dataset), column_name);
      return FALSE;
    }
  filter->value = g_strstrip (g_strdup (equals + 1));
  return TRUE;
}

void
_equity_row_filter_clear (EquityRowFilter *filter)
{
  g_clear_pointer (&filter->value, g_free);
  filter->column = NULL;
}

gboolean
_equity_analysis_check_groups (EquityAnalysisContext  *context,
                               EquityDataset          *population,
                               GError                **error)
{
  g_auto(GStrv) groups = equity_analysis_dup_groups (context->analysis);

  if (groups[0] == NULL)
    {
      g_set_error (error, EQUITY_ERROR, EQUITY_ERROR_INVALID,
                   _("%s: [groups]: missing (no group has a population column yet; in a spec file, one line per group: GROUP VALUE = population column)"),
                   equity_analysis_get_source_name (context->analysis));
      return FALSE;
    }
  for (guint i = 0; groups[i] != NULL; i++)
    if (_equity_analysis_numeric_column (context, population, EQUITY_GROUPS_GROUP, groups[i],
                                         FALSE, error) == NULL
        || !_equity_analysis_check_optional_numeric (context, population, EQUITY_GROUP_MOES_GROUP,
                                                     groups[i], error))
      return FALSE;
  return TRUE;
}

gboolean
_equity_analysis_group_population (EquityAnalysisContext  *context,
                                   EquityGroupPopulation  *out,
                                   GError                **error)
{
  EquityDataset *population = _equity_analysis_dataset (context, "population", FALSE, error);
  g_auto(EquityRowFilter) filter = { 0 };
  g_autoptr(GPtrArray) columns = g_ptr_array_new ();
  g_autoptr(EquityDatasetReader) reader = NULL;
  g_autofree double *moe_squares = NULL;
  g_autofree double *largest_zero_moe = NULL;
  g_autofree gboolean *has_moe = NULL;
  g_autoptr(GError) local_error = NULL;

  memset (out, 0, sizeof *out);
  if (population == NULL || !_equity_analysis_filter (context, population, "population-filter", &filter, error))
    return FALSE;

  out->groups = equity_analysis_dup_groups (context->analysis);
  out->n_groups = g_strv_length (out->groups);
  out->population = g_new0 (double, out->n_groups);
  out->moe = g_new (double, out->n_groups);
  moe_squares = g_new0 (double, out->n_groups);
  largest_zero_moe = g_new (double, out->n_groups);
  has_moe = g_new0 (gboolean, out->n_groups);

  /* column i is the group's population, n + i its margin (or NULL) */
  for (guint i = 0; i < out->n_groups; i++)
    {
      EquityColumn *column = _equity_analysis_column (context, population, EQUITY_GROUPS_GROUP,
                                                      out->groups[i], FALSE, error);
      if (column == NULL)
        return FALSE;
      g_ptr_array_add (columns, column);
      largest_zero_moe[i] = -1.0;
    }
  for (guint i = 0; i < out->n_groups; i++)
    {
      EquityColumn *moe = _equity_analysis_column (context, population, EQUITY_GROUP_MOES_GROUP,
                                                   out->groups[i], TRUE, NULL);
      has_moe[i] = moe != NULL;
      g_ptr_array_add (columns, moe);
    }

  reader = equity_dataset_reader_new (context->project, population,
                                      (EquityColumn * const *) columns->pdata, columns->len,
                                      filter.column, filter.value, error);
  if (reader == NULL)
    return FALSE;
  while (equity_dataset_reader_next (reader, &local_error))
    {
      out->n_rows++;
      for (guint i = 0; i < out->n_groups; i++)
        {
          double value = equity_dataset_reader_get_double (reader, i);
          double moe = equity_dataset_reader_get_double (reader, out->n_groups + i);

          if (isfinite (value))
            out->population[i] += value;
          if (!isfinite (moe))
            continue;
          /* the ACS sum rule: of the zero estimates' margins, only the largest */
          if (value == 0.0)
            largest_zero_moe[i] = MAX (largest_zero_moe[i], fabs (moe));
          else
            moe_squares[i] += moe * moe;
        }
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  if (out->n_rows == 0)
    {
      if (filter.column != NULL)
        _equity_analysis_set_error (context, error, NULL, "population-filter",
                                    _("no row of dataset “%s” has %s = %s"),
                                    equity_dataset_get_name (population),
                                    equity_column_get_name (filter.column), filter.value);
      else
        _equity_analysis_set_error (context, error, NULL, "population", _("dataset “%s” has no rows"),
                                    equity_dataset_get_name (population));
      return FALSE;
    }
  for (guint i = 0; i < out->n_groups; i++)
    {
      if (largest_zero_moe[i] >= 0.0)
        moe_squares[i] += largest_zero_moe[i] * largest_zero_moe[i];
      out->moe[i] = has_moe[i] ? sqrt (moe_squares[i]) : NAN;
    }
  return TRUE;
}

void
_equity_group_population_clear (EquityGroupPopulation *population)
{
  g_clear_pointer (&population->groups, g_strfreev);
  g_clear_pointer (&population->population, g_free);
  g_clear_pointer (&population->moe, g_free);
}

/* The keys count_by() has met, in an open-addressed table of their hashes
 * and lengths: a million rows over a few hundred keys ask it a million
 * times, and GHashTable's lookup through g_str_hash and strcmp was a fifth
 * of the whole analysis in a profile. The strings and sums live in the
 * GHashTable returned; this only finds them faster. */
typedef struct
{
  guint32     hash;
  guint32     length;
  const char *key;    /* NULL: an empty slot */
  double     *entry;
} KeySlot;

typedef struct
{
  KeySlot *slots;
  guint    mask;      /* capacity - 1, a power of two */
  guint    n_used;
} KeyIndex;

static void
key_index_clear (KeyIndex *index)
{
  g_clear_pointer (&index->slots, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (KeyIndex, key_index_clear)

/* FNV-1a: keys are short codes and names, where it spreads well */
static guint32
key_hash (const char *key,
          gsize       length)
{
  guint32 hash = 2166136261u;

  for (gsize i = 0; i < length; i++)
    hash = (hash ^ (guint8) key[i]) * 16777619u;
  return hash;
}

static KeySlot *
key_index_find (KeyIndex   *index,
                const char *key,
                gsize       length,
                guint32     hash)
{
  guint i = hash & index->mask;

  while (index->slots[i].key != NULL &&
         !(index->slots[i].hash == hash && index->slots[i].length == length &&
           memcmp (index->slots[i].key, key, length) == 0))
    i = (i + 1) & index->mask;
  return &index->slots[i];
}

static void
key_index_add (KeyIndex   *index,
               const char *key,
               gsize       length,
               guint32     hash,
               double     *entry)
{
  KeySlot *slot;

  /* at most half full, so a miss ends soon */
  if (2 * (index->n_used + 1) > index->mask + 1)
    {
      KeySlot *old = index->slots;
      guint old_capacity = index->mask + 1;

      index->mask = 2 * old_capacity - 1;
      index->slots = g_new0 (KeySlot, index->mask + 1);
      for (guint i = 0; i < old_capacity; i++)
        if (old[i].key != NULL)
          *key_index_find (index, old[i].key, old[i].length, old[i].hash) = old[i];
      g_free (old);
    }
  slot = key_index_find (index, key, length, hash);
  *slot = (KeySlot) { hash, (guint32) length, key, entry };
  index->n_used++;
}

GHashTable *
_equity_analysis_count_by (EquityAnalysisContext  *context,
                           EquityDataset          *dataset,
                           EquityColumn           *key_column,
                           EquityColumn           *value_column,
                           const EquityRowFilter  *filter,
                           GError                **error)
{
  g_autoptr(GHashTable) counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(EquityDatasetReader) reader = NULL;
  g_autoptr(GError) local_error = NULL;
  EquityColumn *columns[2] = { key_column, value_column };
  gboolean filtered = filter != NULL && filter->column != NULL;
  EquityColumn *year_column = filter != NULL ? filter->year_column : NULL;
  guint64 n_rows = 0;
  g_auto(KeyIndex) index = { g_new0 (KeySlot, 64), 63, 0 };

  /* One pass with a hash table in memory: SQLite's GROUP BY on a column
   * without an index sorts the whole table first, which is slower than this
   * by half, and compares stored values rather than the text keys match on. */
  reader = equity_dataset_reader_new_in_year (context->project, dataset, columns, 2,
                                              filtered ? filter->column : NULL,
                                              filtered ? filter->value : NULL,
                                              year_column, year_column != NULL ? filter->year : 0, error);
  if (reader == NULL)
    return NULL;
  while (equity_dataset_reader_next (reader, &local_error))
    {
      const char *key;
      double *entry;
      double value;
      gsize length;
      guint32 hash;
      KeySlot *slot;

      if (++n_rows % 262144 == 0 && _equity_analysis_cancelled (context, error))
        return NULL;
      key = equity_dataset_reader_peek_key (reader, 0);
      if (key == NULL)
        key = "";
      length = strlen (key);
      hash = key_hash (key, length);
      slot = key_index_find (&index, key, length, hash);
      entry = slot->entry;
      if (slot->key == NULL)
        {
          char *owned = g_strndup (key, length);

          entry = g_new0 (double, 2);
          g_hash_table_insert (counts, owned, entry);
          key_index_add (&index, owned, length, hash, entry);
        }
      entry[0] += 1.0;
      value = equity_dataset_reader_get_double (reader, 1);
      if (!isnan (value))  /* NULL reads as 0 */
        entry[1] += value;
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  return g_steal_pointer (&counts);
}

EquityStatsFlags
equity_row_set_rate (EquityResultRow *row,
                     double           events,
                     const double    *amount,
                     double           population,
                     double           per,
                     double           confidence)
{
  EquityEstimate estimate;
  EquityStatsFlags flags = equity_stats_rate (events, population, per, confidence, &estimate);

  if (amount == NULL)
    {
      row->rate = estimate.value;
      row->rate_low = estimate.low;
      row->rate_high = estimate.high;
    }
  else
    {
      row->rate = population > 0.0 ? *amount / population * per : NAN;
      row->rate_low = row->rate_high = NAN;
    }
  return flags;
}
