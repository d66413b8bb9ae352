/* equity-cell-text.h — the values of dataset cells as display text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>
#include <sqlite3.h>

G_BEGIN_DECLS

/* The shortest decimal text that reads back as VALUE ("0.1", "1e+300") */
char *equity_format_real  (double        value);
/* "Polygon (12 points)", "MultiPolygon (3 parts, 240 points)",
 * "Point (-82.55, 35.6)" for a geometry in WKB */
char *equity_describe_wkb (const guint8 *data,
                           gsize         length);
/* Column INDEX of the current row of STMT: NULL for an empty cell, integers
 * with no separators, real numbers by equity_format_real(), blobs (geometries)
 * by equity_describe_wkb(), text cut at 400 bytes. */
char *equity_cell_text    (sqlite3_stmt *stmt,
                           int           index);

G_END_DECLS
