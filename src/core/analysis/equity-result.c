/* equity-result.c — what an analysis computes: estimates, intervals, flags
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "equity-result"

#include "config.h"

#include <math.h>
#include <glib/gi18n-lib.h>

#include "equity-result.h"

struct _EquityResult
{
  GObject          parent_instance;
  char            *kind;
  char            *title;
  char            *reference;
  char            *units;
  char            *source_note;
  char            *map_dataset;
  char            *map_key;
  double           per;
  double           confidence;
  guint            suppress_below;
  double           index;
  guint64          unmatched_events;
  guint64          outside;
  GPtrArray       *rows;       /* EquityResultRow*, in the analysis' order */
  GHashTable      *by_label;   /* label → EquityResultRow* */
  EquityResultRow *overall;
  GPtrArray       *unmatched;  /* char* */
  GHashTable      *unmatched_set;
  GPtrArray       *notes;      /* char*, NULL-terminated */
  GPtrArray       *number_names;
  GArray          *number_values;
};

G_DEFINE_FINAL_TYPE (EquityResult, equity_result, G_TYPE_OBJECT)

static EquityResultRow *
row_new (const char *label)
{
  EquityResultRow *row = g_new0 (EquityResultRow, 1);

  row->label = g_strdup (label);
  row->count = row->population = row->population_moe = NAN;
  row->rate = row->rate_low = row->rate_high = NAN;
  row->ratio = row->ratio_low = row->ratio_high = NAN;
  row->difference = row->difference_low = row->difference_high = NAN;
  row->estimate = row->moe = row->cv = NAN;
  row->share = row->population_share = NAN;
  row->share_low = row->share_high = NAN;
  row->mean = row->mean_low = row->mean_high = NAN;
  row->median = row->median_low = row->median_high = NAN;
  row->index = NAN;
  return row;
}

static void
row_free (EquityResultRow *row)
{
  g_free (row->label);
  g_free (row->display_label);
  g_free (row);
}

static void
equity_result_finalize (GObject *object)
{
  EquityResult *self = EQUITY_RESULT (object);

  g_clear_pointer (&self->kind, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->reference, g_free);
  g_clear_pointer (&self->units, g_free);
  g_clear_pointer (&self->source_note, g_free);
  g_clear_pointer (&self->map_dataset, g_free);
  g_clear_pointer (&self->map_key, g_free);
  g_clear_pointer (&self->by_label, g_hash_table_unref);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->overall, row_free);
  g_clear_pointer (&self->unmatched_set, g_hash_table_unref);
  g_clear_pointer (&self->unmatched, g_ptr_array_unref);
  g_clear_pointer (&self->notes, g_ptr_array_unref);
  g_clear_pointer (&self->number_names, g_ptr_array_unref);
  g_clear_pointer (&self->number_values, g_array_unref);

  G_OBJECT_CLASS (equity_result_parent_class)->finalize (object);
}

static void
equity_result_class_init (EquityResultClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = equity_result_finalize;
}

static void
equity_result_init (EquityResult *self)
{
  self->per = 1000.0;
  self->confidence = 0.95;
  self->suppress_below = 11;
  self->index = NAN;
  self->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) row_free);
  self->by_label = g_hash_table_new (g_str_hash, g_str_equal);
  self->overall = row_new (NULL);
  self->unmatched = g_ptr_array_new_with_free_func (g_free);
  self->unmatched_set = g_hash_table_new (g_str_hash, g_str_equal);
  self->notes = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (self->notes, NULL);
  self->number_names = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (self->number_names, NULL);
  self->number_values = g_array_new (FALSE, FALSE, sizeof (double));
}

EquityResult *
equity_result_new (const char *kind)
{
  EquityResult *self;

  g_return_val_if_fail (kind != NULL, NULL);

  self = g_object_new (EQUITY_TYPE_RESULT, NULL);
  self->kind = g_strdup (kind);
  return self;
}

const char *
equity_result_get_kind (EquityResult *self)
{
  g_return_val_if_fail (EQUITY_IS_RESULT (self), NULL);
  return self->kind;
}

