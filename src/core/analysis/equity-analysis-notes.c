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

char *
_equity_source_base_name (const char *source)
{
  const char *end, *start;

  if (source == NULL)
    return NULL;
  end = source + strlen (source);
  /* "folder/" names the folder */
  while (end > source && (end[-1] == '/' || end[-1] == '\\'))
    end--;
  start = end;
  /* both separators: a project made on Windows may be read here */
  while (start > source && start[-1] != '/' && start[-1] != '\\')
    start--;
  if (start == end)
    return NULL;
  return g_strndup (start, (gsize) (end - start));
}

char *
_equity_analysis_describe_dataset (EquityDataset         *dataset,
                                   const EquityRowFilter *filter)
{
  g_autofree char *file = _equity_source_base_name (equity_dataset_get_source (dataset));
  GString *text = g_string_new (NULL);

  g_string_append_printf (text, "“%s”", equity_dataset_get_name (dataset));
  if (file != NULL && g_strcmp0 (file, equity_dataset_get_name (dataset)) != 0)
    g_string_append_printf (text, " (%s)", file);
  if (filter != NULL && filter->column != NULL)
    g_string_append_printf (text, _(", rows where %s = %s"), equity_column_get_name (filter->column),
                            filter->value);
  return g_string_free (text, FALSE);
}
