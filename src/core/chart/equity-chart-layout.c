/* equity-chart-layout.c — one drawing pass, and what it leaves behind for
 * the pointer: hit regions, value axes, the renderer's cached state
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "equity-chart"

#include "config.h"

#include <math.h>
#include <string.h>

#include "equity-chart-private.h"

EquityChartLayout *
equity_chart_layout_new (const EquityChartRenderer *renderer)
{
  EquityChartLayout *layout = g_new0 (EquityChartLayout, 1);

  layout->renderer = renderer;
  layout->hits = g_array_new (FALSE, FALSE, sizeof (EquityChartHit));
  if (renderer->state_new != NULL)
    layout->state = renderer->state_new ();
  return layout;
}

void
equity_chart_layout_free (EquityChartLayout *layout)
{
  if (layout == NULL)
    return;
  if (layout->state != NULL && layout->renderer->state_free != NULL)
    layout->renderer->state_free (layout->state);
  equity_chart_layout_forget_frame (layout);
  g_array_unref (layout->hits);
  g_free (layout);
}

void
equity_chart_add_hit (EquityChartCanvas     *canvas,
                      guint                  row,
                      const EquityChartRect *rect,
                      gboolean               is_point)
{
  EquityChartHit hit = { row, *rect, is_point };

  g_array_append_val (canvas->layout->hits, hit);
}

gboolean
equity_chart_layout_hit_test (const EquityChartLayout *layout,
                              double                   x,
                              double                   y,
                              guint                   *row_index)
{
  double best = G_MAXDOUBLE;
  gboolean found = FALSE;

  for (guint i = 0; i < layout->hits->len; i++)
    {
      const EquityChartHit *hit = &g_array_index (layout->hits, EquityChartHit, i);
      const EquityChartRect *r = &hit->rect;
      double dx;
      double dy;

      if (x < r->x || x > r->x + r->width || y < r->y || y > r->y + r->height)
        continue;
      if (!hit->is_point)
        {
          if (row_index != NULL)
            *row_index = hit->row;
          return TRUE;
        }
      dx = x - (r->x + r->width / 2);
      dy = y - (r->y + r->height / 2);
      if (dx * dx + dy * dy < best)
        {
          best = dx * dx + dy * dy;
          if (row_index != NULL)
            *row_index = hit->row;
          found = TRUE;
        }
    }
  return found;
}

static void
remember_span (EquityChartSpan       *span,
               const EquityChartAxis *axis)
{
  span->min = axis->min;
  span->max = axis->max;
  span->p0 = axis->p0;
  span->p1 = axis->p1;
}

void
equity_chart_remember_axis (EquityChartCanvas     *canvas,
                            const EquityChartAxis *axis)
{
  remember_span (&canvas->layout->value_span, axis);
}

void
equity_chart_remember_x_axis (EquityChartCanvas     *canvas,
                              const EquityChartAxis *axis)
{
  remember_span (&canvas->layout->x_span, axis);
}

/* FALSE when no drawing has left this span yet (or it is empty) */
static gboolean
span_to_pixel (const EquityChartSpan *span,
               double                 value,
               double                *pixel)
{
  if (!(span->max > span->min))
    return FALSE;
  *pixel = span->p0 + (value - span->min) / (span->max - span->min) * (span->p1 - span->p0);
  return TRUE;
}

gboolean
equity_chart_value_to_pixel (EquityChart *self,
                             double       value,
                             double      *pixel)
{
  return self->layout != NULL && span_to_pixel (&self->layout->value_span, value, pixel);
}

gboolean
equity_chart_x_value_to_pixel (EquityChart *self,
                               double       value,
                               double      *pixel)
{
  return self->layout != NULL && span_to_pixel (&self->layout->x_span, value, pixel);
}

/* Device pixels per user unit where CR draws: a vector file's unit is a
 * point or a CSS pixel, printed at 600 dpi or so, hence the factor of 8. */
static double
device_scale_of (cairo_t  *cr,
                 double    scale_factor,
                 gboolean  raster)
{
  double dx = 1;
  double dy = 0;

  cairo_user_to_device_distance (cr, &dx, &dy);
  return hypot (dx, dy) * MAX (scale_factor, 1.0) * (raster ? 1.0 : 8.0);
}

static void
draw_pass (EquityChart            *self,
           EquityChartLayout      *layout,
           cairo_t                *cr,
           double                  width,
           double                  height,
           const EquityChartStyle *style,
           int                     highlighted_row,
           gboolean                raster,
           double                  device_scale,
           gboolean                highlight_only)
{
  PangoContext *pango;
  cairo_font_options_t *options;
  EquityChartCanvas canvas = { 0 };
  EquityChartStyle light;

  if (!highlight_only)
    {
      g_array_set_size (layout->hits, 0);
      layout->value_span = (EquityChartSpan) { 0 };
      layout->x_span = (EquityChartSpan) { 0 };
    }
  if (width < 1 || height < 1)
    return;
  /* files are printed: the light style unless told otherwise */
  if (style == NULL)
    {
      equity_chart_style_init_light (&light);
      style = &light;
    }

  cairo_save (cr);

  /* Unhinted metrics lay text out the same on screen, PNG and PDF,
   * so a chart never reflows between the window and its file. */
  pango = pango_cairo_create_context (cr);
  options = cairo_font_options_create ();
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_SLIGHT);
  cairo_font_options_set_antialias (options, CAIRO_ANTIALIAS_GRAY);
  pango_cairo_context_set_font_options (pango, options);
  cairo_font_options_destroy (options);

  canvas.chart = self;
  canvas.layout = layout;
  canvas.highlighted_row = highlighted_row;
  canvas.cr = cr;
  canvas.pango = pango;
  canvas.style = style;
  canvas.width = width;
  canvas.height = height;
  canvas.base = equity_chart_text_base_size (width, height, style->font_scale);
  canvas.pad = canvas.base * 1.1;
  canvas.line = MAX (1.0, canvas.base / 12.0);
  canvas.raster = raster;
  canvas.device_scale = device_scale;

  if (highlight_only)
    layout->renderer->draw_highlight (&canvas);
  else
    {
      cairo_rectangle (cr, 0, 0, width, height);
      equity_chart_set_color (cr, &style->background);
      cairo_fill (cr);
      layout->renderer->draw (&canvas);
    }

  g_object_unref (pango);
  cairo_restore (cr);
}

