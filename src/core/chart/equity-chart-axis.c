/* equity-chart-axis.c — value axes: nice ticks, light grid lines, tick labels
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "equity-chart"

#include "config.h"

#include <math.h>

#include "equity-chart-private.h"

void
equity_chart_axis_init (EquityChartAxis *axis,
                        double           min,
                        double           max,
                        double           p0,
                        double           p1,
                        double           spacing,
                        gboolean         percent)
{
  int n_wanted = (int) floor (fabs (p1 - p0) / MAX (spacing, 1.0));

  axis->min = min;
  axis->max = max;
  axis->p0 = p0;
  axis->p1 = p1;
  axis->percent = percent;
  axis->ticks = equity_chart_nice_ticks (&axis->min, &axis->max, CLAMP (n_wanted, 2, 10), &axis->decimals);
}

void
equity_chart_axis_clear (EquityChartAxis *axis)
{
  g_clear_pointer (&axis->ticks, g_array_unref);
}

double
equity_chart_axis_map (const EquityChartAxis *axis,
                       double                 value)
{
  if (axis->max <= axis->min)
    return axis->p0;
  return axis->p0 + (value - axis->min) / (axis->max - axis->min) * (axis->p1 - axis->p0);
}

char *
equity_chart_axis_label (const EquityChartAxis *axis,
                         double                 tick)
{
  g_autofree char *number = equity_chart_format_number (tick, axis->decimals);

  if (axis->percent)
    return g_strconcat (number, "%", NULL);
  return g_steal_pointer (&number);
}

double
equity_chart_axis_label_width (const EquityChartCanvas *canvas,
                               const EquityChartAxis   *axis)
{
  double widest = 0;

  for (guint i = 0; i < axis->ticks->len; i++)
    {
      g_autofree char *label = equity_chart_axis_label (axis, g_array_index (axis->ticks, double, i));

      widest = MAX (widest, equity_chart_text_width (canvas, EQUITY_CHART_TEXT_TICK, 0, label));
    }
  return widest;
}

/* Grid lines sit on whole pixels (+½ for odd widths) so they stay one crisp
 * pixel on screen rather than two grey ones. */
static double
crisp (double position,
       double width)
{
  double snapped = round (position);

  return ((int) round (width)) % 2 == 1 ? snapped + 0.5 : snapped;
}

void
equity_chart_axis_draw (const EquityChartCanvas *canvas,
                        const EquityChartAxis   *axis,
                        gboolean                 horizontal_axis,
                        double                   from,
                        double                   to)
{
  cairo_t *cr = canvas->cr;
  double width = MAX (1.0, round (canvas->line * 0.75));

  cairo_save (cr);
  cairo_set_line_width (cr, width);
  for (guint i = 0; i < axis->ticks->len; i++)
    {
      double tick = g_array_index (axis->ticks, double, i);
      double at = crisp (equity_chart_axis_map (axis, tick), width);
      g_autofree char *label = equity_chart_axis_label (axis, tick);
      g_autoptr(PangoLayout) layout = equity_chart_text_layout (canvas, EQUITY_CHART_TEXT_TICK, 0, label);

      /* zero is where the bars start: it is the one line drawn darker */
      if (tick == 0)
        equity_chart_set_color (cr, &canvas->style->muted);
      else
        equity_chart_set_color (cr, &canvas->style->grid);
      if (horizontal_axis)
        {
          cairo_move_to (cr, at, from);
          cairo_line_to (cr, at, to);
        }
      else
        {
          cairo_move_to (cr, from, at);
          cairo_line_to (cr, to, at);
        }
      cairo_stroke (cr);

      if (horizontal_axis)
        equity_chart_text_draw (canvas, layout, &canvas->style->muted,
                                at, to + canvas->base * 0.3, 0.5, 0);
      else
        equity_chart_text_draw (canvas, layout, &canvas->style->muted,
                                from - canvas->base * 0.4, at, 1, 0.5);
    }
  cairo_restore (cr);
}
