/* test-indicators-page.c — the Indicators page on the sample project: the
 * list against the core's own evaluation and the score table, the year
 * table, the dialog, delete and undo, the empty page; rendered under Xvfb
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "equity-indicator-dialog.h"
#include "equity-indicators-page-private.h"
#include "explore-test-util.h"
#include "indicators-page-test-util.h"

/* The ratio-to-score table of FRAMEWORK-ANCHORS.md §1 (Oakland Equity
 * Indicators 2018, Appendix B), written out again here so the page is
 * checked against the printed table, not against the code under test. */
static double
printed_score (double ratio)
{
  static const struct { double start; int first; double step; } bands[] = {
    { 1.000, 100, 0.0 }, { 1.005, 99, 0.005 }, { 1.100, 80, 0.020 }, { 1.500, 60, 0.025 },
    { 2.000, 40, 0.150 }, { 5.000, 20, 0.250 }, { 10.000, 1, 0.0 },
  };
  double r = round (ratio * 1000.0) / 1000.0;

  if (r < 1.0)
    return 100;
  for (guint i = G_N_ELEMENTS (bands); i > 0; i--)
    if (r >= bands[i - 1].start)
      return bands[i - 1].step == 0.0 ? bands[i - 1].first
                                      : bands[i - 1].first - floor ((r - bands[i - 1].start) / bands[i - 1].step + 1e-9);
  g_assert_not_reached ();
}

/* The same project evaluated by the core directly, on a connection of its own. */
typedef struct
{
  EquityProject *project;
  GPtrArray     *indicators;
  GPtrArray     *evaluations;
} Expected;

static void
expected_clear (Expected *expected)
{
  g_clear_pointer (&expected->evaluations, g_ptr_array_unref);
  g_clear_pointer (&expected->indicators, g_ptr_array_unref);
  if (expected->project != NULL)
    equity_project_close (expected->project);
  g_clear_object (&expected->project);
}

static void
expected_load (Expected   *expected,
               const char *path)
{
  g_autoptr(GError) error = NULL;

  expected->project = test_open_project (path);
  expected->indicators = equity_project_list_indicators (expected->project, &error);
  g_assert_no_error (error);
  expected->evaluations = g_ptr_array_new_with_free_func ((GDestroyNotify) equity_indicator_evaluation_unref);
  for (guint i = 0; i < expected->indicators->len; i++)
    {
      EquityIndicatorEvaluation *evaluation =
        equity_indicator_evaluate (expected->project, g_ptr_array_index (expected->indicators, i), NULL, &error);

      g_assert_no_error (error);
      g_ptr_array_add (expected->evaluations, evaluation);
    }
}

static const EquityIndicatorYear *
latest_scored (EquityIndicatorEvaluation *evaluation)
{
  for (guint i = equity_indicator_evaluation_get_n_years (evaluation); i > 0; i--)
    if (!isnan (equity_indicator_evaluation_get_year (evaluation, i - 1)->score))
      return equity_indicator_evaluation_get_year (evaluation, i - 1);
  return NULL;
}

/* The sample, with indicators: the sample's own when it has some, else
 * three made here, two on the arrests analysis (years 2020 and 2021 from
 * its Year column) and one of typed yearly values. */
