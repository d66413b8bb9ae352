/* equity-chart-funnel.c — the scan's funnel plot: each area's rate against
 * its population, with 95% and 99.8% control limits around the overall rate
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Self-contained on purpose (its own axes and text), so it stands whatever
 * shape the other chart kinds' shared helpers take. Spiegelhalter (2005)
 * recommends the funnel over a league table: it shows how far a small
 * area's rate may stray by chance alone.
 */

#include "config.h"

#include <math.h>
#include <glib/gi18n-lib.h>
#include <pango/pangocairo.h>

#include "equity-format.h"
#include "equity-scan-funnel.h"

#define N_CURVE_STEPS 120

typedef struct
{
  double left, top, width, height;
  double x_max, y_max;
} Plot;

static void
set_rgb (cairo_t *cr,
         guint32  rgb,
         double   alpha)
{
  cairo_set_source_rgba (cr, ((rgb >> 16) & 0xff) / 255.0, ((rgb >> 8) & 0xff) / 255.0,
                         (rgb & 0xff) / 255.0, alpha);
}

/* TEXT with its box's point (XALIGN, YALIGN) at (X, Y) */
static void
draw_text (cairo_t    *cr,
           const char *text,
           double      size,
           gboolean    bold,
           double      x,
           double      y,
           double      xalign,
           double      yalign)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);
  PangoFontDescription *font = pango_font_description_from_string ("Sans");
  int width, height;

  pango_font_description_set_absolute_size (font, size * PANGO_SCALE);
  if (bold)
    pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
  pango_layout_set_font_description (layout, font);
  /* names come from the data: plain text, never markup */
  pango_layout_set_text (layout, text, -1);
  pango_layout_get_pixel_size (layout, &width, &height);
  cairo_move_to (cr, x - xalign * width, y - yalign * height);
  pango_cairo_show_layout (cr, layout);
  pango_font_description_free (font);
  g_object_unref (layout);
}

/* a round step (1, 2 or 5 × 10ⁿ) giving about five ticks up to MAX */
static double
tick_step (double max)
{
  double raw = max / 5.0;
  double magnitude = pow (10.0, floor (log10 (raw)));
  double fraction = raw / magnitude;

  return (fraction <= 1.0 ? 1.0 : fraction <= 2.0 ? 2.0 : fraction <= 5.0 ? 5.0 : 10.0) * magnitude;
}

static double
px_x (const Plot *plot,
      double      population)
{
  return plot->left + population / plot->x_max * plot->width;
}

static double
px_y (const Plot *plot,
      double      rate)
{
  return plot->top + plot->height - MIN (rate, plot->y_max) / plot->y_max * plot->height;
}

static void
draw_axes (cairo_t      *cr,
           const Plot   *plot,
           double        text_size)
{
  double x_step = tick_step (plot->x_max);
  double y_step = tick_step (plot->y_max);

  cairo_set_line_width (cr, 1.0);
  for (double v = 0.0; v <= plot->y_max * 1.0001; v += y_step)
    {
      g_autofree char *label = equity_format_number (v, y_step < 1.0 ? 2 : 0);

      set_rgb (cr, 0xe3e3e3, 1.0);
      cairo_move_to (cr, plot->left, px_y (plot, v));
      cairo_line_to (cr, plot->left + plot->width, px_y (plot, v));
      cairo_stroke (cr);
      set_rgb (cr, 0x595959, 1.0);
      draw_text (cr, label, text_size, FALSE, plot->left - 6, px_y (plot, v), 1.0, 0.5);
    }
  for (double v = 0.0; v <= plot->x_max * 1.0001; v += x_step)
    {
      g_autofree char *label = equity_format_number (v, 0);

      set_rgb (cr, 0x595959, 1.0);
      draw_text (cr, label, text_size, FALSE, px_x (plot, v), plot->top + plot->height + 4, 0.5, 0.0);
    }
  set_rgb (cr, 0x1a1a1a, 1.0);
  cairo_move_to (cr, plot->left, plot->top);
  cairo_line_to (cr, plot->left, plot->top + plot->height);
  cairo_line_to (cr, plot->left + plot->width, plot->top + plot->height);
  cairo_stroke (cr);
}

static void
draw_limits (cairo_t            *cr,
             const Plot         *plot,
             const EquityFunnel *funnel,
             double              level,
             gboolean            dashed)
{
  double theta = funnel->overall_rate / funnel->per;
  static const double dash[] = { 6.0, 4.0 };

  set_rgb (cr, 0x595959, 1.0);
  cairo_set_line_width (cr, 1.5);
  cairo_set_dash (cr, dash, dashed ? 2 : 0, 0);
  for (int side = 0; side < 2; side++)
    {
      gboolean started = FALSE;

      for (int i = 1; i <= N_CURVE_STEPS; i++)
        {
          double population = plot->x_max * i / N_CURVE_STEPS;
          double low, high, rate;

          equity_scan_funnel_limits (theta, population, level, &low, &high);
          rate = (side == 0 ? low : high) * funnel->per;
          if (!isfinite (rate) || rate > plot->y_max * 1.5)
            continue;
          if (!started)
            cairo_move_to (cr, px_x (plot, population), px_y (plot, rate));
          else
            cairo_line_to (cr, px_x (plot, population), px_y (plot, rate));
          started = TRUE;
        }
      cairo_stroke (cr);
    }
  cairo_set_dash (cr, NULL, 0, 0);
}

