/* equity-indicator.c — an indicator as the project stores it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <glib/gi18n-lib.h>

#include "equity-indicator.h"

struct _EquityIndicator
{
  GObject                  parent_instance;
  gint64                   id;
  char                    *name;
  char                    *theme;
  char                    *topic;
  EquityIndicatorDirection direction;
  EquityIndicatorKind      kind;
  gint64                   analysis_id;
  int                      year_column;
  GArray                  *years;   /* int */
  char                    *group_a;
  char                    *group_b;
  char                    *source;
  double                   per;
  int                      baseline_year;
  int                      goal_year;
  double                   goal_value;
  GArray                  *values;  /* EquityIndicatorYear, ascending */
};

G_DEFINE_FINAL_TYPE (EquityIndicator, equity_indicator, G_TYPE_OBJECT)

/* g_set_str() is newer than GLib 2.74 */
static void
set_string (char       **field,
            const char  *value)
{
  char *copy = g_strdup (value);

  g_free (*field);
  *field = copy;
}

static const char *direction_words[] = { "higher-is-worse", "higher-is-better" };
static const char *kind_words[] = { "ratio", "percentage" };
static const char *status_words[] = { "no-data", "on-track", "off-track" };

static const char *
word_of (const char **words,
         guint        n_words,
         guint        value)
{
  g_return_val_if_fail (value < n_words, NULL);
  return words[value];
}

/* the position of TEXT among WORDS, or -1 */
static int
word_index (const char  *text,
            const char **words,
            guint        n_words)
{
  for (guint i = 0; text != NULL && i < n_words; i++)
    if (g_str_equal (text, words[i]))
      return i;
  return -1;
}

/* An enum spelled by the words of its table, in the enum's order: both
 * converters come from the table, so a word is added in one place. */
#define DEFINE_WORD_CONVERTERS(name, Type, words)                             \
  const char *                                                                \
  equity_indicator_##name##_to_string (Type value)                            \
  {                                                                           \
    return word_of (words, G_N_ELEMENTS (words), value);                      \
  }                                                                           \
                                                                              \
  gboolean                                                                    \
  equity_indicator_##name##_from_string (const char *text,                    \
                                         Type       *value)                   \
  {                                                                           \
    int index = word_index (text, words, G_N_ELEMENTS (words));               \
                                                                              \
    if (index >= 0)                                                           \
      *value = index;                                                         \
    return index >= 0;                                                        \
  }

DEFINE_WORD_CONVERTERS (direction, EquityIndicatorDirection, direction_words)
DEFINE_WORD_CONVERTERS (kind, EquityIndicatorKind, kind_words)

const char *
equity_indicator_status_to_string (EquityIndicatorStatus status)
{
  return word_of (status_words, G_N_ELEMENTS (status_words), status);
}

const char *
equity_indicator_status_to_label (EquityIndicatorStatus status)
{
  switch (status)
    {
    case EQUITY_INDICATOR_ON_TRACK:
      return _("On track");
    case EQUITY_INDICATOR_OFF_TRACK:
      return _("Off track");
    case EQUITY_INDICATOR_NO_DATA:
    default:
      return _("No data");
    }
}

void
equity_indicator_year_init (EquityIndicatorYear *year,
                            int                  year_number)
{
  double *numbers = &year->value;
  guint n_numbers = (sizeof *year - G_STRUCT_OFFSET (EquityIndicatorYear, value)) / sizeof (double);

  year->year = year_number;
  for (guint i = 0; i < n_numbers; i++)
    numbers[i] = NAN;
}

static void
equity_indicator_finalize (GObject *object)
{
  EquityIndicator *self = EQUITY_INDICATOR (object);

  g_free (self->name);
  g_free (self->theme);
  g_free (self->topic);
  g_free (self->group_a);
  g_free (self->group_b);
  g_free (self->source);
  g_array_unref (self->years);
  g_array_unref (self->values);

  G_OBJECT_CLASS (equity_indicator_parent_class)->finalize (object);
}

static void
equity_indicator_class_init (EquityIndicatorClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = equity_indicator_finalize;
}

static void
equity_indicator_init (EquityIndicator *self)
{
  self->theme = g_strdup ("");
  self->topic = g_strdup ("");
  self->year_column = -1;
  self->years = g_array_new (FALSE, FALSE, sizeof (int));
  self->values = g_array_new (FALSE, FALSE, sizeof (EquityIndicatorYear));
  self->per = 1000;
  self->goal_value = NAN;
}

EquityIndicator *
equity_indicator_new (const char *name)
{
  EquityIndicator *self = g_object_new (EQUITY_TYPE_INDICATOR, NULL);

  self->name = g_strdup (name);
  return self;
}

EquityIndicator *
equity_indicator_copy (EquityIndicator *self)
{
  EquityIndicator *copy;

  g_return_val_if_fail (EQUITY_IS_INDICATOR (self), NULL);

  copy = equity_indicator_new (self->name);
  copy->id = self->id;
  equity_indicator_set_theme (copy, self->theme);
  equity_indicator_set_topic (copy, self->topic);
  copy->direction = self->direction;
  copy->kind = self->kind;
  equity_indicator_set_analysis (copy, self->analysis_id, self->year_column,
                                 (const int *) (gpointer) self->years->data, self->years->len);
  equity_indicator_set_groups (copy, self->group_a, self->group_b);
  equity_indicator_set_source (copy, self->source);
  copy->per = self->per;
  copy->baseline_year = self->baseline_year;
  copy->goal_year = self->goal_year;
  copy->goal_value = self->goal_value;
  g_array_append_vals (copy->values, self->values->data, self->values->len);
  return copy;
}