static char *
copy_sample_with_indicators (const char *name)
{
  char *path = copy_sample (name);
  g_autoptr(EquityProject) project = NULL;
  g_autoptr(GPtrArray) existing = NULL;
  g_autoptr(GError) error = NULL;
  static const int arrest_years[] = { 2020, 2021 };
  static const struct { const char *name; const char *group_a; } arrests[] = {
    { "Arrests, Black vs White residents", "B" },
    { "Arrests, Asian vs White residents", "A" },
  };
  /* typed ratios with their intervals, 2015–2021 */
  static const TypedRatio ratios[] = {
    { 2.30, 2.10, 2.52 }, { 2.21, 2.02, 2.42 }, { 2.25, 2.05, 2.47 }, { 2.12, 1.93, 2.33 },
    { 2.05, 1.86, 2.26 }, { 2.08, 1.89, 2.29 }, { 2.01, 1.83, 2.21 },
  };
  g_autoptr(EquityIndicator) poverty = NULL;
  EquityDataset *events;
  gint64 analysis_id;
  int year_column;

  project = test_open_project (path);
  existing = equity_project_list_indicators (project, &error);
  g_assert_no_error (error);
  if (existing->len > 0)
    {
      equity_project_close (project);
      return path;
    }

  analysis_id = equity_project_get_analysis_id (project, ARRESTS, &error);
  g_assert_no_error (error);
  events = equity_project_find_dataset (project, "Asheville arrests 2020–2021");
  g_assert_nonnull (events);
  year_column = equity_column_get_position (equity_dataset_find_column (events, "Year"));
  for (guint i = 0; i < G_N_ELEMENTS (arrests); i++)
    {
      g_autoptr(EquityIndicator) indicator = equity_indicator_new (arrests[i].name);

      equity_indicator_set_theme (indicator, "Justice");
      equity_indicator_set_topic (indicator, "Policing");
      equity_indicator_set_analysis (indicator, analysis_id, year_column, arrest_years, 2);
      equity_indicator_set_groups (indicator, arrests[i].group_a, "W");
      equity_indicator_set_baseline_year (indicator, 2020);
      equity_indicator_set_goal (indicator, 2021, 1.5);
      g_assert_true (equity_project_add_indicator (project, indicator, &error));
      g_assert_no_error (error);
    }

  poverty = typed_indicator_new ("Poverty, highest vs lowest minority-share tracts", "Economy", "Poverty",
                                 2015, ratios, G_N_ELEMENTS (ratios));
  equity_indicator_set_goal (poverty, 2025, 1.5);
  g_assert_true (equity_project_add_indicator (project, poverty, &error));
  g_assert_no_error (error);

  equity_project_close (project);
  return path;
}

/* a window on a copy of the sample with indicators, the page shown;
 * PATH: the copy's */
static EquityWindow *
open_with_indicators (const char  *name,
                      int          width,
                      int          height,
                      char       **path)
{
  g_autofree char *copy = copy_sample_with_indicators (name);
  EquityWindow *window = open_project (copy, width, height);

  show_indicators (window);
  if (path != NULL)
    *path = g_steal_pointer (&copy);
  return window;
}

static GtkListBoxRow *
find_list_row (EquityIndicatorsPage *page,
               gint64                id)
{
  GtkListBox *list = _equity_indicators_page_get_list_box (page);

  for (int i = 0; gtk_list_box_get_row_at_index (list, i) != NULL; i++)
    {
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (list, i);
      EquityIndicatorEntry *entry = g_object_get_data (G_OBJECT (row), "equity-indicator-entry");

      if (equity_indicator_entry_get_id (entry) == id)
        return row;
    }
  return NULL;
}

static guint
count_list_rows (EquityIndicatorsPage *page)
{
  guint n = 0;

  while (gtk_list_box_get_row_at_index (_equity_indicators_page_get_list_box (page), n) != NULL)
    n++;
  return n;
}

