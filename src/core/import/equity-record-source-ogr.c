/* equity-record-source-ogr.c — spreadsheets and map layers through GDAL/OGR
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Built into the GDAL module (equity-gdal-module.h); the core reaches it
 * through equity_record_source_new_ogr().
 */

#define G_LOG_DOMAIN "equity-ogr"

#include "config.h"

#include <inttypes.h>

#include <string.h>
#include <glib/gi18n-lib.h>
#include <gdal.h>
#include <ogr_api.h>
#include <ogr_srs_api.h>
#include <cpl_conv.h>

#include "equity-column.h"
#include "equity-error.h"
#include "equity-ogr-gdal.h"
#include "equity-record-source.h"

#define CHECK_EVERY 256

static const char * const allowed_drivers[] = {
  "XLSX", "ODS", "XLS", "GeoJSON", "TopoJSON", "ESRI Shapefile", "GPKG", NULL,
};

static const struct
{
  const char *driver;    /* GDAL's short name */
  const char *format;    /* what the catalog records */
  const char *label;     /* for describe() */
  gboolean    spreadsheet;
} formats[] = {
  { "XLSX", "XLSX", N_("Excel workbook"), TRUE },
  { "ODS", "ODS", N_("OpenDocument spreadsheet"), TRUE },
  { "XLS", "XLS", N_("Excel 97–2003 workbook"), TRUE },
  { "GeoJSON", "GeoJSON", "GeoJSON", FALSE },
  { "TopoJSON", "TopoJSON", "TopoJSON", FALSE },
  { "ESRI Shapefile", "Shapefile", N_("Shapefile"), FALSE },
  { "GPKG", "GeoPackage", N_("GeoPackage"), FALSE },
};

typedef struct
{
  EquityRecordSource            parent;
  GDALDatasetH                  dataset;
  OGRLayerH                     layer;
  OGRCoordinateTransformationH  transform;
  char                         *temp_dir;      /* a converted .xls lives here */
  char                         *description;
  guint                         format;        /* index into formats[] */
  gboolean                      converted;     /* .xls read through LibreOffice */
  /* spreadsheets: the header's row (1-based); RAW: read as text with the
   * header taken from the data (it is below row 1), else GDAL's typed cells */
  guint                         header_row;
  gboolean                      raw;
  guint                         n_attributes;
  int                          *ogr_fields;    /* the OGR field of each attribute */
  int                          *types;         /* per field: fixed type or -1 */
  OGRFieldType                 *kinds;
  gboolean                      has_geometry;
  gint64                        n_features;
  /* the current record: values NUL-terminated, then the WKB */
  GString                      *buffer;
  gsize                        *offsets;
  gsize                        *lengths;
  double                        extent[4];
  gboolean                      has_extent;
  guint64                       n_read;
} OgrSource;

static gboolean
is_spreadsheet (OgrSource *self)
{
  return formats[self->format].spreadsheet;
}

static guint
ogr_n_fields (EquityRecordSource *source)
{
  OgrSource *self = (OgrSource *) source;

  return self->n_attributes + (self->has_geometry ? 1 : 0);
}

static const char *
ogr_field (EquityRecordSource *source,
           guint               index,
           gsize              *length)
{
  OgrSource *self = (OgrSource *) source;

  if (length != NULL)
    *length = self->lengths[index];
  return self->buffer->str + self->offsets[index];
}

static int
ogr_field_type (EquityRecordSource *source,
                guint               index)
{
  return ((OgrSource *) source)->types[index];
}

/* Spreadsheets: the row in the sheet (GDAL gives one feature per row, blank
 * rows included). Map layers: the feature's position, from 1. */
static guint64
ogr_line (EquityRecordSource *source)
{
  OgrSource *self = (OgrSource *) source;

  return self->n_read + (is_spreadsheet (self) && !self->raw ? self->header_row : 0);
}

static double
ogr_fraction (EquityRecordSource *source)
{
  OgrSource *self = (OgrSource *) source;

  if (self->n_features <= 0)
    return 0.0;
  return CLAMP ((double) self->n_read / (double) self->n_features, 0.0, 1.0);
}

static gboolean
ogr_rewind (EquityRecordSource  *source,
            GError             **error)
{
  OgrSource *self = (OgrSource *) source;

  OGR_L_ResetReading (self->layer);
  self->n_read = 0;
  return TRUE;
}

