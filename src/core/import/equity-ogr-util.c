/* equity-ogr-util.c — GDAL plumbing for the OGR record source (in the GDAL module)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "equity-ogr"

#include "config.h"

#include <string.h>
#include <gio/gio.h>
#include <glib/gi18n-lib.h>
#include <gdal.h>
#include <cpl_error.h>
#include <cpl_vsi.h>
#include <cpl_string.h>
#include <cpl_conv.h>
#include <ogr_srs_api.h>

#include "equity-error.h"
#include "equity-ogr-gdal.h"
#include "equity-xlsx.h"

/* GDAL's message in the user's terms: what is wrong with the file, never a
 * source file and line of GDAL's ("In file cpl_vsil_gzip.cpp, at line 1121"). */
char *
equity_ogr_plain_message (const char *message)
{
  static GRegex *source_place = NULL;
  g_autofree char *lower = g_ascii_strdown (message, -1);

  if (strstr (lower, "decompression failed") != NULL || strstr (lower, "inflate") != NULL)
    return g_strdup (_("the compressed data in the archive is damaged and cannot be unpacked"));
  if (strstr (lower, "fread") != NULL && strstr (lower, ".shp") != NULL)
    return g_strdup (_("the .shp file ends early or is damaged: a shape’s data is missing"));
  if ((strstr (lower, "fread") != NULL || strstr (lower, "read") != NULL) && strstr (lower, "dbf") != NULL)
    return g_strdup (_("the .dbf file ends early or is damaged: a record’s attributes are missing"));

  if (g_once_init_enter (&source_place))
    g_once_init_leave (&source_place,
                               g_regex_new ("(In file )?[\\w./-]+\\.(cpp|c|h)(, at line [0-9]+)?,? *",
                                            G_REGEX_OPTIMIZE, 0, NULL));
  return g_regex_replace_literal (source_place, message, -1, 0, "", 0, NULL);
}

static void CPL_STDCALL
collect_error (CPLErr      klass,
               CPLErrorNum number,
               const char *gdal_message)
{
  EquityOgrErrors *errors = CPLGetErrorHandlerUserData ();
  g_autofree char *message = NULL;
  GString *into;

  if (klass == CE_Debug || klass == CE_None)
    return;
  message = equity_ogr_plain_message (gdal_message);
  into = klass == CE_Warning ? errors->warnings : errors->failures;
  /* GDAL repeats itself when a driver retries; keep each message once */
  if (strstr (into->str, message) != NULL)
    return;
  if (into->len > 0)
    g_string_append (into, "; ");
  g_string_append (into, message);
}

void
equity_ogr_errors_push (EquityOgrErrors *errors)
{
  if (errors->failures == NULL)
    errors->failures = g_string_new (NULL);
  if (errors->warnings == NULL)
    errors->warnings = g_string_new (NULL);
  CPLErrorReset ();
  CPLPushErrorHandlerEx (collect_error, errors);
}

void
equity_ogr_errors_pop (EquityOgrErrors *errors)
{
  CPLPopErrorHandler ();
}

void
equity_ogr_errors_clear (EquityOgrErrors *errors)
{
  if (errors->failures != NULL)
    g_string_free (g_steal_pointer (&errors->failures), TRUE);
  if (errors->warnings != NULL)
    g_string_free (g_steal_pointer (&errors->warnings), TRUE);
}

const char *
equity_ogr_errors_message (EquityOgrErrors *errors,
                           const char      *fallback)
{
  if (errors->failures != NULL && errors->failures->len > 0)
    return errors->failures->str;
  if (errors->warnings != NULL && errors->warnings->len > 0)
    return errors->warnings->str;
  if (CPLGetLastErrorMsg () != NULL && CPLGetLastErrorMsg ()[0] != '\0')
    return CPLGetLastErrorMsg ();
  return fallback;
}

static gboolean
is_readable_member (const char *name)
{
  static const char * const suffixes[] = {
    ".shp", ".geojson", ".json", ".topojson", ".gpkg", ".xlsx", ".ods",
  };
  g_autofree char *lower = g_ascii_strdown (name, -1);
  g_autofree char *base = g_path_get_basename (name);

  /* macOS puts resource forks in the archive next to the real files */
  if (g_str_has_prefix (lower, "__macosx/") || base[0] == '.')
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    if (g_str_has_suffix (lower, suffixes[i]))
      return TRUE;
  return FALSE;
}

