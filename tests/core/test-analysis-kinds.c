/* test-analysis-kinds.c — acs-proportion, dissimilarity, group-exposure, outcomes,
 * representation, utilization and index-of-disparity
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "analysis-test-util.h"

static JsonObject *
first_row (JsonNode   *json,
           const char *member)
{
  return json_array_get_object_element (json_object_get_array_member (json_node_get_object (json), member), 0);
}

static void
test_acs_proportion_svi (TestProject   *fixture,
                         gconstpointer  data)
{
  static const char * const keys[] = { "kind", "rows", NULL };
  static const char * const row_keys[] = { "key", "estimate", "moe", "cv", "reliability", NULL };
  g_autofree char *svi = test_data_path ("csv", "real", "demographics", "cdc_svi2020_buncombe_tract.csv", NULL);
  g_autoptr(EquityResult) result = NULL;
  g_autoptr(JsonNode) json = NULL;
  EquityResultRow *row;
  JsonObject *object;

  import_file (fixture, svi, "svi");
  result = run_ok (fixture,
                   "[analysis]\nname = Below 150% of poverty\nkind = acs-proportion\ndataset = svi\n"
                   "key-column = FIPS\nnumerator = E_POV150\nnumerator-moe = M_POV150\n"
                   "denominator = E_TOTPOP\ndenominator-moe = M_TOTPOP\n");
  g_assert_cmpuint (equity_result_get_n_rows (result), ==, 65);

  /* tract 37021000100: E_POV150 394 (M 110), E_TOTPOP 1358 (M 245).
   * R: p <- 394/1358; m <- sqrt(110^2 - p^2 * 245^2)/1358; m/1.645/p*100
   * → 0.2901325478645067, 0.0618174449609646, CV 12.9523537341258539: "medium" */
  row = equity_result_find_row (result, "37021000100");
  assert_close (row->estimate, 0.2901325478645067, 1e-13);
  assert_close (row->moe, 0.0618174449609646, 1e-12);
  assert_close (row->cv, 12.9523537341258539, 1e-12);
  g_assert_cmpstr (row->reliability, ==, "medium");
  g_assert_false (row->flags & EQUITY_STATS_RATIO_FALLBACK);

  /* tract 37021002606: 981 (M 332) of 6116 (M 2131): the radicand is
   * 332² − (981/6116)²·2131² = −6610.2 (R), so the ratio formula:
   * sqrt(332^2 + p^2 * 2131^2)/6116 → 0.0779114184712636 */
  row = equity_result_find_row (result, "37021002606");
  assert_close (row->moe, 0.0779114184712636, 1e-12);
  g_assert_true (row->flags & EQUITY_STATS_RATIO_FALLBACK);
  g_assert_nonnull (equity_result_get_notes (result)[0]);

  json = result_json (result);
  assert_members (json_node_get_object (json), keys);
  object = first_row (json, "rows");
  assert_members (object, row_keys);
  g_assert_cmpstr (json_object_get_string_member (object, "key"), ==, "37021000100");
  g_assert_cmpstr (json_object_get_string_member (object, "reliability"), ==, "medium");
  /* named by the SVI's LOCATION, less the county and state every row shares */
  g_assert_cmpstr (json_object_get_string_member (object, "label"), ==, "Census Tract 1");
  g_assert_cmpstr (equity_result_find_row (result, "37021002606")->display_label, ==, "Census Tract 26.06");
}

static void
test_acs_proportion_edges (TestProject   *fixture,
                           gconstpointer  data)
{
  g_autoptr(EquityResult) result = NULL;
  g_autoptr(JsonNode) json = NULL;
  EquityResultRow *zero, *missing, *coded, *none;
  JsonObject *row;

  import_text (fixture, "acs", "csv",
               "geo,x,mx,y,my\nzero,0,12,100,10\nmissing,5,,100,10\ncoded,5,-555555555,100,10\nnone,0,5,0,5\n");
  result = run_ok (fixture,
                   "[analysis]\nname = Edges\nkind = acs-proportion\ndataset = acs\nkey-column = geo\n"
                   "numerator = x\nnumerator-moe = mx\ndenominator = y\ndenominator-moe = my\n");
  zero = equity_result_find_row (result, "zero");
  missing = equity_result_find_row (result, "missing");
  coded = equity_result_find_row (result, "coded");
  none = equity_result_find_row (result, "none");
  /* an estimate of 0 has a margin (12/100, by hand) but no CV */
  g_assert_cmpfloat (zero->estimate, ==, 0.0);
  assert_close (zero->moe, 0.12, 1e-15);
  g_assert_true (isnan (zero->cv));
  g_assert_cmpstr (zero->reliability, ==, "low");
  g_assert_true (isnan (missing->moe) && (missing->flags & EQUITY_STATS_MISSING_MOE));
  g_assert_true (isnan (coded->moe));
  g_assert_true (isnan (none->estimate) && (none->flags & EQUITY_STATS_ZERO_DENOMINATOR));

  json = result_json (result);
  row = first_row (json, "rows");
  g_assert_true (json_object_get_null_member (row, "cv"));
}

