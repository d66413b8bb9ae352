/* equity-gdal-module.h — the GDAL module and the one table that reaches it (private)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * GDAL and the some 140 shared libraries it pulls in took most of every
 * process's start (the loader maps and relocates them all: 40 of the CLI's
 * 48 ms of CPU for `--version`). So the core does not link GDAL: everything that calls it
 * (spreadsheets other than streamed .xlsx, map layers, zip archives, legacy
 * .xls) is built into a loadable module, libequity-gdal.so in
 * LIBDIR/asheville-equity (a program run from its build tree takes the
 * build's; $EQUITY_MODULE_DIR overrides both), opened with GModule the first
 * time a file needs it.
 */

#pragma once

#include <gio/gio.h>

#include "equity-record-source.h"

G_BEGIN_DECLS

/* What the module gives the core */
typedef struct
{
  /* equity_record_source_new_ogr() */
  EquityRecordSource *(*record_source_new) (GFile *file, const char *sheet_or_layer, GError **error);
  /* equity_ogr_list_layers() */
  char              **(*list_layers)       (const char *path, const char *display_name, GError **error);
} EquityGdalFuncs;

/* What the core lends the module: the few core functions its code calls, so
 * that the module links only GLib and GDAL and nothing is compiled twice */
typedef struct
{
  GQuark  (*error_quark)        (void);
  char   *(*column_name)        (guint column);
  void    (*record_source_free) (EquityRecordSource *source);
  void    (*remove_tree)        (const char *path);
} EquityGdalHost;

/* The module's one exported symbol: registers GDAL's drivers and error
 * handler (once: the module stays loaded) and returns its table */
#define EQUITY_GDAL_MODULE_ENTRY "equity_gdal_module_load"
typedef const EquityGdalFuncs *(*EquityGdalModuleLoad) (const EquityGdalHost *host);

/* The module's table, loading the module the first time (any thread). NULL
 * with ERROR naming the module's path and why it could not be loaded. */
const EquityGdalFuncs *equity_gdal_module_get (GError **error);

G_END_DECLS
