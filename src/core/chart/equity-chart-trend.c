/* equity-chart-trend.c — a line over years with its interval band and a target
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "equity-chart"

#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <glib/gi18n-lib.h>

#include "equity-chart-private.h"

typedef struct
{
  guint  row;
  double x;
  double value;
  double low;
  double high;
} TrendPoint;

static int
compare_points (gconstpointer a,
                gconstpointer b)
{
  const TrendPoint *pa = a;
  const TrendPoint *pb = b;

  return (pa->x > pb->x) - (pa->x < pb->x);
}

/* Years are the x values; a label that is not a number keeps its place in
 * the result's order. */
static GArray *
collect_points (EquityChart *self,
                gboolean    *numeric,
                guint       *n_hidden)
{
  guint n_rows = equity_result_get_n_rows (self->result);
  GArray *points = g_array_new (FALSE, FALSE, sizeof (TrendPoint));

  *numeric = TRUE;
  *n_hidden = 0;
  for (guint i = 0; i < n_rows && *numeric; i++)
    {
      const char *label = equity_result_get_row (self->result, i)->label;
      char *end = NULL;

      if (label == NULL || (g_ascii_strtod (label, &end), end == label || *end != '\0'))
        *numeric = FALSE;
    }

  for (guint i = 0; i < n_rows; i++)
    {
      const EquityResultRow *row = equity_result_get_row (self->result, i);
      TrendPoint point = { i, *numeric ? g_ascii_strtod (row->label, NULL) : i, NAN, NAN, NAN };

      if (!equity_chart_row_value (self, row, &point.value, &point.low, &point.high))
        {
          (*n_hidden)++;
          continue;
        }
      g_array_append_val (points, point);
    }
  g_array_sort (points, compare_points);
  return points;
}

static char *
x_label (EquityChart *self,
         gboolean     numeric,
         double       x)
{
  /* years take no thousands separator */
  if (numeric)
    return g_strdup_printf ("%.*f", fabs (x - round (x)) < 1e-9 ? 0 : 1, x);
  return g_strdup (equity_chart_row_label (equity_result_get_row (self->result, (guint) x)));
}

static double
target_at (EquityChart *self,
           double       x)
{
  const double *t = (const double *) self->targets->data;
  guint n = self->targets->len / 2;

  if (n == 0)
    return self->target;
  for (guint i = 0; i < n; i++)
    if (t[2 * i] == x)
      return t[2 * i + 1];
  return NAN;
}

/* a dashed stroke in COLOR from here until cairo_restore () */
static void
begin_dashed (const EquityChartCanvas *canvas,
              double                   on,
              double                   off,
              double                   width,
              const EquityChartColor  *color)
{
  double dash[] = { on, off };

  cairo_save (canvas->cr);
  cairo_new_path (canvas->cr);
  cairo_set_dash (canvas->cr, dash, G_N_ELEMENTS (dash), 0);
  cairo_set_line_width (canvas->cr, width);
  equity_chart_set_color (canvas->cr, color);
}

static void
draw_baseline (EquityChartCanvas *canvas,
               double             x,
               double             top,
               double             bottom,
               double             right)
{
  cairo_t *cr = canvas->cr;
  g_autoptr(PangoLayout) layout =
    equity_chart_text_layout (canvas, EQUITY_CHART_TEXT_BOLD,
                              equity_chart_text_px (canvas, EQUITY_CHART_TEXT_SMALL), _("Baseline"));
  double width;

  begin_dashed (canvas, canvas->base * 0.25, canvas->base * 0.25, MAX (1.5, canvas->line * 1.2),
                &canvas->style->foreground);
  cairo_move_to (cr, x, top);
  cairo_line_to (cr, x, bottom);
  cairo_stroke (cr);
  cairo_restore (cr);

  /* right of the rule, or left of it when the plot ends too soon */
  equity_chart_text_size (layout, &width, NULL);
  if (x + canvas->base * 0.3 + width <= right)
    equity_chart_text_draw (canvas, layout, &canvas->style->foreground, x + canvas->base * 0.3, top, 0, 0);
  else
    equity_chart_text_draw (canvas, layout, &canvas->style->foreground, x - canvas->base * 0.3, top, 1, 0);
}