/* inside the 99.8% limits: a hollow circle; above: a filled triangle up;
 * below: a filled triangle down (shape, not colour alone, tells them apart) */
static void
draw_point (cairo_t                 *cr,
            const Plot              *plot,
            const EquityFunnel      *funnel,
            const EquityFunnelPoint *point,
            double                   radius)
{
  double x = px_x (plot, point->population);
  double y = px_y (plot, point->rate);
  double low, high;

  equity_scan_funnel_limits (funnel->overall_rate / funnel->per, point->population, 0.998, &low, &high);
  if (point->rate > high * funnel->per)
    {
      set_rgb (cr, 0xd55e00, 1.0);
      cairo_move_to (cr, x, y - radius * 1.3);
      cairo_line_to (cr, x + radius * 1.2, y + radius);
      cairo_line_to (cr, x - radius * 1.2, y + radius);
      cairo_close_path (cr);
      cairo_fill (cr);
    }
  else if (point->rate < low * funnel->per)
    {
      set_rgb (cr, 0x0072b2, 1.0);
      cairo_move_to (cr, x, y + radius * 1.3);
      cairo_line_to (cr, x + radius * 1.2, y - radius);
      cairo_line_to (cr, x - radius * 1.2, y - radius);
      cairo_close_path (cr);
      cairo_fill (cr);
    }
  else
    {
      set_rgb (cr, 0x595959, 0.8);
      cairo_set_line_width (cr, 1.0);
      cairo_arc (cr, x, y, radius, 0, 2 * G_PI);
      cairo_stroke (cr);
    }
}

void
equity_scan_draw_funnel (cairo_t            *cr,
                         const EquityFunnel *funnel,
                         int                 width,
                         int                 height)
{
  double text_size = CLAMP (MIN (width, height) / 40.0, 10.0, 16.0);
  g_autofree char *overall = NULL;
  g_autofree char *legend = NULL;
  Plot plot = { 0 };

  g_return_if_fail (cr != NULL && funnel != NULL);

  cairo_save (cr);
  set_rgb (cr, 0xffffff, 1.0);
  cairo_paint (cr);
  set_rgb (cr, 0x1a1a1a, 1.0);
  draw_text (cr, funnel->title, text_size * 1.3, TRUE, 16, 12, 0.0, 0.0);

  plot.left = 16 + text_size * 5;
  plot.top = 20 + text_size * 3.5;
  plot.width = width - plot.left - 24;
  plot.height = height - plot.top - text_size * 7;
  if (plot.width < 40 || plot.height < 40 || funnel->points->len == 0 || !(funnel->overall_rate >= 0.0))
    {
      draw_text (cr, _("No areas with people to plot"), text_size, FALSE, width / 2.0, height / 2.0, 0.5, 0.5);
      cairo_restore (cr);
      return;
    }

  for (guint i = 0; i < funnel->points->len; i++)
    {
      const EquityFunnelPoint *point = &g_array_index (funnel->points, EquityFunnelPoint, i);
      plot.x_max = MAX (plot.x_max, point->population);
      if (isfinite (point->rate))
        plot.y_max = MAX (plot.y_max, point->rate);
    }
  /* tall outliers would flatten the funnel: the axis stops at 3× the overall
   * rate and points beyond sit on its top edge */
  plot.y_max = MIN (plot.y_max, MAX (funnel->overall_rate * 3.0, funnel->overall_rate + 1e-9));
  plot.x_max *= 1.05;
  plot.y_max *= 1.1;
  if (!(plot.y_max > 0.0))
    plot.y_max = 1.0;

  draw_axes (cr, &plot, text_size * 0.85);
  draw_limits (cr, &plot, funnel, 0.95, TRUE);
  draw_limits (cr, &plot, funnel, 0.998, FALSE);
  set_rgb (cr, 0x1a1a1a, 1.0);
  cairo_set_line_width (cr, 1.0);
  cairo_move_to (cr, plot.left, px_y (&plot, funnel->overall_rate));
  cairo_line_to (cr, plot.left + plot.width, px_y (&plot, funnel->overall_rate));
  cairo_stroke (cr);
  for (guint i = 0; i < funnel->points->len; i++)
    draw_point (cr, &plot, funnel, &g_array_index (funnel->points, EquityFunnelPoint, i), text_size * 0.35);

  overall = equity_format_number (funnel->overall_rate, 2);
  /* Translators: the funnel's axes; %s is the rate's units or "per N people" */
  set_rgb (cr, 0x595959, 1.0);
  draw_text (cr, funnel->units != NULL ? funnel->units : _("rate"), text_size * 0.9, FALSE,
             plot.left, plot.top - 6, 0.0, 1.0);
  draw_text (cr, _("Population of the area"), text_size * 0.9, FALSE,
             plot.left + plot.width / 2, plot.top + plot.height + text_size * 1.8, 0.5, 0.0);
  legend = g_strdup_printf (_("Line: overall rate %s. Dashed: 95%% limits; solid: 99.8%% limits.\n"
                              "▲ above, ▼ below the 99.8%% limits; ○ within."), overall);
  draw_text (cr, legend, text_size * 0.85, FALSE, 16, height - 8, 0.0, 1.0);
  cairo_restore (cr);
}
