/* equity-analysis-notes.c — how the kinds name their datasets in source notes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Source notes travel with exported charts and results, so they name a
 * dataset and the base name of the file it came from, never the analyst's
 * local path (which says nothing to a reader and may reveal a user name).
 */

#define G_LOG_DOMAIN "equity-analysis"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "equity-analysis-private.h"

/* "C:\\Users\\…": a drive letter, which g_uri_peek_scheme() takes for a scheme */
static gboolean
is_drive_path (const char *source)
{
  return g_ascii_isalpha (source[0]) && source[1] == ':' && (source[2] == '\\' || source[2] == '/');
}

static char *
base_name (const char *path)
{
  const char *end = path + strlen (path);
  const char *start;

  /* "folder/" names the folder */
  while (end > path && (end[-1] == '/' || end[-1] == '\\'))
    end--;
  start = end;
  /* both separators: a project made on Windows may be read here */
  while (start > path && start[-1] != '/' && start[-1] != '\\')
    start--;
  if (start == end)
    return NULL;
  return g_strndup (start, (gsize) (end - start));
}

char *
_equity_source_display_name (const char *source)
{
  const char *scheme;

  if (source == NULL || source[0] == '\0')
    return NULL;
  if (g_path_is_absolute (source) || g_str_has_prefix (source, "~/") || is_drive_path (source))
    return base_name (source);
  scheme = g_uri_peek_scheme (source);
  if (g_strcmp0 (scheme, "file") == 0)
    {
      g_autofree char *path = g_filename_from_uri (source, NULL, NULL);

      return path != NULL ? base_name (path) : NULL;
    }
  /* a web address or a label the import was given ("City open data (via …)") */
  return g_strdup (source);
}

char *
_equity_analysis_describe_dataset (EquityDataset         *dataset,
                                   const EquityRowFilter *filter)
{
  g_autofree char *file = _equity_source_display_name (equity_dataset_get_source (dataset));
  GString *text = g_string_new (NULL);

  g_string_append_printf (text, "“%s”", equity_dataset_get_name (dataset));
  if (file != NULL && g_strcmp0 (file, equity_dataset_get_name (dataset)) != 0)
    g_string_append_printf (text, " (%s)", file);
  if (filter != NULL && filter->column != NULL)
    g_string_append_printf (text, _(", rows where %s = %s"), equity_column_get_name (filter->column),
                            filter->value);
  return g_string_free (text, FALSE);
}

char *
_equity_analysis_describe_population (EquityDataset         *dataset,
                                      const EquityRowFilter *filter,
                                      guint                  n_rows)
{
  g_autofree char *described = _equity_analysis_describe_dataset (dataset, filter);

  /* what a rate divides by must never be a silent sum over many places */
  if ((filter == NULL || filter->column == NULL) && n_rows > 1)
    /* Translators: "“NC places” (places.csv), all 776 rows added up" */
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s, all %u row added up", "%s, all %u rows added up", n_rows),
                            described, n_rows);
  return g_steal_pointer (&described);
}