static void
test_dissimilarity (TestProject   *fixture,
                    gconstpointer  data)
{
  static const char * const keys[] = { "kind", "index", "areas", NULL };
  g_autoptr(EquityResult) result = NULL;
  g_autoptr(JsonNode) json = NULL;
  JsonObject *root;

  /* by hand: ½(|.1 − .5| + |.2 − .3| + |.7 − .2|) = 0.5; the blank row is left out */
  import_text (fixture, "tracts", "csv", "tract,white,black\nt1,10,50\nt2,20,30\nt3,70,20\nt4,,5\n");
  result = run_ok (fixture,
                   "[analysis]\nname = Segregation\nkind = dissimilarity\ndataset = tracts\n"
                   "group-a = white\ngroup-b = black\nkey-column = tract\n");
  assert_close (equity_result_get_index (result), 0.5, 1e-15);
  g_assert_cmpuint (equity_result_get_n_rows (result), ==, 3);
  assert_close (equity_result_find_row (result, "t3")->share, 0.7, 1e-15);

  json = result_json (result);
  root = json_node_get_object (json);
  assert_members (root, keys);
  assert_close (json_object_get_double_member (root, "index"), 0.5, 1e-15);
  g_assert_cmpint (json_object_get_int_member (root, "areas"), ==, 3);
}

static void
test_group_exposure (TestProject   *fixture,
                     gconstpointer  data)
{
  static const char * const keys[] = { "kind", "groups", "overall", "unmatched", NULL };
  g_autoptr(EquityResult) result = NULL;
  g_autoptr(JsonNode) json = NULL;
  EquityResultRow *x, *y;

  import_text (fixture, "requests", "csv", "id,area\n1,a1\n2,a1\n3,a2\n4,a2\n5,a2\n6,a2\n7,a3\n");
  import_text (fixture, "areas", "csv", "area,total,x,y\na1,100,80,20\na2,200,40,160\n");
  result = run_ok (fixture,
                   "[analysis]\nname = Exposure\nkind = group-exposure\nevents = requests\narea-column = area\n"
                   "population = areas\npopulation-key = area\npopulation-column = total\nper = 100\n"
                   "[groups]\nX = x\nY = y\n");
  x = equity_result_find_row (result, "X");
  y = equity_result_find_row (result, "Y");
  /* by hand: area rates 2/100 and 4/200, both 0.02, so both groups get 2 per
   * 100; service X = 0.8·2 + 0.2·4 = 2.4 of 6 (0.4), Y = 0.2·2 + 0.8·4 = 3.6 (0.6);
   * residents X 120 of 300 (0.4), Y 180 (0.6); Y is the reference (largest) */
  assert_close (x->rate, 2.0, 1e-13);
  assert_close (y->rate, 2.0, 1e-13);
  assert_close (x->share, 0.4, 1e-13);
  assert_close (y->share, 0.6, 1e-13);
  assert_close (x->population_share, 0.4, 1e-13);
  g_assert_true (y->is_reference);
  assert_close (x->ratio, 1.0, 1e-13);
  g_assert_true (x->ratio_low < 1.0 && x->ratio_high > 1.0);
  g_assert_cmpuint (equity_result_get_unmatched_events (result), ==, 1);

  json = result_json (result);
  assert_members (json_node_get_object (json), keys);
}

static void
test_group_exposure_uneven (TestProject   *fixture,
                            gconstpointer  data)
{
  g_autoptr(EquityResult) result = NULL;
  EquityResultRow *x, *y;

  /* a1: 10 events over 100 (X 80, Y 20); a2: 40 over 100 (X 20, Y 80).
   * by hand: E_X = (80·0.1 + 20·0.4)/100 = 0.16, E_Y = (20·0.1 + 80·0.4)/100 = 0.34;
   * per 1,000: 160 and 340; ratio Y/X = 2.125 (X the reference: tie, first) */
  GString *events = g_string_new ("id,area\n");
  for (guint i = 0; i < 50; i++)
    g_string_append_printf (events, "%u,%s\n", i, i < 10 ? "a1" : "a2");
  import_text (fixture, "events", "csv", events->str);
  g_string_free (events, TRUE);
  import_text (fixture, "areas", "csv", "area,x,y\na1,80,20\na2,20,80\n");
  result = run_ok (fixture,
                   "[analysis]\nname = Uneven\nkind = group-exposure\nevents = events\narea-column = area\n"
                   "population = areas\npopulation-key = area\n[groups]\nX = x\nY = y\n");
  x = equity_result_find_row (result, "X");
  y = equity_result_find_row (result, "Y");
  assert_close (x->rate, 160.0, 1e-13);
  assert_close (y->rate, 340.0, 1e-13);
  g_assert_true (x->is_reference);
  assert_close (y->ratio, 2.125, 1e-13);
  g_assert_true (y->ratio_low > 1.0);
  assert_close (x->share, 16.0 / 50.0, 1e-13);
}

