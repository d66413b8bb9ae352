/* test-analysis.c — specs, group-rates and area-rates on hand-made and real data
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Real data: tests/data (APD arrests 2020–2021, Buncombe tract polygons with
 * 2010 IDs) and data/samples (2020 Census places and Buncombe 2020 tracts);
 * ../shared/data/SOURCES.md says where each comes from.
 */

#include "config.h"

#include "analysis-test-util.h"
#include "chart/equity-chart.h"

static const char * const group_rates_keys[] = { "kind", "per", "confidence", "reference", "groups", NULL };
static const char * const group_row_keys[] = {
  "group", "count", "population", "rate", "rate_low", "rate_high", "ratio", "ratio_low",
  "ratio_high", "suppressed", NULL,
};
static const char * const area_rates_keys[] = {
  "kind", "per", "confidence", "overall", "areas", "unmatched", "unmatched_events", "outside", NULL,
};
static const char * const overall_keys[] = { "count", "population", "rate", NULL };
static const char * const area_row_keys[] = {
  "area", "count", "population", "rate", "rate_low", "rate_high", "ratio_to_overall", "suppressed", NULL,
};

#define ARRESTS_SPEC                                  \
  "[analysis]\n"                                      \
  "name = Arrests by race, 2020–2021\n"               \
  "kind = group-rates\n"                              \
  "events = arrests\n"                                \
  "group-column = subject_race\n"                     \
  "population = places\n"                             \
  "population-filter = fips=3702140\n"

static void
import_arrests_and_places (TestProject *fixture)
{
  g_autofree char *arrests = test_data_path ("csv", "real", "asheville", "apd_arrests_2020_2021.csv", NULL);
  g_autofree char *places = sample_path ("mcclatchy_census2020_nc_places_2020_rc_eth.csv");

  import_file (fixture, arrests, "arrests");
  import_file (fixture, places, "places");
}

static void
test_group_rates_arrests (TestProject   *fixture,
                          gconstpointer  data)
{
  g_autoptr(EquityResult) result = NULL;
  g_autoptr(JsonNode) json = NULL;
  EquityResultRow *black, *white, *asian;
  JsonObject *root, *row;
  JsonArray *groups;

  import_arrests_and_places (fixture);
  /* no reference: the largest population (W) */
  result = run_ok (fixture, ARRESTS_SPEC
                   "[groups]\nW = rc_white\nB = rc_black\nI = rc_am_indian\nA = rc_asian\n");

  g_assert_cmpstr (equity_result_get_reference (result), ==, "W");
  g_assert_cmpuint (equity_result_get_n_rows (result), ==, 4);
  white = equity_result_find_row (result, "W");
  black = equity_result_find_row (result, "B");
  asian = equity_result_find_row (result, "A");
  g_assert_true (white->is_reference);
  g_assert_cmpstr (white->display_label, ==, "White");
  g_assert_cmpstr (black->label, ==, "B");
  g_assert_cmpstr (black->display_label, ==, "Black");

  /* SOURCES.md: W 10,314, B 4,452, I 163, A 80, U 6; Asheville (fips
   * 3702140) rc_white 71,669, rc_black 9,938 */
  g_assert_cmpfloat (white->count, ==, 10314);
  g_assert_cmpfloat (black->count, ==, 4452);
  g_assert_cmpfloat (asian->count, ==, 80);
  g_assert_cmpfloat (white->population, ==, 71669);
  g_assert_cmpfloat (black->population, ==, 9938);

  /* by hand: 4452 / 9938 × 1000 = 447.98 per 1,000 */
  assert_close (black->rate, 447.97746025357, 1e-12);
  /* by hand: RR = 447.977 / (10314 / 71669 × 1000 = 143.912) = 3.11287;
   * SE(ln RR) = sqrt(1/4452 + 1/10314) = sqrt(0.00022462 + 0.00009696) = 0.017933;
   * 3.11287 × exp(∓1.959964 × 0.017933) = 3.00536, 3.22422.
   * epitools: rateratio.wald(c(10314, 4452), c(71669, 9938)) → 3.112865678 (3.005358109–3.224219003) */
  assert_close (black->ratio, 3.112865678, 1e-9);
  assert_close (black->ratio_low, 3.005358109, 1e-9);
  assert_close (black->ratio_high, 3.224219003, 1e-9);
  g_assert_cmpfloat (white->ratio, ==, 1.0);
  g_assert_true (isnan (white->ratio_low) && isnan (white->ratio_high));
  g_assert_false (black->suppressed);

  /* the 6 arrests coded U have no population: reported, not dropped */
  g_assert_cmpuint (equity_result_get_unmatched_events (result), ==, 6);
  g_assert_cmpuint (equity_result_get_unmatched (result)->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (equity_result_get_unmatched (result), 0), ==, "U");
  g_assert_nonnull (equity_result_get_notes (result)[0]);
  g_assert_cmpfloat (equity_result_get_overall (result)->count, ==, 15009);

  json = result_json (result);
  root = json_node_get_object (json);
  assert_members (root, group_rates_keys);
  g_assert_cmpstr (json_object_get_string_member (root, "kind"), ==, "group-rates");
  g_assert_cmpfloat (json_object_get_double_member (root, "per"), ==, 1000);
  g_assert_cmpfloat (json_object_get_double_member (root, "confidence"), ==, 0.95);
  g_assert_cmpstr (json_object_get_string_member (root, "reference"), ==, "W");
  groups = json_object_get_array_member (root, "groups");
  g_assert_cmpuint (json_array_get_length (groups), ==, 4);
  row = json_array_get_object_element (groups, 0);
  assert_members (row, group_row_keys);
  g_assert_cmpstr (json_object_get_string_member (row, "group"), ==, "W");
  g_assert_true (json_object_get_null_member (row, "ratio_low"));
  g_assert_cmpfloat (json_object_get_double_member (row, "ratio"), ==, 1.0);
  row = json_array_get_object_element (groups, 1);
  g_assert_cmpint (json_object_get_int_member (row, "count"), ==, 4452);
  assert_close (json_object_get_double_member (row, "rate"), 447.97746025357, 1e-12);
  g_assert_false (json_object_get_boolean_member (row, "suppressed"));
}

