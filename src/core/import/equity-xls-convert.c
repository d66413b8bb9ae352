/* equity-xls-convert.c — legacy .xls workbooks to .xlsx with LibreOffice
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "equity-ogr"

#include "config.h"

#include <signal.h>
#include <unistd.h>
#include <gio/gio.h>
#include <glib/gi18n-lib.h>

#include "equity-error.h"
#include "equity-ogr-gdal.h"

/* A first conversion starts LibreOffice with an empty profile: a few seconds
 * here; a minute means it is stuck (a dialog, a broken install). */
#define CONVERT_TIMEOUT_SECONDS 60

typedef struct
{
  GSubprocess  *subprocess;
  GCancellable *cancellable;
  gboolean      done;
  gboolean      timed_out;
  char         *output;
  GError       *error;
} Conversion;

static void
conversion_done (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  Conversion *conversion = user_data;

  g_subprocess_communicate_utf8_finish (G_SUBPROCESS (object), result, &conversion->output, NULL,
                                        &conversion->error);
  conversion->done = TRUE;
}

static gboolean
conversion_timeout (gpointer user_data)
{
  Conversion *conversion = user_data;
  const char *pid = g_subprocess_get_identifier (conversion->subprocess);

  conversion->timed_out = TRUE;
  /* soffice hands the work to soffice.bin: end the whole process group */
  if (pid != NULL)
    kill (-(pid_t) g_ascii_strtoll (pid, NULL, 10), SIGKILL);
  g_subprocess_force_exit (conversion->subprocess);
  g_cancellable_cancel (conversion->cancellable);
  return G_SOURCE_REMOVE;
}

static void
new_process_group (gpointer user_data)
{
  setpgid (0, 0);
}

/* Runs ARGV to completion, or kills it after the time limit. Its output
 * (stdout and stderr) goes to *OUTPUT for the error message. */
static gboolean
run_with_timeout (const char * const  *argv,
                  char               **output,
                  gboolean            *timed_out,
                  GError             **error)
{
  g_autoptr(GMainContext) context = g_main_context_new ();
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) subprocess = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GSource) timeout = NULL;
  Conversion conversion = { 0 };

  /* a private main context: the caller may be a worker thread */
  g_main_context_push_thread_default (context);
  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_MERGE);
  g_subprocess_launcher_set_child_setup (launcher, new_process_group, NULL, NULL);
  subprocess = g_subprocess_launcher_spawnv (launcher, argv, error);
  if (subprocess == NULL)
    {
      g_main_context_pop_thread_default (context);
      return FALSE;
    }
  conversion.subprocess = subprocess;
  conversion.cancellable = cancellable;
  g_subprocess_communicate_utf8_async (subprocess, NULL, cancellable, conversion_done, &conversion);
  timeout = g_timeout_source_new_seconds (CONVERT_TIMEOUT_SECONDS);
  g_source_set_callback (timeout, conversion_timeout, &conversion, NULL);
  g_source_attach (timeout, context);

  while (!conversion.done)
    g_main_context_iteration (context, TRUE);
  g_source_destroy (timeout);
  g_subprocess_wait (subprocess, NULL, NULL);
  g_main_context_pop_thread_default (context);

  *output = g_steal_pointer (&conversion.output);
  *timed_out = conversion.timed_out;
  if (conversion.timed_out)
    {
      g_clear_error (&conversion.error);
      return FALSE;
    }
  if (conversion.error != NULL)
    {
      g_propagate_error (error, conversion.error);
      return FALSE;
    }
  return g_subprocess_get_successful (subprocess);
}

static char *
find_converted (const char *folder)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_suffix (name, ".xlsx"))
      return g_build_filename (folder, name, NULL);
  return NULL;
}

