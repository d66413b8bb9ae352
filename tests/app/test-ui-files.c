/* test-ui-files.c — every template and every .ui file of the app loads
 * with no warning on GTK 4.8 / libadwaita 1.2
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "app-test-util.h"
#include "equity-action-plan-page.h"
#include "equity-analysis-editor.h"
#include "equity-assessments-page.h"
#include "equity-chart-view.h"
#include "equity-datasets-page.h"
#include "equity-explore-page.h"
#include "equity-export-dialog.h"
#include "equity-import-dialog.h"
#include "equity-indicators-page.h"
#include "equity-lens-template-editor.h"
#include "equity-preferences-window.h"
#include "equity-result-table.h"
#include "equity-scan-page.h"
#include "equity-sidebar.h"
#include "equity-start-page.h"
#include "equity-table-view.h"
#include "equity-window.h"

static GType
template_types (guint i)
{
  switch (i)
    {
    case 0: return EQUITY_TYPE_WINDOW;
    case 1: return EQUITY_TYPE_PREFERENCES_WINDOW;
    case 2: return EQUITY_TYPE_START_PAGE;
    case 3: return EQUITY_TYPE_SIDEBAR;
    case 4: return EQUITY_TYPE_DATASETS_PAGE;
    case 5: return EQUITY_TYPE_EXPLORE_PAGE;
    case 6: return EQUITY_TYPE_INDICATORS_PAGE;
    case 7: return EQUITY_TYPE_ASSESSMENTS_PAGE;
    case 8: return EQUITY_TYPE_ACTION_PLAN_PAGE;
    case 9: return EQUITY_TYPE_TABLE_VIEW;
    case 10: return EQUITY_TYPE_IMPORT_DIALOG;
    case 11: return EQUITY_TYPE_ANALYSIS_EDITOR;
    case 12: return EQUITY_TYPE_CHART_VIEW;
    case 13: return EQUITY_TYPE_RESULT_TABLE;
    case 14: return EQUITY_TYPE_EXPORT_DIALOG;
    case 15: return EQUITY_TYPE_LENS_TEMPLATE_EDITOR;
    case 16: return EQUITY_TYPE_SCAN_PAGE;
    default: return G_TYPE_INVALID;
    }
}

/* Makes an object of TYPE and lets it go: it must be finalized. */
static void
instantiate_and_finalize (GType type)
{
  GObject *object = g_object_new (type, NULL);

  g_assert_true (G_TYPE_CHECK_INSTANCE_TYPE (object, type));
  if (GTK_IS_WINDOW (object))
    {
      g_object_ref (object);
      gtk_window_destroy (GTK_WINDOW (object));
    }
  else
    g_object_ref_sink (object);
  g_assert_finalize_object (object);
}

static void
test_instantiate (gconstpointer data)
{
  instantiate_and_finalize (GPOINTER_TO_SIZE (data));
}

static void
collect_ui_files (const char *path,
                  GPtrArray  *files)
{
  g_auto(GStrv) children = g_resources_enumerate_children (path, 0, NULL);

  for (guint i = 0; children != NULL && children[i] != NULL; i++)
    {
      g_autofree char *child = g_strconcat (path, children[i], NULL);

      if (g_str_has_suffix (children[i], "/"))
        collect_ui_files (child, files);
      else if (g_str_has_suffix (children[i], ".ui"))
        g_ptr_array_add (files, g_steal_pointer (&child));
    }
}

/* A template file is checked by instantiating its class; any other file
 * is loaded with GtkBuilder. */
static void
test_ui_file (gconstpointer data)
{
  const char *path = data;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  const char *text;
  const char *template;

  bytes = g_resources_lookup_data (path, 0, &error);
  g_assert_no_error (error);
  text = g_bytes_get_data (bytes, NULL);

  template = strstr (text, "<template class=\"");
  if (template != NULL)
    {
      const char *start = template + strlen ("<template class=\"");
      g_autofree char *class_name = g_strndup (start, strcspn (start, "\""));
      GType type = g_type_from_name (class_name);

      g_assert_true (type != G_TYPE_INVALID);
      instantiate_and_finalize (type);
    }
  else
    {
      g_autoptr(GtkBuilder) builder = gtk_builder_new ();
      GSList *objects;

      gtk_builder_add_from_resource (builder, path, &error);
      g_assert_no_error (error);

      /* Toplevels loaded from a file are owned by GTK until destroyed. */
      objects = gtk_builder_get_objects (builder);
      for (GSList *l = objects; l != NULL; l = l->next)
        if (GTK_IS_WINDOW (l->data) && gtk_widget_get_parent (l->data) == NULL)
          gtk_window_destroy (l->data);
      g_slist_free (objects);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_free);
  GType type;

  app_test_init (&argc, &argv);

  for (guint i = 0; (type = template_types (i)) != G_TYPE_INVALID; i++)
    {
      g_autofree char *test_path = g_strdup_printf ("/app/templates/%s", g_type_name (type));

      g_test_add_data_func (test_path, GSIZE_TO_POINTER (type), test_instantiate);
    }

  collect_ui_files ("/org/asheville/Equity/", files);
  g_assert_cmpuint (files->len, >=, 10);
  for (guint i = 0; i < files->len; i++)
    {
      const char *path = g_ptr_array_index (files, i);
      g_autofree char *test_path = g_strconcat ("/app/ui-files", path + strlen ("/org/asheville/Equity"), NULL);

      g_test_add_data_func (test_path, path, test_ui_file);
    }

  return g_test_run ();
}
