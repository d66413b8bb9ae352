/* test-lens-options.c — checklist options taken from a dataset's values
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The expected options are the distinct values of the CSV below, by hand.
 */

#include "config.h"

#include "analysis-test-util.h"

static const char neighborhood_template[] =
  "[template]\nname = Places\nsteps = 1\n"
  "[step 1]\ntitle = Where\nquestions = where\n"
  "[question where]\ntext = Which neighborhoods?\ntype = checklist\noptions-from = places:neighborhood\n";

static void
test_options_from_dataset (TestProject       *fixture,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EquityLensTemplate) template = NULL;
  g_auto(GStrv) options = NULL;
  g_autofree char *expected_ref = NULL;
  EquityDataset *places;
  gint64 id;

  import_text (fixture, "places", "csv",
               "tract,neighborhood\n1,Shiloh\n2,Southside\n3,Shiloh\n4,Burton Street\n5,\n");
  places = equity_project_find_dataset (fixture->project, "places");
  template = equity_lens_template_save (fixture->project, neighborhood_template, "places.ini", &error);
  g_assert_no_error (error);

  /* saved by id, so a rename changes nothing */
  expected_ref = g_strdup_printf ("options-from=#%" G_GINT64_FORMAT ":#1", equity_dataset_get_id (places));
  g_assert_nonnull (strstr (template->spec, expected_ref));
  g_assert_true (equity_project_rename_dataset (fixture->project, places, "neighborhoods 2020", &error));
  g_assert_no_error (error);

  options = equity_lens_question_dup_options (fixture->project,
                                              equity_lens_template_find_question (template, "where"), &error);
  g_assert_no_error (error);
  /* the three distinct non-empty values, by name */
  g_assert_cmpuint (g_strv_length (options), ==, 3);
  g_assert_cmpstr (options[0], ==, "Burton Street");
  g_assert_cmpstr (options[1], ==, "Shiloh");
  g_assert_cmpstr (options[2], ==, "Southside");

  id = equity_assessment_create (fixture->project, "Places", "Pools", "Parks", "program", NULL, &error);
  g_assert_true (equity_assessment_answer (fixture->project, id, "where", "Shiloh\nSouthside", &error));
  g_assert_no_error (error);
  g_assert_false (equity_assessment_answer (fixture->project, id, "where", "Montford", &error));
  g_assert_error (error, EQUITY_ERROR, EQUITY_ERROR_INVALID);
}

static void
test_options_from_unknown (TestProject       *fixture,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EquityLensTemplate) template = equity_lens_template_save (fixture->project, neighborhood_template,
                                                                      "places.ini", &error);

  g_assert_null (template);
  g_assert_error (error, EQUITY_ERROR, EQUITY_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "places.ini, step 1, question “where”"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  test_add_with_project ("/lens/options-from-dataset", test_options_from_dataset);
  test_add_with_project ("/lens/options-from-unknown", test_options_from_unknown);

  return g_test_run ();
}