static void
test_group_rates_small (TestProject   *fixture,
                        gconstpointer  data)
{
  g_autoptr(EquityResult) result = NULL;
  EquityResultRow *x, *y, *z;

  /* code "021" must not match 21: the filter matches text */
  import_small_stops (fixture);

  result = run_ok (fixture,
                   "[analysis]\nname = Small\nkind = group-rates\nevents = stops\ngroup-column = group\n"
                   "events-filter = year=2020\npopulation = people\npopulation-filter = code=021\n"
                   "reference = X\nper = 100\nsuppress-below = 3\n"
                   "[groups]\nX = x_pop\nY = y_pop\nZ = z_pop\n");
  x = equity_result_find_row (result, "X");
  y = equity_result_find_row (result, "Y");
  z = equity_result_find_row (result, "Z");
  /* 2020 only: X 2, Y 3; populations from the "021" row only */
  g_assert_cmpfloat (x->count, ==, 2);
  g_assert_cmpfloat (y->count, ==, 3);
  g_assert_cmpfloat (z->count, ==, 0);
  g_assert_cmpfloat (x->population, ==, 100);
  g_assert_true (x->is_reference);
  /* 2 per 100 residents; below suppress-below = 3, so flagged (numbers stay) */
  assert_close (x->rate, 2.0, 1e-15);
  g_assert_true (x->suppressed);
  g_assert_false (y->suppressed);
  g_assert_false (z->suppressed);
  /* by hand: (3/200)/(2/100) = 0.75 */
  assert_close (y->ratio, 0.75, 1e-15);
  /* no events: ratio 0, mid-p upper limit (0.05^(−1/2) − 1) × 100/50 (by hand) */
  g_assert_cmpfloat (z->ratio, ==, 0.0);
  assert_close (z->ratio_high, (pow (0.05, -0.5) - 1.0) * 100.0 / 50.0, 1e-12);
  /* the blank group and Q: 2 events, listed */
  g_assert_cmpuint (equity_result_get_unmatched_events (result), ==, 2);
  g_assert_cmpuint (equity_result_get_unmatched (result)->len, ==, 2);
}