char *
equity_ogr_resolve_zip (const char  *path,
                        const char  *display_name,
                        const char  *layer,
                        GError     **error)
{
  g_autofree char *archive = g_strconcat ("/vsizip/", path, NULL);
  g_autoptr(GPtrArray) members = g_ptr_array_new ();
  g_autoptr(GString) list = g_string_new (NULL);
  EquityOgrErrors errors = { 0 };
  const char *chosen = NULL;
  const char *shapefile = NULL;
  guint n_shapefiles = 0;
  char **entries;

  equity_ogr_errors_push (&errors);
  entries = VSIReadDirRecursive (archive);
  equity_ogr_errors_pop (&errors);

  for (guint i = 0; entries != NULL && entries[i] != NULL; i++)
    if (is_readable_member (entries[i]))
      g_ptr_array_add (members, entries[i]);

  if (entries == NULL)
    g_set_error (error, EQUITY_ERROR, EQUITY_ERROR_PARSE, _("%s: not a readable zip archive (%s)"),
                 display_name, equity_ogr_errors_message (&errors, _("no entries")));
  else if (members->len == 0)
    g_set_error (error, EQUITY_ERROR, EQUITY_ERROR_UNSUPPORTED,
                 _("%s: the zip archive holds no map layer or spreadsheet "
                   "(looked for .shp, .geojson, .json, .topojson, .gpkg, .xlsx, .ods)"), display_name);
  equity_ogr_errors_clear (&errors);
  if (entries == NULL || members->len == 0)
    {
      CSLDestroy (entries);
      return NULL;
    }

  for (guint i = 0; i < members->len; i++)
    {
      const char *member = g_ptr_array_index (members, i);
      g_autofree char *base = g_path_get_basename (member);
      char *dot = strrchr (base, '.');

      if (dot != NULL)
        *dot = '\0';
      if (g_str_has_suffix (member, ".shp") || g_str_has_suffix (member, ".SHP"))
        {
          n_shapefiles++;
          shapefile = member;
        }
      if (layer != NULL && g_str_equal (base, layer))
        chosen = member;
      g_string_append_printf (list, "%s“%s”", i ? ", " : "", member);
    }
  /* the one layer; else the one named; else a lone shapefile beside metadata */
  if (members->len == 1)
    chosen = g_ptr_array_index (members, 0);
  else if (chosen == NULL && layer == NULL && n_shapefiles == 1)
    chosen = shapefile;
  if (chosen != NULL)
    {
      char *resolved = g_strconcat (archive, "/", chosen, NULL);
      CSLDestroy (entries);
      return resolved;
    }

  g_set_error (error, EQUITY_ERROR, layer != NULL ? EQUITY_ERROR_NOT_FOUND : EQUITY_ERROR_INVALID,
               _("%s: the zip archive holds several layers (%s); name the one to import as the layer"),
               display_name, list->str);
  CSLDestroy (entries);
  return NULL;
}

/* GDAL 3.6's spreadsheet drivers take their header and typing choices from
 * configuration options only (no open options): set for this thread, for the
 * time of one open. */
static const char * const sheet_options[] = {
  "OGR_XLSX_HEADERS", "OGR_XLSX_FIELD_TYPES", "OGR_ODS_HEADERS", "OGR_ODS_FIELD_TYPES",
  "OGR_XLS_HEADERS", "OGR_XLS_FIELD_TYPES",
};

static gboolean
is_spreadsheet_driver (GDALDatasetH dataset)
{
  const char *driver = GDALGetDriverShortName (GDALGetDatasetDriver (dataset));

  return g_str_equal (driver, "XLSX") || g_str_equal (driver, "ODS") || g_str_equal (driver, "XLS");
}

static OGRLayerH
pick_layer (GDALDatasetH   dataset,
            const char    *display_name,
            const char    *name,
            GError       **error)
{
  gboolean spreadsheet = is_spreadsheet_driver (dataset);
  int n_layers = GDALDatasetGetLayerCount (dataset);
  g_autoptr(GString) list = g_string_new (NULL);

  if (n_layers == 0)
    {
      g_set_error (error, EQUITY_ERROR, EQUITY_ERROR_UNSUPPORTED,
                   spreadsheet ? _("%s: the workbook holds no sheet that can be read")
                               : _("%s: the file holds no map layer"), display_name);
      return NULL;
    }
  if (name == NULL)
    return GDALDatasetGetLayer (dataset, 0);

  /* the exact name first; then ignoring case, as people type sheet names */
  for (int i = 0; i < n_layers; i++)
    if (g_str_equal (OGR_L_GetName (GDALDatasetGetLayer (dataset, i)), name))
      return GDALDatasetGetLayer (dataset, i);
  for (int i = 0; i < n_layers; i++)
    if (g_ascii_strcasecmp (OGR_L_GetName (GDALDatasetGetLayer (dataset, i)), name) == 0)
      return GDALDatasetGetLayer (dataset, i);

  for (int i = 0; i < n_layers; i++)
    g_string_append_printf (list, "%s“%s”", i ? ", " : "", OGR_L_GetName (GDALDatasetGetLayer (dataset, i)));
  g_set_error (error, EQUITY_ERROR, EQUITY_ERROR_NOT_FOUND,
               spreadsheet ? _("%s: there is no sheet named “%s”; the sheets are %s")
                           : _("%s: there is no layer named “%s”; the layers are %s"),
               display_name, name, list->str);
  return NULL;
}

