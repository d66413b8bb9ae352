/* cli-test-util.h — the fixture of the tests that run asheville-equity-cli
 * on a project file: a scratch folder and the project's path in it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "test-util.h"

G_BEGIN_DECLS

typedef struct
{
  char *dir;
  /* DIR/p.equity, not created: the test's first command makes it, or not */
  char *project;
} TestCliProject;

G_GNUC_UNUSED static void
test_cli_project_set_up (TestCliProject *fixture,
                         gconstpointer   data)
{
  fixture->dir = test_make_tmpdir ();
  fixture->project = g_build_filename (fixture->dir, "p.equity", NULL);
}

G_GNUC_UNUSED static void
test_cli_project_tear_down (TestCliProject *fixture,
                            gconstpointer   data)
{
  test_remove_tree (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->project);
}

/* Registers FUNC at PATH with a scratch folder and a project path as its fixture. */
#define test_add_with_cli_project(path, func)                                   \
  g_test_add ((path), TestCliProject, NULL, test_cli_project_set_up, (func),   \
              test_cli_project_tear_down)

G_END_DECLS