static void
test_outcomes (TestProject   *fixture,
               gconstpointer  data)
{
  static const char * const row_keys[] = { "label", "n", "mean", "mean_low", "mean_high", "median",
                                           "median_low", "median_high", NULL };
  g_autoptr(GString) csv = g_string_new ("id,group,days\n");
  g_autoptr(EquityResult) result = NULL;
  g_autoptr(JsonNode) json = NULL;
  EquityResultRow *a, *b;

  for (guint i = 1; i <= 10; i++)
    g_string_append_printf (csv, "%u,A,%u\n", i, i);
  g_string_append (csv, "11,B,4\n12,B,8\n13,,6\n14,B,\n");
  import_text (fixture, "requests", "csv", csv->str);
  result = run_ok (fixture,
                   "[analysis]\nname = Days to close\nkind = outcomes\nevents = requests\n"
                   "value-column = days\ngroup-column = group\n");
  a = equity_result_find_row (result, "A");
  b = equity_result_find_row (result, "B");
  /* R: t.test(1:10)$conf.int → 3.33414941033183–7.66585058966817; median
   * 5.5 between the 2nd and 9th values (2·pbinom(1, 10, 0.5) = 0.021) */
  g_assert_cmpfloat (a->count, ==, 10);
  assert_close (a->mean, 5.5, 1e-15);
  assert_close (a->mean_low, 3.33414941033183, 1e-12);
  assert_close (a->mean_high, 7.66585058966817, 1e-12);
  g_assert_cmpfloat (a->median_low, ==, 2);
  g_assert_cmpfloat (a->median_high, ==, 9);
  g_assert_true (a->suppressed);   /* 10 < 11 */
  g_assert_cmpfloat (b->count, ==, 2);
  assert_close (b->mean, 6.0, 1e-15);
  g_assert_true (isnan (b->median_low));
  /* overall: all 13 values, blank group included: mean (55 + 12 + 6)/13 */
  assert_close (equity_result_get_overall (result)->mean, 73.0 / 13.0, 1e-14);
  assert_close (a->ratio, 5.5 / (73.0 / 13.0), 1e-14);

  json = result_json (result);
  assert_members (first_row (json, "rows"), row_keys);
}

static void
test_representation (TestProject   *fixture,
                     gconstpointer  data)
{
  static const char * const row_keys[] = { "group", "members", "share", "share_low", "share_high",
                                           "population_share", "ratio", "ratio_low", "ratio_high", NULL };
  g_autoptr(EquityResult) result = NULL;
  g_autoptr(JsonNode) json = NULL;
  EquityResultRow *x, *z;

  import_text (fixture, "board", "csv",
               "seat,race\n1,X\n2,X\n3,X\n4,X\n5,X\n6,X\n7,Y\n8,Y\n9,Q\n");
  import_text (fixture, "city", "csv", "place,x,y,z\ncity,50,30,20\n");
  result = run_ok (fixture,
                   "[analysis]\nname = Board\nkind = representation\nmembers = board\ngroup-column = race\n"
                   "population = city\n[groups]\nX = x\nY = y\nZ = z\n");
  x = equity_result_find_row (result, "X");
  z = equity_result_find_row (result, "Z");
  /* 6 of the 8 members in [groups]; R: prop.test(6, 8, correct = FALSE)$conf.int
   * → 0.409275430310169–0.928520787247891; ratio 0.75/0.5 = 1.5 */
  assert_close (x->share, 0.75, 1e-15);
  assert_close (x->share_low, 0.409275430310169, 1e-12);
  assert_close (x->share_high, 0.928520787247891, 1e-12);
  assert_close (x->ratio, 1.5, 1e-15);
  assert_close (x->ratio_low, 0.409275430310169 / 0.5, 1e-12);
  /* none of 8: R prop.test(0, 8, correct = FALSE) → 0–0.32440756488388 */
  g_assert_cmpfloat (z->share, ==, 0.0);
  assert_close (z->share_high, 0.32440756488388, 1e-12);
  g_assert_cmpuint (equity_result_get_unmatched_events (result), ==, 1);

  json = result_json (result);
  assert_members (first_row (json, "groups"), row_keys);
}