char *
equity_ogr_convert_xls (const char  *path,
                        const char  *display_name,
                        char       **temp_dir,
                        GError     **error)
{
  g_autofree char *soffice = g_find_program_in_path ("soffice");
  g_autofree char *folder = NULL;
  g_autofree char *profile = NULL;
  g_autofree char *profile_uri = NULL;
  g_autofree char *profile_arg = NULL;
  g_autofree char *out_dir = NULL;
  g_autofree char *output = NULL;
  g_autofree char *converted = NULL;
  g_autoptr(GError) local_error = NULL;
  gboolean timed_out = FALSE;
  gboolean ok;

  if (soffice == NULL)
    soffice = g_find_program_in_path ("libreoffice");
  if (soffice == NULL)
    return NULL;

  folder = g_dir_make_tmp ("equity-xls-XXXXXX", error);
  if (folder == NULL)
    return NULL;
  /* its own profile: a LibreOffice the user has open must not catch the job */
  profile = g_build_filename (folder, "profile", NULL);
  out_dir = g_build_filename (folder, "out", NULL);
  profile_uri = g_filename_to_uri (profile, NULL, NULL);
  profile_arg = g_strconcat ("-env:UserInstallation=", profile_uri, NULL);
  {
    const char * const argv[] = {
      soffice, "--headless", "--norestore", "--nologo", "--nolockcheck", profile_arg,
      "--convert-to", "xlsx", "--outdir", out_dir, path, NULL,
    };

    ok = run_with_timeout (argv, &output, &timed_out, &local_error);
  }
  equity_ogr_remove_tree (profile);
  converted = find_converted (out_dir);

  if (!ok || converted == NULL)
    {
      if (timed_out)
        g_set_error (error, EQUITY_ERROR, EQUITY_ERROR_UNSUPPORTED,
                     _("%s: LibreOffice did not finish converting this legacy Excel (.xls) workbook "
                       "within %d seconds; save the sheet as .xlsx or .csv from a spreadsheet program"),
                     display_name, CONVERT_TIMEOUT_SECONDS);
      else
        g_set_error (error, EQUITY_ERROR, EQUITY_ERROR_UNSUPPORTED,
                     _("%s: LibreOffice could not convert this legacy Excel (.xls) workbook (%s); "
                       "save the sheet as .xlsx or .csv from a spreadsheet program"),
                     display_name,
                     local_error != NULL ? local_error->message :
                     output != NULL && output[0] != '\0' ? g_strstrip (output) : _("no output"));
      equity_ogr_remove_tree (folder);
      return NULL;
    }

  *temp_dir = g_steal_pointer (&folder);
  return g_steal_pointer (&converted);
}

const char * const equity_ogr_xls_only[] = { "XLS", NULL };

GDALDatasetH
equity_ogr_open_xls (const char          *path,
                     const char          *display_name,
                     const char          *sheet,
                     const char * const  *drivers,
                     char               **temp_dir,
                     gboolean            *converted,
                     char               **open_path,
                     OGRLayerH           *layer,
                     GError             **error)
{
  g_autoptr(GError) local_error = NULL;
  GDALDatasetH dataset;
  char *xlsx;

  xlsx = equity_ogr_convert_xls (path, display_name, temp_dir, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  *converted = xlsx != NULL;
  if (xlsx != NULL)
    {
      *open_path = xlsx;
      return equity_ogr_open (xlsx, display_name, sheet, TRUE, drivers, layer, error);
    }

  *open_path = g_strdup (path);
  dataset = equity_ogr_open (path, display_name, sheet, TRUE, equity_ogr_xls_only, layer, &local_error);
  if (dataset != NULL)
    return dataset;
  if (g_error_matches (local_error, EQUITY_ERROR, EQUITY_ERROR_NOT_FOUND))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  /* freexl's reason ("not recognized", "no sheet") would not help the user */
  g_debug ("GDAL's XLS reader: %s", local_error->message);
  g_set_error (error, EQUITY_ERROR, EQUITY_ERROR_UNSUPPORTED,
               _("%s: this legacy Excel 97–2003 workbook (.xls) can only be read with LibreOffice, which is "
                 "not installed. Install LibreOffice (Asheville Equity converts .xls files with it), or open "
                 "the file in a spreadsheet program and save the sheet as .xlsx or .csv."),
               display_name);
  return NULL;
}