static void
test_spec_errors (TestProject   *fixture,
                  gconstpointer  data)
{
  static const struct { const char *spec; const char *message; } cases[] = {
    { ARRESTS_SPEC "[groups]\nW = rc_white\n",
      NULL },
    { "[analysis]\nname = x\nkind = group-rates\nevents = arrests\ngroup-column = race\n"
      "population = places\n[groups]\nW = rc_white\n",
      "spec.ini: [analysis] group-column: dataset “arrests” has no column “race”" },
    { "[analysis]\nname = x\nkind = group-rates\nevents = nope\n",
      "spec.ini: [analysis] events: the project has no dataset “nope”" },
    { "[analysis]\nname = x\nkind = wobble\n",
      "spec.ini: [analysis] kind: unknown kind “wobble”" },
    { ARRESTS_SPEC "per = lots\n[groups]\nW = rc_white\n",
      "spec.ini: [analysis] per: “lots” is not a number" },
    { ARRESTS_SPEC "confidence = 1.5\n[groups]\nW = rc_white\n",
      "spec.ini: [analysis] confidence: 1.5 is out of range" },
    { ARRESTS_SPEC "reference = H\n[groups]\nW = rc_white\n",
      "spec.ini: [analysis] reference: “H” is not one of the groups" },
    { ARRESTS_SPEC "[groups]\nW = place\n",
      "spec.ini: [groups] W: column “place” of dataset “places” holds text, not numbers" },
    { ARRESTS_SPEC "[groups]\nW = rc_whit\n",
      "spec.ini: [groups] W: dataset “places” has no column “rc_whit”" },
    { ARRESTS_SPEC, "spec.ini: [groups]: missing" },
    { "[analysis]\nkind = group-rates\n", "spec.ini: [analysis] name: missing" },
    { "[analysis]\nname = x\nkind = group-rates\nevents = arrests\ngroup-column = subject_race\n"
      "population = places\npopulation-filter = fips=99\n[groups]\nW = rc_white\n",
      "spec.ini: [analysis] population-filter: no row of dataset “places” has fips = 99" },
    /* syntax errors name the line, and escape what a terminal would obey */
    { "not a key file\n", "spec.ini:1: “not a key file” comes before the first group" },
    { "[analysis]\nname = x\nkind group-rates\n", "spec.ini:3: “kind group-rates” is not “key = value”" },
    { "# spec\n[analysis\nname = x\n", "spec.ini:2: “[analysis” opens a group name without closing it" },
    { "[analysis]\nname = x\n\x1b[2J\n", "spec.ini:3: “\\x1B[2J” is not “key = value”" },
    { "[analysis]\nname = x\n\xff\n", "spec.ini:3: the line is not UTF-8 text" },
    { "[other]\na = b\n", "spec.ini: no [analysis] group" },
  };

  import_arrests_and_places (fixture);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *message = NULL;

      if (cases[i].message == NULL)
        {
          g_autoptr(EquityResult) result = run_ok (fixture, cases[i].spec);
          continue;
        }
      message = run_error (fixture, cases[i].spec);
      if (!g_str_has_prefix (message, cases[i].message))
        g_error ("case %u: “%s” does not start with “%s”", i, message, cases[i].message);
    }
}

static void
test_spec_roundtrip (void)
{
  g_autoptr(EquityAnalysis) analysis = equity_analysis_new ("group-rates");
  g_autoptr(EquityAnalysis) copy = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) groups = NULL;
  g_autofree char *text = NULL;
  g_autofree char *kind = NULL;
  g_autofree char *column = NULL;
  double per, confidence;
  guint suppress;

  equity_analysis_set_string (analysis, "name", "Stops by race");
  equity_analysis_set_string (analysis, "events", "stops");
  equity_analysis_set_double (analysis, "per", 100000);
  equity_analysis_set_double (analysis, "confidence", 0.9);
  equity_analysis_set_group (analysis, "W", "white");
  equity_analysis_set_group (analysis, "B", "black");
  equity_analysis_set_group (analysis, "X", "other");
  equity_analysis_remove_group (analysis, "X");
  text = equity_analysis_to_data (analysis, NULL);
  g_assert_nonnull (strstr (text, "per=100000"));

  copy = equity_analysis_new_from_data (text, -1, NULL, &error);
  g_assert_no_error (error);
  kind = equity_analysis_dup_kind (copy);
  g_assert_cmpstr (kind, ==, "group-rates");
  g_assert_true (equity_analysis_get_settings (copy, &per, &confidence, &suppress, &error));
  g_assert_cmpfloat (per, ==, 100000);
  g_assert_cmpfloat (confidence, ==, 0.9);
  g_assert_cmpuint (suppress, ==, 11);
  groups = equity_analysis_dup_groups (copy);
  g_assert_cmpuint (g_strv_length (groups), ==, 2);
  g_assert_cmpstr (groups[0], ==, "W");
  column = equity_analysis_dup_group_column (copy, "B");
  g_assert_cmpstr (column, ==, "black");
  equity_analysis_set_string (copy, "events", NULL);
  g_assert_false (equity_analysis_has_key (copy, "events"));
  g_assert_true (isnan (equity_analysis_get_double (copy, "missing")));
  g_assert_nonnull (equity_analysis_kind_to_label ("area-rates"));
  g_assert_null (equity_analysis_kind_to_label ("nope"));
}