#define STRING_ACCESSORS(field)                                              \
const char *                                                                 \
equity_result_get_##field (EquityResult *self)                              \
{                                                                            \
  g_return_val_if_fail (EQUITY_IS_RESULT (self), NULL);                     \
  return self->field;                                                        \
}                                                                            \
void                                                                         \
equity_result_set_##field (EquityResult *self,                              \
                           const char   *value)                             \
{                                                                            \
  g_return_if_fail (EQUITY_IS_RESULT (self));                               \
  if (self->field != value)                                                  \
    {                                                                        \
      g_free (self->field);                                                  \
      self->field = g_strdup (value);                                        \
    }                                                                        \
}

STRING_ACCESSORS (title)
STRING_ACCESSORS (reference)
STRING_ACCESSORS (units)
STRING_ACCESSORS (source_note)

double
equity_result_get_per (EquityResult *self)
{
  g_return_val_if_fail (EQUITY_IS_RESULT (self), NAN);
  return self->per;
}

void
equity_result_set_per (EquityResult *self,
                       double        per)
{
  g_return_if_fail (EQUITY_IS_RESULT (self));
  self->per = per;
}

double
equity_result_get_confidence (EquityResult *self)
{
  g_return_val_if_fail (EQUITY_IS_RESULT (self), NAN);
  return self->confidence;
}

void
equity_result_set_confidence (EquityResult *self,
                              double        confidence)
{
  g_return_if_fail (EQUITY_IS_RESULT (self));
  self->confidence = confidence;
}

guint
equity_result_get_suppress_below (EquityResult *self)
{
  g_return_val_if_fail (EQUITY_IS_RESULT (self), 0);
  return self->suppress_below;
}

void
equity_result_set_suppress_below (EquityResult *self,
                                  guint         suppress_below)
{
  g_return_if_fail (EQUITY_IS_RESULT (self));
  self->suppress_below = suppress_below;
}

guint
equity_result_get_n_rows (EquityResult *self)
{
  g_return_val_if_fail (EQUITY_IS_RESULT (self), 0);
  return self->rows->len;
}

EquityResultRow *
equity_result_get_row (EquityResult *self,
                       guint         index)
{
  g_return_val_if_fail (EQUITY_IS_RESULT (self), NULL);
  g_return_val_if_fail (index < self->rows->len, NULL);
  return g_ptr_array_index (self->rows, index);
}

EquityResultRow *
equity_result_add_row (EquityResult *self,
                       const char   *label)
{
  EquityResultRow *row;

  g_return_val_if_fail (EQUITY_IS_RESULT (self), NULL);

  row = row_new (label);
  g_ptr_array_add (self->rows, row);
  /* the first row of a label is the one found */
  if (row->label != NULL && !g_hash_table_contains (self->by_label, row->label))
    g_hash_table_insert (self->by_label, row->label, row);
  return row;
}

EquityResultRow *
equity_result_find_row (EquityResult *self,
                        const char   *label)
{
  g_return_val_if_fail (EQUITY_IS_RESULT (self), NULL);
  if (label == NULL)
    return NULL;
  return g_hash_table_lookup (self->by_label, label);
}

EquityResultRow *
equity_result_get_overall (EquityResult *self)
{
  g_return_val_if_fail (EQUITY_IS_RESULT (self), NULL);
  return self->overall;
}

GPtrArray *
equity_result_get_unmatched (EquityResult *self)
{
  g_return_val_if_fail (EQUITY_IS_RESULT (self), NULL);
  return self->unmatched;
}

void
equity_result_add_unmatched (EquityResult *self,
                             const char   *key)
{
  char *copy;

  g_return_if_fail (EQUITY_IS_RESULT (self));
  g_return_if_fail (key != NULL);

  if (g_hash_table_contains (self->unmatched_set, key))
    return;
  copy = g_strdup (key);
  g_ptr_array_add (self->unmatched, copy);
  g_hash_table_add (self->unmatched_set, copy);
}

guint64
equity_result_get_unmatched_events (EquityResult *self)
{
  g_return_val_if_fail (EQUITY_IS_RESULT (self), 0);
  return self->unmatched_events;
}

void
equity_result_set_unmatched_events (EquityResult *self,
                                    guint64       n)
{
  g_return_if_fail (EQUITY_IS_RESULT (self));
  self->unmatched_events = n;
}

guint64
equity_result_get_outside (EquityResult *self)
{
  g_return_val_if_fail (EQUITY_IS_RESULT (self), 0);
  return self->outside;
}