static void
draw_trend (EquityChartCanvas *canvas)
{
  EquityChart *self = canvas->chart;
  cairo_t *cr = canvas->cr;
  g_autoptr(GArray) points = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *footnote = NULL;
  g_autofree char *last_text = NULL;
  g_autofree char *target_text = NULL;
  EquityChartRect plot;
  EquityChartAxis y_axis = { 0 };
  gboolean numeric;
  gboolean has_target;
  guint n_hidden;
  double min = G_MAXDOUBLE;
  double max = -G_MAXDOUBLE;
  double x_min;
  double x_max;
  double left;
  double right;
  double top;
  double bottom;
  double tick_h;
  double right_reserve;
  double radius = canvas->base * 0.3;
  double step;
  guint label_every;

  points = collect_points (self, &numeric, &n_hidden);
  has_target = isfinite (self->target) || self->targets->len > 0;
  subtitle = equity_chart_default_subtitle (self, equity_chart_has_intervals (self));
  if (n_hidden > 0)
    footnote = g_strdup_printf (ngettext ("%u year not shown: suppressed or no data.",
                                          "%u years not shown: suppressed or no data.", n_hidden), n_hidden);
  equity_chart_draw_frame (canvas, subtitle, footnote, &plot);

  if (points->len == 0)
    {
      equity_chart_draw_message (canvas, &plot, _("Nothing to show: no year has a value."));
      return;
    }

  for (guint i = 0; i < points->len; i++)
    {
      const TrendPoint *p = &g_array_index (points, TrendPoint, i);
      double t = target_at (self, p->x);

      min = MIN (min, p->value);
      max = MAX (max, p->value);
      if (isfinite (p->low) && isfinite (p->high))
        {
          min = MIN (min, p->low);
          max = MAX (max, p->high);
        }
      if (isfinite (t))
        {
          min = MIN (min, t);
          max = MAX (max, t);
        }
    }
  for (guint i = 0; i < self->targets->len / 2; i++)
    {
      min = MIN (min, g_array_index (self->targets, double, 2 * i + 1));
      max = MAX (max, g_array_index (self->targets, double, 2 * i + 1));
    }
  /* a rate drawn far from zero exaggerates change: keep zero unless the
   * values sit in a narrow band far above it */
  if (min >= 0 && min < max * 0.6)
    min = 0;

  x_min = g_array_index (points, TrendPoint, 0).x;
  x_max = g_array_index (points, TrendPoint, points->len - 1).x;

  /* the right margin holds the last value's label and the target's */
  last_text = equity_chart_format_value (self, g_array_index (points, TrendPoint, points->len - 1).value);
  right_reserve = equity_chart_text_width (canvas, EQUITY_CHART_TEXT_BOLD, 0, last_text);
  if (has_target)
    {
      double t = self->targets->len > 0
                   ? g_array_index (self->targets, double, self->targets->len - 1)
                   : self->target;
      g_autofree char *value = equity_chart_format_value (self, t);

      target_text = g_strdup_printf (_("Target %s"), value);
      right_reserve = MAX (right_reserve, equity_chart_text_width (canvas, EQUITY_CHART_TEXT_BOLD,
                                                                   equity_chart_text_px (canvas, EQUITY_CHART_TEXT_SMALL),
                                                                   target_text));
    }
  right_reserve += radius + canvas->base * 0.5;

  tick_h = equity_chart_text_px (canvas, EQUITY_CHART_TEXT_TICK) * 1.3 + canvas->base * 0.3;
  top = plot.y + canvas->base * 0.5;
  bottom = plot.y + plot.height - tick_h;

  /* the y labels' width decides where the plot starts */
  equity_chart_axis_init (&y_axis, min, max, bottom, top, canvas->base * 3.2, self->percent);
  left = plot.x + equity_chart_axis_label_width (canvas, &y_axis) + canvas->base * 0.6;
  right = plot.x + plot.width - right_reserve;
  equity_chart_remember_axis (canvas, &y_axis);
  equity_chart_axis_draw (canvas, &y_axis, FALSE, left, right);

  /* x positions: the first and last year sit a dot's width inside the plot */
  {
    double inset = radius * 2;
    double span = MAX (x_max - x_min, 1e-9);
#define X_OF(x) (points->len == 1 ? (left + right) / 2 : left + inset + ((x) - x_min) / span * (right - left - 2 * inset))

    /* year labels: every one when they fit, else every second, fifth, …;
     * a long label (a period's name) is shortened to its slot */
    {
      double widest = 0;
      double slot;

      for (guint i = 0; i < points->len; i++)
        {
          g_autofree char *label = x_label (self, numeric, g_array_index (points, TrendPoint, i).x);
          widest = MAX (widest, equity_chart_text_width (canvas, EQUITY_CHART_TEXT_TICK, 0, label));
        }
      widest = MIN (widest, plot.width / 3) * 1.15;

      step = points->len > 1 ? (right - left - 2 * inset) / (points->len - 1) : right - left;
      label_every = 1;
      while (label_every < points->len && step * label_every < widest)
        label_every = label_every == 1 ? 2 : label_every == 2 ? 5 : label_every * 2;
      slot = MAX (MIN (step * label_every * 0.92, plot.width / 3), canvas->base * 2);

      for (guint i = 0; i < points->len; i++)
        {
          const TrendPoint *p = &g_array_index (points, TrendPoint, i);
          g_autofree char *label = NULL;
          g_autoptr(PangoLayout) layout = NULL;
          double width;
          double x;

          if (i % label_every != 0 && i != points->len - 1)
            continue;
          if (i != points->len - 1 && i + label_every > points->len - 1 &&
              (points->len - 1 - i) * step < step * label_every * 0.8)
            continue;
          label = x_label (self, numeric, p->x);
          layout = equity_chart_text_layout (canvas, EQUITY_CHART_TEXT_TICK, 0, label);
          equity_chart_text_limit (layout, slot, 1);
          equity_chart_text_size (layout, &width, NULL);
          /* centred under its point, but never past the picture's edges */
          x = CLAMP (X_OF (p->x), plot.x + width / 2, plot.x + plot.width - width / 2);
          equity_chart_text_draw (canvas, layout, &canvas->style->muted, x, bottom + canvas->base * 0.3, 0.5, 0);
        }
    }

    /* the interval band, one polygon per run of years that have one */
    cairo_save (cr);
    cairo_new_path (cr);
    for (guint i = 0; i < points->len;)
      {
        guint j = i;

        while (j < points->len && isfinite (g_array_index (points, TrendPoint, j).low) &&
               isfinite (g_array_index (points, TrendPoint, j).high))
          j++;
        if (j - i >= 2)
          {
            cairo_new_path (cr);
            for (guint k = i; k < j; k++)
              {
                const TrendPoint *p = &g_array_index (points, TrendPoint, k);
                cairo_line_to (cr, X_OF (p->x), equity_chart_axis_map (&y_axis, p->high));
              }
            for (guint k = j; k-- > i;)
              {
                const TrendPoint *p = &g_array_index (points, TrendPoint, k);
                cairo_line_to (cr, X_OF (p->x), equity_chart_axis_map (&y_axis, p->low));
              }
            cairo_close_path (cr);
            equity_chart_set_color_alpha (cr, &canvas->style->accent, 0.2);
            cairo_fill (cr);
          }
        i = MAX (j, i + 1);
      }
    cairo_restore (cr);

    /* the target, dashed in the comparison colour */
    if (has_target)
      {
        double label_y;
        double end_x;

        begin_dashed (canvas, canvas->base * 0.5, canvas->base * 0.3, MAX (2.0, canvas->line * 1.6),
                      &canvas->style->comparison);
        if (self->targets->len == 0)
          {
            label_y = equity_chart_axis_map (&y_axis, self->target);
            end_x = right;
            cairo_move_to (cr, left, label_y);
            cairo_line_to (cr, right, label_y);
          }
        else
          {
            const double *t = (const double *) self->targets->data;
            guint n = self->targets->len / 2;

            for (guint i = 0; i < n; i++)
              cairo_line_to (cr, X_OF (t[2 * i]), equity_chart_axis_map (&y_axis, t[2 * i + 1]));
            label_y = equity_chart_axis_map (&y_axis, t[2 * n - 1]);
            end_x = X_OF (t[2 * n - 2]);
          }
        cairo_stroke (cr);
        cairo_restore (cr);

        {
          g_autoptr(PangoLayout) layout =
            equity_chart_text_layout (canvas, EQUITY_CHART_TEXT_BOLD,
                                      equity_chart_text_px (canvas, EQUITY_CHART_TEXT_SMALL), target_text);
          double last_y = equity_chart_axis_map (&y_axis, g_array_index (points, TrendPoint, points->len - 1).value);
          /* below the line when the last value's label sits just above it */
          double yalign = (last_y < label_y && label_y - last_y < canvas->base * 1.5) ? 0 : 1;

          equity_chart_text_draw (canvas, layout, &canvas->style->comparison,
                                  end_x + canvas->base * 0.3, label_y + (yalign == 0 ? 2 : -2), 0, yalign);
        }
      }

    /* the baseline year: a dashed rule across the plot, named at its top */
    if (numeric && isfinite (self->baseline_x) && self->baseline_x >= x_min && self->baseline_x <= x_max)
      draw_baseline (canvas, X_OF (self->baseline_x), top, bottom, right);

    /* the line and its points */
    cairo_save (cr);
    cairo_set_line_width (cr, MAX (2.5, canvas->base * 0.16));
    cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
    cairo_new_path (cr);
    for (guint i = 0; i < points->len; i++)
      {
        const TrendPoint *p = &g_array_index (points, TrendPoint, i);
        cairo_line_to (cr, X_OF (p->x), equity_chart_axis_map (&y_axis, p->value));
      }
    equity_chart_set_color (cr, &canvas->style->accent);
    cairo_stroke (cr);

    for (guint i = 0; i < points->len; i++)
      {
        const TrendPoint *p = &g_array_index (points, TrendPoint, i);
        double x = X_OF (p->x);
        double y = equity_chart_axis_map (&y_axis, p->value);
        EquityChartRect hit = { x - step / 2, top, step, bottom - top };

        cairo_new_sub_path (cr);
        cairo_arc (cr, x, y, (int) p->row == canvas->highlighted_row ? radius * 1.5 : radius, 0, 2 * G_PI);
        equity_chart_set_color (cr, (int) p->row == canvas->highlighted_row ? &canvas->style->highlight
                                                                           : &canvas->style->accent);
        cairo_fill_preserve (cr);
        equity_chart_set_color (cr, &canvas->style->background);
        cairo_set_line_width (cr, MAX (1.5, radius / 3));
        cairo_stroke (cr);

        /* the nearest year's column answers the pointer */
        if (points->len == 1)
          hit.x = left, hit.width = right - left;
        equity_chart_add_hit (canvas, p->row, &hit, TRUE);
      }
    cairo_restore (cr);

    /* the first and last values, said in words beside their points */
    {
      const TrendPoint *last = &g_array_index (points, TrendPoint, points->len - 1);
      g_autoptr(PangoLayout) layout = equity_chart_text_layout (canvas, EQUITY_CHART_TEXT_BOLD, 0, last_text);

      equity_chart_text_draw (canvas, layout, &canvas->style->foreground,
                              X_OF (last->x) + radius + canvas->base * 0.35,
                              equity_chart_axis_map (&y_axis, last->value), 0, 0.5);
      if (points->len > 1)
        {
          const TrendPoint *first = &g_array_index (points, TrendPoint, 0);
          g_autofree char *text = equity_chart_format_value (self, first->value);
          g_autoptr(PangoLayout) first_layout = equity_chart_text_layout (canvas, EQUITY_CHART_TEXT_BODY, 0, text);
          double y = equity_chart_axis_map (&y_axis, first->value);
          double high_y = isfinite (first->high) ? equity_chart_axis_map (&y_axis, first->high) : y;

          /* above the point and its band, where the line cannot run yet */
          equity_chart_text_draw (canvas, first_layout, &canvas->style->foreground,
                                  X_OF (first->x) - radius, MIN (y - radius, high_y) - canvas->base * 0.15, 0, 1);
        }
    }
#undef X_OF
  }

  equity_chart_axis_clear (&y_axis);
}

static char *
describe_trend (EquityChart *self)
{
  g_autofree char *ranked = equity_chart_describe_ranked (self, _("Trend"));

  if (!isfinite (self->baseline_x))
    return g_steal_pointer (&ranked);
  /* TRANSLATORS: a trend chart's description, then "Baseline: 2016." */
  return g_strdup_printf (_("%s Baseline: %.0f."), ranked, self->baseline_x);
}

const EquityChartRenderer equity_chart_trend_renderer = {
  .kind = EQUITY_CHART_TREND,
  .name = "trend",
  .draw = draw_trend,
  .describe = describe_trend,
};