static void
test_list (void)
{
  g_autofree char *path = NULL;
  EquityWindow *window = open_with_indicators ("list", 1180, 760, &path);
  EquityIndicatorsPage *page = EQUITY_INDICATORS_PAGE (_equity_window_get_page (window, EQUITY_WINDOW_PAGE_INDICATORS));
  Expected expected = { 0 };
  g_autoptr(EquityIndicatorSummary) summary = NULL;
  g_autofree char *all = NULL;
  guint n_off_track = 0;

  expected_load (&expected, path);
  g_assert_cmpuint (expected.indicators->len, >, 0);

  /* evaluating is the core's worker's: asking returns at once, the page
   * busy, and the list of the last evaluation stays in view meanwhile */
  {
    gint64 start = g_get_monotonic_time ();

    equity_indicators_page_reload (page);
    g_assert_cmpint (g_get_monotonic_time () - start, <, 100000);
    g_assert_true (equity_indicators_page_is_busy (page));
    g_assert_cmpstr (_equity_indicators_page_get_visible (page), ==, "list");
    wait_for_indicators (page);
  }
  g_assert_cmpstr (_equity_indicators_page_get_visible (page), ==, "list");
  g_assert_cmpuint (count_list_rows (page), ==, expected.indicators->len);

  for (guint i = 0; i < expected.indicators->len; i++)
    {
      EquityIndicator *indicator = g_ptr_array_index (expected.indicators, i);
      EquityIndicatorEvaluation *evaluation = g_ptr_array_index (expected.evaluations, i);
      const EquityIndicatorYear *latest = latest_scored (evaluation);
      EquityIndicatorStatus status = equity_indicator_evaluation_get_status (evaluation);
      GtkListBoxRow *row = find_list_row (page, equity_indicator_get_id (indicator));
      g_autofree char *labels = NULL;
      g_autofree char *score = NULL;

      g_assert_nonnull (row);
      labels = app_test_dup_labels (GTK_WIDGET (row));
      g_test_message ("%s: %s", equity_indicator_get_name (indicator), labels);

      /* the name as typed, the status in words (never colour alone) */
      g_assert_true (g_str_has_prefix (labels, equity_indicator_get_name (indicator)));
      g_assert_nonnull (strstr (labels, equity_indicator_status_to_label (status)));
      if (status == EQUITY_INDICATOR_OFF_TRACK)
        n_off_track++;

      if (latest == NULL)
        continue;
      /* the latest score: the core's, and the printed table's for a ratio */
      score = g_strdup_printf ("|%.0f|", latest->score);
      g_assert_nonnull (strstr (labels, score));
      if (equity_indicator_get_kind (indicator) == EQUITY_INDICATOR_RATIO)
        g_assert_cmpfloat (latest->score, ==, printed_score (latest->ratio));
      /* the change since the baseline, signed */
      if (!isnan (latest->change))
        {
          int baseline = equity_indicator_evaluation_get_baseline_year (evaluation);
          g_autofree char *change = fabs (latest->change) < 0.05 ? g_strdup_printf ("±0 since %d", baseline)
                                    : latest->change > 0 ? g_strdup_printf ("+%.0f since %d", latest->change, baseline)
                                    : g_strdup_printf ("−%.0f since %d", -latest->change, baseline);

          g_assert_nonnull (strstr (labels, change));
        }
    }

  /* the headers: each theme and topic with its mean; the city above */
  summary = equity_indicator_summary_new (expected.indicators, expected.evaluations);
  all = app_test_dup_labels (GTK_WIDGET (page));
  g_test_message ("page: %s", all);
  for (guint i = 0; i < expected.indicators->len; i++)
    {
      EquityIndicator *indicator = g_ptr_array_index (expected.indicators, i);
      EquityIndicatorBoard *board = _equity_indicators_page_get_board (page);
      g_autofree char *theme = g_strdup_printf ("|%s|", equity_indicator_get_theme (indicator));
      g_autofree char *topic = g_strdup_printf ("|%s|", equity_indicator_get_topic (indicator));
      const int *years;
      guint n_years = 0;

      g_assert_nonnull (strstr (all, theme));
      g_assert_nonnull (strstr (all, topic));
      /* the theme's mean in the city's year, else in its latest year before */
      years = equity_indicator_summary_get_years (summary, &n_years);
      for (guint y = n_years; y > 0; y--)
        {
          double theme_mean = equity_indicator_summary_theme_score (summary, equity_indicator_get_theme (indicator),
                                                                    years[y - 1]);
          g_autofree char *number = NULL;
          g_autofree char *mean = NULL;

          if (years[y - 1] > equity_indicator_board_get_year (board) || isnan (theme_mean))
            continue;
          number = equity_format_number (theme_mean, fabs (theme_mean - round (theme_mean)) < 1e-9 ? 0 : 1);
          mean = years[y - 1] == equity_indicator_board_get_year (board) ? g_strdup_printf ("%smean %s|", theme, number)
                                             : g_strdup_printf ("%smean %s in %d|", theme, number, years[y - 1]);
          g_test_message ("expecting %s", mean);
          g_assert_nonnull (strstr (all, mean));
          break;
        }
    }
  {
    EquityIndicatorBoard *board = _equity_indicators_page_get_board (page);
    guint n_years = 0;
    const int *years = equity_indicator_summary_get_years (summary, &n_years);
    double city;
    int latest = 0;

    /* the latest year the city has a score */
    for (guint y = n_years; y > 0 && latest == 0; y--)
      if (!isnan (equity_indicator_summary_city_score (summary, years[y - 1])))
        latest = years[y - 1];
    g_assert_cmpint (equity_indicator_board_get_year (board), ==, latest);
    city = equity_indicator_summary_city_score (summary, latest);
    g_autofree char *number = equity_format_number (city, fabs (city - round (city)) < 1e-9 ? 0 : 1);
    g_autofree char *title = g_strdup_printf ("|City score %s in %d|", number, equity_indicator_board_get_year (board));
    g_autofree char *off = g_strdup_printf (" · %u off track", n_off_track);

    g_assert_nonnull (strstr (all, title));
    g_assert_nonnull (strstr (all, off));
  }

  expected_clear (&expected);
  close_indicators (window);
}