static void
test_area_rates_tract_vintages (TestProject   *fixture,
                                gconstpointer  data)
{
  /* SOURCES.md: the polygons carry 2010 tract IDs (56), the 2020 tables
   * 2020 IDs (65); 47 are in both; 37021001400, 37021001600, … have no data */
  static const char * const unmatched[] = {
    "37021001400", "37021001600", "37021002301", "37021002302", "37021002605",
    "37021002703", "37021003001", "37021003102", "37021003104",
  };
  g_autofree char *tracts = test_data_path ("geo", "buncombe_tracts_cb2018_500k.geojson", NULL);
  g_autofree char *population = sample_path ("census2020_pl_race_eth_buncombe_tract.csv");
  g_autoptr(EquityResult) result = NULL;
  g_autoptr(JsonNode) json = NULL;
  JsonObject *root;
  GPtrArray *keys;
  guint with_events = 0;

  import_file (fixture, tracts, "tracts");
  import_file (fixture, population, "tracts 2020");
  /* one "event" per 2010 polygon, keyed by its GEOID */
  result = run_ok (fixture,
                   "[analysis]\nname = Tracts\nkind = area-rates\nevents = tracts\narea-column = GEOID\n"
                   "population = tracts 2020\npopulation-key = geocode\npopulation-column = total\n"
                   "map = tracts\nmap-key = GEOID\n");

  g_assert_cmpuint (equity_result_get_n_rows (result), ==, 65);
  for (guint i = 0; i < equity_result_get_n_rows (result); i++)
    with_events += equity_result_get_row (result, i)->count > 0;
  g_assert_cmpuint (with_events, ==, 47);
  g_assert_cmpfloat (equity_result_get_overall (result)->count, ==, 47);
  keys = equity_result_get_unmatched (result);
  g_assert_cmpuint (keys->len, ==, G_N_ELEMENTS (unmatched));
  for (guint i = 0; i < keys->len; i++)
    g_assert_cmpstr (g_ptr_array_index (keys, i), ==, unmatched[i]);
  g_assert_cmpuint (equity_result_get_unmatched_events (result), ==, 9);
  g_assert_cmpuint (equity_result_get_outside (result), ==, 0);
  g_assert_cmpstr (equity_result_get_map_dataset (result), ==, "tracts");
  g_assert_cmpstr (equity_result_get_map_key (result), ==, "GEOID");

  json = result_json (result);
  root = json_node_get_object (json);
  assert_members (root, area_rates_keys);
  assert_members (json_object_get_object_member (root, "overall"), overall_keys);
  assert_members (json_array_get_object_element (json_object_get_array_member (root, "areas"), 0),
                  area_row_keys);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "unmatched")), ==, 9);
  g_assert_cmpint (json_object_get_int_member (root, "outside"), ==, 0);
}