void
equity_result_set_outside (EquityResult *self,
                           guint64       n)
{
  g_return_if_fail (EQUITY_IS_RESULT (self));
  self->outside = n;
}

double
equity_result_get_index (EquityResult *self)
{
  g_return_val_if_fail (EQUITY_IS_RESULT (self), NAN);
  return self->index;
}

void
equity_result_set_index (EquityResult *self,
                         double        index)
{
  g_return_if_fail (EQUITY_IS_RESULT (self));
  self->index = index;
}

const char *
equity_result_get_map_dataset (EquityResult *self)
{
  g_return_val_if_fail (EQUITY_IS_RESULT (self), NULL);
  return self->map_dataset;
}

const char *
equity_result_get_map_key (EquityResult *self)
{
  g_return_val_if_fail (EQUITY_IS_RESULT (self), NULL);
  return self->map_key;
}

void
equity_result_set_map (EquityResult *self,
                       const char   *dataset,
                       const char   *key_column)
{
  g_return_if_fail (EQUITY_IS_RESULT (self));

  g_free (self->map_dataset);
  g_free (self->map_key);
  self->map_dataset = g_strdup (dataset);
  self->map_key = g_strdup (key_column);
}

void
equity_result_set_number (EquityResult *self,
                          const char   *name,
                          double        value)
{
  g_return_if_fail (EQUITY_IS_RESULT (self));
  g_return_if_fail (name != NULL);

  for (guint i = 0; i + 1 < self->number_names->len; i++)
    if (g_str_equal (g_ptr_array_index (self->number_names, i), name))
      {
        g_array_index (self->number_values, double, i) = value;
        return;
      }
  /* keep the array NULL-terminated for get_number_names() */
  g_ptr_array_index (self->number_names, self->number_names->len - 1) = g_strdup (name);
  g_ptr_array_add (self->number_names, NULL);
  g_array_append_val (self->number_values, value);
}

double
equity_result_get_number (EquityResult *self,
                          const char   *name)
{
  g_return_val_if_fail (EQUITY_IS_RESULT (self), NAN);

  for (guint i = 0; i + 1 < self->number_names->len; i++)
    if (g_str_equal (g_ptr_array_index (self->number_names, i), name))
      return g_array_index (self->number_values, double, i);
  return NAN;
}

const char * const *
equity_result_get_number_names (EquityResult *self)
{
  g_return_val_if_fail (EQUITY_IS_RESULT (self), NULL);
  return (const char * const *) self->number_names->pdata;
}

void
equity_result_add_note (EquityResult *self,
                        const char   *format,
                        ...)
{
  va_list args;

  g_return_if_fail (EQUITY_IS_RESULT (self));
  g_return_if_fail (format != NULL);

  /* keep the array NULL-terminated for get_notes() */
  va_start (args, format);
  g_ptr_array_index (self->notes, self->notes->len - 1) = g_strdup_vprintf (format, args);
  va_end (args);
  g_ptr_array_add (self->notes, NULL);
}

const char * const *
equity_result_get_notes (EquityResult *self)
{
  g_return_val_if_fail (EQUITY_IS_RESULT (self), NULL);
  return (const char * const *) self->notes->pdata;
}

const char *
equity_result_row_get_name (const EquityResultRow *row)
{
  g_return_val_if_fail (row != NULL, NULL);
  return row->display_label != NULL ? row->display_label : row->label;
}

/* How far a row's ratio is from 1, judged by the end of its interval nearer
 * to 1: a large gap measured on a handful of people does not make the
 * headline over a slightly smaller one that is certain. */
static double
gap_size (const EquityResultRow *row)
{
  double conservative = row->ratio;

  if (row->ratio > 1.0 && isfinite (row->ratio_low))
    conservative = MAX (row->ratio_low, 1.0);
  else if (row->ratio < 1.0 && isfinite (row->ratio_high))
    conservative = MIN (row->ratio_high, 1.0);
  return fabs (log (conservative));
}

/* The headline picks the row a reader would ask about first. */
static EquityResultRow *
headline_row (EquityResult *self)
{
  EquityResultRow *best = NULL;
  double best_gap = -1.0;

  for (guint i = 0; i < self->rows->len; i++)
    {
      EquityResultRow *row = g_ptr_array_index (self->rows, i);
      double gap;

      if (row->is_reference || !(row->ratio > 0.0) || !isfinite (row->ratio) || row->suppressed)
        continue;
      gap = gap_size (row);
      if (gap > best_gap)
        {
          best = row;
          best_gap = gap;
        }
    }
  return best;
}