static void
test_year_table (void)
{
  g_autofree char *path = NULL;
  EquityWindow *window = open_with_indicators ("years", 1366, 768, &path);
  EquityIndicatorsPage *page = EQUITY_INDICATORS_PAGE (_equity_window_get_page (window, EQUITY_WINDOW_PAGE_INDICATORS));
  Expected expected = { 0 };
  EquityIndicatorEvaluation *evaluation = NULL;
  EquityIndicator *indicator = NULL;
  g_autofree char *labels = NULL;
  g_auto(GStrv) cells = NULL;
  guint n_years;

  expected_load (&expected, path);
  /* the indicator with the most years */
  for (guint i = 0; i < expected.indicators->len; i++)
    if (evaluation == NULL
        || equity_indicator_evaluation_get_n_years (g_ptr_array_index (expected.evaluations, i))
           > equity_indicator_evaluation_get_n_years (evaluation))
      {
        evaluation = g_ptr_array_index (expected.evaluations, i);
        indicator = g_ptr_array_index (expected.indicators, i);
      }
  g_assert_nonnull (indicator);
  n_years = equity_indicator_evaluation_get_n_years (evaluation);
  g_assert_cmpuint (n_years, >=, 2);

  gtk_list_box_select_row (_equity_indicators_page_get_list_box (page),
                           find_list_row (page, equity_indicator_get_id (indicator)));
  app_test_drain ();
  g_assert_cmpstr (gtk_stack_get_visible_child_name (page->detail_stack), ==, "detail");
  g_assert_cmpstr (gtk_label_get_label (page->name_label), ==, equity_indicator_get_name (indicator));
  g_assert_nonnull (equity_chart_view_get_chart (page->chart_view));
  g_assert_cmpint (equity_chart_get_kind (equity_chart_view_get_chart (page->chart_view)), ==, EQUITY_CHART_TREND);
  g_assert_cmpfloat (equity_chart_get_baseline (equity_chart_view_get_chart (page->chart_view)), ==,
                     equity_indicator_evaluation_get_baseline_year (evaluation));

  /* seven titles, then seven cells a year, oldest first */
  labels = app_test_dup_labels (GTK_WIDGET (_equity_indicators_page_get_year_table (page)));
  g_test_message ("year table: %s", labels);
  cells = g_strsplit (labels, "|", -1);
  g_assert_cmpuint (g_strv_length (cells), ==, 7 * (n_years + 1) + 1);
  g_assert_cmpstr (cells[0], ==, "Year");
  g_assert_cmpstr (cells[1], ==,
                   equity_indicator_get_kind (indicator) == EQUITY_INDICATOR_RATIO ? "Ratio" : "Percent");
  for (guint i = 0; i < n_years; i++)
    {
      const EquityIndicatorYear *year = equity_indicator_evaluation_get_year (evaluation, i);
      char **row = cells + 7 * (i + 1);
      g_autofree char *year_text = g_strdup_printf ("%d", year->year);
      g_autofree char *score_text = isnan (year->score) ? g_strdup ("—") : g_strdup_printf ("%.0f", year->score);

      g_assert_cmpstr (row[0], ==, year_text);
      g_assert_cmpstr (row[5], ==, score_text);
      if (!isnan (year->value))
        g_assert_cmpfloat_with_epsilon (g_ascii_strtod (row[1], NULL), year->value, 0.006);
      if (!isnan (year->target))
        g_assert_cmpfloat_with_epsilon (g_ascii_strtod (row[3], NULL), year->target, 0.006);
      if (year->year == equity_indicator_evaluation_get_baseline_year (evaluation))
        g_assert_cmpstr (row[6], ==, isnan (year->score) ? "—" : "±0");
    }

  /* pointing at the latest year names its numbers */
  {
    EquityChart *chart = equity_chart_view_get_chart (page->chart_view);
    const EquityIndicatorYear *last = equity_indicator_evaluation_get_year (evaluation, n_years - 1);
    g_autofree char *label = g_strdup_printf ("%d", last->year);
    g_autofree char *score = g_strdup_printf ("score %.0f", last->score);

    hover_row (page->chart_view, equity_chart_get_result (chart), label);
    g_test_message ("hover: %s", gtk_label_get_label (page->hover_label));
    g_assert_true (g_str_has_prefix (gtk_label_get_label (page->hover_label), label));
    g_assert_nonnull (strstr (gtk_label_get_label (page->hover_label), score));
    g_assert_cmpstr (gtk_widget_get_tooltip_text (GTK_WIDGET (page->chart_view)), ==,
                     gtk_label_get_label (page->hover_label));
  }

  g_assert_cmpfloat (app_test_render_png (GTK_WIDGET (window), "indicators-year-table"), >, MIN_VARIANCE);
  expected_clear (&expected);
  close_indicators (window);
}