static char *
ogr_describe (EquityRecordSource *source)
{
  return g_strdup (((OgrSource *) source)->description);
}

static gboolean
ogr_bbox (EquityRecordSource *source,
          double              extent[4])
{
  OgrSource *self = (OgrSource *) source;

  if (!self->has_extent)
    return FALSE;
  memcpy (extent, self->extent, sizeof self->extent);
  return TRUE;
}

static void
ogr_free (EquityRecordSource *source)
{
  OgrSource *self = (OgrSource *) source;

  g_clear_pointer (&self->transform, OCTDestroyCoordinateTransformation);
  g_clear_pointer (&self->dataset, GDALClose);
  if (self->temp_dir != NULL)
    equity_ogr_remove_tree (self->temp_dir);
  g_free (self->temp_dir);
  g_free (self->description);
  g_free (self->ogr_fields);
  g_free (self->types);
  g_free (self->kinds);
  g_free (self->offsets);
  g_free (self->lengths);
  if (self->buffer != NULL)
    g_string_free (self->buffer, TRUE);
}

static void
append_value (GString      *buffer,
              OGRFeatureH   feature,
              int           field,
              OGRFieldType  kind)
{
  int year, month, day, hour, minute, tz;
  float second;
  const char *text;

  if (!OGR_F_IsFieldSetAndNotNull (feature, field))
    return;
  if ((kind == OFTDate || kind == OFTDateTime) &&
      OGR_F_GetFieldAsDateTimeEx (feature, field, &year, &month, &day, &hour, &minute, &second, &tz))
    {
      /* ISO 8601, as the importer stores dates; the time zone is dropped */
      if (kind == OFTDate)
        g_string_append_printf (buffer, "%04d-%02d-%02d", year, month, day);
      else
        g_string_append_printf (buffer, "%04d-%02d-%02dT%02d:%02d:%02d",
                                year, month, day, hour, minute, (int) second);
      return;
    }
  text = OGR_F_GetFieldAsString (feature, field);
  /* drivers recode to UTF-8, but a .dbf without a .cpg may still hold Latin-1 */
  if (g_utf8_validate (text, -1, NULL))
    g_string_append (buffer, text);
  else
    {
      g_autofree char *valid = g_utf8_make_valid (text, -1);
      g_string_append (buffer, valid);
    }
}

/* Linear, 2D, in longitude/latitude, as ISO WKB after the attributes. */
static gboolean
append_geometry (OgrSource    *self,
                 OGRFeatureH   feature,
                 GError      **error)
{
  OGRGeometryH geometry = OGR_F_StealGeometry (feature);
  OGRwkbGeometryType type;
  OGREnvelope envelope;
  gsize offset = self->buffer->len;
  int size;

  self->has_extent = FALSE;
  if (geometry == NULL || OGR_G_IsEmpty (geometry))
    {
      g_clear_pointer (&geometry, OGR_G_DestroyGeometry);
      return TRUE;
    }

  /* curves (GeoPackage) become line segments; TINs and surfaces polygons */
  if (OGR_GT_IsNonLinear (OGR_G_GetGeometryType (geometry)))
    {
      OGRGeometryH linear = OGR_G_GetLinearGeometry (geometry, 0, NULL);
      OGR_G_DestroyGeometry (geometry);
      geometry = linear;
      if (geometry == NULL)
        return TRUE;
    }
  type = OGR_GT_Flatten (OGR_G_GetGeometryType (geometry));
  if (type == wkbTriangle || type == wkbTIN || type == wkbPolyhedralSurface)
    geometry = OGR_G_ForceTo (geometry, wkbMultiPolygon, NULL);
  OGR_G_FlattenTo2D (geometry);

  if (self->transform != NULL && OGR_G_Transform (geometry, self->transform) != OGRERR_NONE)
    {
      g_set_error (error, EQUITY_ERROR, EQUITY_ERROR_PARSE,
                   _("%s:%" PRIu64 ": the geometry could not be converted to longitude/latitude (%s)"),
                   self->parent.display_name, ogr_line (&self->parent),
                   CPLGetLastErrorMsg ()[0] ? CPLGetLastErrorMsg () : _("outside the coordinate system’s area"));
      OGR_G_DestroyGeometry (geometry);
      return FALSE;
    }

  OGR_G_GetEnvelope (geometry, &envelope);
  self->extent[0] = envelope.MinX;
  self->extent[1] = envelope.MaxX;
  self->extent[2] = envelope.MinY;
  self->extent[3] = envelope.MaxY;
  self->has_extent = TRUE;

  size = OGR_G_WkbSize (geometry);
  g_string_set_size (self->buffer, offset + size);
  OGR_G_ExportToIsoWkb (geometry, wkbNDR, (unsigned char *) self->buffer->str + offset);
  OGR_G_DestroyGeometry (geometry);
  return TRUE;
}

