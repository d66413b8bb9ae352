/* equity-chart-dots.c — dot plot of each row against the reference, or a
 * dumbbell of each group's share against its share of the population
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "equity-chart"

#include "config.h"

#include <math.h>
#include <glib/gi18n-lib.h>

#include "equity-chart-private.h"

static void
draw_dot (EquityChartCanvas      *canvas,
          double                  x,
          double                  y,
          double                  radius,
          const EquityChartColor *color,
          gboolean                hollow)
{
  cairo_t *cr = canvas->cr;

  cairo_new_sub_path (cr);
  cairo_arc (cr, x, y, radius, 0, 2 * G_PI);
  if (hollow)
    {
      equity_chart_set_color (cr, &canvas->style->background);
      cairo_fill_preserve (cr);
      equity_chart_set_color (cr, color);
      cairo_set_line_width (cr, MAX (2.0, radius / 3));
      cairo_stroke (cr);
    }
  else
    {
      equity_chart_set_color (cr, color);
      cairo_fill_preserve (cr);
      /* a ring of background keeps a dot apart from the whisker under it */
      equity_chart_set_color (cr, &canvas->style->background);
      cairo_set_line_width (cr, MAX (1.0, radius / 5));
      cairo_stroke (cr);
    }
}

static gboolean
is_share_dumbbell (EquityChart *self)
{
  guint n_rows = equity_result_get_n_rows (self->result);

  if (self->measure != EQUITY_CHART_MEASURE_SHARE)
    return FALSE;
  for (guint i = 0; i < n_rows; i++)
    if (isfinite (equity_result_get_row (self->result, i)->population_share))
      return TRUE;
  return FALSE;
}

static void
draw_share_legend (EquityChartCanvas          *canvas,
                   const EquityChartRowLayout *layout,
                   double                      radius)
{
  double y = layout->plot.y + (layout->marks_top - layout->plot.y) * 0.4;
  double x = layout->axis.p0;
  double px = equity_chart_text_px (canvas, EQUITY_CHART_TEXT_SMALL);
  const char *units = equity_chart_units (canvas->chart);
  g_autofree char *share = g_strdup_printf (_("Share of %s"), units);
  const char *labels[] = { share, _("Share of the population") };

  for (guint k = 0; k < G_N_ELEMENTS (labels); k++)
    {
      g_autoptr(PangoLayout) text = equity_chart_text_layout (canvas, EQUITY_CHART_TEXT_BODY, px, labels[k]);
      double width;

      draw_dot (canvas, x + radius, y, radius * 0.8, &canvas->style->accent, k == 1);
      equity_chart_text_size (text, &width, NULL);
      equity_chart_text_draw (canvas, text, &canvas->style->muted, x + radius * 2.6, y, 0, 0.5);
      x += radius * 2.6 + width + canvas->base * 1.2;
    }
}

static void
draw_dots (EquityChartCanvas *canvas)
{
  EquityChart *self = canvas->chart;
  EquityChartRowLayout layout = { 0 };
  cairo_t *cr = canvas->cr;
  gboolean dumbbell = is_share_dumbbell (self);
  double radius;

  if (equity_result_get_n_rows (self->result) == 0)
    {
      EquityChartRect plot;

      equity_chart_draw_frame (canvas, NULL, NULL, &plot);
      equity_chart_draw_message (canvas, &plot, _("Nothing to show: the analysis has no rows."));
      return;
    }

  /* a share is read against 0 and 100%; a rate only against the reference */
  equity_chart_rows_begin (canvas, &layout, dumbbell, !dumbbell, dumbbell);
  radius = MIN (layout.band * 0.3, canvas->base * 0.55);
  if (dumbbell)
    draw_share_legend (canvas, &layout, radius);

  for (guint i = 0; i < layout.rows->len; i++)
    {
      guint index = g_array_index (layout.rows, guint, i);
      const EquityResultRow *row = equity_result_get_row (self->result, index);
      double center = equity_chart_rows_center (&layout, i);
      const EquityChartColor *color;
      double value;
      double low;
      double high;
      double x;
      double label_x;
      double left_x;
      g_autofree char *text = NULL;

      if (!equity_chart_row_value (self, row, &value, &low, &high))
        {
          equity_chart_rows_draw_value (canvas, &layout, i, layout.axis.p0 + canvas->base * 0.4, 0,
                                        equity_result_row_is_hidden (row) ? _("suppressed") : _("no data"), TRUE);
          continue;
        }

      if ((int) index == canvas->highlighted_row)
        color = &canvas->style->highlight;
      else if (row->is_reference)
        color = &canvas->style->comparison;
      else
        color = &canvas->style->accent;

      x = equity_chart_axis_map (&layout.axis, value);
      label_x = x + radius;
      left_x = x - radius;

      /* the gap: a band from the comparison to the value, so its length is
       * what the eye compares */
      {
        double from = NAN;

        if (dumbbell && isfinite (row->population_share))
          from = equity_chart_axis_map (&layout.axis, row->population_share * 100);
        else if (!dumbbell && layout.has_reference && !row->is_reference)
          from = equity_chart_axis_map (&layout.axis, layout.reference);
        if (isfinite (from))
          {
            cairo_save (cr);
            equity_chart_set_color_alpha (cr, color, 0.3);
            cairo_set_line_width (cr, radius * 0.9);
            cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);
            cairo_move_to (cr, from, center);
            cairo_line_to (cr, x, center);
            cairo_stroke (cr);
            cairo_restore (cr);
            if (dumbbell)
              {
                draw_dot (canvas, from, center, radius, color, TRUE);
                label_x = MAX (label_x, from + radius);
              }
          }
      }

      if (isfinite (low) && isfinite (high))
        {
          double l = equity_chart_axis_map (&layout.axis, low);
          double h = equity_chart_axis_map (&layout.axis, high);

          equity_chart_draw_whisker (canvas, l, h, center, radius * 1.4, &canvas->style->foreground);
          label_x = MAX (label_x, h);
          left_x = MIN (left_x, l);
        }
      draw_dot (canvas, x, center, radius, color, FALSE);

      /* below the reference the gap band runs to the right: the label goes
       * left of the dot, where the row is empty, if it fits there */
      text = equity_chart_format_value (self, value);
      if (!dumbbell && layout.has_reference && value < layout.reference &&
          left_x - canvas->base * 0.5 - equity_chart_text_width (canvas, EQUITY_CHART_TEXT_BODY, layout.label_px, text)
            > layout.axis.p0)
        equity_chart_rows_draw_value (canvas, &layout, i, left_x - canvas->base * 0.5, 1, text, FALSE);
      else
        equity_chart_rows_draw_value (canvas, &layout, i, label_x + canvas->base * 0.5, 0, text, FALSE);
    }

  equity_chart_rows_end (canvas, &layout);
}

static char *
describe_dots (EquityChart *self)
{
  return equity_chart_describe_ranked (self, _("Dot plot"));
}

const EquityChartRenderer equity_chart_dots_renderer = {
  .kind = EQUITY_CHART_DOTS,
  .name = "dots",
  .draw = draw_dots,
  .describe = describe_dots,
};