static gboolean
is_titled (GtkWidget     *widget,
           gconstpointer  title)
{
  return ADW_IS_PREFERENCES_ROW (widget)
         && g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0;
}

/* the dialog's row titled TITLE */
#define find_pref_row(widget, title) app_test_find_widget ((widget), is_titled, (title))

static gboolean
button_sensitive (gpointer data)
{
  return gtk_widget_is_sensitive (data);
}

static EquityIndicator *
find_indicator (GPtrArray  *indicators,
                const char *name)
{
  for (guint i = 0; i < indicators->len; i++)
    if (g_strcmp0 (equity_indicator_get_name (g_ptr_array_index (indicators, i)), name) == 0)
      return g_ptr_array_index (indicators, i);
  return NULL;
}

static void
test_create (void)
{
  g_autofree char *path = NULL;
  EquityWindow *window = open_with_indicators ("create", 1180, 760, &path);
  EquityIndicatorsPage *page = EQUITY_INDICATORS_PAGE (_equity_window_get_page (window, EQUITY_WINDOW_PAGE_INDICATORS));
  /* text as typed, never markup */
  static const char *name = "Arrests <b>&amp;</b> “test”";
  AdwComboRow *analysis_row;
  guint n_before = count_list_rows (page);
  g_autoptr(GPtrArray) indicators = NULL;
  g_autoptr(GError) error = NULL;
  EquityIndicator *created;
  GtkListBoxRow *row;
  g_autofree char *labels = NULL;
  GtkWindow *dialog;
  GtkWidget *save;
  const int *years;
  guint n_years = 0;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "indicators.new", NULL));
  dialog = app_test_find_toplevel (EQUITY_TYPE_INDICATOR_DIALOG);
  g_assert_nonnull (dialog);
  save = app_test_find_actionable (GTK_WIDGET (dialog), "indicator.save");
  g_assert_nonnull (save);
  g_assert_false (gtk_widget_is_sensitive (save));   /* no name yet */

  /* a name and the analysis are all a person must choose: the drop-downs
   * then offer its highest rate against its reference group, every year */
  gtk_editable_set_text (GTK_EDITABLE (find_pref_row (GTK_WIDGET (dialog), "Name")), name);
  gtk_editable_set_text (GTK_EDITABLE (find_pref_row (GTK_WIDGET (dialog), "Theme")), "Test theme");
  gtk_editable_set_text (GTK_EDITABLE (find_pref_row (GTK_WIDGET (dialog), "Topic")), "Test topic");
  /* the arrests: their Year column gives the years */
  analysis_row = ADW_COMBO_ROW (find_pref_row (GTK_WIDGET (dialog), "Saved analysis"));
  for (guint i = 0; i < g_list_model_get_n_items (adw_combo_row_get_model (analysis_row)); i++)
    {
      g_autoptr(GtkStringObject) item = g_list_model_get_item (adw_combo_row_get_model (analysis_row), i);

      if (g_strcmp0 (gtk_string_object_get_string (item), ARRESTS) == 0)
        adw_combo_row_set_selected (analysis_row, i);
    }
  g_assert_cmpstr (gtk_string_object_get_string (adw_combo_row_get_selected_item (analysis_row)), ==, ARRESTS);
  if (!test_wait_until (button_sensitive, save, TEST_WAIT_TIMEOUT_S))
    g_error ("the dialog cannot save: %s", gtk_widget_get_tooltip_text (save));
  g_assert_cmpfloat (app_test_render_png (GTK_WIDGET (dialog), "indicators-dialog"), >, MIN_VARIANCE);
  {
    /* …and its years and target, scrolled to */
    GtkAdjustment *adjustment =
      gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (app_test_find_of_type (GTK_WIDGET (dialog), GTK_TYPE_SCROLLED_WINDOW)));

    gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
    g_assert_cmpfloat (app_test_render_png (GTK_WIDGET (dialog), "indicators-dialog-years"), >, MIN_VARIANCE);
  }

  gtk_widget_activate (save);
  app_test_await_no_toplevel (EQUITY_TYPE_INDICATOR_DIALOG);
  wait_for_indicators (page);

  indicators = equity_project_list_indicators (equity_window_get_project (window), &error);
  g_assert_no_error (error);
  created = find_indicator (indicators, name);
  g_assert_nonnull (created);
  g_assert_cmpstr (equity_indicator_get_theme (created), ==, "Test theme");
  g_assert_cmpint (equity_indicator_get_analysis_id (created), ==,
                   equity_project_get_analysis_id (equity_window_get_project (window), ARRESTS, NULL));
  g_assert_nonnull (equity_indicator_get_group_a (created));
  g_assert_cmpstr (equity_indicator_get_group_a (created), !=, equity_indicator_get_group_b (created));
  g_assert_cmpint (equity_indicator_get_year_column (created), >=, 0);
  years = equity_indicator_get_years (created, &n_years);
  g_assert_cmpuint (n_years, >, 0);
  g_assert_cmpint (equity_indicator_get_baseline_year (created), ==, years[0]);

  /* listed, selected, and shown as typed */
  g_assert_cmpuint (count_list_rows (page), ==, n_before + 1);
  row = find_list_row (page, equity_indicator_get_id (created));
  g_assert_nonnull (row);
  g_assert_true (gtk_list_box_get_selected_row (_equity_indicators_page_get_list_box (page)) == row);
  labels = app_test_dup_labels (GTK_WIDGET (row));
  g_assert_true (g_str_has_prefix (labels, name));
  g_assert_cmpstr (gtk_label_get_label (page->name_label), ==, name);

  /* edited: the dialog opens on what was saved */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "indicators.edit", NULL));
  dialog = app_test_find_toplevel (EQUITY_TYPE_INDICATOR_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_cmpstr (gtk_window_get_title (dialog), ==, "Edit Indicator");
  save = app_test_find_actionable (GTK_WIDGET (dialog), "indicator.save");
  test_await (button_sensitive, save, "the dialog able to save");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (find_pref_row (GTK_WIDGET (dialog), "Name"))), ==, name);
  {
    AdwComboRow *group_a = ADW_COMBO_ROW (find_pref_row (GTK_WIDGET (dialog), "Disadvantaged group or area"));
    AdwComboRow *column = ADW_COMBO_ROW (find_pref_row (GTK_WIDGET (dialog), "Year or date column"));
    const char *expected = equity_analysis_group_display_name (equity_indicator_get_group_a (created));

    g_assert_cmpstr (gtk_string_object_get_string (adw_combo_row_get_selected_item (group_a)), ==,
                     expected != NULL ? expected : equity_indicator_get_group_a (created));
    EquityDataset *events = equity_project_find_dataset (equity_window_get_project (window),
                                                         "Asheville arrests 2020–2021");
    EquityColumn *saved_column = NULL;

    for (guint i = 0; i < equity_dataset_get_n_columns (events); i++)
      if ((int) equity_column_get_position (equity_dataset_get_column (events, i))
          == equity_indicator_get_year_column (created))
        saved_column = equity_dataset_get_column (events, i);
    g_assert_nonnull (saved_column);
    g_assert_cmpstr (gtk_string_object_get_string (adw_combo_row_get_selected_item (column)), ==,
                     equity_column_get_name (saved_column));
  }
  gtk_window_close (dialog);
  app_test_await_no_toplevel (EQUITY_TYPE_INDICATOR_DIALOG);

  close_indicators (window);
}

