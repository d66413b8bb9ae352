/* equity-gdal-module.c — the GDAL module's entry point and table
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Built into libequity-gdal.so with equity-ogr-util.c,
 * equity-record-source-ogr.c and equity-xls-convert.c; only
 * equity_gdal_module_load() is exported (the rest is hidden).
 */

#define G_LOG_DOMAIN "equity-ogr"

#include "config.h"

#include <gmodule.h>
#include <gdal.h>
#include <cpl_error.h>

#include "equity-error.h"
#include "equity-gdal-module.h"
#include "equity-ogr-gdal.h"
#include "equity-xlsx.h"

static const EquityGdalHost *host;

/* The core functions the module's files call, reached through the host's
 * table (the core is linked into the program, which exports nothing) */
GQuark
equity_error_quark (void)
{
  return host->error_quark ();
}

char *
equity_xlsx_column_name (guint column)
{
  return host->column_name (column);
}

void
equity_record_source_free (EquityRecordSource *source)
{
  host->record_source_free (source);
}

void
equity_ogr_remove_tree (const char *path)
{
  host->remove_tree (path);
}

/* GDAL's messages outside a call that collects them (equity_ogr_errors_push)
 * are for developers, never for stderr */
static void CPL_STDCALL
log_error (CPLErr      klass,
           CPLErrorNum number,
           const char *message)
{
  if (klass != CE_None)
    g_debug ("GDAL: %s", message);
}

static const EquityGdalFuncs funcs = {
  equity_gdal_record_source_new,
  equity_gdal_list_layers,
};

G_MODULE_EXPORT const EquityGdalFuncs *
equity_gdal_module_load (const EquityGdalHost *core)
{
  host = core;
  CPLSetErrorHandler (log_error);
  GDALAllRegister ();
  return &funcs;
}