static void
test_area_rates_keys_as_text (TestProject   *fixture,
                              gconstpointer  data)
{
  g_autoptr(EquityResult) result = NULL;
  EquityResultRow *nine, *code, *empty, *overall;
  EquityEstimate expected;

  /* integers in the events; text keys in the areas */
  import_text (fixture, "calls", "csv", "id,area,cost\n1,9,10\n2,9,20\n3,21,5\n4,9,1.5\n5,,7\n");
  import_text (fixture, "areas", "csv", "key,residents\n9,400\n021,100\nnone,0\n");
  result = run_ok (fixture,
                   "[analysis]\nname = Keys\nkind = area-rates\nevents = calls\narea-column = area\n"
                   "population = areas\npopulation-key = key\npopulation-column = residents\n");
  nine = equity_result_find_row (result, "9");
  code = equity_result_find_row (result, "021");
  empty = equity_result_find_row (result, "none");
  overall = equity_result_get_overall (result);
  g_assert_cmpfloat (nine->count, ==, 3);   /* "9" matches 9 */
  g_assert_cmpfloat (code->count, ==, 0);   /* "021" does not match 21 */
  g_assert_true (code->ratio == 0.0 && code->ratio_low == 0.0 && isfinite (code->ratio_high));
  g_assert_true (nine->suppressed);     /* 3 < suppress-below 11 */
  g_assert_cmpfloat (empty->count, ==, 0);
  g_assert_true (isnan (empty->rate) && (empty->flags & EQUITY_STATS_ZERO_DENOMINATOR));
  g_assert_cmpuint (equity_result_get_unmatched_events (result), ==, 2);  /* 21 and the blank */
  g_assert_cmpuint (equity_result_get_unmatched (result)->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (equity_result_get_unmatched (result), 0), ==, "21");
  /* overall: the 3 matched events over the areas' 500 residents, exact limits */
  g_assert_cmpfloat (overall->count, ==, 3);
  g_assert_cmpfloat (overall->population, ==, 500);
  equity_stats_rate (3, 500, 1000, 0.95, &expected);
  assert_close (overall->rate, expected.value, 1e-15);
  assert_close (overall->rate_high, expected.high, 1e-15);
  /* every area holds all the events here: ratio 400/500 → 1.25 */
  assert_close (nine->ratio, 1.25, 1e-15);

  g_clear_object (&result);
  result = run_ok (fixture,
                   "[analysis]\nname = Cost\nkind = area-rates\nevents = calls\narea-column = area\n"
                   "value-column = cost\nper = 1\npopulation = areas\npopulation-key = key\n"
                   "population-column = residents\n");
  nine = equity_result_find_row (result, "9");
  g_assert_cmpfloat (nine->count, ==, 31.5);
  assert_close (nine->rate, 31.5 / 400, 1e-15);
  g_assert_true (isnan (nine->rate_low));  /* amounts have no Poisson interval */
}

/* Source notes go into exported charts: they name the dataset and its file,
 * never the folder it was imported from. */
static void
assert_note_without_path (TestProject  *fixture,
                          EquityResult *result,
                          const char   *file)
{
  g_autoptr(EquityChart) chart = equity_chart_new (result);
  const char *note = equity_result_get_source_note (result);
  const char * const *notes = equity_result_get_notes (result);

  g_assert_nonnull (note);
  g_assert_nonnull (strstr (note, file));
  g_assert_null (strstr (note, fixture->dir));
  g_assert_null (strchr (note, '/'));
  for (guint i = 0; notes != NULL && notes[i] != NULL; i++)
    g_assert_null (strstr (notes[i], fixture->dir));
  /* what the chart draws at its foot */
  g_assert_cmpstr (equity_chart_get_source_note (chart), ==, note);
}

static void
test_source_notes_without_paths (TestProject   *fixture,
                                 gconstpointer  data)
{
  g_autoptr(EquityResult) rates = NULL;
  g_autoptr(EquityResult) areas = NULL;
  g_autoptr(EquityResult) outcomes = NULL;

  g_assert_true (g_path_is_absolute (fixture->dir));
  import_text (fixture, "stops", "csv", "id,group,area,cost\n1,X,9,3\n2,Y,9,4\n3,X,7,5\n");
  import_text (fixture, "people", "csv", "key,x_pop,y_pop,residents\n9,100,200,300\n7,10,20,30\n");

  rates = run_ok (fixture,
                  "[analysis]\nname = R\nkind = group-rates\nevents = stops\ngroup-column = group\n"
                  "population = people\npopulation-filter = key=9\n[groups]\nX = x_pop\nY = y_pop\n");
  assert_note_without_path (fixture, rates, "stops.csv");
  g_assert_nonnull (strstr (equity_result_get_source_note (rates), "people.csv"));

  areas = run_ok (fixture,
                  "[analysis]\nname = A\nkind = area-rates\nevents = stops\narea-column = area\n"
                  "population = people\npopulation-key = key\npopulation-column = residents\n");
  assert_note_without_path (fixture, areas, "people.csv");

  outcomes = run_ok (fixture,
                     "[analysis]\nname = O\nkind = outcomes\nevents = stops\nvalue-column = cost\n"
                     "group-column = group\n");
  assert_note_without_path (fixture, outcomes, "stops.csv");

  /* a source the import was given as words is not a path: it stays whole */
  {
    g_autofree char *path = g_build_filename (fixture->dir, "stops.csv", NULL);
    g_autoptr(GFile) file = g_file_new_for_path (path);
    const EquityImportOptions options = {
      .name = "portal stops",
      .source_label = "City open data (via owner/repo)",
    };
    g_autoptr(EquityDataset) dataset = test_import_ok (fixture->project, file, &options);
    g_autoptr(EquityResult) labelled = NULL;

    labelled = run_ok (fixture,
                       "[analysis]\nname = L\nkind = outcomes\nevents = portal stops\nvalue-column = cost\n"
                       "group-column = group\n");
    g_assert_nonnull (strstr (equity_result_get_source_note (labelled),
                              "“portal stops” (City open data (via owner/repo))"));
  }
}

