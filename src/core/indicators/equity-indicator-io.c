/* equity-indicator-io.c — an indicator from a spec file; yearly values from
 * a CSV file (docs/cli.md)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <glib/gi18n-lib.h>

#include "equity-analysis.h"
#include "equity-error.h"
#include "equity-indicator-io.h"
#include "equity-indicator-private.h"

#define GROUP "indicator"

static gboolean
spec_error (GError     **error,
            const char  *source_name,
            const char  *group,
            const char  *key,
            const char  *problem)
{
  g_set_error (error, EQUITY_ERROR, EQUITY_ERROR_INVALID, "%s: [%s] %s: %s", source_name, group, key, problem);
  return FALSE;
}

/* "12.5" → 12.5; FALSE for anything but one whole number */
static gboolean
parse_number (const char *text,
              double     *number)
{
  g_autofree char *copy = g_strstrip (g_strdup (text));
  char *end = NULL;

  if (*copy == '\0')
    return FALSE;
  *number = g_ascii_strtod (copy, &end);
  return end != copy && *end == '\0' && isfinite (*number);
}

/* KEY's numbers, separated by commas: exactly N_WANTED of them */
static gboolean
parse_numbers (GKeyFile    *file,
               const char  *source_name,
               const char  *group,
               const char  *key,
               double      *numbers,
               guint        n_wanted,
               GError     **error)
{
  g_autofree char *text = g_key_file_get_value (file, group, key, NULL);
  g_auto(GStrv) words = g_strsplit (text != NULL ? text : "", ",", -1);
  g_autofree char *problem = NULL;

  if (g_strv_length (words) == n_wanted)
    {
      guint i;
      for (i = 0; i < n_wanted && parse_number (words[i], &numbers[i]); i++)
        ;
      if (i == n_wanted)
        return TRUE;
    }
  problem = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "“%s” is not a number", "“%s” is not %u numbers separated by commas", n_wanted),
                             text, n_wanted);
  return spec_error (error, source_name, group, key, problem);
}

static gboolean
parse_year (const char *text,
            int        *year)
{
  double number;

  if (!parse_number (text, &number) || number != floor (number) || number < 1 || number > 9999)
    return FALSE;
  *year = (int) number;
  return TRUE;
}

/* [values] (year = value[, low, high]), [counts] (year = count A, population
 * A, count B, population B; or count, whole for a percentage) and [targets]
 * (year = target) */
static gboolean
read_year_groups (EquityIndicator  *indicator,
                  GKeyFile         *file,
                  const char       *source_name,
                  GError          **error)
{
  static const char *groups[] = { "values", "counts", "targets" };

  for (guint g = 0; g < G_N_ELEMENTS (groups); g++)
    {
      g_auto(GStrv) keys = g_key_file_get_keys (file, groups[g], NULL, NULL);

      for (guint i = 0; keys != NULL && keys[i] != NULL; i++)
        {
          GArray *stored = equity_indicator_get_values (indicator);
          EquityIndicatorYear year;
          double numbers[4];
          int year_number;
          g_autofree char *text = g_key_file_get_value (file, groups[g], keys[i], NULL);
          guint n_numbers = 1;

          if (!parse_year (keys[i], &year_number))
            return spec_error (error, source_name, groups[g], keys[i], _("the key is not a year"));
          equity_indicator_year_init (&year, year_number);
          for (guint k = 0; k < stored->len; k++)
            if (g_array_index (stored, EquityIndicatorYear, k).year == year_number)
              year = g_array_index (stored, EquityIndicatorYear, k);

          if (g == 0)
            n_numbers = strchr (text, ',') != NULL ? 3 : 1;
          else if (g == 1)
            n_numbers = strchr (strchr (text, ',') != NULL ? strchr (text, ',') + 1 : text, ',') != NULL ? 4 : 2;
          if (!parse_numbers (file, source_name, groups[g], keys[i], numbers, n_numbers, error))
            return FALSE;
          if (g == 0)
            {
              year.value = numbers[0];
              if (n_numbers == 3)
                year.low = numbers[1], year.high = numbers[2];
            }
          else if (g == 1)
            {
              year.count_a = numbers[0], year.population_a = numbers[1];
              if (n_numbers == 4)
                year.count_b = numbers[2], year.population_b = numbers[3];
            }
          else
            year.target = numbers[0];
          equity_indicator_set_value (indicator, &year);
        }
    }
  return TRUE;
}