void
equity_chart_draw_layout (EquityChart            *self,
                          EquityChartLayout      *layout,
                          cairo_t                *cr,
                          double                  width,
                          double                  height,
                          const EquityChartStyle *style,
                          int                     highlighted_row)
{
  gboolean raster = cairo_surface_get_type (cairo_get_target (cr)) == CAIRO_SURFACE_TYPE_IMAGE;

  draw_pass (self, layout, cr, width, height, style, highlighted_row, raster,
             device_scale_of (cr, 1.0, raster), FALSE);
}

void
equity_chart_layout_forget_frame (EquityChartLayout *layout)
{
  if (layout == NULL)
    return;
  g_clear_pointer (&layout->frame, cairo_surface_destroy);
  g_clear_pointer (&layout->frame_font, g_free);
}

/* STYLE, or the light one for NULL, without its font family (compared apart) */
static void
plain_style (const EquityChartStyle *style,
             EquityChartStyle       *out)
{
  if (style == NULL)
    equity_chart_style_init_light (out);
  else
    *out = *style;
  out->font_family = NULL;
}

static gboolean
frame_matches (const EquityChartLayout *layout,
               double                   width,
               double                   height,
               const EquityChartStyle  *style,
               double                   scale,
               gboolean                 raster)
{
  EquityChartStyle plain;

  if (layout->frame == NULL || layout->frame_width != width || layout->frame_height != height ||
      layout->frame_scale != scale || layout->frame_raster != raster)
    return FALSE;
  if (g_strcmp0 (style != NULL ? style->font_family : NULL, layout->frame_font) != 0)
    return FALSE;
  plain_style (style, &plain);
  return memcmp (&plain, &layout->frame_style, sizeof plain) == 0;
}

/* Pointing at an area of a map redraws the picture with one outline more.
 * The plain picture is kept as pixels at the target's resolution the first
 * time, so each later highlight costs one copy and one outline, not every
 * area again. Any other drawing into the layout at another size, style or
 * resolution drops it, so the paths the highlight uses are always those the
 * kept picture was drawn with. */
void
equity_chart_layout_draw_window (EquityChart            *self,
                                 EquityChartLayout      *layout,
                                 cairo_t                *cr,
                                 double                  width,
                                 double                  height,
                                 const EquityChartStyle *style,
                                 int                     highlighted_row)
{
  gboolean raster = cairo_surface_get_type (cairo_get_target (cr)) != CAIRO_SURFACE_TYPE_SVG &&
                    cairo_surface_get_type (cairo_get_target (cr)) != CAIRO_SURFACE_TYPE_PDF &&
                    cairo_surface_get_type (cairo_get_target (cr)) != CAIRO_SURFACE_TYPE_PS;
  double device_scale = device_scale_of (cr, self->scale_factor, raster);
  cairo_matrix_t ctm;
  gboolean cacheable;

  /* pixels copied 1:1 only where user space is device space scaled evenly */
  cairo_get_matrix (cr, &ctm);
  cacheable = raster && layout->renderer->draw_highlight != NULL && width >= 1 && height >= 1 &&
              ctm.xy == 0 && ctm.yx == 0 && ctm.xx == ctm.yy && ctm.xx > 0;

  if (!frame_matches (layout, width, height, style, device_scale, raster))
    equity_chart_layout_forget_frame (layout);
  if (!cacheable || highlighted_row < 0)
    {
      draw_pass (self, layout, cr, width, height, style, highlighted_row, raster, device_scale, FALSE);
      return;
    }

  if (layout->frame == NULL)
    {
      cairo_t *frame_cr;

      layout->frame = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) ceil (width * device_scale),
                                                  (int) ceil (height * device_scale));
      cairo_surface_set_device_scale (layout->frame, device_scale, device_scale);
      frame_cr = cairo_create (layout->frame);
      draw_pass (self, layout, frame_cr, width, height, style, -1, raster, device_scale, FALSE);
      cairo_destroy (frame_cr);
      layout->frame_width = width;
      layout->frame_height = height;
      layout->frame_scale = device_scale;
      layout->frame_raster = raster;
      plain_style (style, &layout->frame_style);
      layout->frame_font = g_strdup (style != NULL ? style->font_family : NULL);
    }

  cairo_save (cr);
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_clip (cr);
  cairo_set_source_surface (cr, layout->frame, 0, 0);
  cairo_paint (cr);
  cairo_restore (cr);
  draw_pass (self, layout, cr, width, height, style, highlighted_row, raster, device_scale, TRUE);
}