static void
test_delete_undo (void)
{
  g_autofree char *path = NULL;
  EquityWindow *window = open_with_indicators ("delete", 1180, 760, &path);
  EquityIndicatorsPage *page = EQUITY_INDICATORS_PAGE (_equity_window_get_page (window, EQUITY_WINDOW_PAGE_INDICATORS));
  GtkListBox *list = _equity_indicators_page_get_list_box (page);
  guint n_before = count_list_rows (page);
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (list, n_before - 1);
  EquityIndicatorEntry *entry = g_object_get_data (G_OBJECT (row), "equity-indicator-entry");
  gint64 id = equity_indicator_entry_get_id (entry);
  g_autofree char *name = g_strdup (equity_indicator_entry_get_name (entry));
  g_autoptr(GPtrArray) after_delete = NULL;
  g_autoptr(GPtrArray) after_undo = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpuint (n_before, >, 0);
  gtk_list_box_select_row (list, row);
  app_test_drain ();
  g_assert_true (g_action_group_get_action_enabled (equity_indicators_page_get_actions (page), "delete"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "indicators.delete", NULL));
  wait_for_indicators (page);

  g_assert_cmpuint (count_list_rows (page), ==, n_before - 1);
  g_assert_null (find_list_row (page, id));
  after_delete = equity_project_list_indicators (equity_window_get_project (window), &error);
  g_assert_no_error (error);
  g_assert_null (find_indicator (after_delete, name));

  /* the toast's Undo button activates this action */
  g_assert_true (g_action_group_get_action_enabled (equity_indicators_page_get_actions (page), "undo-delete"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "indicators.undo-delete", NULL));
  wait_for_indicators (page);

  g_assert_cmpuint (count_list_rows (page), ==, n_before);
  row = find_list_row (page, id);
  g_assert_nonnull (row);
  g_assert_true (gtk_list_box_get_selected_row (list) == row);
  after_undo = equity_project_list_indicators (equity_window_get_project (window), &error);
  g_assert_no_error (error);
  g_assert_nonnull (find_indicator (after_undo, name));
  g_assert_cmpint (equity_indicator_get_id (find_indicator (after_undo, name)), ==, id);
  g_assert_false (g_action_group_get_action_enabled (equity_indicators_page_get_actions (page), "undo-delete"));

  /* deleted again, and the toast dismissed: nothing is left to undo */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "indicators.delete", NULL));
  wait_for_indicators (page);
  g_assert_null (find_list_row (page, id));
  g_assert_true (g_action_group_get_action_enabled (equity_indicators_page_get_actions (page), "undo-delete"));
  adw_toast_dismiss (page->undo_toast);
  g_assert_false (g_action_group_get_action_enabled (equity_indicators_page_get_actions (page), "undo-delete"));

  close_indicators (window);
}

