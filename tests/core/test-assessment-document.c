/* test-assessment-document.c — an assessment printed to PDF: read back with
 * poppler's pdftotext and pdfinfo (a second tool), through the core, its
 * worker and the CLI's --pdf
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "equity-core.h"
#include "test-util.h"

#define MARKUP_ANSWER "<b>Open</b> & =SUM(A1)"
#define ARRESTS       "Arrests by race, 2020–2021"

/* The footer numbers every page "Page N of M": each N once, M the count. */
static void
assert_page_numbers (const char *text,
                     guint       pages)
{
  for (guint n = 1; n <= pages + 1; n++)
    {
      g_autofree char *footer = g_strdup_printf ("Page %u of %u", n, pages);

      if (n <= pages)
        g_assert_nonnull (strstr (text, footer));
      else
        g_assert_null (strstr (text, footer));
    }
}

static void
test_sample_document (void)
{
  g_autofree char *dir = test_make_tmpdir ();
  g_autofree char *path = NULL;
  g_autofree char *pdf = g_build_filename (dir, "pools.pdf", NULL);
  g_autofree char *pdf_async = g_build_filename (dir, "pools-async.pdf", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(EquityProject) project = test_create_sample_project (dir, &path);
  g_autoptr(EquityAssessment) assessment = NULL;
  g_autofree char *text = NULL;
  g_autofree char *headline = NULL;
  g_autoptr(GAsyncResult) written = NULL;
  guint pages;

  /* step 6 cites an analysis that has a headline; step 5 is markup and a formula */
  g_assert_true (equity_assessment_answer (project, 1, "measures", ARRESTS, &error));
  g_assert_true (equity_assessment_answer (project, 1, "plan", MARKUP_ANSWER, &error));
  g_assert_no_error (error);
  assessment = equity_assessment_load (project, 1, &error);
  g_assert_no_error (error);
  headline = equity_assessment_dup_cited_headline (project, g_hash_table_lookup (assessment->answers, "measures"),
                                                   &error);
  g_assert_no_error (error);
  g_assert_nonnull (headline);

  g_assert_true (equity_assessment_write_pdf (project, 1, pdf, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  {
    g_autofree char *part = g_strconcat (pdf, ".part", NULL);

    g_assert_false (g_file_test (part, G_FILE_TEST_EXISTS));
  }
  pages = test_pdf_n_pages (pdf);
  /* 18 questions, two charts and the signature block cannot fit on two pages */
  g_assert_cmpuint (pages, >=, 3);
  text = test_pdf_text (pdf);
  assert_page_numbers (text, pages);
  g_assert_nonnull (strstr (text, "Summer hours at city pools"));
  g_assert_nonnull (strstr (text, "Parks and Recreation · Program"));
  g_assert_nonnull (strstr (text, "Status: Draft"));
  g_assert_nonnull (strstr (text, "10 of 18 questions answered"));
  g_assert_nonnull (strstr (text, "Step 2. Data (3 of 3 answered)"));
  g_assert_nonnull (strstr (text, "Burton Street, Southside, East End/Valley Street"));
  g_assert_nonnull (strstr (text, "Analysis: Poverty by tract, Buncombe County"));
  g_assert_nonnull (strstr (text, "Not answered"));
  g_assert_nonnull (strstr (text, MARKUP_ANSWER));
  g_assert_nonnull (strstr (text, headline));
  g_assert_nonnull (strstr (text, "Signature of the department head"));

  /* the worker writes the same document */
  equity_assessment_write_pdf_async (path, 1, pdf_async, NULL, NULL, NULL, test_keep_result_cb, &written);
  g_assert_true (equity_assessment_write_pdf_finish (test_await_result (&written), &error));
  g_assert_no_error (error);
  g_assert_cmpuint (test_pdf_n_pages (pdf_async), ==, pages);

  /* an assessment that does not exist leaves the file alone */
  g_assert_false (equity_assessment_write_pdf (project, 99, pdf, NULL, NULL, NULL, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_cmpuint (test_pdf_n_pages (pdf), ==, pages);

  equity_project_close (project);
  test_remove_tree (dir);
}

/* five short questions: by hand, they and the signature block fill half a page */
static void
test_short_document_and_cli (TestProject   *fixture,
                             gconstpointer  data)
{
  static const char small[] =
    "[template]\nname = Small lens\nsteps = 1\n"
    "[step 1]\ntitle = One\nquestions = what;ready\n"
    "[question what]\ntext = What is it?\ntype = text\n"
    "[question ready]\ntext = Ready?\ntype = yes-no\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(EquityLensTemplate) template = equity_lens_template_save (fixture->project, small, "small.ini", &error);
  g_autofree char *pdf = g_build_filename (fixture->dir, "small.pdf", NULL);
  g_autofree char *text = NULL;
  g_autofree char *path = g_strdup (equity_project_get_path (fixture->project));
  g_auto(TestRun) run = { 0 };
  gint64 id;

  g_assert_no_error (error);
  id = equity_assessment_create (fixture->project, "Small lens", "Pool hours, summer", "Parks", "program",
                                 "2026-03-01", &error);
  g_assert_no_error (error);
  g_assert_true (equity_assessment_answer (fixture->project, id, "ready", "yes", &error));

  /* --pdf names the assessment by --id */
  g_assert_false (test_run_cli (&run, "assessments", path, "--pdf", pdf, NULL));
  g_assert_nonnull (strstr (run.err, "--pdf needs --id"));
  test_run_clear (&run);
  g_assert_true (test_run_cli (&run, "assessments", path, "--id", "1", "--answer", "what=Longer hours",
                               "--pdf", pdf, NULL));
  g_assert_cmpuint (test_pdf_n_pages (pdf), ==, 1);
  text = test_pdf_text (pdf);
  assert_page_numbers (text, 1);
  g_assert_nonnull (strstr (text, "Pool hours, summer"));
  g_assert_nonnull (strstr (text, "2026-03-01"));
  g_assert_nonnull (strstr (text, "Longer hours"));
  g_assert_nonnull (strstr (text, "Yes"));
  g_assert_null (strstr (text, "Not answered"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/assessment-document/sample", test_sample_document);
  test_add_with_project ("/assessment-document/short-and-cli", test_short_document_and_cli);

  return g_test_run ();
}