gint64
equity_indicator_get_id (EquityIndicator *self)
{
  g_return_val_if_fail (EQUITY_IS_INDICATOR (self), 0);
  return self->id;
}

void
_equity_indicator_set_id (EquityIndicator *self,
                          gint64           id)
{
  self->id = id;
}

#define STRING_PROPERTY(field)                                            \
  const char *                                                            \
  equity_indicator_get_##field (EquityIndicator *self)                    \
  {                                                                       \
    g_return_val_if_fail (EQUITY_IS_INDICATOR (self), NULL);              \
    return self->field;                                                   \
  }

STRING_PROPERTY (name)
STRING_PROPERTY (theme)
STRING_PROPERTY (topic)
STRING_PROPERTY (group_a)
STRING_PROPERTY (group_b)
STRING_PROPERTY (source)

void
equity_indicator_set_name (EquityIndicator *self,
                           const char      *name)
{
  g_return_if_fail (EQUITY_IS_INDICATOR (self));
  set_string (&self->name, name);
}

/* theme and topic are never NULL: "" groups the unfiled ones */
void
equity_indicator_set_theme (EquityIndicator *self,
                            const char      *theme)
{
  g_return_if_fail (EQUITY_IS_INDICATOR (self));
  set_string (&self->theme, theme != NULL ? theme : "");
}

void
equity_indicator_set_topic (EquityIndicator *self,
                            const char      *topic)
{
  g_return_if_fail (EQUITY_IS_INDICATOR (self));
  set_string (&self->topic, topic != NULL ? topic : "");
}

EquityIndicatorDirection
equity_indicator_get_direction (EquityIndicator *self)
{
  return self->direction;
}

void
equity_indicator_set_direction (EquityIndicator          *self,
                                EquityIndicatorDirection  direction)
{
  self->direction = direction;
}

EquityIndicatorKind
equity_indicator_get_kind (EquityIndicator *self)
{
  return self->kind;
}

void
equity_indicator_set_kind (EquityIndicator     *self,
                           EquityIndicatorKind  kind)
{
  self->kind = kind;
}

gint64
equity_indicator_get_analysis_id (EquityIndicator *self)
{
  return self->analysis_id;
}

int
equity_indicator_get_year_column (EquityIndicator *self)
{
  return self->year_column;
}

const int *
equity_indicator_get_years (EquityIndicator *self,
                            guint           *n_years)
{
  if (n_years != NULL)
    *n_years = self->years->len;
  return (const int *) (gpointer) self->years->data;
}

static int
compare_ints (gconstpointer a,
              gconstpointer b)
{
  return *(const int *) a - *(const int *) b;
}

void
equity_indicator_set_analysis (EquityIndicator *self,
                               gint64           analysis_id,
                               int              year_column,
                               const int       *years,
                               guint            n_years)
{
  g_return_if_fail (EQUITY_IS_INDICATOR (self));

  self->analysis_id = analysis_id;
  self->year_column = year_column;
  g_array_set_size (self->years, 0);
  if (n_years > 0)
    g_array_append_vals (self->years, years, n_years);
  g_array_sort (self->years, compare_ints);
}

void
equity_indicator_set_groups (EquityIndicator *self,
                             const char      *group_a,
                             const char      *group_b)
{
  g_return_if_fail (EQUITY_IS_INDICATOR (self));
  set_string (&self->group_a, group_a);
  set_string (&self->group_b, group_b);
}

void
equity_indicator_set_source (EquityIndicator *self,
                             const char      *source)
{
  g_return_if_fail (EQUITY_IS_INDICATOR (self));
  set_string (&self->source, source);
}

GArray *
equity_indicator_get_values (EquityIndicator *self)
{
  g_return_val_if_fail (EQUITY_IS_INDICATOR (self), NULL);
  return self->values;
}

void
equity_indicator_set_value (EquityIndicator           *self,
                            const EquityIndicatorYear *year)
{
  guint i;

  g_return_if_fail (EQUITY_IS_INDICATOR (self));

  for (i = 0; i < self->values->len; i++)
    {
      EquityIndicatorYear *stored = &g_array_index (self->values, EquityIndicatorYear, i);

      if (stored->year == year->year)
        {
          *stored = *year;
          return;
        }
      if (stored->year > year->year)
        break;
    }
  g_array_insert_val (self->values, i, *year);
}

void
equity_indicator_clear_values (EquityIndicator *self)
{
  g_array_set_size (self->values, 0);
}

double
equity_indicator_get_per (EquityIndicator *self)
{
  return self->per;
}

void
equity_indicator_set_per (EquityIndicator *self,
                          double           per)
{
  self->per = per;
}

int
equity_indicator_get_baseline_year (EquityIndicator *self)
{
  return self->baseline_year;
}

void
equity_indicator_set_baseline_year (EquityIndicator *self,
                                    int              year)
{
  self->baseline_year = year;
}

int
equity_indicator_get_goal_year (EquityIndicator *self)
{
  return self->goal_year;
}

double
equity_indicator_get_goal_value (EquityIndicator *self)
{
  return self->goal_value;
}

void
equity_indicator_set_goal (EquityIndicator *self,
                           int              goal_year,
                           double           goal_value)
{
  self->goal_year = goal_year;
  self->goal_value = goal_value;
}