/* analysis, year-column and years: the measure is a saved analysis */
static gboolean
read_analysis (EquityIndicator  *indicator,
               EquityProject    *project,
               GKeyFile         *file,
               const char       *source_name,
               GError          **error)
{
  g_autofree char *name = g_key_file_get_string (file, GROUP, "analysis", NULL);
  g_autofree char *column_name = g_key_file_get_string (file, GROUP, "year-column", NULL);
  g_autofree char *years_text = g_key_file_get_string (file, GROUP, "years", NULL);
  g_autofree char *events_name = NULL;
  g_auto(GStrv) year_words = NULL;
  g_autoptr(GArray) years = g_array_new (FALSE, FALSE, sizeof (int));
  g_autoptr(EquityAnalysis) analysis = NULL;
  g_autoptr(GError) local_error = NULL;
  EquityDataset *events;
  EquityColumn *column;
  gint64 id;

  if (name == NULL)
    return TRUE;
  id = equity_project_get_analysis_id (project, name, &local_error);
  if (id == 0)
    return spec_error (error, source_name, GROUP, "analysis", local_error->message);
  analysis = equity_analysis_new_from_project (project, name, error);
  if (analysis == NULL)
    return FALSE;
  if (column_name == NULL)
    return spec_error (error, source_name, GROUP, "year-column",
                       _("an indicator measured by an analysis needs the date or year column of its events"));
  events_name = equity_analysis_dup_string (analysis, "events");
  events = events_name != NULL ? equity_project_find_dataset (project, events_name) : NULL;
  column = events != NULL ? equity_dataset_find_column (events, column_name) : NULL;
  if (column == NULL)
    {
      g_autofree char *problem = g_strdup_printf (_("the events of “%s” have no column “%s”"), name, column_name);
      return spec_error (error, source_name, GROUP, "year-column", problem);
    }

  year_words = g_strsplit_set (years_text != NULL ? years_text : "", ",;", -1);
  for (guint i = 0; year_words[i] != NULL; i++)
    {
      int year;

      if (*g_strstrip (year_words[i]) == '\0')
        continue;
      if (!parse_year (year_words[i], &year))
        {
          g_autofree char *problem = g_strdup_printf (_("“%s” is not a year"), year_words[i]);
          return spec_error (error, source_name, GROUP, "years", problem);
        }
      g_array_append_val (years, year);
    }
  if (years->len == 0)
    return spec_error (error, source_name, GROUP, "years", _("list the years to evaluate, e.g. 2020, 2021"));
  equity_indicator_set_analysis (indicator, id, (int) equity_column_get_position (column),
                                 (const int *) (gpointer) years->data, years->len);
  return TRUE;
}

