/* equity-ogr-gdal.h — GDAL plumbing for the OGR record source
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Private to the GDAL module (equity-gdal-module.h): only the module's own
 * files include GDAL's headers.
 */

#pragma once

#include <glib.h>
#include <gdal.h>
#include <ogr_api.h>
#include <ogr_srs_api.h>

#include "equity-ogr-util.h"
#include "equity-record-source.h"

G_BEGIN_DECLS

/* GDAL's messages during one call, collected instead of printed on stderr.
 * Push before calling into GDAL and pop after, on the same thread. */
typedef struct
{
  GString *failures;   /* CE_Failure and CE_Fatal messages, "; "-separated */
  GString *warnings;
} EquityOgrErrors;

void      equity_ogr_errors_push     (EquityOgrErrors  *errors);
void      equity_ogr_errors_pop      (EquityOgrErrors  *errors);
void      equity_ogr_errors_clear    (EquityOgrErrors  *errors);
/* the failures, else the warnings, else GDAL's last message, else FALLBACK */
const char *equity_ogr_errors_message (EquityOgrErrors *errors,
                                       const char      *fallback);

/* GDAL's MESSAGE in plain words, without GDAL's source files and lines */
char     *equity_ogr_plain_message   (const char       *message);

/* The member of the zip archive at PATH to open, as a /vsizip/ path: its one
 * map layer or spreadsheet, or the one whose base name is LAYER. */
char     *equity_ogr_resolve_zip     (const char       *path,
                                      const char       *display_name,
                                      const char       *layer,
                                      GError          **error);

/* (equity-xls-convert.c) Converts the legacy .xls workbook at PATH to .xlsx with LibreOffice
 * (headless, its own throw-away profile, a time limit). Returns the path of
 * the .xlsx inside *TEMP_DIR, which the caller removes when done. Returns NULL
 * without setting ERROR when LibreOffice is not installed. */
char     *equity_ogr_convert_xls     (const char       *path,
                                      const char       *display_name,
                                      char            **temp_dir,
                                      GError          **error);

/* (equity-xls-convert.c) Opens the legacy .xls workbook at PATH: converted by
 * LibreOffice when it is installed (it reads every BIFF version; the .xlsx is
 * then read with DRIVERS), else with GDAL's own XLS reader, which handles some
 * files. Without LibreOffice and a sheet GDAL can read: EQUITY_ERROR_UNSUPPORTED
 * with what to do. The caller removes *TEMP_DIR when set. */
extern const char * const equity_ogr_xls_only[];
GDALDatasetH equity_ogr_open_xls     (const char          *path,
                                      const char          *display_name,
                                      const char          *sheet,
                                      const char * const  *drivers,
                                      char               **temp_dir,
                                      gboolean            *converted,
                                      char               **open_path,
                                      OGRLayerH           *layer,
                                      GError             **error);

#define EQUITY_OGR_SUPPORTED "CSV, TSV, XLSX, ODS, XLS, GeoJSON, TopoJSON, Shapefile, GeoPackage"

/* Opens PATH read-only with one of DRIVERS and picks the layer (or sheet)
 * named LAYER, else the first. RAW: spreadsheets are read with no header row
 * and every cell as text; else the first row is the header and cells typed. */
GDALDatasetH equity_ogr_open         (const char         *path,
                                      const char         *display_name,
                                      const char         *layer,
                                      gboolean            raw,
                                      const char * const *drivers,
                                      OGRLayerH          *layer_out,
                                      GError            **error);

/* The module's side of equity_ogr_list_layers() and
 * equity_record_source_new_ogr() (equity-ogr-util.h, equity-record-source.h) */
char    **equity_gdal_list_layers    (const char         *path,
                                      const char         *display_name,
                                      GError            **error);
EquityRecordSource *equity_gdal_record_source_new (GFile        *file,
                                                   const char   *sheet_or_layer,
                                                   GError      **error);

/* Where the table in a raw sheet starts, and which columns it uses */
typedef struct
{
  guint      header_row;   /* 1-based */
  GPtrArray *names;        /* one per kept column */
  GArray    *columns;      /* int: the sheet column (= OGR field) of each kept column */
} EquityOgrSheet;

gboolean  equity_ogr_scan_sheet      (OGRLayerH           layer,
                                      const char         *display_name,
                                      EquityOgrSheet     *sheet,
                                      GError            **error);
void      equity_ogr_sheet_clear     (EquityOgrSheet     *sheet);

/* Everything is stored in longitude/latitude (EPSG:4326, x = longitude).
 * Sets *TRANSFORM to the conversion from LAYER's coordinate system, or NULL
 * when none is needed; returns a note for describe() ("EPSG:4326",
 * "reprojected from EPSG:2264 to longitude/latitude"), or NULL on error. */
char     *equity_ogr_transform_to_lonlat (OGRLayerH                      layer,
                                          const char                    *display_name,
                                          OGRCoordinateTransformationH  *transform,
                                          GError                       **error);

G_END_DECLS