/* GDAL reads at most 2,000 columns of a sheet; a row with a cell further
 * right comes back empty, so the sheet cannot be read whole. */
#define SHEET_MAX_COLUMNS 2000

static void
check_sheet_width (EquityOgrErrors  *errors,
                   const char       *display_name,
                   OGRLayerH         layer,
                   GError          **error)
{
  g_autofree char *letters = NULL;

  if (strstr (errors->warnings->str, "Limiting number of columns") == NULL &&
      strstr (errors->failures->str, "Maximum number of fields") == NULL)
    return;
  letters = equity_xlsx_column_name (SHEET_MAX_COLUMNS - 1);
  g_set_error (error, EQUITY_ERROR, EQUITY_ERROR_UNSUPPORTED,
               _("%s: sheet “%s” has cells beyond column %s (column %u), and a spreadsheet is read "
                 "up to that column only: the rows holding them would be lost. Delete or move the "
                 "cells to the right of column %s (they may be only formatting) and import again."),
               display_name, OGR_L_GetName (layer), letters, SHEET_MAX_COLUMNS, letters);
}

GDALDatasetH
equity_ogr_open (const char          *path,
                 const char          *display_name,
                 const char          *layer,
                 gboolean             raw,
                 const char * const  *drivers,
                 OGRLayerH           *layer_out,
                 GError             **error)
{
  EquityOgrErrors errors = { 0 };
  g_autoptr(GError) local_error = NULL;
  char *saved[G_N_ELEMENTS (sheet_options)];
  GDALDatasetH dataset;
  gboolean identified = FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (sheet_options); i++)
    {
      saved[i] = g_strdup (CPLGetThreadLocalConfigOption (sheet_options[i], NULL));
      CPLSetThreadLocalConfigOption (sheet_options[i],
                                     i % 2 == 0 ? (raw ? "DISABLE" : "FORCE") : (raw ? "STRING" : "AUTO"));
    }

  equity_ogr_errors_push (&errors);
  dataset = GDALOpenEx (path, GDAL_OF_VECTOR | GDAL_OF_READONLY | GDAL_OF_VERBOSE_ERROR,
                        (const char * const *) drivers, NULL, NULL);
  if (dataset != NULL)
    {
      *layer_out = pick_layer (dataset, display_name, layer, &local_error);
      /* the sheet is parsed now, while the options above hold */
      if (*layer_out != NULL)
        OGR_L_GetLayerDefn (*layer_out);
    }
  if (dataset != NULL && local_error == NULL && is_spreadsheet_driver (dataset))
    check_sheet_width (&errors, display_name, *layer_out, &local_error);
  else
    identified = GDALIdentifyDriverEx (path, GDAL_OF_VECTOR, (const char * const *) drivers, NULL) != NULL;
  equity_ogr_errors_pop (&errors);

  for (guint i = 0; i < G_N_ELEMENTS (sheet_options); i++)
    {
      CPLSetThreadLocalConfigOption (sheet_options[i], saved[i]);
      g_free (saved[i]);
    }

  if (dataset == NULL && identified)
    g_set_error (&local_error, EQUITY_ERROR, EQUITY_ERROR_PARSE, _("%s: could not be read (%s)"),
                 display_name, equity_ogr_errors_message (&errors, _("unknown error")));
  else if (dataset == NULL)
    g_set_error (&local_error, EQUITY_ERROR, EQUITY_ERROR_UNSUPPORTED,
                 _("%s: not a file Asheville Equity can read (%s). Supported: %s"),
                 display_name, equity_ogr_errors_message (&errors, _("unknown format")), EQUITY_OGR_SUPPORTED);
  equity_ogr_errors_clear (&errors);

  if (local_error != NULL)
    {
      g_clear_pointer (&dataset, GDALClose);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  return dataset;
}

