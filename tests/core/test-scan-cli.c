/* test-scan-cli.c — `scan PROJECT --json` keeps the keys of ../shared/CLI.md
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include "equity-core.h"
#include "test-util.h"

static const char *contract_keys[] = {
  "measure", "grouping", "group", "ratio", "ratio_low", "ratio_high", "p", "p_adjusted", "significant", "rank",
};

static JsonArray *
run_scan (const char *path,
          JsonNode  **root)
{
  g_auto(TestRun) run = { 0 };

  g_assert_true (test_run_cli (&run, "scan", path, "--json", NULL));
  *root = test_parse_json (run.out);
  g_assert_true (JSON_NODE_HOLDS_ARRAY (*root));
  return json_node_get_array (*root);
}

static void
test_scan_json (TestScratch   *scratch,
                gconstpointer  data)
{
  const char *dir = scratch->dir;
  g_autofree char *path = g_build_filename (dir, "sample.equity", NULL);
  g_auto(TestRun) sample = { 0 };
  g_auto(TestRun) help = { 0 };
  g_auto(TestRun) saved = { 0 };
  g_autoptr(JsonNode) first_root = NULL;
  g_autoptr(JsonNode) second_root = NULL;
  JsonArray *gaps;
  gboolean found_black = FALSE;
  guint n_significant = 0;
  guint n_continuing = 0;

  g_assert_true (test_run_cli (&help, "scan", "--help", NULL));
  g_assert_nonnull (strstr (help.out, "--save"));

  g_assert_true (test_run_cli (&sample, "sample", path, NULL));
  gaps = run_scan (path, &first_root);
  g_assert_cmpuint (json_array_get_length (gaps), >, 10);

  for (guint i = 0; i < json_array_get_length (gaps); i++)
    {
      JsonObject *gap = json_array_get_object_element (gaps, i);
      double p, adjusted;

      for (guint k = 0; k < G_N_ELEMENTS (contract_keys); k++)
        g_assert_true (json_object_has_member (gap, contract_keys[k]));
      g_assert_cmpint (json_object_get_int_member (gap, "rank"), ==, i + 1);
      p = json_object_get_double_member (gap, "p");
      adjusted = json_object_get_double_member (gap, "p_adjusted");
      /* BH never lowers a p-value; significant means adjusted below the FDR */
      g_assert_cmpfloat (adjusted, >=, p);
      g_assert_cmpint (json_object_get_boolean_member (gap, "significant"), ==, adjusted < 0.05);
      /* significant gaps all come before the others */
      if (json_object_get_boolean_member (gap, "significant"))
        g_assert_cmpuint (n_significant++, ==, i);

      if (g_str_equal (json_object_get_string_member (gap, "measure"), "Arrests by race, 2020–2021") &&
          g_str_equal (json_object_get_string_member (gap, "group"), "B"))
        {
          /* the ratio and interval of the saved analysis, as docs/methods.md
           * reports it: 3.11 (95% CI 3.01–3.22) against White residents */
          g_assert_cmpfloat_with_epsilon (json_object_get_double_member (gap, "ratio"), 3.11, 0.005);
          g_assert_cmpfloat_with_epsilon (json_object_get_double_member (gap, "ratio_low"), 3.01, 0.005);
          g_assert_cmpfloat_with_epsilon (json_object_get_double_member (gap, "ratio_high"), 3.22, 0.005);
          g_assert_cmpstr (json_object_get_string_member (gap, "grouping"), ==, "subject_race");
          g_assert_true (json_object_get_boolean_member (gap, "significant"));
          found_black = TRUE;
        }
    }
  g_assert_true (found_black);
  g_assert_cmpuint (n_significant, >, 0);

  /* the sample holds one stored scan; --save adds this one, and the next
   * scan calls each gap found in both "continuing" */
  g_assert_true (test_run_cli (&saved, "scan", path, "--save", "--json", NULL));
  gaps = run_scan (path, &second_root);
  for (guint i = 0; i < json_array_get_length (gaps); i++)
    {
      JsonObject *gap = json_array_get_object_element (gaps, i);
      const char *change = json_object_get_string_member_with_default (gap, "change", NULL);

      if (json_object_get_boolean_member (gap, "significant"))
        {
          g_assert_cmpstr (change, ==, "continuing");
          n_continuing++;
        }
      else
        g_assert_null (change);
    }
  g_assert_cmpuint (n_continuing, ==, n_significant);

}

static void
test_scan_missing_project (void)
{
  g_auto(TestRun) run = { 0 };

  g_assert_false (test_run_cli (&run, "scan", "/nonexistent/none.equity", "--json", NULL));
  g_assert_cmpstr (run.out, ==, "");
  g_assert_nonnull (strstr (run.err, "none.equity"));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  test_add_with_scratch ("/scan-cli/json", test_scan_json);
  g_test_add_func ("/scan-cli/missing-project", test_scan_missing_project);

  return g_test_run ();
}
