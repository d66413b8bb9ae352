/* equity-chart-bars.c — horizontal bars with interval whiskers and a reference line
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "equity-chart"

#include "config.h"

#include <math.h>
#include <glib/gi18n-lib.h>

#include "equity-chart-private.h"

static void
draw_bars (EquityChartCanvas *canvas)
{
  EquityChart *self = canvas->chart;
  EquityChartRowLayout layout = { 0 };
  cairo_t *cr = canvas->cr;
  double zero;
  double thickness;

  if (equity_result_get_n_rows (self->result) == 0)
    {
      EquityChartRect plot;

      equity_chart_draw_frame (canvas, NULL, NULL, &plot);
      equity_chart_draw_message (canvas, &plot, _("Nothing to show: the analysis has no rows."));
      return;
    }

  equity_chart_rows_begin (canvas, &layout, TRUE, TRUE, FALSE);
  zero = equity_chart_axis_map (&layout.axis, 0);
  /* thick enough to read, but three groups should not become slabs */
  thickness = MIN (layout.band * 0.62, canvas->base * 2.2);

  for (guint i = 0; i < layout.rows->len; i++)
    {
      guint index = g_array_index (layout.rows, guint, i);
      const EquityResultRow *row = equity_result_get_row (self->result, index);
      double center = equity_chart_rows_center (&layout, i);
      double value;
      double low;
      double high;
      double end;
      double label_x;
      g_autofree char *text = NULL;
      const EquityChartColor *fill;

      if (!equity_chart_row_value (self, row, &value, &low, &high))
        {
          /* no bar at all: a zero-length bar would read as a real zero */
          equity_chart_rows_draw_value (canvas, &layout, i, zero + canvas->base * 0.4, 0,
                                        equity_result_row_is_hidden (row) ? _("suppressed") : _("no data"), TRUE);
          continue;
        }

      if ((int) index == canvas->highlighted_row)
        fill = &canvas->style->highlight;
      else if (row->is_reference)
        fill = &canvas->style->reference;
      else
        fill = &canvas->style->accent;

      end = equity_chart_axis_map (&layout.axis, value);
      cairo_rectangle (cr, MIN (zero, end), center - thickness / 2, fabs (end - zero), thickness);
      equity_chart_set_color (cr, fill);
      cairo_fill (cr);

      label_x = MAX (end, zero);
      if (isfinite (low) && isfinite (high))
        {
          double l = equity_chart_axis_map (&layout.axis, low);
          double h = equity_chart_axis_map (&layout.axis, high);

          equity_chart_draw_whisker (canvas, l, h, center, thickness * 0.5, &canvas->style->foreground);
          label_x = MAX (label_x, h);
        }

      text = equity_chart_format_value (self, value);
      equity_chart_rows_draw_value (canvas, &layout, i, label_x + canvas->base * 0.35, 0, text, FALSE);
    }

  equity_chart_rows_end (canvas, &layout);
}

static char *
describe_bars (EquityChart *self)
{
  return equity_chart_describe_ranked (self, _("Bar chart"));
}

const EquityChartRenderer equity_chart_bars_renderer = {
  .kind = EQUITY_CHART_BARS,
  .name = "bars",
  .draw = draw_bars,
  .describe = describe_bars,
};