#define SQUARE(x0, y0, x1, y1) \
  "[[" #x0 "," #y0 "],[" #x1 "," #y0 "],[" #x1 "," #y1 "],[" #x0 "," #y1 "],[" #x0 "," #y0 "]]"

static const char polygons_geojson[] =
  "{\"type\":\"FeatureCollection\",\"features\":["
  /* A: a square with a square hole */
  "{\"type\":\"Feature\",\"properties\":{\"name\":\"A\"},\"geometry\":{\"type\":\"Polygon\","
  "\"coordinates\":[" SQUARE (0, 0, 10, 10) "," SQUARE (4, 4, 6, 6) "]}},"
  /* B: beside A, sharing the line x = 10 */
  "{\"type\":\"Feature\",\"properties\":{\"name\":\"B\"},\"geometry\":{\"type\":\"Polygon\","
  "\"coordinates\":[" SQUARE (10, 0, 20, 10) "]}},"
  /* C: two parts */
  "{\"type\":\"Feature\",\"properties\":{\"name\":\"C\"},\"geometry\":{\"type\":\"MultiPolygon\","
  "\"coordinates\":[[" SQUARE (0, 20, 5, 25) "],[" SQUARE (30, 30, 35, 35) "]]}},"
  /* E: no population row */
  "{\"type\":\"Feature\",\"properties\":{\"name\":\"E\"},\"geometry\":{\"type\":\"Polygon\","
  "\"coordinates\":[" SQUARE (50, 50, 60, 60) "]}}"
  "]}";

static void
check_points_result (EquityResult *result)
{
  g_assert_cmpuint (equity_result_get_n_rows (result), ==, 4);
  g_assert_cmpfloat (equity_result_find_row (result, "A")->count, ==, 2);  /* inside, and on the A|B border */
  g_assert_cmpfloat (equity_result_find_row (result, "B")->count, ==, 1);
  g_assert_cmpfloat (equity_result_find_row (result, "C")->count, ==, 2);  /* one in each part */
  g_assert_cmpfloat (equity_result_find_row (result, "D")->count, ==, 0);  /* population only */
  /* in A's hole, far away, and no location */
  g_assert_cmpuint (equity_result_get_outside (result), ==, 3);
  g_assert_cmpuint (equity_result_get_unmatched_events (result), ==, 1);
  g_assert_cmpstr (g_ptr_array_index (equity_result_get_unmatched (result), 0), ==, "E");
  g_assert_cmpstr (equity_result_get_map_dataset (result), ==, "zones");
  g_assert_cmpstr (equity_result_get_map_key (result), ==, "name");
}

/* Areas are named: by a name-like column of the population, by label-column,
 * or by the map's names joined on its key; codes are not names. */