char *
equity_result_dup_headline (EquityResult *self)
{
  int percent;
  EquityResultRow *row;

  g_return_val_if_fail (EQUITY_IS_RESULT (self), NULL);

  percent = (int) round (self->confidence * 100.0);
  if (g_str_equal (self->kind, EQUITY_KIND_DISSIMILARITY) && isfinite (self->index))
    return g_strdup_printf (_("Dissimilarity index %.2f: %.0f%% of either group would have to move "
                              "for both to be spread alike."), self->index, self->index * 100.0);
  if (g_str_equal (self->kind, EQUITY_KIND_INDEX_OF_DISPARITY) && isfinite (self->index))
    return g_strdup_printf (_("Index of disparity %.1f: group rates differ from the reference rate "
                              "by %.1f%% on average."), self->index, self->index);

  row = headline_row (self);
  if (row == NULL)
    return NULL;

  if (g_str_equal (self->kind, EQUITY_KIND_AREA_RATES))
    {
      EquityResultRow *highest = NULL, *lowest = NULL;

      /* the spread a council member asks about first: top and bottom areas */
      for (guint i = 0; i < self->rows->len; i++)
        {
          EquityResultRow *area = g_ptr_array_index (self->rows, i);

          if (area->suppressed || !isfinite (area->ratio) || !isfinite (area->rate))
            continue;
          if (highest == NULL || area->ratio > highest->ratio)
            highest = area;
          if (lowest == NULL || area->ratio < lowest->ratio)
            lowest = area;
        }
      /* named areas read as themselves: "Census Tract 1 has …", not "Area Census Tract 1" */
      if (highest != NULL && lowest != NULL && highest != lowest &&
          highest->display_label != NULL && lowest->display_label != NULL)
        return g_strdup_printf (_("%s has the highest rate, %.2f times the overall rate "
                                  "(%d%% CI %.2f–%.2f); %s the lowest, %.2f times."),
                                highest->display_label, highest->ratio, percent,
                                highest->ratio_low, highest->ratio_high,
                                lowest->display_label, lowest->ratio);
      if (highest != NULL && lowest != NULL && highest != lowest)
        return g_strdup_printf (_("Area %s has the highest rate, %.2f times the overall rate "
                                  "(%d%% CI %.2f–%.2f); area %s the lowest, %.2f times."),
                                equity_result_row_get_name (highest), highest->ratio, percent,
                                highest->ratio_low, highest->ratio_high,
                                equity_result_row_get_name (lowest), lowest->ratio);
      return g_strdup_printf (_("%s: %.2f times the overall rate (%d%% CI %.2f–%.2f)."),
                              equity_result_row_get_name (row), row->ratio, percent,
                              row->ratio_low, row->ratio_high);
    }
  if (g_str_equal (self->kind, EQUITY_KIND_UTILIZATION))
    return g_strdup_printf (_("%s firms received %.0f%% of the dollars their availability predicts "
                              "(disparity index %.0f)."),
                            equity_result_row_get_name (row), row->index, row->index);
  if (self->reference != NULL)
    {
      EquityResultRow *reference = equity_result_find_row (self, self->reference);
      const char *against = reference != NULL ? equity_result_row_get_name (reference) : self->reference;

      if (isfinite (row->ratio_low) && isfinite (row->ratio_high))
        return g_strdup_printf (_("%s: %.2f times the rate of %s (%d%% CI %.2f–%.2f)."),
                                equity_result_row_get_name (row), row->ratio, against, percent,
                                row->ratio_low, row->ratio_high);
      return g_strdup_printf (_("%s: %.2f times the rate of %s."),
                              equity_result_row_get_name (row), row->ratio, against);
    }
  return g_strdup_printf (_("%s: %.2f times the overall figure."),
                          equity_result_row_get_name (row), row->ratio);
}

gboolean
equity_result_row_is_hidden (const EquityResultRow *row)
{
  g_return_val_if_fail (row != NULL, FALSE);
  return row->suppressed || row->suppressed_secondary;
}
