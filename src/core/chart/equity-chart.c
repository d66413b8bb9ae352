/* equity-chart.c — the chart model, drawing through its kind's renderer, and files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "equity-chart"

#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n-lib.h>
#include <cairo-pdf.h>
#include <cairo-svg.h>

#include "equity-chart-private.h"
#include "equity-error.h"

G_DEFINE_FINAL_TYPE (EquityChart, equity_chart, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_RESULT,
  PROP_KIND,
  PROP_TITLE,
  PROP_SUBTITLE,
  PROP_SOURCE_NOTE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean
label_is_year (const char *label)
{
  if (label == NULL || strlen (label) != 4)
    return FALSE;
  for (guint i = 0; i < 4; i++)
    if (!g_ascii_isdigit (label[i]))
      return FALSE;
  return TRUE;
}

EquityChartKind
equity_chart_kind_for_result (EquityResult *result)
{
  guint n_rows;
  gboolean years = TRUE;

  g_return_val_if_fail (EQUITY_IS_RESULT (result), EQUITY_CHART_BARS);

  if (equity_result_get_map_dataset (result) != NULL)
    return EQUITY_CHART_MAP;

  n_rows = equity_result_get_n_rows (result);
  for (guint i = 0; i < n_rows && years; i++)
    years = label_is_year (equity_result_get_row (result, i)->label);
  if (years && n_rows >= 3)
    return EQUITY_CHART_TREND;
  return EQUITY_CHART_BARS;
}

/* Which of the row's numbers the chart draws: a rate when there is one,
 * else an estimate (ACS proportions), a share, or the plain count. */
static void
detect_measure (EquityChart *self)
{
  guint n_rows = equity_result_get_n_rows (self->result);
  gboolean any_rate = FALSE;
  gboolean any_mean = FALSE;
  gboolean any_index = FALSE;
  gboolean any_estimate = FALSE;
  gboolean any_share = FALSE;
  gboolean estimates_are_proportions = TRUE;
  const char *units = equity_result_get_units (self->result);

  for (guint i = 0; i < n_rows; i++)
    {
      const EquityResultRow *row = equity_result_get_row (self->result, i);

      any_rate |= isfinite (row->rate);
      any_mean |= isfinite (row->mean);
      any_index |= isfinite (row->index);
      any_share |= isfinite (row->share);
      if (isfinite (row->estimate))
        {
          any_estimate = TRUE;
          if (row->estimate < 0 || row->estimate > 1)
            estimates_are_proportions = FALSE;
        }
    }

  /* estimates are proportions (equity-result.h): a reader wants 23%, not 0.23 */
  self->estimate_percent = any_estimate && estimates_are_proportions;
  self->percent = FALSE;
  if (any_rate)
    self->measure = EQUITY_CHART_MEASURE_RATE;
  else if (any_mean)
    self->measure = EQUITY_CHART_MEASURE_MEAN;
  else if (any_index)
    self->measure = EQUITY_CHART_MEASURE_INDEX;
  else if (any_estimate)
    {
      self->measure = EQUITY_CHART_MEASURE_ESTIMATE;
      self->percent = self->estimate_percent;
    }
  else if (any_share)
    {
      self->measure = EQUITY_CHART_MEASURE_SHARE;
      self->percent = TRUE;
    }
  else
    self->measure = EQUITY_CHART_MEASURE_COUNT;

  /* values drawn as percentages must not be labelled "proportion (0–1)" */
  g_clear_pointer (&self->units, g_free);
  if (units != NULL && self->percent && strstr (units, _("proportion (0–1)")) != NULL)
    {
      /* the units come translated from the analysis: match the same words */
      g_auto(GStrv) parts = g_strsplit (units, _("proportion (0–1)"), 2);
      self->units = g_strjoinv (_("percent"), parts);
    }
  else if (units != NULL && units[0] != '\0')
    self->units = g_strdup (units);
}

static void
equity_chart_finalize (GObject *object)
{
  EquityChart *self = EQUITY_CHART (object);

  g_clear_object (&self->result);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->subtitle, g_free);
  g_clear_pointer (&self->source_note, g_free);
  g_clear_pointer (&self->x_title, g_free);
  g_clear_pointer (&self->y_title, g_free);
  g_clear_pointer (&self->units, g_free);
  g_clear_pointer (&self->targets, g_array_unref);
  g_clear_pointer (&self->layout, equity_chart_layout_free);
  equity_chart_map_areas_clear (&self->map);

  G_OBJECT_CLASS (equity_chart_parent_class)->finalize (object);
}