static void
test_area_rates_labels (TestProject   *fixture,
                        gconstpointer  data)
{
  static const char zones_geojson[] =
    "{\"type\":\"FeatureCollection\",\"features\":["
    "{\"type\":\"Feature\",\"properties\":{\"zone\":\"A\",\"NAMELSAD\":\"Zone Alpha\"},"
    "\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[" SQUARE (0, 0, 10, 10) "]}},"
    "{\"type\":\"Feature\",\"properties\":{\"zone\":\"B\",\"NAMELSAD\":\"Zone Beta\"},"
    "\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[" SQUARE (10, 0, 20, 10) "]}}"
    "]}";
  g_autoptr(EquityResult) named = NULL;
  g_autoptr(EquityResult) chosen = NULL;
  g_autoptr(EquityResult) mapped = NULL;
  g_autoptr(EquityResult) codes = NULL;
  g_autoptr(EquityChart) chart = NULL;
  g_autoptr(JsonNode) json = NULL;
  g_autofree char *headline = NULL;
  g_autofree char *description = NULL;
  g_autofree char *message = NULL;
  JsonObject *first;

  import_text (fixture, "calls", "csv", "id,area,zone\n1,9,A\n2,9,A\n3,21,B\n4,21,B\n5,21,B\n6,9,A\n");
  import_text (fixture, "areas", "csv",
               "key,residents,Neighborhood,ward\n9,400,Montford,North ward\n21,100,West End,West ward\n");
  import_text (fixture, "zone people", "csv", "zone,people,name\nA,1000,1\nB,500,2.01\n");
  import_text (fixture, "zones", "geojson", zones_geojson);

  /* a name-like column of the population, by default */
  named = run_ok (fixture,
                  "[analysis]\nname = Named\nkind = area-rates\nevents = calls\narea-column = area\n"
                  "population = areas\npopulation-key = key\npopulation-column = residents\n"
                  "suppress-below = 1\n");
  g_assert_cmpstr (equity_result_find_row (named, "9")->display_label, ==, "Montford");
  g_assert_cmpstr (equity_result_find_row (named, "21")->display_label, ==, "West End");
  json = result_json (named);
  first = json_array_get_object_element (json_object_get_array_member (json_node_get_object (json), "areas"), 0);
  g_assert_cmpstr (json_object_get_string_member (first, "area"), ==, "9");
  g_assert_cmpstr (json_object_get_string_member (first, "label"), ==, "Montford");
  assert_members (first, area_row_keys);
  /* 3 of 100 against 3 of 400: West End highest, said by its name */
  headline = equity_result_dup_headline (named);
  g_assert_true (g_str_has_prefix (headline, "West End has the highest rate"));
  g_assert_nonnull (strstr (headline, "Montford the lowest"));
  chart = equity_chart_new (named);
  equity_chart_set_kind (chart, EQUITY_CHART_BARS);
  description = equity_chart_dup_description (chart);
  g_assert_nonnull (strstr (description, "West End"));
  g_assert_null (strstr (description, "21"));

  /* label-column picks another */
  chosen = run_ok (fixture,
                   "[analysis]\nname = Wards\nkind = area-rates\nevents = calls\narea-column = area\n"
                   "population = areas\npopulation-key = key\npopulation-column = residents\n"
                   "label-column = ward\n");
  g_assert_cmpstr (equity_result_find_row (chosen, "9")->display_label, ==, "North ward");

  /* the population's "name" holds tract numbers, codes: the map's names are used */
  mapped = run_ok (fixture,
                   "[analysis]\nname = Zones\nkind = area-rates\nevents = calls\narea-column = zone\n"
                   "population = zone people\npopulation-key = zone\npopulation-column = people\n"
                   "map = zones\nmap-key = zone\n");
  g_assert_cmpstr (equity_result_find_row (mapped, "A")->display_label, ==, "Zone Alpha");
  g_assert_cmpstr (equity_result_find_row (mapped, "B")->display_label, ==, "Zone Beta");

  /* no names anywhere: the keys stand, and "label" is null */
  codes = run_ok (fixture,
                  "[analysis]\nname = Codes\nkind = area-rates\nevents = calls\narea-column = zone\n"
                  "population = zone people\npopulation-key = zone\npopulation-column = people\n");
  g_assert_null (equity_result_find_row (codes, "B")->display_label);
  g_clear_pointer (&json, json_node_unref);
  json = result_json (codes);
  first = json_array_get_object_element (json_object_get_array_member (json_node_get_object (json), "areas"), 0);
  g_assert_true (json_object_get_null_member (first, "label"));

  message = run_error (fixture,
                       "[analysis]\nname = Bad\nkind = area-rates\nevents = calls\narea-column = area\n"
                       "population = areas\npopulation-key = key\npopulation-column = residents\n"
                       "label-column = nope\n");
  g_assert_nonnull (strstr (message, "label-column"));
  g_assert_nonnull (strstr (message, "nope"));
}