static void
test_utilization (TestProject   *fixture,
                  gconstpointer  data)
{
  static const char * const row_keys[] = { "group", "dollars", "utilization", "availability",
                                           "disparity_index", "substantial_disparity", NULL };
  g_autoptr(EquityResult) result = NULL;
  g_autoptr(JsonNode) json = NULL;
  EquityResultRow *mbe, *wbe, *non;
  JsonObject *row;

  import_text (fixture, "contracts", "csv",
               "id,firm_group,amount\n1,MBE,4000\n2,MBE,6000\n3,WBE,30000\n4,NON,160000\n5,DBE,999\n");
  import_text (fixture, "available", "csv", "group,firms\nMBE,20\nWBE,10\nNON,70\n");
  result = run_ok (fixture,
                   "[analysis]\nname = Contracts\nkind = utilization\ncontracts = contracts\n"
                   "group-column = firm_group\nvalue-column = amount\navailability = available\n"
                   "availability-group-column = group\navailability-column = firms\n");
  mbe = equity_result_find_row (result, "MBE");
  wbe = equity_result_find_row (result, "WBE");
  non = equity_result_find_row (result, "NON");
  /* by hand: of 200,000 dollars MBE 5%, WBE 15%, NON 80%; available 20%,
   * 10%, 70%: DI 25, 150, 114.29; only MBE below 80 */
  assert_close (mbe->share, 0.05, 1e-15);
  assert_close (mbe->population_share, 0.2, 1e-15);
  assert_close (mbe->index, 25.0, 1e-13);
  assert_close (wbe->index, 150.0, 1e-13);
  assert_close (non->index, 80.0 / 0.7, 1e-13);
  g_assert_true (mbe->flagged);
  g_assert_false (wbe->flagged || non->flagged);
  g_assert_cmpuint (equity_result_get_unmatched_events (result), ==, 1);

  json = result_json (result);
  row = first_row (json, "groups");
  assert_members (row, row_keys);
  g_assert_true (json_object_get_boolean_member (row, "substantial_disparity"));
}

static void
test_index_of_disparity (TestProject   *fixture,
                         gconstpointer  data)
{
  g_autoptr(GString) csv = g_string_new ("id,g\n");
  g_autoptr(EquityResult) overall = NULL;
  g_autoptr(EquityResult) against_x = NULL;
  g_autoptr(JsonNode) json = NULL;

  for (guint i = 0; i < 60; i++)
    g_string_append_printf (csv, "%u,%s\n", i, i < 10 ? "X" : i < 30 ? "Y" : "Z");
  import_text (fixture, "events", "csv", csv->str);
  import_text (fixture, "pop", "csv", "p,x,y,z\nall,1000,1000,1000\n");
  /* rates 10, 20, 30 per 1,000; overall 20. by hand: (10 + 0 + 10)/3/20 × 100 = 33.33 */
  overall = run_ok (fixture,
                    "[analysis]\nname = ID\nkind = index-of-disparity\nevents = events\ngroup-column = g\n"
                    "population = pop\n[groups]\nX = x\nY = y\nZ = z\n");
  assert_close (equity_result_get_index (overall), 100.0 / 3.0, 1e-13);
  g_assert_cmpstr (equity_result_get_reference (overall), ==, "overall");
  /* against X: (|20 − 10| + |30 − 10|)/2 / 10 × 100 = 150 */
  against_x = run_ok (fixture,
                      "[analysis]\nname = ID\nkind = index-of-disparity\nevents = events\ngroup-column = g\n"
                      "population = pop\nreference = X\n[groups]\nX = x\nY = y\nZ = z\n");
  assert_close (equity_result_get_index (against_x), 150.0, 1e-13);

  json = result_json (overall);
  g_assert_true (json_object_has_member (json_node_get_object (json), "index"));
  g_assert_true (json_object_has_member (json_node_get_object (json), "groups"));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  test_add_with_project ("/analysis/acs-proportion/svi", test_acs_proportion_svi);
  test_add_with_project ("/analysis/acs-proportion/edges", test_acs_proportion_edges);
  test_add_with_project ("/analysis/dissimilarity", test_dissimilarity);
  test_add_with_project ("/analysis/group-exposure/even", test_group_exposure);
  test_add_with_project ("/analysis/group-exposure/uneven", test_group_exposure_uneven);
  test_add_with_project ("/analysis/outcomes", test_outcomes);
  test_add_with_project ("/analysis/representation", test_representation);
  test_add_with_project ("/analysis/utilization", test_utilization);
  test_add_with_project ("/analysis/index-of-disparity", test_index_of_disparity);

  return g_test_run ();
}