static GPtrArray *
row_cells (OGRFeatureH feature,
           int         n_fields)
{
  GPtrArray *cells = g_ptr_array_new_with_free_func (g_free);

  for (int f = 0; f < n_fields; f++)
    g_ptr_array_add (cells, g_strdup (OGR_F_IsFieldSetAndNotNull (feature, f) ?
                                      OGR_F_GetFieldAsString (feature, f) : ""));
  return cells;
}


/* A table's header is the first row with two or more filled cells, or, when
 * no row has two, the first that is not blank: titles, notes and blank rows
 * above a table are passed over. A column is kept when its header cell or any
 * cell below it is filled (formatting alone makes GDAL report more). */
gboolean
equity_ogr_scan_sheet (OGRLayerH        layer,
                       const char      *display_name,
                       EquityOgrSheet  *sheet,
                       GError         **error)
{
  int n_fields = OGR_FD_GetFieldCount (OGR_L_GetLayerDefn (layer));
  g_autofree guint64 *last_row = g_new0 (guint64, MAX (n_fields, 1));
  g_autoptr(GPtrArray) first_cells = NULL;   /* of the first row with one cell */
  g_autoptr(GPtrArray) wide_cells = NULL;    /* of the first with two */
  guint64 first_row = 0, wide_row = 0, row = 0;
  EquityOgrErrors errors = { 0 };
  OGRFeatureH feature;
  GPtrArray *header;
  gboolean failed;

  equity_ogr_errors_push (&errors);
  OGR_L_ResetReading (layer);
  while ((feature = OGR_L_GetNextFeature (layer)) != NULL)
    {
      guint cells = 0;

      row++;
      for (int f = 0; f < n_fields; f++)
        if (OGR_F_IsFieldSetAndNotNull (feature, f) && OGR_F_GetFieldAsString (feature, f)[0] != '\0')
          {
            cells++;
            last_row[f] = row;
          }
      if (cells >= 1 && first_row == 0)
        {
          first_row = row;
          first_cells = row_cells (feature, n_fields);
        }
      if (cells >= 2 && wide_row == 0)
        {
          wide_row = row;
          wide_cells = row_cells (feature, n_fields);
        }
      OGR_F_Destroy (feature);
    }
  OGR_L_ResetReading (layer);
  equity_ogr_errors_pop (&errors);

  failed = errors.failures->len > 0 || first_row == 0;
  if (errors.failures->len > 0)
    g_set_error (error, EQUITY_ERROR, EQUITY_ERROR_PARSE, _("%s: sheet “%s” could not be read (%s)"),
                 display_name, OGR_L_GetName (layer), errors.failures->str);
  else if (first_row == 0)
    g_set_error (error, EQUITY_ERROR, EQUITY_ERROR_PARSE, _("%s: sheet “%s” is empty"),
                 display_name, OGR_L_GetName (layer));
  equity_ogr_errors_clear (&errors);
  if (failed)
    return FALSE;

  sheet->header_row = wide_row != 0 ? wide_row : first_row;
  header = wide_row != 0 ? wide_cells : first_cells;
  sheet->names = g_ptr_array_new_with_free_func (g_free);
  sheet->columns = g_array_new (FALSE, FALSE, sizeof (int));
  for (int f = 0; f < n_fields; f++)
    {
      char *name;

      if (last_row[f] < sheet->header_row)
        continue;
      name = g_strstrip (g_strdup (g_ptr_array_index (header, f)));
      if (name[0] == '\0')
        {
          g_autofree char *letters = equity_xlsx_column_name (f);

          g_free (name);
          /* TRANSLATORS: the name given to a column whose header cell is empty, e.g. "Column C" */
          name = g_strdup_printf (_("Column %s"), letters);
        }
      g_ptr_array_add (sheet->names, name);
      g_array_append_val (sheet->columns, f);
    }
  return TRUE;
}

void
equity_ogr_sheet_clear (EquityOgrSheet *sheet)
{
  g_clear_pointer (&sheet->names, g_ptr_array_unref);
  g_clear_pointer (&sheet->columns, g_array_unref);
}