/* A project with no analysis: the page says what an indicator is, and why
 * one cannot be made yet. */
static void
test_empty (void)
{
  g_autofree char *dir = g_build_filename (explore_test_get_dir (), "empty", NULL);
  g_autofree char *path = NULL;
  EquityWindow *window;
  EquityIndicatorsPage *page;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  path = test_create_project_file (dir, "Empty.equity");

  window = open_project (path, 1180, 760);
  page = show_indicators (window);
  g_assert_cmpstr (_equity_indicators_page_get_visible (page), ==, "empty");
  g_assert_false (g_action_group_get_action_enabled (equity_indicators_page_get_actions (page), "new"));
  g_assert_false (gtk_widget_is_sensitive (page->empty_new_button));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (page->empty_reason_label)));
  g_assert_nonnull (strstr (gtk_label_get_label (page->empty_reason_label), "saved analysis"));
  g_assert_cmpfloat (app_test_render_png (GTK_WIDGET (window), "indicators-empty"), >, MIN_VARIANCE);
  close_indicators (window);
}

static AdwFlap *layout_flap;

static gboolean
flap_folded_as_expected (gpointer data)
{
  return adw_flap_get_folded (layout_flap) == GPOINTER_TO_INT (data);
}

/* the chart has its room: the page may lay out a few frames after the flap
 * settles (many frames under ASan on a busy machine) */