static void
equity_chart_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  EquityChart *self = EQUITY_CHART (object);

  switch (prop_id)
    {
    case PROP_RESULT:
      g_value_set_object (value, self->result);
      break;
    case PROP_KIND:
      g_value_set_int (value, self->kind);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_SUBTITLE:
      g_value_set_string (value, self->subtitle);
      break;
    case PROP_SOURCE_NOTE:
      g_value_set_string (value, self->source_note);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
equity_chart_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  EquityChart *self = EQUITY_CHART (object);

  switch (prop_id)
    {
    case PROP_RESULT:
      self->result = g_value_dup_object (value);
      break;
    case PROP_KIND:
      equity_chart_set_kind (self, g_value_get_int (value));
      break;
    case PROP_TITLE:
      equity_chart_set_title (self, g_value_get_string (value));
      break;
    case PROP_SUBTITLE:
      equity_chart_set_subtitle (self, g_value_get_string (value));
      break;
    case PROP_SOURCE_NOTE:
      equity_chart_set_source_note (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
equity_chart_constructed (GObject *object)
{
  EquityChart *self = EQUITY_CHART (object);

  G_OBJECT_CLASS (equity_chart_parent_class)->constructed (object);

  if (self->result == NULL)
    self->result = equity_result_new ("empty");
  detect_measure (self);
}

static void
equity_chart_class_init (EquityChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = equity_chart_finalize;
  object_class->get_property = equity_chart_get_property;
  object_class->set_property = equity_chart_set_property;
  object_class->constructed = equity_chart_constructed;

  properties[PROP_RESULT] =
    g_param_spec_object ("result", NULL, NULL, EQUITY_TYPE_RESULT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_KIND] =
    g_param_spec_int ("kind", NULL, NULL, 0, EQUITY_CHART_N_KINDS - 1, EQUITY_CHART_BARS,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SUBTITLE] =
    g_param_spec_string ("subtitle", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SOURCE_NOTE] =
    g_param_spec_string ("source-note", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
equity_chart_init (EquityChart *self)
{
  self->kind = EQUITY_CHART_BARS;
  self->target = NAN;
  self->baseline_x = NAN;
  self->scatter_x = EQUITY_CHART_FIELD_AUTO;
  self->scatter_y = EQUITY_CHART_FIELD_AUTO;
  self->targets = g_array_new (FALSE, FALSE, sizeof (double));
  self->scale_factor = 1.0;
  equity_chart_map_areas_init (&self->map);
}

EquityChart *
equity_chart_new (EquityResult *result)
{
  g_return_val_if_fail (EQUITY_IS_RESULT (result), NULL);

  return g_object_new (EQUITY_TYPE_CHART, "result", result, NULL);
}

EquityResult *
equity_chart_get_result (EquityChart *self)
{
  g_return_val_if_fail (EQUITY_IS_CHART (self), NULL);
  return self->result;
}

EquityChartKind
equity_chart_get_kind (EquityChart *self)
{
  g_return_val_if_fail (EQUITY_IS_CHART (self), EQUITY_CHART_BARS);
  return self->kind;
}

void
equity_chart_set_kind (EquityChart     *self,
                       EquityChartKind  kind)
{
  g_return_if_fail (EQUITY_IS_CHART (self));
  g_return_if_fail (kind < EQUITY_CHART_N_KINDS);

  if (self->kind == kind)
    return;
  self->kind = kind;
  /* the old layout's hit regions and state belong to another picture */
  g_clear_pointer (&self->layout, equity_chart_layout_free);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIND]);
}

static void
set_string (EquityChart  *self,
            char        **field,
            const char   *value,
            int           prop)
{
  if (g_strcmp0 (*field, value) == 0)
    return;
  /* a picture kept for hovering shows the words before */
  equity_chart_layout_forget_frame (self->layout);
  g_free (*field);
  *field = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

const char *
equity_chart_get_title (EquityChart *self)
{
  g_return_val_if_fail (EQUITY_IS_CHART (self), NULL);
  return self->title != NULL ? self->title : equity_result_get_title (self->result);
}

void
equity_chart_set_title (EquityChart *self,
                        const char  *title)
{
  g_return_if_fail (EQUITY_IS_CHART (self));
  set_string (self, &self->title, title, PROP_TITLE);
}

const char *
equity_chart_get_subtitle (EquityChart *self)
{
  g_return_val_if_fail (EQUITY_IS_CHART (self), NULL);
  return self->subtitle;
}

void
equity_chart_set_subtitle (EquityChart *self,
                           const char  *subtitle)
{
  g_return_if_fail (EQUITY_IS_CHART (self));
  set_string (self, &self->subtitle, subtitle, PROP_SUBTITLE);
}

const char *
equity_chart_get_source_note (EquityChart *self)
{
  g_return_val_if_fail (EQUITY_IS_CHART (self), NULL);
  return self->source_note != NULL ? self->source_note : equity_result_get_source_note (self->result);
}

void
equity_chart_set_source_note (EquityChart *self,
                              const char  *note)
{
  g_return_if_fail (EQUITY_IS_CHART (self));
  set_string (self, &self->source_note, note, PROP_SOURCE_NOTE);
}

void
equity_chart_set_target (EquityChart *self,
                         double       target)
{
  g_return_if_fail (EQUITY_IS_CHART (self));
  equity_chart_layout_forget_frame (self->layout);
  self->target = target;
}

void
equity_chart_set_targets (EquityChart  *self,
                          const double *years,
                          const double *targets,
                          guint         n_targets)
{
  g_return_if_fail (EQUITY_IS_CHART (self));
  equity_chart_layout_forget_frame (self->layout);
  g_return_if_fail (n_targets == 0 || (years != NULL && targets != NULL));

  g_array_set_size (self->targets, 0);
  for (guint i = 0; i < n_targets; i++)
    if (isfinite (years[i]) && isfinite (targets[i]))
      {
        g_array_append_val (self->targets, years[i]);
        g_array_append_val (self->targets, targets[i]);
      }
}

void
equity_chart_set_baseline (EquityChart *self,
                           double       x)
{
  g_return_if_fail (EQUITY_IS_CHART (self));
  equity_chart_layout_forget_frame (self->layout);
  self->baseline_x = x;
}

double
equity_chart_get_baseline (EquityChart *self)
{
  g_return_val_if_fail (EQUITY_IS_CHART (self), NAN);
  return self->baseline_x;
}

void
equity_chart_set_scatter_fields (EquityChart      *self,
                                 EquityChartField  x,
                                 EquityChartField  y)
{
  g_return_if_fail (EQUITY_IS_CHART (self));
  equity_chart_layout_forget_frame (self->layout);
  self->scatter_x = x;
  self->scatter_y = y;
}

void
equity_chart_set_axis_titles (EquityChart *self,
                              const char  *x_title,
                              const char  *y_title)
{
  g_return_if_fail (EQUITY_IS_CHART (self));
  equity_chart_layout_forget_frame (self->layout);

  g_free (self->x_title);
  self->x_title = g_strdup (x_title);
  g_free (self->y_title);
  self->y_title = g_strdup (y_title);
}

/* ---- drawing --------------------------------------------------------- */

void
equity_chart_draw (EquityChart            *self,
                   cairo_t                *cr,
                   double                  width,
                   double                  height,
                   const EquityChartStyle *style,
                   int                     highlighted_row)
{
  g_return_if_fail (EQUITY_IS_CHART (self));
  g_return_if_fail (cr != NULL);

  /* the layout is kept for hover and, for a map, its cached paths and
   * the plain picture the highlight is drawn over */
  if (self->layout == NULL)
    self->layout = equity_chart_layout_new (equity_chart_renderer_for_kind (self->kind));
  equity_chart_layout_draw_window (self, self->layout, cr, width, height, style, highlighted_row);
}

void
equity_chart_set_scale_factor (EquityChart *self,
                               double       scale_factor)
{
  g_return_if_fail (EQUITY_IS_CHART (self));
  self->scale_factor = scale_factor >= 1.0 ? scale_factor : 1.0;
}

gboolean
equity_chart_hit_test (EquityChart *self,
                       double       x,
                       double       y,
                       guint       *row_index)
{
  const EquityChartLayout *layout;

  g_return_val_if_fail (EQUITY_IS_CHART (self), FALSE);

  layout = self->layout;
  if (layout == NULL)
    return FALSE;
  if (layout->renderer->hit_test != NULL)
    return layout->renderer->hit_test (self, layout, x, y, row_index);
  return equity_chart_layout_hit_test (layout, x, y, row_index);
}

/* ---- files ----------------------------------------------------------- */

static cairo_status_t
write_to_array (void                *closure,
                const unsigned char *data,
                unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

typedef enum { FORMAT_PNG, FORMAT_SVG, FORMAT_PDF } FileFormat;

/* A file is drawn into a layout of its own: the window's hover regions and
 * cached paths stay as they were, and the model is only read. */
static GByteArray *
render (EquityChart            *self,
        FileFormat              format,
        int                     width,
        int                     height,
        const EquityChartStyle *style,
        GError                **error)
{
  g_autoptr(GByteArray) bytes = g_byte_array_new ();
  g_autoptr(EquityChartLayout) layout = equity_chart_layout_new (equity_chart_renderer_for_kind (self->kind));
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;

  switch (format)
    {
    case FORMAT_SVG:
      surface = cairo_svg_surface_create_for_stream (write_to_array, bytes, width, height);
      /* pixels, so a slide program places it at the size it was drawn for */
      cairo_svg_surface_set_document_unit (surface, CAIRO_SVG_UNIT_PX);
      break;
    case FORMAT_PDF:
      /* one pixel is ¾ point, as on a 96 dpi screen: 1200×800 is 12.5×8.3 in */
      surface = cairo_pdf_surface_create_for_stream (write_to_array, bytes, width * 0.75, height * 0.75);
      {
        const char *title = equity_chart_get_title (self);
        if (title != NULL)
          cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, title);
        cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Asheville Equity");
      }
      break;
    case FORMAT_PNG:
    default:
      surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
      break;
    }

  cr = cairo_create (surface);
  if (format == FORMAT_PDF)
    cairo_scale (cr, 0.75, 0.75);
  equity_chart_draw_layout (self, layout, cr, width, height, style, -1);
  status = cairo_status (cr);
  cairo_destroy (cr);

  if (status == CAIRO_STATUS_SUCCESS && format == FORMAT_PNG)
    status = cairo_surface_write_to_png_stream (surface, write_to_array, bytes);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, EQUITY_ERROR, EQUITY_ERROR_FAILED,
                   _("Could not draw the chart: %s"), cairo_status_to_string (status));
      return NULL;
    }
  return g_steal_pointer (&bytes);
}

static gboolean
check_size (int      width,
            int      height,
            GError **error)
{
  /* beyond this a PNG would take gigabytes: a typo, not a poster */
  if (width < 16 || height < 16 || width > 20000 || height > 20000)
    {
      g_set_error (error, EQUITY_ERROR, EQUITY_ERROR_INVALID,
                   _("A chart must be between 16 and 20,000 pixels wide and high, not %d×%d"),
                   width, height);
      return FALSE;
    }
  return TRUE;
}

gboolean
equity_chart_save (EquityChart            *self,
                   const char             *path,
                   int                     width,
                   int                     height,
                   const EquityChartStyle *style,
                   GError                **error)
{
  g_autoptr(GByteArray) bytes = NULL;
  g_autofree char *lower = NULL;
  FileFormat format;

  g_return_val_if_fail (EQUITY_IS_CHART (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  lower = g_ascii_strdown (path, -1);
  if (g_str_has_suffix (lower, ".png"))
    format = FORMAT_PNG;
  else if (g_str_has_suffix (lower, ".svg"))
    format = FORMAT_SVG;
  else if (g_str_has_suffix (lower, ".pdf"))
    format = FORMAT_PDF;
  else
    {
      g_set_error (error, EQUITY_ERROR, EQUITY_ERROR_UNSUPPORTED,
                   _("Cannot write “%s”: a chart is saved as .png, .svg or .pdf"), path);
      return FALSE;
    }
  if (!check_size (width, height, error))
    return FALSE;

  bytes = render (self, format, width, height, style, error);
  if (bytes == NULL)
    return FALSE;
  /* written beside and renamed over: a failure never leaves half a picture */
  return g_file_set_contents (path, (const char *) bytes->data, bytes->len, error);
}

GBytes *
equity_chart_to_png_bytes (EquityChart            *self,
                           int                     width,
                           int                     height,
                           const EquityChartStyle *style,
                           GError                **error)
{
  GByteArray *bytes;

  g_return_val_if_fail (EQUITY_IS_CHART (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!check_size (width, height, error))
    return NULL;
  bytes = render (self, FORMAT_PNG, width, height, style, error);
  if (bytes == NULL)
    return NULL;
  return g_byte_array_free_to_bytes (bytes);
}
