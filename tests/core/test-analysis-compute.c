/* test-analysis-compute.c — the arithmetic of group rates and area rates on
 * numbers written in the test, with no project or file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Expected figures worked by hand from the formulas docs/methods.md gives:
 * rate = events ÷ residents × per; exact Poisson limits below 10 events
 * (Garwood 1936; 5 events: 1.6235–11.668, 0 events: 0–3.6889, as in the
 * tables of Sahai and Khurshid 1993), Byar's approximation from 10
 * (Rothman and Boice 1979: x(1 − 1/9x − z/3√x)³ and
 * (x+1)(1 − 1/9(x+1) + z/3√(x+1))³, z = 1.959964, worked with a calculator);
 * rate ratio by the log method (SE of log ratio = √(1/a + 1/b)); rate
 * difference with SE = √(a/n_a² + b/n_b²) × per; Gini as the mean absolute
 * difference of the weighted rates over twice their mean.
 */

#include "config.h"

#include <math.h>

#include "equity-core.h"
#include "equity-analysis-compute.h"
#include "equity-analysis-kind.h"
#include "equity-chart.h"

#define PER 1000.0

static EquityResult *
new_result (const char *kind)
{
  EquityResult *result = equity_result_new (kind);

  equity_result_set_per (result, PER);
  equity_result_set_confidence (result, 0.95);
  equity_result_set_suppress_below (result, 11);
  return result;
}