/* Fills the current record from FEATURE; FALSE with no error for a blank row. */
static gboolean
read_feature (OgrSource    *self,
              OGRFeatureH   feature,
              GError      **error)
{
  gboolean any = FALSE;

  g_string_truncate (self->buffer, 0);
  for (guint i = 0; i < self->n_attributes; i++)
    {
      self->offsets[i] = self->buffer->len;
      append_value (self->buffer, feature, self->ogr_fields[i], self->kinds[i]);
      self->lengths[i] = self->buffer->len - self->offsets[i];
      any |= self->lengths[i] > 0;
      g_string_append_c (self->buffer, '\0');
    }
  if (self->has_geometry)
    {
      guint g = self->n_attributes;

      self->offsets[g] = self->buffer->len;
      if (!append_geometry (self, feature, error))
        return FALSE;
      self->lengths[g] = self->buffer->len - self->offsets[g];
      any |= self->lengths[g] > 0;
    }
  return any || !is_spreadsheet (self);
}

static gboolean
ogr_next (EquityRecordSource  *source,
          GCancellable        *cancellable,
          GError             **error)
{
  OgrSource *self = (OgrSource *) source;
  EquityOgrErrors errors = { 0 };
  g_autoptr(GError) local_error = NULL;
  gboolean found = FALSE;

  equity_ogr_errors_push (&errors);
  while (!found && local_error == NULL)
    {
      OGRFeatureH feature;

      if (self->n_read % CHECK_EVERY == 0 &&
          g_cancellable_set_error_if_cancelled (cancellable, &local_error))
        break;
      feature = OGR_L_GetNextFeature (self->layer);
      if (feature == NULL)
        break;
      self->n_read++;
      /* raw sheets: the rows down to the header are not data */
      if (!self->raw || self->n_read > self->header_row)
        found = read_feature (self, feature, &local_error);
      OGR_F_Destroy (feature);
    }
  equity_ogr_errors_pop (&errors);

  if (local_error == NULL && !found && errors.failures->len > 0)
    g_set_error (&local_error, EQUITY_ERROR, EQUITY_ERROR_PARSE,
                 _("%s:%" PRIu64 ": %s"), source->display_name, ogr_line (source) + 1,
                 errors.failures->str);
  /* GDAL hands back a feature it could not read whole (a truncated .shp
   * gives it no geometry): importing it would lose data without a word */
  else if (local_error == NULL && found && errors.failures->len > 0)
    g_set_error (&local_error, EQUITY_ERROR, EQUITY_ERROR_PARSE,
                 is_spreadsheet (self) ? _("%s: row %" PRIu64 " could not be read whole (%s)")
                                       : _("%s: feature %" PRIu64 " could not be read whole (%s)"),
                 source->display_name, ogr_line (source), errors.failures->str);
  equity_ogr_errors_clear (&errors);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  return found;
}

static const EquityRecordSourceFuncs ogr_funcs = {
  ogr_next, ogr_n_fields, ogr_field, ogr_field_type, ogr_line, ogr_fraction,
  ogr_rewind, ogr_describe, ogr_bbox, ogr_free,
};

static int
fixed_type (OGRFieldType kind)
{
  switch (kind)
    {
    case OFTInteger:
    case OFTInteger64:
      return EQUITY_COLUMN_TYPE_INTEGER;
    case OFTReal:
      return EQUITY_COLUMN_TYPE_REAL;
    case OFTDate:
    case OFTDateTime:
      return EQUITY_COLUMN_TYPE_DATE;
    default:
      /* text, and what has no column type (times, lists): the importer infers */
      return -1;
    }
}

static void
allocate_fields (OgrSource *self)
{
  guint n = self->n_attributes + 1;

  self->ogr_fields = g_new0 (int, n);
  self->types = g_new0 (int, n);
  self->kinds = g_new0 (OGRFieldType, n);
  self->offsets = g_new0 (gsize, n);
  self->lengths = g_new0 (gsize, n);
  self->buffer = g_string_sized_new (256);
  self->parent.names = g_ptr_array_new_with_free_func (g_free);
}