static gboolean
chart_has_room (gpointer data)
{
  GtkWidget *chart = data;

  return gtk_widget_get_width (chart) >= 300 && gtk_widget_get_height (chart) >= 240;
}

static void
test_layout (void)
{
  static const int sizes[][2] = { { 1180, 760 }, { 1366, 768 }, { 720, 700 } };

  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      g_autofree char *name = g_strdup_printf ("layout-%d", sizes[i][0]);
      EquityWindow *window = open_with_indicators (name, sizes[i][0], sizes[i][1], NULL);
      EquityIndicatorsPage *page = EQUITY_INDICATORS_PAGE (_equity_window_get_page (window, EQUITY_WINDOW_PAGE_INDICATORS));
      g_autofree char *file = g_strdup_printf ("indicators-%dx%d", sizes[i][0], sizes[i][1]);

      g_assert_cmpstr (_equity_indicators_page_get_visible (page), ==, "list");
      /* the first indicator is shown at first; at the wider size the last */
      if (i == 1)
        {
          GtkListBox *list = _equity_indicators_page_get_list_box (page);

          gtk_list_box_select_row (list, gtk_list_box_get_row_at_index (list, count_list_rows (page) - 1));
          app_test_drain ();
        }
      /* the list and the detail side by side, the chart drawn; on a
       * narrow window the list folds away behind a button */
      /* the window takes its size a few frames later on a busy machine */
      layout_flap = page->flap;
      test_await (flap_folded_as_expected, GINT_TO_POINTER (sizes[i][0] < 1000), "the flap folded for the window's width");
      g_assert_true (adw_flap_get_folded (page->flap) == (sizes[i][0] < 1000));
      test_await (chart_has_room, page->chart_view, "the chart given its room");
      g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (page->chart_view)), >=, 300);
      g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (page->chart_view)), >=, 240);
      g_assert_cmpfloat (app_test_render_png (GTK_WIDGET (window), file), >, MIN_VARIANCE);
      close_indicators (window);
    }
}

int
main (int   argc,
      char *argv[])
{
  explore_test_init (&argc, &argv);
  g_test_add_func ("/indicators-page/list", test_list);
  g_test_add_func ("/indicators-page/year-table", test_year_table);
  g_test_add_func ("/indicators-page/create", test_create);
  g_test_add_func ("/indicators-page/delete-undo", test_delete_undo);
  g_test_add_func ("/indicators-page/empty", test_empty);
  g_test_add_func ("/indicators-page/layout", test_layout);
  return explore_test_run ();
}
