/* test-analysis-kinds.c — acs-proportion, dissimilarity, group-exposure, outcomes,
 * representation, utilization and index-of-disparity
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One table: each case imports its datasets, runs its spec, checks its rows'
 * figures (each with where it was worked out) and its JSON members, then
 * what a figure cannot say (flags, notes, single numbers).
 */

#include "config.h"

#include "analysis-test-util.h"

typedef struct
{
  const char         *path;
  /* datasets from CSV text: name, text */
  const char         *datasets[2][2];
  /* datasets built by code, imported before the ones above */
  void              (*import) (TestProject *fixture);
  const char         *spec;
  RowFigure           figures[12];
  /* members of the JSON, and of the first element of its array ROWS */
  const char * const *keys;
  const char         *rows;
  const char * const *row_keys;
  void              (*check) (TestProject  *fixture,
                              EquityResult *result,
                              JsonNode     *json);
} KindCase;

static JsonObject *
first_row (JsonNode   *json,
           const char *member)
{
  return json_array_get_object_element (json_object_get_array_member (json_node_get_object (json), member), 0);
}

static void
import_svi (TestProject *fixture)
{
  g_autofree char *svi = test_data_path ("csv", "real", "demographics", "cdc_svi2020_buncombe_tract.csv", NULL);

  import_file (fixture, svi, "svi");
}

static void
check_svi (TestProject  *fixture,
           EquityResult *result,
           JsonNode     *json)
{
  EquityResultRow *row = equity_result_find_row (result, "37021000100");
  JsonObject *object = first_row (json, "rows");

  g_assert_cmpuint (equity_result_get_n_rows (result), ==, 65);
  g_assert_cmpstr (row->reliability, ==, "medium");
  g_assert_false (row->flags & EQUITY_STATS_RATIO_FALLBACK);
  g_assert_true (equity_result_find_row (result, "37021002606")->flags & EQUITY_STATS_RATIO_FALLBACK);
  g_assert_nonnull (equity_result_get_notes (result)[0]);

  g_assert_cmpstr (json_object_get_string_member (object, "key"), ==, "37021000100");
  g_assert_cmpstr (json_object_get_string_member (object, "reliability"), ==, "medium");
  /* named by the SVI's LOCATION, less the county and state every row shares */
  g_assert_cmpstr (json_object_get_string_member (object, "label"), ==, "Census Tract 1");
  g_assert_cmpstr (equity_result_find_row (result, "37021002606")->display_label, ==, "Census Tract 26.06");
}

static void
check_acs_edges (TestProject  *fixture,
                 EquityResult *result,
                 JsonNode     *json)
{
  EquityResultRow *zero = equity_result_find_row (result, "zero");
  EquityResultRow *missing = equity_result_find_row (result, "missing");
  EquityResultRow *coded = equity_result_find_row (result, "coded");
  EquityResultRow *none = equity_result_find_row (result, "none");

  /* an estimate of 0 has a margin but no CV */
  g_assert_true (isnan (zero->cv));
  g_assert_cmpstr (zero->reliability, ==, "low");
  g_assert_true (isnan (missing->moe) && (missing->flags & EQUITY_STATS_MISSING_MOE));
  g_assert_true (isnan (coded->moe));
  g_assert_true (isnan (none->estimate) && (none->flags & EQUITY_STATS_ZERO_DENOMINATOR));
  g_assert_true (json_object_get_null_member (first_row (json, "rows"), "cv"));
}

static void
check_dissimilarity (TestProject  *fixture,
                     EquityResult *result,
                     JsonNode     *json)
{
  JsonObject *root = json_node_get_object (json);

  /* by hand: ½(|.1 − .5| + |.2 − .3| + |.7 − .2|) = 0.5; the blank row is left out */
  assert_close (equity_result_get_index (result), 0.5, 1e-15);
  g_assert_cmpuint (equity_result_get_n_rows (result), ==, 3);
  assert_close (json_object_get_double_member (root, "index"), 0.5, 1e-15);
  g_assert_cmpint (json_object_get_int_member (root, "areas"), ==, 3);
}