/* A: 20 events among 1,000 residents; B: 5 among 500. */
static void
test_group_rates (void)
{
  static const char * const groups[] = { "A", "B" };
  static const double events[] = { 20, 5 };
  static const double population[] = { 1000, 500 };
  static const double moe[] = { NAN, NAN };
  EquityGroupRatesInput input = { 2, groups, events, NULL, population, moe, NULL };
  g_autoptr(EquityResult) result = new_result (EQUITY_KIND_GROUP_RATES);
  const EquityResultRow *a, *b, *overall;

  equity_group_rates_compute (&input, result);
  g_assert_cmpuint (equity_result_get_n_rows (result), ==, 2);
  a = equity_result_get_row (result, 0);
  b = equity_result_get_row (result, 1);

  /* no reference named: the largest population, A */
  g_assert_cmpstr (equity_result_get_reference (result), ==, "A");
  g_assert_true (a->is_reference);
  g_assert_false (b->is_reference);

  g_assert_cmpfloat_with_epsilon (a->rate, 20.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (b->rate, 10.0, 1e-9);
  /* Byar, 20 events: 12.2114–30.8899 per 1,000 residents */
  g_assert_cmpfloat_with_epsilon (a->rate_low, 12.2114, 1e-3);
  g_assert_cmpfloat_with_epsilon (a->rate_high, 30.8899, 1e-3);
  /* exact, 5 events among 500: (1.6235–11.668) × 2 */
  g_assert_cmpfloat_with_epsilon (b->rate_low, 3.2470, 2e-3);
  g_assert_cmpfloat_with_epsilon (b->rate_high, 23.336, 2e-3);

  g_assert_cmpfloat_with_epsilon (a->ratio, 1.0, 1e-12);
  g_assert_cmpfloat_with_epsilon (a->difference, 0.0, 1e-12);
  /* 0.5 × exp(±1.96 × 0.5) */
  g_assert_cmpfloat_with_epsilon (b->ratio, 0.5, 1e-9);
  g_assert_cmpfloat_with_epsilon (b->ratio_low, 0.18766, 1e-4);
  g_assert_cmpfloat_with_epsilon (b->ratio_high, 1.33220, 1e-4);
  /* −10 ± 1.96 × √40 */
  g_assert_cmpfloat_with_epsilon (b->difference, -10.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (b->difference_low, -22.3959, 1e-3);
  g_assert_cmpfloat_with_epsilon (b->difference_high, 2.3959, 1e-3);

  g_assert_cmpfloat_with_epsilon (a->share, 0.8, 1e-12);
  g_assert_cmpfloat_with_epsilon (b->population_share, 1.0 / 3.0, 1e-12);
  /* 5 is below 11; 20 is not */
  g_assert_false (a->suppressed);
  g_assert_true (b->suppressed);
  g_assert_cmpstr (a->display_label, ==, "Asian");

  overall = equity_result_get_overall (result);
  g_assert_cmpfloat_with_epsilon (overall->count, 25.0, 1e-12);
  g_assert_cmpfloat_with_epsilon (overall->population, 1500.0, 1e-12);
  g_assert_cmpfloat_with_epsilon (overall->rate, 25.0 / 1.5, 1e-9);
}

/* Sums of a measure: $100 among A's 1,000, $50 among B's 500; B named the
 * reference. Amounts have no Poisson error, so no intervals. */
static void
test_group_rates_amounts (void)
{
  static const char * const groups[] = { "A", "B" };
  static const double events[] = { 2, 12 };
  static const double amounts[] = { 100, 50 };
  static const double population[] = { 1000, 500 };
  static const double moe[] = { NAN, NAN };
  EquityGroupRatesInput input = { 2, groups, events, amounts, population, moe, "B" };
  g_autoptr(EquityResult) result = new_result (EQUITY_KIND_GROUP_RATES);
  const EquityResultRow *a, *b;

  equity_group_rates_compute (&input, result);
  a = equity_result_get_row (result, 0);
  b = equity_result_get_row (result, 1);
  g_assert_cmpstr (equity_result_get_reference (result), ==, "B");
  g_assert_true (b->is_reference);
  g_assert_cmpfloat_with_epsilon (a->count, 100.0, 1e-12);
  g_assert_cmpfloat_with_epsilon (a->rate, 100.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (b->rate, 100.0, 1e-9);
  g_assert_true (isnan (a->rate_low) && isnan (a->rate_high));
  g_assert_cmpfloat_with_epsilon (a->ratio, 1.0, 1e-12);
  g_assert_true (isnan (a->ratio_low));
  g_assert_cmpfloat_with_epsilon (a->share, 100.0 / 150.0, 1e-12);
  /* suppression counts events, not dollars: 2 of A's rows are few */
  g_assert_true (a->suppressed);
  g_assert_false (b->suppressed);
  g_assert_cmpfloat_with_epsilon (equity_result_get_overall (result)->rate, 100.0, 1e-9);
}

/* X: 30 events, 1,000 residents; Y: 10, 2,000; Z: 0, 1,000; W: no residents. */
static void
test_area_rates (void)
{
  static const char * const keys[] = { "X", "Y", "Z", "W" };
  static const double events[] = { 30, 10, 0, 0 };
  static const double population[] = { 1000, 2000, 1000, 0 };
  static const double moe[] = { NAN, NAN, NAN, NAN };
  EquityAreaRatesInput input = { 4, keys, events, NULL, population, moe };
  g_autoptr(EquityResult) result = new_result (EQUITY_KIND_AREA_RATES);
  const char * const *notes;
  const EquityResultRow *x, *y, *z, *w, *overall;

  equity_area_rates_compute (&input, result);
  g_assert_cmpuint (equity_result_get_n_rows (result), ==, 4);
  x = equity_result_get_row (result, 0);
  y = equity_result_get_row (result, 1);
  z = equity_result_get_row (result, 2);
  w = equity_result_get_row (result, 3);

  overall = equity_result_get_overall (result);
  g_assert_cmpfloat_with_epsilon (overall->count, 40.0, 1e-12);
  g_assert_cmpfloat_with_epsilon (overall->population, 4000.0, 1e-12);
  g_assert_cmpfloat_with_epsilon (overall->rate, 10.0, 1e-9);

  g_assert_cmpfloat_with_epsilon (x->rate, 30.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (y->rate, 5.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (z->rate, 0.0, 1e-12);
  g_assert_true (isnan (w->rate));
  /* Byar, 30 events: 20.2369–42.8284; 10 events among 2,000: (4.7874–18.3915) ÷ 2 */
  g_assert_cmpfloat_with_epsilon (x->rate_low, 20.2369, 1e-3);
  g_assert_cmpfloat_with_epsilon (x->rate_high, 42.8284, 1e-3);
  g_assert_cmpfloat_with_epsilon (y->rate_low, 2.3937, 1e-3);
  g_assert_cmpfloat_with_epsilon (y->rate_high, 9.1957, 1e-3);
  /* exact, 0 events: 0–3.6889 */
  g_assert_cmpfloat_with_epsilon (z->rate_low, 0.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (z->rate_high, 3.6889, 1e-3);

  g_assert_cmpfloat_with_epsilon (x->ratio, 3.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (y->ratio, 0.5, 1e-9);
  g_assert_cmpfloat_with_epsilon (x->share, 0.75, 1e-12);
  g_assert_cmpfloat_with_epsilon (y->population_share, 0.5, 1e-12);
  /* 10 is below 11; 0 and 30 are not */
  g_assert_false (x->suppressed);
  g_assert_true (y->suppressed);
  g_assert_false (z->suppressed);

  /* weights 1000, 2000, 1000 (W has none); mean rate 10;
   * Σ w_i w_j |r_i − r_j| over ordered pairs = 2 × (2e6×25 + 1e6×30 + 2e6×5)
   * = 1.8e8; ÷ (2 × 4000² × 10) = 0.5625 */
  g_assert_cmpfloat_with_epsilon (equity_result_get_number (result, "gini"), 0.5625, 1e-9);

  notes = equity_result_get_notes (result);
  g_assert_nonnull (notes[0]);
  g_assert_cmpstr (notes[0], ==, "1 area has no population: its rate is not defined.");
  g_assert_null (notes[1]);
}

/* Every kind in the table describes itself whole, so the editor, the JSON,
 * the result columns and the run need no list of their own. */
static void
test_kind_descriptions (void)
{
  const char * const *names = equity_analysis_list_kinds ();
  guint n = equity_analysis_fields_get_n_kinds ();

  g_assert_cmpuint (n, ==, g_strv_length ((char **) names));
  for (guint i = 0; i < n; i++)
    {
      const EquityAnalysisKindInfo *info = equity_analysis_fields_get_kind (i);
      g_auto(GStrv) charts = NULL;

      g_assert_cmpstr (info->kind, ==, names[i]);
      g_assert_true (equity_analysis_fields_find_kind (info->kind) == info);
      g_assert_cmpstr (equity_analysis_kind_to_label (info->kind), ==, info->label);
      g_assert_nonnull (info->description);
      g_assert_nonnull (info->formula);
      g_assert_nonnull (info->fields);
      g_assert_nonnull (info->fields[0].key);
      g_assert_nonnull (info->json_rows);
      g_assert_nonnull (info->json_label);
      g_assert_nonnull (info->json_members);
      g_assert_nonnull (info->json_members[0].name);
      g_assert_nonnull (info->validate);
      g_assert_nonnull (info->run);
      for (guint j = 0; j < i; j++)
        g_assert_cmpstr (equity_analysis_fields_get_kind (j)->kind, !=, info->kind);

      /* its charts are chart kinds the spec's `chart` key can name */
      charts = g_strsplit (info->charts, " ", -1);
      g_assert_nonnull (charts[0]);
      for (guint c = 0; charts[c] != NULL; c++)
        {
          EquityChartKind chart_kind;

          g_assert_true (equity_chart_kind_from_string (charts[c], &chart_kind));
        }
    }
  /* a kind with a mode field lists its modes */
  g_assert_nonnull (equity_analysis_fields_find_kind (EQUITY_KIND_AREA_RATES)->modes);
  g_assert_null (equity_analysis_fields_find_kind ("no-such-kind"));
  g_assert_false (equity_analysis_kind_has_flags ("no-such-kind", 0));
  g_assert_true (equity_analysis_kind_has_flags (EQUITY_KIND_INDEX_OF_DISPARITY, EQUITY_KIND_INDEX | EQUITY_KIND_SUPPRESS));
  g_assert_false (equity_analysis_kind_has_flags (EQUITY_KIND_UTILIZATION, EQUITY_KIND_SUPPRESS));
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("LC_ALL", "C", TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/analysis-compute/group-rates", test_group_rates);
  g_test_add_func ("/analysis-compute/group-rates-amounts", test_group_rates_amounts);
  g_test_add_func ("/analysis-compute/area-rates", test_area_rates);
  g_test_add_func ("/analysis-compute/kind-descriptions", test_kind_descriptions);

  return g_test_run ();
}
