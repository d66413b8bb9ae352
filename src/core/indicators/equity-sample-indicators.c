/* equity-sample-indicators.c — the sample project's equity indicators,
 * from the bundled Charlotte Quality of Life metrics and Asheville arrests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Charlotte: the quarter of its 462 neighborhood profile areas (NPAs) with the
 * highest share of residents who are not White (2020 Census, QOL metric 14)
 * against the quarter with the lowest, each year the metric has: the two
 * groups' summed numerators over their summed residents. Asheville: the
 * sample's saved arrests analysis, evaluated for 2020 and 2021 separately.
 */

#define G_LOG_DOMAIN "equity-sample"

#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <glib/gi18n-lib.h>

#include "equity-error.h"
#include "equity-indicator.h"
#include "equity-sample-indicators.h"

#define SAMPLES_PATH "/org/asheville/Equity/samples/"

/* A metric file: "id,y_2011,…", one row per NPA, blanks for no value. */
typedef struct
{
  GArray     *years;   /* int */
  GHashTable *rows;    /* NPA id → double[years->len], NAN for a blank */
} Metric;

static void
metric_clear (Metric *metric)
{
  g_clear_pointer (&metric->years, g_array_unref);
  g_clear_pointer (&metric->rows, g_hash_table_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Metric, metric_clear)

static gboolean
metric_read (Metric      *metric,
             const char  *file,
             GError     **error)
{
  g_autofree char *path = g_strconcat (SAMPLES_PATH, file, NULL);
  g_autoptr(GBytes) bytes = g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;
  g_auto(GStrv) header = NULL;

  if (bytes == NULL)
    return FALSE;
  text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  lines = g_strsplit (text, "\n", -1);
  header = g_strsplit (g_strstrip (lines[0]), ",", -1);
  metric->years = g_array_new (FALSE, FALSE, sizeof (int));
  metric->rows = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  for (guint c = 1; header[c] != NULL; c++)
    {
      int year = atoi (header[c] + strlen ("y_"));
      g_array_append_val (metric->years, year);
    }
  for (guint l = 1; lines[l] != NULL; l++)
    {
      g_auto(GStrv) cells = g_strsplit (g_strstrip (lines[l]), ",", -1);
      double *values;

      if (cells[0] == NULL || *cells[0] == '\0')
        continue;
      values = g_new (double, metric->years->len);
      for (guint c = 0; c < metric->years->len; c++)
        values[c] = cells[0] != NULL && g_strv_length (cells) > c + 1 && *cells[c + 1] != '\0'
                    ? g_ascii_strtod (cells[c + 1], NULL) : NAN;
      g_hash_table_insert (metric->rows, g_strdup (cells[0]), values);
    }
  return TRUE;
}

static double
metric_value (Metric     *metric,
              const char *id,
              guint       year_index)
{
  double *values = g_hash_table_lookup (metric->rows, id);

  return values != NULL ? values[year_index] : NAN;
}

static int
compare_share (gconstpointer a,
               gconstpointer b,
               gpointer      shares)
{
  double share_a = *(double *) g_hash_table_lookup (shares, *(const char **) a);
  double share_b = *(double *) g_hash_table_lookup (shares, *(const char **) b);

  return (share_a < share_b) - (share_a > share_b);  /* highest first */
}

/* The NPAs by their share of residents not White in 2020, highest first;
 * the first and last quarter are the two groups compared. */
static GPtrArray *
npas_by_minority_share (GHashTable **shares_out,
                        GError     **error)
{
  g_auto(Metric) white = { 0 };
  g_auto(Metric) residents = { 0 };
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) shares = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  GHashTableIter iter;
  gpointer key;
  guint last;

  if (!metric_read (&white, "charlotte_qol_r14_white_residents.csv", error)
      || !metric_read (&residents, "charlotte_qol_d14_residents_hundreds.csv", error))
    return NULL;
  last = white.years->len - 1;   /* 2020 */
  g_hash_table_iter_init (&iter, white.rows);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      double people = metric_value (&residents, key, last) * 100;
      double share;

      if (!(people > 0) || isnan (metric_value (&white, key, last)))
        continue;
      share = 1.0 - metric_value (&white, key, last) / people;
      g_ptr_array_add (ids, g_strdup (key));
      g_hash_table_insert (shares, ids->pdata[ids->len - 1], g_memdup2 (&share, sizeof share));
    }
  g_ptr_array_sort_with_data (ids, compare_share, shares);
  *shares_out = g_steal_pointer (&shares);
  return g_steal_pointer (&ids);
}