static void
check_exposure_even (TestProject  *fixture,
                     EquityResult *result,
                     JsonNode     *json)
{
  EquityResultRow *x = equity_result_find_row (result, "X");

  g_assert_true (equity_result_find_row (result, "Y")->is_reference);
  g_assert_true (x->ratio_low < 1.0 && x->ratio_high > 1.0);
  g_assert_cmpuint (equity_result_get_unmatched_events (result), ==, 1);
}

/* a1: 10 events, a2: 40 */
static void
import_uneven_events (TestProject *fixture)
{
  import_counts (fixture, "events", "area", "a1", 10, "a2", 40, NULL);
}

static void
check_exposure_uneven (TestProject  *fixture,
                       EquityResult *result,
                       JsonNode     *json)
{
  g_assert_true (equity_result_find_row (result, "X")->is_reference);
  g_assert_true (equity_result_find_row (result, "Y")->ratio_low > 1.0);
}

/* A: days 1 to 10; B: 4 and 8; one day without a group, one B without days */
static void
import_days (TestProject *fixture)
{
  g_autoptr(GString) csv = g_string_new ("id,group,days\n");

  for (guint i = 1; i <= 10; i++)
    g_string_append_printf (csv, "%u,A,%u\n", i, i);
  g_string_append (csv, "11,B,4\n12,B,8\n13,,6\n14,B,\n");
  import_text (fixture, "requests", "csv", csv->str);
}

static void
check_outcomes (TestProject  *fixture,
                EquityResult *result,
                JsonNode     *json)
{
  g_assert_true (equity_result_find_row (result, "A")->suppressed);   /* 10 < 11 */
  g_assert_true (isnan (equity_result_find_row (result, "B")->median_low));
}

static void
check_one_unmatched (TestProject  *fixture,
                     EquityResult *result,
                     JsonNode     *json)
{
  g_assert_cmpuint (equity_result_get_unmatched_events (result), ==, 1);
}

static void
check_utilization (TestProject  *fixture,
                   EquityResult *result,
                   JsonNode     *json)
{
  /* only MBE below 80 */
  g_assert_true (equity_result_find_row (result, "MBE")->flagged);
  g_assert_false (equity_result_find_row (result, "WBE")->flagged || equity_result_find_row (result, "NON")->flagged);
  g_assert_cmpuint (equity_result_get_unmatched_events (result), ==, 1);
  g_assert_true (json_object_get_boolean_member (first_row (json, "groups"), "substantial_disparity"));
}

/* X 10, Y 20, Z 30 events among 1,000 people each */
static void
import_disparity_events (TestProject *fixture)
{
  import_counts (fixture, "events", "g", "X", 10, "Y", 20, "Z", 30, NULL);
}

static void
check_index_of_disparity (TestProject  *fixture,
                          EquityResult *result,
                          JsonNode     *json)
{
  g_autoptr(EquityResult) against_x = NULL;

  /* rates 10, 20, 30 per 1,000; overall 20. by hand: (10 + 0 + 10)/3/20 × 100 = 33.33 */
  assert_close (equity_result_get_index (result), 100.0 / 3.0, 1e-13);
  g_assert_cmpstr (equity_result_get_reference (result), ==, "overall");
  /* against X: (|20 − 10| + |30 − 10|)/2 / 10 × 100 = 150 */
  against_x = run_ok (fixture,
                      "[analysis]\nname = ID\nkind = index-of-disparity\nevents = events\ngroup-column = g\n"
                      "population = pop\nreference = X\n[groups]\nX = x\nY = y\nZ = z\n");
  assert_close (equity_result_get_index (against_x), 150.0, 1e-13);
}

