/* test-export-workbook.c — File ▸ Export Workbook… in the window: the dialog,
 * the worker with its progress, the file, and the dialog's choices
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "equity-export-dialog.h"
#include "explore-test-util.h"

static gboolean
dialog_gone (gpointer data)
{
  return *(gpointer *) data == NULL;
}

static void
test_export_from_window (void)
{
  EquityWindow *window = open_sample ("workbook", 1280, 720);
  g_autofree char *dir = test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "packet.xlsx", NULL);
  EquityExportDialog *dialog;
  EquityWorkbookOptions options;
  GtkWindow *found;

  /* Ctrl+Shift+E's action opens the dialog: every analysis ticked */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.export-workbook", NULL));
  found = app_test_find_toplevel (EQUITY_TYPE_EXPORT_DIALOG);
  g_assert_nonnull (found);
  dialog = EQUITY_EXPORT_DIALOG (found);
  app_test_show_window (found);
  g_assert_cmpfloat (app_test_render_png (GTK_WIDGET (found), "export-workbook-dialog"), >, MIN_VARIANCE);
  equity_export_dialog_get_options (dialog, &options);
  g_assert_cmpuint (g_strv_length ((char **) options.analyses), ==, 3);
  g_assert_cmpuint (g_strv_length ((char **) options.datasets), ==, 0);

  /* untick one: the workbook holds the other two */
  gtk_check_button_set_active (equity_export_dialog_get_check (dialog, POVERTY), FALSE);
  equity_export_dialog_get_options (dialog, &options);
  g_assert_cmpuint (g_strv_length ((char **) options.analyses), ==, 2);

  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  equity_export_dialog_export_to (dialog, path);
  /* the worker runs while the window shows progress, then the dialog goes */
  g_assert_true (equity_window_is_busy (window));
  test_await (app_test_window_idle, window, "the export done");
  /* the dialog goes once the job is over */
  test_await (dialog_gone, &dialog, "the export dialog gone");
  g_assert_null (dialog);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));

  close_window (window);
  test_remove_tree (dir);
}

/* Nothing ticked, nothing to export: the button says so by being off. */
static void
test_nothing_ticked (void)
{
  EquityWindow *window = open_sample ("workbook-none", 1280, 720);
  EquityExportDialog *dialog = equity_export_dialog_new (GTK_WINDOW (window), equity_window_get_project (window));
  const char *names[] = { ARRESTS, POVERTY, CHARLOTTE };

  g_assert_true (equity_export_dialog_can_export (dialog));
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    gtk_check_button_set_active (equity_export_dialog_get_check (dialog, names[i]), FALSE);
  g_assert_false (equity_export_dialog_can_export (dialog));
  gtk_check_button_set_active (equity_export_dialog_get_check (dialog, ARRESTS), TRUE);
  g_assert_true (equity_export_dialog_can_export (dialog));
  gtk_window_destroy (GTK_WINDOW (dialog));
  close_window (window);
}

int
main (int   argc,
      char *argv[])
{
  explore_test_init (&argc, &argv);
  g_test_add_func ("/app/export-workbook/from-window", test_export_from_window);
  g_test_add_func ("/app/export-workbook/nothing-ticked", test_nothing_ticked);
  return explore_test_run ();
}