/* equity_ogr_list_layers(), which answers for zip archives and .xls itself */
char **
equity_gdal_list_layers (const char  *path,
                         const char  *display_name,
                         GError     **error)
{
  static const char * const drivers[] = {
    "XLSX", "ODS", "GeoJSON", "TopoJSON", "ESRI Shapefile", "GPKG", NULL,
  };
  g_autoptr(GStrvBuilder) names = g_strv_builder_new ();
  EquityOgrErrors errors = { 0 };
  GDALDatasetH dataset;

  equity_ogr_errors_push (&errors);
  dataset = GDALOpenEx (path, GDAL_OF_VECTOR | GDAL_OF_READONLY | GDAL_OF_VERBOSE_ERROR,
                        drivers, NULL, NULL);
  equity_ogr_errors_pop (&errors);

  if (dataset == NULL)
    {
      g_set_error (error, EQUITY_ERROR, EQUITY_ERROR_UNSUPPORTED, _("%s: could not be read (%s)"),
                   display_name, equity_ogr_errors_message (&errors, _("unknown format")));
      equity_ogr_errors_clear (&errors);
      return NULL;
    }

  for (int i = 0; i < GDALDatasetGetLayerCount (dataset); i++)
    g_strv_builder_add (names, OGR_L_GetName (GDALDatasetGetLayer (dataset, i)));
  GDALClose (dataset);
  equity_ogr_errors_clear (&errors);

  return g_strv_builder_end (names);
}

static char *
crs_label (OGRSpatialReferenceH srs)
{
  OGRSpatialReferenceH copy = OSRClone (srs);
  const char *authority, *code;
  char *label;

  if (OSRGetAuthorityName (copy, NULL) == NULL)
    OSRAutoIdentifyEPSG (copy);
  authority = OSRGetAuthorityName (copy, NULL);
  code = OSRGetAuthorityCode (copy, NULL);
  if (authority != NULL && code != NULL)
    label = g_strdup_printf ("%s:%s", authority, code);
  else
    label = g_strdup (OSRGetName (copy) != NULL ? OSRGetName (copy) : _("an unnamed coordinate system"));
  OSRDestroySpatialReference (copy);
  return label;
}

char *
equity_ogr_transform_to_lonlat (OGRLayerH                      layer,
                                const char                    *display_name,
                                OGRCoordinateTransformationH  *transform,
                                GError                       **error)
{
  OGRSpatialReferenceH layer_srs = OGR_L_GetSpatialRef (layer);
  OGRSpatialReferenceH source, target;
  EquityOgrErrors errors = { 0 };
  g_autofree char *label = NULL;
  char *note = NULL;

  if (layer_srs == NULL)
    {
      OGREnvelope e;
      OGRErr status;

      /* no .prj, or TopoJSON: coordinates are taken as longitude/latitude,
       * but only when they can be */
      equity_ogr_errors_push (&errors);
      status = OGR_L_GetExtent (layer, &e, TRUE);
      equity_ogr_errors_pop (&errors);
      equity_ogr_errors_clear (&errors);
      if (status == OGRERR_NONE && (e.MinX < -180.5 || e.MaxX > 180.5 || e.MinY < -90.5 || e.MaxY > 90.5))
        {
          g_set_error (error, EQUITY_ERROR, EQUITY_ERROR_UNSUPPORTED,
                       _("%s: the layer names no coordinate system (is its .prj file missing?) and its "
                         "coordinates (x %g to %g, y %g to %g) are not longitude/latitude"),
                       display_name, e.MinX, e.MaxX, e.MinY, e.MaxY);
          return NULL;
        }
      return g_strdup (_("no coordinate system given, read as longitude/latitude"));
    }

  target = OSRNewSpatialReference (NULL);
  OSRImportFromEPSG (target, 4326);
  OSRSetAxisMappingStrategy (target, OAMS_TRADITIONAL_GIS_ORDER);
  source = OSRClone (layer_srs);
  OSRSetAxisMappingStrategy (source, OAMS_TRADITIONAL_GIS_ORDER);
  label = crs_label (source);

  if (OSRIsGeographic (source) && OSRIsSame (source, target))
    note = g_strdup (label);
  else
    {
      equity_ogr_errors_push (&errors);
      *transform = OCTNewCoordinateTransformation (source, target);
      equity_ogr_errors_pop (&errors);
      if (*transform != NULL)
        note = g_strdup_printf (_("reprojected from %s to longitude/latitude"), label);
      else
        g_set_error (error, EQUITY_ERROR, EQUITY_ERROR_UNSUPPORTED,
                     _("%s: coordinates in %s cannot be converted to longitude/latitude (%s)"),
                     display_name, label, equity_ogr_errors_message (&errors, _("no transformation")));
      equity_ogr_errors_clear (&errors);
    }
  OSRDestroySpatialReference (source);
  OSRDestroySpatialReference (target);
  return note;
}