EquityIndicator *
equity_indicator_new_from_data (EquityProject  *project,
                                const char     *data,
                                gssize          length,
                                const char     *source_name,
                                GError        **error)
{
  g_autoptr(GKeyFile) file = g_key_file_new ();
  g_autoptr(GError) local_error = NULL;
  g_autoptr(EquityIndicator) indicator = NULL;
  g_autofree char *name = NULL;
  g_autofree char *text = NULL;
  EquityIndicatorDirection direction;
  EquityIndicatorKind kind;
  double number;
  int year;

  g_return_val_if_fail (EQUITY_IS_PROJECT (project), NULL);
  if (source_name == NULL)
    source_name = "spec";

  if (!g_key_file_load_from_data (file, data, length < 0 ? strlen (data) : (gsize) length,
                                  G_KEY_FILE_NONE, &local_error))
    {
      g_set_error (error, EQUITY_ERROR, EQUITY_ERROR_INVALID, "%s: %s", source_name, local_error->message);
      return NULL;
    }
  name = g_key_file_get_string (file, GROUP, "name", NULL);
  if (name == NULL || *g_strstrip (name) == '\0')
    {
      spec_error (error, source_name, GROUP, "name", _("every indicator needs a name"));
      return NULL;
    }
  indicator = equity_indicator_new (name);

#define OPTIONAL_STRING(key, setter)                                   \
  g_clear_pointer (&text, g_free);                                     \
  if ((text = g_key_file_get_string (file, GROUP, key, NULL)) != NULL) \
    setter (indicator, text);
  OPTIONAL_STRING ("theme", equity_indicator_set_theme)
  OPTIONAL_STRING ("topic", equity_indicator_set_topic)
  OPTIONAL_STRING ("source", equity_indicator_set_source)
#undef OPTIONAL_STRING

  g_clear_pointer (&text, g_free);
  text = g_key_file_get_string (file, GROUP, "direction", NULL);
  if (text != NULL && !equity_indicator_direction_from_string (text, &direction))
    {
      spec_error (error, source_name, GROUP, "direction", _("expected higher-is-worse or higher-is-better"));
      return NULL;
    }
  if (text != NULL)
    equity_indicator_set_direction (indicator, direction);

  g_clear_pointer (&text, g_free);
  text = g_key_file_get_string (file, GROUP, "kind", NULL);
  if (text != NULL && !equity_indicator_kind_from_string (text, &kind))
    {
      spec_error (error, source_name, GROUP, "kind", _("expected ratio or percentage"));
      return NULL;
    }
  if (text != NULL)
    equity_indicator_set_kind (indicator, kind);

  {
    g_autofree char *group_a = g_key_file_get_string (file, GROUP, "group-a", NULL);
    g_autofree char *group_b = g_key_file_get_string (file, GROUP, "group-b", NULL);

    equity_indicator_set_groups (indicator, group_a, group_b);
  }

  if (g_key_file_has_key (file, GROUP, "per", NULL))
    {
      if (!parse_numbers (file, source_name, GROUP, "per", &number, 1, error))
        return NULL;
      equity_indicator_set_per (indicator, number);
    }
  if (g_key_file_has_key (file, GROUP, "baseline-year", NULL))
    {
      g_clear_pointer (&text, g_free);
      text = g_key_file_get_value (file, GROUP, "baseline-year", NULL);
      if (!parse_year (text, &year))
        {
          spec_error (error, source_name, GROUP, "baseline-year", _("expected a year"));
          return NULL;
        }
      equity_indicator_set_baseline_year (indicator, year);
    }
  if (g_key_file_has_key (file, GROUP, "goal-year", NULL) || g_key_file_has_key (file, GROUP, "goal-value", NULL))
    {
      g_clear_pointer (&text, g_free);
      text = g_key_file_get_value (file, GROUP, "goal-year", NULL);
      if (text == NULL || !parse_year (text, &year))
        {
          spec_error (error, source_name, GROUP, "goal-year", _("a goal needs goal-year and goal-value"));
          return NULL;
        }
      if (!parse_numbers (file, source_name, GROUP, "goal-value", &number, 1, error))
        return NULL;
      equity_indicator_set_goal (indicator, year, number);
    }

  if (!read_analysis (indicator, project, file, source_name, error)
      || !read_year_groups (indicator, file, source_name, error))
    return NULL;
  return g_steal_pointer (&indicator);
}

gboolean
_equity_csv_error (GError     **error,
                   const char  *path,
                   guint        line,
                   guint        column,
                   const char  *problem)
{
  g_autofree char *name = g_filename_display_basename (path);

  g_set_error (error, EQUITY_ERROR, EQUITY_ERROR_INVALID, _("%s, line %u, column %u: %s"),
               name, line, column, problem);
  return FALSE;
}

char **
_equity_csv_read_lines (const char  *path,
                        GError     **error)
{
  g_autofree char *contents = NULL;
  g_autoptr(GError) local_error = NULL;

  if (!g_file_get_contents (path, &contents, NULL, &local_error))
    {
      g_set_error (error, EQUITY_ERROR, EQUITY_ERROR_NOT_FOUND, "%s", local_error->message);
      return NULL;
    }
  g_strdelimit (contents, "\r", '\n');
  return g_strsplit (contents, "\n", -1);
}

