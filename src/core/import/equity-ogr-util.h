/* equity-ogr-util.h — what the core asks of GDAL, without GDAL (private)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Defined in equity-gdal-loader.c; the reading itself is in the GDAL module
 * (equity-gdal-module.h), loaded the first time a file needs it.
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The names of the sheets (workbooks) or map layers (GeoPackage, …) in the
 * file at PATH, in the file's order, for choosing one to import. A zip
 * archive or a legacy .xls workbook lists nothing: they are only read whole. */
char    **equity_ogr_list_layers     (const char         *path,
                                      const char         *display_name,
                                      GError            **error);

/* Removes the folder PATH and everything in it (a converted .xls, a test's
 * scratch folder), never following a link out of it. */
void      equity_ogr_remove_tree     (const char         *path);

G_END_DECLS
