/* equity-import-preview.h — the import dialog's preview of a file's first rows
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "equity-core.h"

G_BEGIN_DECLS

/* Shows IMPORTER's preview rows in VIEW, one column per column, each value
 * as the column's current type stores it: empty cells as a dim dash, values
 * that do not fit the type marked. ROWS is VIEW's model ("0", "1", …). */
void  equity_import_preview_fill  (GtkColumnView  *view,
                                   GtkStringList  *rows,
                                   EquityImporter *importer);
void  equity_import_preview_clear (GtkColumnView  *view);

/* "comma-separated, UTF-8 · 15,015 rows · 11 columns" */
char *equity_import_dup_summary   (EquityImporter *importer);
/* "The first 100 rows, as they will be imported" */
char *equity_import_dup_caption   (EquityImporter *importer);

G_END_DECLS