static gboolean
setup_sheet (OgrSource           *self,
             const char          *open_path,
             const char * const  *drivers,
             GError             **error)
{
  EquityOgrSheet sheet = { 0 };
  g_autofree char *sheet_name = NULL;
  OGRFeatureDefnH defn;
  int last_column = -1;

  if (!equity_ogr_scan_sheet (self->layer, self->parent.display_name, &sheet, error))
    return FALSE;
  self->header_row = sheet.header_row;
  self->raw = TRUE;
  sheet_name = g_strdup (OGR_L_GetName (self->layer));
  for (guint i = 0; i < sheet.columns->len; i++)
    last_column = MAX (last_column, g_array_index (sheet.columns, int, i));

  /* With the header on row 1, GDAL can type the cells (dates, numbers,
   * booleans): read the sheet again that way. Below row 1 (titles above the
   * table) GDAL cannot skip rows, so the cells stay text and the importer
   * infers the types, as for CSV. */
  if (sheet.header_row == 1)
    {
      OGRLayerH typed_layer = NULL;
      GDALDatasetH typed = equity_ogr_open (open_path, self->parent.display_name, sheet_name, FALSE,
                                            drivers, &typed_layer, NULL);

      if (typed != NULL && OGR_FD_GetFieldCount (OGR_L_GetLayerDefn (typed_layer)) > last_column)
        {
          GDALClose (self->dataset);
          self->dataset = typed;
          self->layer = typed_layer;
          self->raw = FALSE;
        }
      else if (typed != NULL)
        GDALClose (typed);
    }

  defn = OGR_L_GetLayerDefn (self->layer);
  self->n_attributes = sheet.columns->len;
  allocate_fields (self);
  for (guint i = 0; i < self->n_attributes; i++)
    {
      self->ogr_fields[i] = g_array_index (sheet.columns, int, i);
      self->kinds[i] = self->raw ? OFTString : OGR_Fld_GetType (OGR_FD_GetFieldDefn (defn, self->ogr_fields[i]));
      self->types[i] = fixed_type (self->kinds[i]);
      g_ptr_array_add (self->parent.names, g_strdup (g_ptr_array_index (sheet.names, i)));
    }
  equity_ogr_sheet_clear (&sheet);

  if (self->converted)
    self->description = g_strdup_printf (_("Excel 97–2003 workbook converted with LibreOffice, sheet “%s”"),
                                         sheet_name);
  else
    /* TRANSLATORS: e.g. "Excel workbook, sheet “Candidates”" */
    self->description = g_strdup_printf (_("%s, sheet “%s”"), _(formats[self->format].label), sheet_name);
  if (self->header_row > 1)
    {
      char *longer = g_strdup_printf (_("%s, header on row %u"), self->description, self->header_row);
      g_free (self->description);
      self->description = longer;
    }
  return TRUE;
}

static char *
count_label (OGRLayerH layer,
             gint64    n)
{
  switch (wkbFlatten (OGR_L_GetGeomType (layer)))
    {
    case wkbPoint:
    case wkbMultiPoint:
      return g_strdup_printf (ngettext ("%" PRId64 " point", "%" PRId64 " points", n), n);
    case wkbLineString:
    case wkbMultiLineString:
      return g_strdup_printf (ngettext ("%" PRId64 " line", "%" PRId64 " lines", n), n);
    case wkbPolygon:
    case wkbMultiPolygon:
      return g_strdup_printf (ngettext ("%" PRId64 " polygon", "%" PRId64 " polygons", n), n);
    default:
      return g_strdup_printf (ngettext ("%" PRId64 " feature", "%" PRId64 " features", n), n);
    }
}