char **
_equity_csv_split_line (char *line)
{
  if (*g_strstrip (line) == '\0')
    return NULL;
  return g_strsplit (line, ",", -1);
}

/* A Charlotte Quality of Life metric file: "id,y_2012,y_2014,…", one line
 * per neighborhood profile area; each year's value is the mean over the
 * areas listed that have one (the file says nothing of their weights). */
static gboolean
import_charlotte (EquityIndicator  *self,
                  const char       *path,
                  char            **lines,
                  GError          **error)
{
  g_auto(GStrv) header = g_strsplit (lines[0], ",", -1);
  guint n_columns = g_strv_length (header);
  g_autofree double *sums = g_new0 (double, n_columns);
  g_autofree guint *counts = g_new0 (guint, n_columns);
  g_autofree int *years = g_new0 (int, n_columns);

  for (guint c = 1; c < n_columns; c++)
    if (!g_str_has_prefix (g_strstrip (header[c]), "y_") || !parse_year (header[c] + 2, &years[c]))
      return _equity_csv_error (error, path, 1, c + 1, _("expected a year column such as y_2019"));

  for (guint l = 1; lines[l] != NULL; l++)
    {
      g_auto(GStrv) cells = NULL;

      cells = _equity_csv_split_line (lines[l]);
      if (cells == NULL)
        continue;
      for (guint c = 1; c < n_columns && cells[c - 1] != NULL && cells[c] != NULL; c++)
        {
          double value;

          if (*g_strstrip (cells[c]) == '\0')
            continue;   /* no value that year */
          if (!parse_number (cells[c], &value))
            return _equity_csv_error (error, path, l + 1, c + 1, _("expected a number or nothing"));
          sums[c] += value;
          counts[c]++;
        }
    }

  equity_indicator_clear_values (self);
  for (guint c = 1; c < n_columns; c++)
    if (counts[c] > 0)
      {
        EquityIndicatorYear year;

        equity_indicator_year_init (&year, years[c]);
        year.value = sums[c] / counts[c];
        equity_indicator_set_value (self, &year);
      }
  return TRUE;
}

gboolean
equity_indicator_import_values (EquityIndicator  *self,
                                const char       *path,
                                GError          **error)
{
  g_auto(GStrv) lines = NULL;
  g_autoptr(GArray) years = g_array_new (FALSE, FALSE, sizeof (EquityIndicatorYear));

  g_return_val_if_fail (EQUITY_IS_INDICATOR (self), FALSE);

  lines = _equity_csv_read_lines (path, error);
  if (lines == NULL)
    return FALSE;
  if (lines[0] != NULL && strstr (lines[0], ",y_") != NULL)
    return import_charlotte (self, path, lines, error);

  for (guint l = 0; lines[l] != NULL; l++)
    {
      g_auto(GStrv) cells = NULL;
      EquityIndicatorYear year;
      guint n_cells;
      int year_number;
      double numbers[3] = { NAN, NAN, NAN };

      cells = _equity_csv_split_line (lines[l]);
      if (cells == NULL)
        continue;
      n_cells = g_strv_length (cells);
      if (!parse_year (cells[0], &year_number))
        {
          if (l == 0)
            continue;   /* a header line */
          return _equity_csv_error (error, path, l + 1, 1, _("expected a year"));
        }
      if (n_cells != 2 && n_cells != 4)
        return _equity_csv_error (error, path, l + 1, MIN (n_cells, 4) + 1,
                          _("expected year,value or year,value,low,high"));
      for (guint c = 1; c < n_cells; c++)
        if (!parse_number (cells[c], &numbers[c - 1]))
          return _equity_csv_error (error, path, l + 1, c + 1, _("expected a number"));
      equity_indicator_year_init (&year, year_number);
      year.value = numbers[0], year.low = numbers[1], year.high = numbers[2];
      g_array_append_val (years, year);
    }

  /* nothing is replaced until the whole file has been read */
  equity_indicator_clear_values (self);
  for (guint i = 0; i < years->len; i++)
    equity_indicator_set_value (self, &g_array_index (years, EquityIndicatorYear, i));
  return TRUE;
}