static const KindCase kind_cases[] = {
  {
    .path = "/analysis/acs-proportion/svi",
    .import = import_svi,
    .spec = "[analysis]\nname = Below 150% of poverty\nkind = acs-proportion\ndataset = svi\n"
            "key-column = FIPS\nnumerator = E_POV150\nnumerator-moe = M_POV150\n"
            "denominator = E_TOTPOP\ndenominator-moe = M_TOTPOP\n",
    .figures = {
      /* tract 37021000100: E_POV150 394 (M 110), E_TOTPOP 1358 (M 245).
       * R: p <- 394/1358; m <- sqrt(110^2 - p^2 * 245^2)/1358; m/1.645/p*100
       * → 0.2901325478645067, 0.0618174449609646, CV 12.9523537341258539: "medium" */
      ROW_FIGURE ("37021000100", estimate, 0.2901325478645067, 1e-13),
      ROW_FIGURE ("37021000100", moe, 0.0618174449609646, 1e-12),
      ROW_FIGURE ("37021000100", cv, 12.9523537341258539, 1e-12),
      /* tract 37021002606: 981 (M 332) of 6116 (M 2131): the radicand is
       * 332² − (981/6116)²·2131² = −6610.2 (R), so the ratio formula:
       * sqrt(332^2 + p^2 * 2131^2)/6116 → 0.0779114184712636 */
      ROW_FIGURE ("37021002606", moe, 0.0779114184712636, 1e-12),
    },
    .keys = (const char * const []) { "kind", "rows", NULL },
    .rows = "rows",
    .row_keys = (const char * const []) { "key", "estimate", "moe", "cv", "reliability", NULL },
    .check = check_svi,
  },
  {
    .path = "/analysis/acs-proportion/edges",
    .datasets = {
      { "acs", "geo,x,mx,y,my\nzero,0,12,100,10\nmissing,5,,100,10\ncoded,5,-555555555,100,10\nnone,0,5,0,5\n" },
    },
    .spec = "[analysis]\nname = Edges\nkind = acs-proportion\ndataset = acs\nkey-column = geo\n"
            "numerator = x\nnumerator-moe = mx\ndenominator = y\ndenominator-moe = my\n",
    .figures = {
      /* an estimate of 0 has a margin: 12/100, by hand */
      ROW_FIGURE ("zero", estimate, 0.0, 0),
      ROW_FIGURE ("zero", moe, 0.12, 1e-15),
    },
    .check = check_acs_edges,
  },
  {
    .path = "/analysis/dissimilarity",
    .datasets = { { "tracts", "tract,white,black\nt1,10,50\nt2,20,30\nt3,70,20\nt4,,5\n" } },
    .spec = "[analysis]\nname = Segregation\nkind = dissimilarity\ndataset = tracts\n"
            "group-a = white\ngroup-b = black\nkey-column = tract\n",
    .figures = { ROW_FIGURE ("t3", share, 0.7, 1e-15) },
    .keys = (const char * const []) { "kind", "index", "areas", NULL },
    .check = check_dissimilarity,
  },
  {
    .path = "/analysis/group-exposure/even",
    .datasets = {
      { "requests", "id,area\n1,a1\n2,a1\n3,a2\n4,a2\n5,a2\n6,a2\n7,a3\n" },
      { "areas", "area,total,x,y\na1,100,80,20\na2,200,40,160\n" },
    },
    .spec = "[analysis]\nname = Exposure\nkind = group-exposure\nevents = requests\narea-column = area\n"
            "population = areas\npopulation-key = area\npopulation-column = total\nper = 100\n"
            "[groups]\nX = x\nY = y\n",
    .figures = {
      /* by hand: area rates 2/100 and 4/200, both 0.02, so both groups get 2 per
       * 100; service X = 0.8·2 + 0.2·4 = 2.4 of 6 (0.4), Y = 0.2·2 + 0.8·4 = 3.6 (0.6);
       * residents X 120 of 300 (0.4), Y 180 (0.6); Y is the reference (largest) */
      ROW_FIGURE ("X", rate, 2.0, 1e-13),
      ROW_FIGURE ("Y", rate, 2.0, 1e-13),
      ROW_FIGURE ("X", share, 0.4, 1e-13),
      ROW_FIGURE ("Y", share, 0.6, 1e-13),
      ROW_FIGURE ("X", population_share, 0.4, 1e-13),
      ROW_FIGURE ("X", ratio, 1.0, 1e-13),
    },
    .keys = (const char * const []) { "kind", "groups", "overall", "unmatched", NULL },
    .check = check_exposure_even,
  },
  {
    .path = "/analysis/group-exposure/uneven",
    .import = import_uneven_events,
    .datasets = { { "areas", "area,x,y\na1,80,20\na2,20,80\n" } },
    .spec = "[analysis]\nname = Uneven\nkind = group-exposure\nevents = events\narea-column = area\n"
            "population = areas\npopulation-key = area\n[groups]\nX = x\nY = y\n",
    .figures = {
      /* a1: 10 events over 100 (X 80, Y 20); a2: 40 over 100 (X 20, Y 80).
       * by hand: E_X = (80·0.1 + 20·0.4)/100 = 0.16, E_Y = (20·0.1 + 80·0.4)/100 = 0.34;
       * per 1,000: 160 and 340; ratio Y/X = 2.125 (X the reference: tie, first) */
      ROW_FIGURE ("X", rate, 160.0, 1e-13),
      ROW_FIGURE ("Y", rate, 340.0, 1e-13),
      ROW_FIGURE ("Y", ratio, 2.125, 1e-13),
      ROW_FIGURE ("X", share, 16.0 / 50.0, 1e-13),
    },
    .check = check_exposure_uneven,
  },
  {
    .path = "/analysis/outcomes",
    .import = import_days,
    .spec = "[analysis]\nname = Days to close\nkind = outcomes\nevents = requests\n"
            "value-column = days\ngroup-column = group\n",
    .figures = {
      /* R: t.test(1:10)$conf.int → 3.33414941033183–7.66585058966817; median
       * 5.5 between the 2nd and 9th values (2·pbinom(1, 10, 0.5) = 0.021) */
      ROW_FIGURE ("A", count, 10, 0),
      ROW_FIGURE ("A", mean, 5.5, 1e-15),
      ROW_FIGURE ("A", mean_low, 3.33414941033183, 1e-12),
      ROW_FIGURE ("A", mean_high, 7.66585058966817, 1e-12),
      ROW_FIGURE ("A", median_low, 2, 0),
      ROW_FIGURE ("A", median_high, 9, 0),
      ROW_FIGURE ("B", count, 2, 0),
      ROW_FIGURE ("B", mean, 6.0, 1e-15),
      /* overall: all 13 values, blank group included: mean (55 + 12 + 6)/13 */
      ROW_FIGURE (NULL, mean, 73.0 / 13.0, 1e-14),
      ROW_FIGURE ("A", ratio, 5.5 / (73.0 / 13.0), 1e-14),
    },
    .rows = "rows",
    .row_keys = (const char * const []) { "label", "n", "mean", "mean_low", "mean_high", "median",
                                          "median_low", "median_high", NULL },
    .check = check_outcomes,
  },
  {
    .path = "/analysis/representation",
    .datasets = {
      { "board", "seat,race\n1,X\n2,X\n3,X\n4,X\n5,X\n6,X\n7,Y\n8,Y\n9,Q\n" },
      { "city", "place,x,y,z\ncity,50,30,20\n" },
    },
    .spec = "[analysis]\nname = Board\nkind = representation\nmembers = board\ngroup-column = race\n"
            "population = city\n[groups]\nX = x\nY = y\nZ = z\n",
    .figures = {
      /* 6 of the 8 members in [groups]; R: prop.test(6, 8, correct = FALSE)$conf.int
       * → 0.409275430310169–0.928520787247891; ratio 0.75/0.5 = 1.5 */
      ROW_FIGURE ("X", share, 0.75, 1e-15),
      ROW_FIGURE ("X", share_low, 0.409275430310169, 1e-12),
      ROW_FIGURE ("X", share_high, 0.928520787247891, 1e-12),
      ROW_FIGURE ("X", ratio, 1.5, 1e-15),
      ROW_FIGURE ("X", ratio_low, 0.409275430310169 / 0.5, 1e-12),
      /* none of 8: R prop.test(0, 8, correct = FALSE) → 0–0.32440756488388 */
      ROW_FIGURE ("Z", share, 0.0, 0),
      ROW_FIGURE ("Z", share_high, 0.32440756488388, 1e-12),
    },
    .rows = "groups",
    .row_keys = (const char * const []) { "group", "members", "share", "share_low", "share_high",
                                          "population_share", "ratio", "ratio_low", "ratio_high", NULL },
    .check = check_one_unmatched,
  },
  {
    .path = "/analysis/utilization",
    .datasets = {
      { "contracts", "id,firm_group,amount\n1,MBE,4000\n2,MBE,6000\n3,WBE,30000\n4,NON,160000\n5,DBE,999\n" },
      { "available", "group,firms\nMBE,20\nWBE,10\nNON,70\n" },
    },
    .spec = "[analysis]\nname = Contracts\nkind = utilization\ncontracts = contracts\n"
            "group-column = firm_group\nvalue-column = amount\navailability = available\n"
            "availability-group-column = group\navailability-column = firms\n",
    .figures = {
      /* by hand: of 200,000 dollars MBE 5%, WBE 15%, NON 80%; available 20%,
       * 10%, 70%: DI 25, 150, 114.29 */
      ROW_FIGURE ("MBE", share, 0.05, 1e-15),
      ROW_FIGURE ("MBE", population_share, 0.2, 1e-15),
      ROW_FIGURE ("MBE", index, 25.0, 1e-13),
      ROW_FIGURE ("WBE", index, 150.0, 1e-13),
      ROW_FIGURE ("NON", index, 80.0 / 0.7, 1e-13),
    },
    .rows = "groups",
    .row_keys = (const char * const []) { "group", "dollars", "utilization", "availability",
                                          "disparity_index", "substantial_disparity", NULL },
    .check = check_utilization,
  },
  {
    .path = "/analysis/index-of-disparity",
    .import = import_disparity_events,
    .datasets = { { "pop", "p,x,y,z\nall,1000,1000,1000\n" } },
    .spec = "[analysis]\nname = ID\nkind = index-of-disparity\nevents = events\ngroup-column = g\n"
            "population = pop\n[groups]\nX = x\nY = y\nZ = z\n",
    .keys = (const char * const []) { "index", "groups", NULL },
    .check = check_index_of_disparity,
  },
};

static void
test_kind (TestProject   *fixture,
           gconstpointer  data)
{
  const KindCase *kind_case = data;
  g_autoptr(EquityResult) result = NULL;
  g_autoptr(JsonNode) json = NULL;

  if (kind_case->import != NULL)
    kind_case->import (fixture);
  for (guint i = 0; i < G_N_ELEMENTS (kind_case->datasets) && kind_case->datasets[i][0] != NULL; i++)
    import_text (fixture, kind_case->datasets[i][0], "csv", kind_case->datasets[i][1]);
  result = run_ok (fixture, kind_case->spec);
  assert_row_figures (kind_case->path, result, kind_case->figures);

  json = result_json (result);
  if (kind_case->keys != NULL)
    assert_members (json_node_get_object (json), kind_case->keys);
  if (kind_case->rows != NULL)
    assert_members (first_row (json, kind_case->rows), kind_case->row_keys);
  kind_case->check (fixture, result, json);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (kind_cases); i++)
    test_add_case_with_project (kind_cases[i].path, &kind_cases[i], test_kind);

  return g_test_run ();
}
