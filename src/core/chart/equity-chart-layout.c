/* equity-chart-layout.c — one drawing pass, and what it leaves behind for
 * the pointer: hit regions, value axes, the renderer's cached state
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "equity-chart"

#include "config.h"

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

void
equity_chart_remember_axis (EquityChartCanvas     *canvas,
                            const EquityChartAxis *axis)
{
  canvas->layout->axis_min = axis->min;
  canvas->layout->axis_max = axis->max;
  canvas->layout->axis_p0 = axis->p0;
  canvas->layout->axis_p1 = axis->p1;
}

void
equity_chart_remember_x_axis (EquityChartCanvas     *canvas,
                              const EquityChartAxis *axis)
{
  canvas->layout->x_axis_min = axis->min;
  canvas->layout->x_axis_max = axis->max;
  canvas->layout->x_axis_p0 = axis->p0;
  canvas->layout->x_axis_p1 = axis->p1;
}

static gboolean
map_value (double  min,
           double  max,
           double  p0,
           double  p1,
           double  value,
           double *pixel)
{
  if (!(max > min))
    return FALSE;
  *pixel = p0 + (value - min) / (max - min) * (p1 - p0);
  return TRUE;
}

gboolean
equity_chart_value_to_pixel (EquityChart *self,
                             double       value,
                             double      *pixel)
{
  const EquityChartLayout *layout = self->layout;

  return layout != NULL &&
         map_value (layout->axis_min, layout->axis_max, layout->axis_p0, layout->axis_p1, value, pixel);
}

gboolean
equity_chart_x_value_to_pixel (EquityChart *self,
                               double       value,
                               double      *pixel)
{
  const EquityChartLayout *layout = self->layout;

  return layout != NULL &&
         map_value (layout->x_axis_min, layout->x_axis_max, layout->x_axis_p0, layout->x_axis_p1, value, pixel);
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
  PangoContext *pango;
  cairo_font_options_t *options;
  EquityChartCanvas canvas = { 0 };
  EquityChartStyle light;

  g_array_set_size (layout->hits, 0);
  layout->axis_min = layout->axis_max = 0;
  layout->x_axis_min = layout->x_axis_max = 0;
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

  cairo_rectangle (cr, 0, 0, width, height);
  equity_chart_set_color (cr, &style->background);
  cairo_fill (cr);

  layout->renderer->draw (&canvas);

  g_object_unref (pango);
  cairo_restore (cr);
}