static void
test_area_rates_points (TestProject   *fixture,
                        gconstpointer  data)
{
  g_autoptr(EquityResult) by_columns = NULL;
  g_autoptr(EquityResult) by_location = NULL;
  g_autoptr(JsonNode) json = NULL;

  import_text (fixture, "zones", "geojson", polygons_geojson);
  import_text (fixture, "zone people", "csv", "zone,people\nA,1000\nB,500\nC,2000\nD,100\n");
  import_text (fixture, "points", "csv",
               "id,lat,lon\n1,2,2\n2,5,5\n3,5,15\n4,5,10\n5,32,32\n6,-5,-5\n7,,\n8,55,55\n9,22,2\n");
  import_text (fixture, "located", "csv",
               "id,where\n1,\"2, 2\"\n2,\"5, 5\"\n3,\"(5, 15)\"\n4,\"5,10\"\n5,\"32, 32\"\n"
               "6,\"-5, -5\"\n7,somewhere\n8,\"55, 55\"\n9,\"22, 2\"\n");

  by_columns = run_ok (fixture,
                       "[analysis]\nname = Points\nkind = area-rates\nevents = points\nlat-column = lat\n"
                       "lon-column = lon\nareas = zones\nareas-key = name\npopulation = zone people\n"
                       "population-key = zone\npopulation-column = people\n");
  check_points_result (by_columns);
  by_location = run_ok (fixture,
                        "[analysis]\nname = Located\nkind = area-rates\nevents = located\n"
                        "location-column = where\nareas = zones\nareas-key = name\n"
                        "population = zone people\npopulation-key = zone\npopulation-column = people\n");
  check_points_result (by_location);

  json = result_json (by_columns);
  assert_members (json_node_get_object (json), area_rates_keys);
  g_assert_cmpint (json_object_get_int_member (json_node_get_object (json), "outside"), ==, 3);
}

static void
test_area_rates_errors (TestProject   *fixture,
                        gconstpointer  data)
{
  g_autofree char *message = NULL;

  import_text (fixture, "points", "csv", "id,lat,lon\n1,2,2\n");
  import_text (fixture, "flat", "csv", "zone,people\nA,10\n");
  message = run_error (fixture,
                       "[analysis]\nname = P\nkind = area-rates\nevents = points\nlat-column = lat\n"
                       "lon-column = lon\nareas = flat\nareas-key = zone\npopulation = flat\n"
                       "population-key = zone\npopulation-column = people\n");
  g_assert_true (g_str_has_prefix (message, "spec.ini: [analysis] areas: dataset “flat” has no geometry"));
  g_clear_pointer (&message, g_free);
  message = run_error (fixture,
                       "[analysis]\nname = P\nkind = area-rates\nevents = points\npopulation = flat\n"
                       "population-key = zone\npopulation-column = people\n");
  g_assert_true (g_str_has_prefix (message, "spec.ini: [analysis] area-column: missing"));
}

static void
test_cancelled (TestProject   *fixture,
                gconstpointer  data)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(EquityAnalysis) analysis = NULL;
  g_autoptr(EquityResult) result = NULL;
  g_autoptr(GError) error = NULL;

  import_text (fixture, "d", "csv", "a,b\n1,2\n");
  analysis = equity_analysis_new_from_data ("[analysis]\nname = D\nkind = dissimilarity\ndataset = d\n"
                                            "group-a = a\ngroup-b = b\n", -1, NULL, &error);
  g_assert_no_error (error);
  g_cancellable_cancel (cancellable);
  result = equity_analysis_run (analysis, fixture->project, NULL, NULL, cancellable, &error);
  g_assert_null (result);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  test_add_with_project ("/analysis/group-rates/arrests", test_group_rates_arrests);
  test_add_with_project ("/analysis/group-rates/small", test_group_rates_small);
  test_add_with_project ("/analysis/spec/errors", test_spec_errors);
  g_test_add_func ("/analysis/spec/roundtrip", test_spec_roundtrip);
  test_add_with_project ("/analysis/area-rates/tract-vintages", test_area_rates_tract_vintages);
  test_add_with_project ("/analysis/area-rates/keys-as-text", test_area_rates_keys_as_text);
  test_add_with_project ("/analysis/area-rates/points", test_area_rates_points);
  test_add_with_project ("/analysis/area-rates/errors", test_area_rates_errors);
  test_add_with_project ("/analysis/area-rates/labels", test_area_rates_labels);
  test_add_with_project ("/analysis/cancelled", test_cancelled);
  test_add_with_project ("/analysis/source-notes/no-paths", test_source_notes_without_paths);

  return g_test_run ();
}
