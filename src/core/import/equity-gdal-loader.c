/* equity-gdal-loader.c — the GDAL module, loaded the first time a file needs it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "equity-ogr"

#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <gmodule.h>
#include <glib/gstdio.h>
#include <glib/gi18n-lib.h>

#include "equity-error.h"
#include "equity-gdal-module.h"
#include "equity-ogr-util.h"
#include "equity-xlsx.h"

static const EquityGdalHost host = {
  equity_error_quark,
  equity_xlsx_column_name,
  equity_record_source_free,
  equity_ogr_remove_tree,
};

/* Whether this program runs from the build tree it was built in (the tests,
 * `build-aux/setup.sh run`, the benchmarks): an installed one never does */
static gboolean
runs_from_build_tree (void)
{
  g_autofree char *exe = g_file_read_link ("/proc/self/exe", NULL);
  g_autofree char *root = realpath (EQUITY_BUILD_ROOT, NULL);

  return exe != NULL && root != NULL && g_str_has_prefix (exe, root) && exe[strlen (root)] == G_DIR_SEPARATOR;
}

/* $EQUITY_MODULE_DIR, else the build tree's module for a program run from
 * it, else the installed one */
static char *
module_path (void)
{
  const char *dir = g_getenv ("EQUITY_MODULE_DIR");

  if (dir == NULL || dir[0] == '\0')
    dir = runs_from_build_tree () ? EQUITY_BUILD_MODULEDIR : EQUITY_MODULEDIR;
  return g_module_build_path (dir, "equity-gdal");
}

const EquityGdalFuncs *
equity_gdal_module_get (GError **error)
{
  static GMutex lock;
  static const EquityGdalFuncs *funcs = NULL;
  const EquityGdalFuncs *result;

  g_mutex_lock (&lock);
  if (funcs == NULL)
    {
      g_autofree char *path = module_path ();
      GModule *module = g_module_open (path, G_MODULE_BIND_LOCAL);
      EquityGdalModuleLoad load = NULL;

      if (module == NULL || !g_module_symbol (module, EQUITY_GDAL_MODULE_ENTRY, (gpointer *) &load))
        {
          /* GModule's reason names the missing file, library or symbol */
          g_set_error (error, EQUITY_ERROR, EQUITY_ERROR_UNSUPPORTED,
                       _("the reader of spreadsheets and map layers could not be loaded from %s (%s); "
                         "reinstall Asheville Equity, or set EQUITY_MODULE_DIR to the folder that holds it"),
                       path, g_module_error ());
          g_clear_pointer (&module, g_module_close);
        }
      else
        {
          /* GDAL keeps threads and caches of its own: never unloaded */
          g_module_make_resident (module);
          funcs = load (&host);
        }
    }
  result = funcs;
  g_mutex_unlock (&lock);
  return result;
}

EquityRecordSource *
equity_record_source_new_ogr (GFile       *file,
                              const char  *sheet_or_layer,
                              GError     **error)
{
  const EquityGdalFuncs *funcs;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  funcs = equity_gdal_module_get (error);
  if (funcs == NULL)
    {
      g_autofree char *name = g_file_get_basename (file);

      g_prefix_error (error, "%s: ", name);
      return NULL;
    }
  return funcs->record_source_new (file, sheet_or_layer, error);
}

char **
equity_ogr_list_layers (const char  *path,
                        const char  *display_name,
                        GError     **error)
{
  g_autofree char *lower = NULL;
  const EquityGdalFuncs *funcs;

  g_return_val_if_fail (path != NULL, NULL);

  /* only read whole: no need to load GDAL to say so */
  lower = g_ascii_strdown (path, -1);
  if (g_str_has_suffix (lower, ".zip") || g_str_has_suffix (lower, ".xls"))
    return g_new0 (char *, 1);

  funcs = equity_gdal_module_get (error);
  if (funcs == NULL)
    {
      g_prefix_error (error, "%s: ", display_name);
      return NULL;
    }
  return funcs->list_layers (path, display_name, error);
}

void
equity_ogr_remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir != NULL)
    while ((name = g_dir_read_name (dir)) != NULL)
      {
        g_autofree char *child = g_build_filename (path, name, NULL);

        /* never follow a link out of our own temporary folder */
        if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
          equity_ogr_remove_tree (child);
        else
          g_unlink (child);
      }
  g_rmdir (path);
}