static gboolean
setup_layer (OgrSource  *self,
             GError    **error)
{
  OGRFeatureDefnH defn = OGR_L_GetLayerDefn (self->layer);
  g_autoptr(GString) description = g_string_new (_(formats[self->format].label));
  g_autofree char *count = NULL;
  g_autofree char *crs = NULL;
  guint suffix = 1;

  self->n_attributes = OGR_FD_GetFieldCount (defn);
  self->has_geometry = OGR_FD_GetGeomFieldCount (defn) > 0;
  allocate_fields (self);
  for (guint i = 0; i < self->n_attributes; i++)
    {
      self->ogr_fields[i] = i;
      self->kinds[i] = OGR_Fld_GetType (OGR_FD_GetFieldDefn (defn, i));
      self->types[i] = fixed_type (self->kinds[i]);
      g_ptr_array_add (self->parent.names, g_strdup (OGR_Fld_GetNameRef (OGR_FD_GetFieldDefn (defn, i))));
    }

  if (self->has_geometry)
    {
      char *name = g_strdup ("geometry");

      /* the geometry column comes last, under a name no attribute has */
      while (OGR_FD_GetFieldIndex (defn, name) >= 0)
        {
          g_free (name);
          name = g_strdup_printf ("geometry_%u", ++suffix);
        }
      self->types[self->n_attributes] = EQUITY_COLUMN_TYPE_GEOMETRY;
      g_ptr_array_add (self->parent.names, name);
      crs = equity_ogr_transform_to_lonlat (self->layer, self->parent.display_name, &self->transform, error);
      if (crs == NULL)
        return FALSE;
    }

  if (GDALDatasetGetLayerCount (self->dataset) > 1)
    g_string_append_printf (description, _(", layer “%s”"), OGR_L_GetName (self->layer));
  count = count_label (self->layer, MAX (self->n_features, 0));
  g_string_append_printf (description, ", %s", count);
  if (crs != NULL)
    g_string_append_printf (description, ", %s", crs);
  self->description = g_string_free (g_steal_pointer (&description), FALSE);
  return TRUE;
}

EquityRecordSource *
equity_gdal_record_source_new (GFile       *file,
                               const char  *sheet_or_layer,
                               GError     **error)
{
  g_autoptr(EquityRecordSource) source = NULL;
  g_autofree char *path = NULL;
  g_autofree char *lower = NULL;
  g_autofree char *open_path = NULL;
  const char * const *drivers = allowed_drivers;
  EquityOgrErrors errors = { 0 };
  const char *driver;
  OgrSource *self;
  gboolean ok;

  self = g_new0 (OgrSource, 1);
  self->parent.funcs = &ogr_funcs;
  self->parent.display_name = g_file_get_basename (file);
  self->parent.header_in_data = FALSE;
  self->n_features = -1;
  source = &self->parent;

  path = g_file_get_path (file);
  if (path == NULL)
    {
      g_set_error (error, EQUITY_ERROR, EQUITY_ERROR_UNSUPPORTED,
                   _("%s: only files on this computer can be imported"), source->display_name);
      return NULL;
    }
  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, EQUITY_ERROR, EQUITY_ERROR_NOT_FOUND, _("%s: no such file"), source->display_name);
      return NULL;
    }

  lower = g_ascii_strdown (path, -1);
  if (g_str_has_suffix (lower, ".xls"))
    {
      self->dataset = equity_ogr_open_xls (path, source->display_name, sheet_or_layer, allowed_drivers,
                                           &self->temp_dir, &self->converted, &open_path, &self->layer, error);
      if (self->dataset == NULL)
        return NULL;
      if (!self->converted)
        drivers = equity_ogr_xls_only;
    }
  else
    {
      /* a zipped shapefile or GeoJSON: read in place through GDAL's /vsizip/ */
      open_path = g_str_has_suffix (lower, ".zip") ?
                  equity_ogr_resolve_zip (path, source->display_name, sheet_or_layer, error) : g_strdup (path);
      if (open_path == NULL)
        return NULL;
      self->dataset = equity_ogr_open (open_path, source->display_name, sheet_or_layer, TRUE, drivers,
                                       &self->layer, error);
      if (self->dataset == NULL)
        return NULL;
    }

  /* counting features can make a driver complain: keep it off stderr too */
  equity_ogr_errors_push (&errors);
  driver = GDALGetDriverShortName (GDALGetDatasetDriver (self->dataset));
  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    if (g_str_equal (formats[i].driver, self->converted ? "XLS" : driver))
      self->format = i;
  source->format = g_strdup (formats[self->format].format);

  if (is_spreadsheet (self))
    ok = setup_sheet (self, open_path, drivers, error);
  else
    {
      self->n_features = OGR_L_GetFeatureCount (self->layer, TRUE);
      ok = setup_layer (self, error);
    }
  if (ok && self->n_features < 0)
    self->n_features = OGR_L_GetFeatureCount (self->layer, TRUE);
  if (ok)
    OGR_L_ResetReading (self->layer);
  equity_ogr_errors_pop (&errors);
  equity_ogr_errors_clear (&errors);
  return ok ? g_steal_pointer (&source) : NULL;
}