typedef struct
{
  const char *name;
  const char *theme;
  const char *topic;
  EquityIndicatorDirection direction;
  const char *numerator;
  const char *denominator;
  double      denominator_scale;   /* the files count residents in hundreds or thousands */
  double      per;
  double      goal;                /* by 2030 */
  const char *source;
} CharlotteIndicator;

static const CharlotteIndicator charlotte_indicators[] = {
  { N_("Food assistance, neighborhoods most vs least minority (Charlotte)"), N_("Economy"), N_("Food security"),
    EQUITY_INDICATOR_HIGHER_IS_WORSE, "charlotte_qol_r80_food_assistance.csv",
    "charlotte_qol_d80_residents_hundreds.csv", 100, 100, 2.0,
    N_("Charlotte–Mecklenburg Quality of Life Explorer, metric 80 (residents receiving Food and Nutrition Services)") },
  { N_("Violent crime, neighborhoods most vs least minority (Charlotte)"), N_("Public safety"), N_("Crime"),
    EQUITY_INDICATOR_HIGHER_IS_WORSE, "charlotte_qol_r58_violent_crimes.csv",
    "charlotte_qol_d58_residents_thousands.csv", 1000, 1000, 2.0,
    N_("Charlotte–Mecklenburg Quality of Life Explorer, metric 58 (violent crimes per 1,000 residents)") },
  { N_("Library card holders, neighborhoods most vs least minority (Charlotte)"), N_("Education"), N_("Libraries"),
    EQUITY_INDICATOR_HIGHER_IS_BETTER, "charlotte_qol_r51_library_cards.csv",
    "charlotte_qol_d51_residents_hundreds.csv", 100, 100, 1.0,
    N_("Charlotte–Mecklenburg Quality of Life Explorer, metric 51 (residents with an active library card)") },
};

#define QUARTER_NOTE N_("Groups: the quarter of NPAs with the highest share of residents not White (2020 Census, " \
                      "QOL metric 14) against the quarter with the lowest.")
/* the targets are the sample's, to show the status at work: never a city's */
#define TARGET_NOTE N_("Target: the sample project’s own, a straight line from the baseline to its 2030 goal, " \
                     "chosen for illustration; no city has adopted it.")

/* Each year: A and B's summed events over summed residents; the city's
 * percentage into PERCENT when it is not NULL. */
static EquityIndicator *
charlotte_indicator (const CharlotteIndicator *spec,
                     GPtrArray                *ids,
                     EquityIndicator          *percent,
                     GError                  **error)
{
  g_auto(Metric) events = { 0 };
  g_auto(Metric) residents = { 0 };
  g_autoptr(EquityIndicator) indicator = equity_indicator_new (_(spec->name));
  g_autofree char *source = g_strdup_printf ("%s. %s %s", _(spec->source), _(QUARTER_NOTE), _(TARGET_NOTE));
  guint quarter = ids->len / 4;

  if (!metric_read (&events, spec->numerator, error) || !metric_read (&residents, spec->denominator, error))
    return NULL;
  equity_indicator_set_theme (indicator, _(spec->theme));
  equity_indicator_set_topic (indicator, _(spec->topic));
  equity_indicator_set_direction (indicator, spec->direction);
  equity_indicator_set_source (indicator, source);
  equity_indicator_set_groups (indicator, _("most minority quarter"), _("least minority quarter"));
  equity_indicator_set_per (indicator, spec->per);

  for (guint y = 0; y < events.years->len; y++)
    {
      EquityIndicatorYear year;
      double sums[2][2] = { { 0, 0 }, { 0, 0 } };
      double city[2] = { 0, 0 };

      for (guint i = 0; i < ids->len; i++)
        {
          double count = metric_value (&events, ids->pdata[i], y);
          double people = metric_value (&residents, ids->pdata[i], y) * spec->denominator_scale;
          int group = i < quarter ? 0 : i >= ids->len - quarter ? 1 : -1;

          if (isnan (count) || isnan (people))
            continue;
          city[0] += count, city[1] += people;
          if (group >= 0)
            sums[group][0] += count, sums[group][1] += people;
        }
      if (!(sums[0][1] > 0 && sums[1][1] > 0))
        continue;
      equity_indicator_year_init (&year, g_array_index (events.years, int, y));
      year.count_a = sums[0][0], year.population_a = sums[0][1];
      year.count_b = sums[1][0], year.population_b = sums[1][1];
      equity_indicator_set_value (indicator, &year);

      if (percent != NULL)
        {
          equity_indicator_year_init (&year, g_array_index (events.years, int, y));
          year.count_a = city[0], year.population_a = city[1];
          equity_indicator_set_value (percent, &year);
        }
    }
  equity_indicator_set_baseline_year (indicator, g_array_index (events.years, int, 0));
  equity_indicator_set_goal (indicator, 2030, spec->goal);
  return g_steal_pointer (&indicator);
}

gboolean
_equity_sample_add_indicators (EquityProject  *project,
                               const char     *arrests_analysis,
                               GError        **error)
{
  g_autoptr(GHashTable) shares = NULL;
  g_autoptr(GPtrArray) ids = npas_by_minority_share (&shares, error);
  g_autoptr(EquityIndicator) percent = equity_indicator_new (_("Residents receiving food assistance (Charlotte)"));
  g_autoptr(EquityIndicator) arrests = equity_indicator_new (_("Arrests, Black vs White residents (Asheville)"));
  EquityDataset *events = equity_project_find_dataset (project, "Asheville arrests 2020–2021");
  static const int arrest_years[] = { 2020, 2021 };
  gint64 analysis_id;

  if (ids == NULL)
    return FALSE;

  equity_indicator_set_theme (percent, _("Economy"));
  equity_indicator_set_topic (percent, _("Food security"));
  equity_indicator_set_kind (percent, EQUITY_INDICATOR_PERCENTAGE);
  {
    g_autofree char *source = g_strdup_printf ("%s %s", _("Charlotte–Mecklenburg Quality of Life Explorer, metric 80: "
                                                          "all NPAs’ recipients over all their residents."),
                                               _(TARGET_NOTE));

    equity_indicator_set_source (percent, source);
  }

  for (guint i = 0; i < G_N_ELEMENTS (charlotte_indicators); i++)
    {
      g_autoptr(EquityIndicator) indicator = charlotte_indicator (&charlotte_indicators[i], ids,
                                                                  i == 0 ? percent : NULL, error);

      if (indicator == NULL || !equity_project_add_indicator (project, indicator, error))
        return FALSE;
    }
  equity_indicator_set_baseline_year (percent, 2011);
  equity_indicator_set_goal (percent, 2030, 10.0);
  if (!equity_project_add_indicator (project, percent, error))
    return FALSE;

  /* Asheville: the saved arrests analysis, one run per year of date_arrested */
  analysis_id = equity_project_get_analysis_id (project, arrests_analysis, error);
  if (analysis_id == 0 || events == NULL)
    return analysis_id != 0 && events != NULL;
  equity_indicator_set_theme (arrests, _("Public safety"));
  equity_indicator_set_topic (arrests, _("Policing"));
  equity_indicator_set_analysis (arrests, analysis_id,
                                 equity_column_get_position (equity_dataset_find_column (events, "date_arrested")),
                                 arrest_years, G_N_ELEMENTS (arrest_years));
  equity_indicator_set_groups (arrests, "B", "W");
  equity_indicator_set_source (arrests, _(TARGET_NOTE));
  equity_indicator_set_baseline_year (arrests, 2020);
  equity_indicator_set_goal (arrests, 2030, 1.5);
  return equity_project_add_indicator (project, arrests, error);
}
