/* equity-chart-scatter.c — one point per row, a least-squares line and its r²
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "equity-chart"

#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "equity-chart-private.h"

static gboolean
any_finite (EquityChart      *self,
            EquityChartField  field)
{
  guint n_rows = equity_result_get_n_rows (self->result);

  for (guint i = 0; i < n_rows; i++)
    if (isfinite (equity_chart_field_value (self, equity_result_get_row (self->result, i), field)))
      return TRUE;
  return FALSE;
}

/* Without a choice: the drawn measure up the side, and along the bottom
 * what it most likely depends on — an estimate (an area's share in poverty),
 * a group's share of the population, or else its size. */
static void
resolve_fields (EquityChart      *self,
                EquityChartField *x,
                EquityChartField *y)
{
  static const EquityChartField y_order[] = {
    EQUITY_CHART_FIELD_RATE, EQUITY_CHART_FIELD_SHARE, EQUITY_CHART_FIELD_ESTIMATE, EQUITY_CHART_FIELD_COUNT,
  };
  static const EquityChartField x_order[] = {
    EQUITY_CHART_FIELD_ESTIMATE, EQUITY_CHART_FIELD_POPULATION_SHARE, EQUITY_CHART_FIELD_POPULATION,
    EQUITY_CHART_FIELD_COUNT,
  };

  *y = self->scatter_y;
  *x = self->scatter_x;
  for (guint i = 0; *y == EQUITY_CHART_FIELD_AUTO && i < G_N_ELEMENTS (y_order); i++)
    if (any_finite (self, y_order[i]))
      *y = y_order[i];
  for (guint i = 0; *x == EQUITY_CHART_FIELD_AUTO && i < G_N_ELEMENTS (x_order); i++)
    if (x_order[i] != *y && any_finite (self, x_order[i]))
      *x = x_order[i];
  if (*y == EQUITY_CHART_FIELD_AUTO)
    *y = EQUITY_CHART_FIELD_COUNT;
  if (*x == EQUITY_CHART_FIELD_AUTO)
    *x = EQUITY_CHART_FIELD_POPULATION;
}

static gboolean
field_is_percent (EquityChart      *self,
                  EquityChartField  field)
{
  return field == EQUITY_CHART_FIELD_SHARE || field == EQUITY_CHART_FIELD_POPULATION_SHARE ||
         (field == EQUITY_CHART_FIELD_ESTIMATE && self->estimate_percent);
}

typedef struct
{
  guint  row;
  double x;
  double y;
} ScatterPoint;

/* Ordinary least squares of y on x; r² is the squared correlation. */
static gboolean
fit_line (GArray *points,
          double *intercept,
          double *slope,
          double *r2)
{
  double mx = 0, my = 0, sxx = 0, syy = 0, sxy = 0;
  guint n = points->len;

  if (n < 3)
    return FALSE;
  for (guint i = 0; i < n; i++)
    {
      const ScatterPoint *p = &g_array_index (points, ScatterPoint, i);
      mx += p->x;
      my += p->y;
    }
  mx /= n;
  my /= n;
  for (guint i = 0; i < n; i++)
    {
      const ScatterPoint *p = &g_array_index (points, ScatterPoint, i);
      sxx += (p->x - mx) * (p->x - mx);
      syy += (p->y - my) * (p->y - my);
      sxy += (p->x - mx) * (p->y - my);
    }
  if (sxx <= 0)
    return FALSE;
  *slope = sxy / sxx;
  *intercept = my - *slope * mx;
  *r2 = syy > 0 ? sxy * sxy / (sxx * syy) : 0;
  return TRUE;
}

static void
draw_scatter (EquityChartCanvas *canvas)
{
  EquityChart *self = canvas->chart;
  cairo_t *cr = canvas->cr;
  g_autoptr(GArray) points = g_array_new (FALSE, FALSE, sizeof (ScatterPoint));
  g_autofree char *subtitle = NULL;
  g_autofree char *footnote = NULL;
  EquityChartAxis x_axis = { 0 };
  EquityChartAxis y_axis = { 0 };
  EquityChartField x_field;
  EquityChartField y_field;
  EquityChartRect plot;
  const char *x_title;
  const char *y_title;
  double x_min = G_MAXDOUBLE, x_max = -G_MAXDOUBLE;
  double y_min = G_MAXDOUBLE, y_max = -G_MAXDOUBLE;
  double left, right, top, bottom;
  double tick_h;
  double title_h;
  double radius;
  double intercept = 0, slope = 0, r2 = 0;
  gboolean fitted;
  guint n_rows = equity_result_get_n_rows (self->result);
  guint n_hidden = 0;

  resolve_fields (self, &x_field, &y_field);
  x_title = self->x_title != NULL ? self->x_title : equity_chart_field_title (self, x_field);
  y_title = self->y_title != NULL ? self->y_title : equity_chart_field_title (self, y_field);

  for (guint i = 0; i < n_rows; i++)
    {
      const EquityResultRow *row = equity_result_get_row (self->result, i);
      ScatterPoint p = { i, equity_chart_field_value (self, row, x_field),
                         equity_chart_field_value (self, row, y_field) };

      /* a suppressed row's position would give its small count away */
      if (equity_result_row_is_hidden (row) || !isfinite (p.x) || !isfinite (p.y))
        {
          n_hidden++;
          continue;
        }
      g_array_append_val (points, p);
      x_min = MIN (x_min, p.x);
      x_max = MAX (x_max, p.x);
      y_min = MIN (y_min, p.y);
      y_max = MAX (y_max, p.y);
    }

  {
    const char *kind = equity_result_get_kind (self->result);

    /* say what a point is, in the reader's words */
    if (kind != NULL && strstr (kind, "area") != NULL)
      subtitle = g_strdup (_("Each point is an area; the line is the least-squares fit"));
    else if (kind != NULL && strstr (kind, "group") != NULL)
      subtitle = g_strdup (_("Each point is a group; the line is the least-squares fit"));
    else
      subtitle = g_strdup (_("Each point is a row of the analysis; the line is the least-squares fit"));
  }
  if (n_hidden > 0)
    footnote = g_strdup_printf (ngettext ("%u row not shown: suppressed or missing a value.",
                                          "%u rows not shown: suppressed or missing a value.", n_hidden),
                                n_hidden);
  equity_chart_draw_frame (canvas, self->subtitle != NULL ? NULL : subtitle, footnote, &plot);

  if (points->len == 0)
    {
      equity_chart_draw_message (canvas, &plot, _("Nothing to show: no row has both values."));
      return;
    }
  /* a cloud of hundreds needs smaller dots to show where it is dense */
  radius = canvas->base * 0.32 * CLAMP (sqrt (60.0 / points->len), 0.55, 1.0);

  /* axes start at zero when the data are near it, as counts and rates are */
  if (x_min >= 0 && x_min < x_max * 0.5)
    x_min = 0;
  if (y_min >= 0 && y_min < y_max * 0.5)
    y_min = 0;

  tick_h = equity_chart_text_px (canvas, EQUITY_CHART_TEXT_TICK) * 1.3 + canvas->base * 0.3;
  title_h = equity_chart_text_px (canvas, EQUITY_CHART_TEXT_SMALL) * 1.3;
  /* the y title reads horizontally above its axis: no tilted head needed */
  top = plot.y + title_h + canvas->base * 0.5;
  bottom = plot.y + plot.height - tick_h - title_h - canvas->base * 0.2;

  equity_chart_axis_init (&y_axis, y_min, y_max, bottom, top, canvas->base * 3.2,
                          field_is_percent (self, y_field));
  left = plot.x + equity_chart_axis_label_width (canvas, &y_axis) + canvas->base * 0.6;
  right = plot.x + plot.width - canvas->base * 0.5;
  equity_chart_axis_init (&x_axis, x_min, x_max, left, right, canvas->base * 6,
                          field_is_percent (self, x_field));
  /* the last tick's label is centred on the plot's edge: keep it inside */
  {
    g_autofree char *last = equity_chart_axis_label (&x_axis, x_axis.max);
    double half = equity_chart_text_width (canvas, EQUITY_CHART_TEXT_TICK, 0, last) / 2;

    right = plot.x + plot.width - MAX (half, canvas->base * 0.5);
    x_axis.p1 = right;
  }
  if (equity_chart_axis_label_width (canvas, &x_axis) * 1.8 > canvas->base * 6)
    {
      double spacing = equity_chart_axis_label_width (canvas, &x_axis) * 1.8;

      equity_chart_axis_clear (&x_axis);
      equity_chart_axis_init (&x_axis, x_min, x_max, left, right, spacing, field_is_percent (self, x_field));
    }
  equity_chart_remember_axis (canvas, &y_axis);
  equity_chart_remember_x_axis (canvas, &x_axis);

  equity_chart_axis_draw (canvas, &y_axis, FALSE, left, right);
  equity_chart_axis_draw (canvas, &x_axis, TRUE, top, bottom);

  {
    g_autoptr(PangoLayout) yt = equity_chart_text_layout (canvas, EQUITY_CHART_TEXT_BOLD,
                                                          equity_chart_text_px (canvas, EQUITY_CHART_TEXT_SMALL),
                                                          y_title);
    g_autoptr(PangoLayout) xt = equity_chart_text_layout (canvas, EQUITY_CHART_TEXT_BOLD,
                                                          equity_chart_text_px (canvas, EQUITY_CHART_TEXT_SMALL),
                                                          x_title);

    equity_chart_text_limit (yt, plot.width * 0.48, 1);
    equity_chart_text_draw (canvas, yt, &canvas->style->muted, plot.x, plot.y, 0, 0);
    equity_chart_text_limit (xt, right - left, 1);
    pango_layout_set_alignment (xt, PANGO_ALIGN_CENTER);
    equity_chart_text_draw (canvas, xt, &canvas->style->muted, (left + right) / 2,
                            plot.y + plot.height, 0.5, 1);
  }

  /* points under the line, so the fit stays readable through a dense cloud */
  cairo_save (cr);
  for (guint i = 0; i < points->len; i++)
    {
      const ScatterPoint *p = &g_array_index (points, ScatterPoint, i);
      double x = equity_chart_axis_map (&x_axis, p->x);
      double y = equity_chart_axis_map (&y_axis, p->y);
      gboolean highlighted = (int) p->row == canvas->highlighted_row;
      EquityChartRect hit = { x - radius * 2, y - radius * 2, radius * 4, radius * 4 };

      cairo_new_sub_path (cr);
      cairo_arc (cr, x, y, highlighted ? radius * 1.5 : radius, 0, 2 * G_PI);
      if (highlighted)
        equity_chart_set_color (cr, &canvas->style->highlight);
      else
        equity_chart_set_color_alpha (cr, &canvas->style->accent, 0.75);
      cairo_fill_preserve (cr);
      equity_chart_set_color (cr, &canvas->style->background);
      cairo_set_line_width (cr, MAX (1.0, radius / 4));
      cairo_stroke (cr);
      equity_chart_add_hit (canvas, p->row, &hit, TRUE);
    }
  cairo_restore (cr);

  fitted = fit_line (points, &intercept, &slope, &r2);
  if (fitted)
    {
      double x0 = x_axis.min;
      double x1 = x_axis.max;
      g_autofree char *r2_text = equity_chart_format_number (r2, 2);
      g_autofree char *label = g_strdup_printf (_("Least-squares fit, r² = %s, n = %u"), r2_text, points->len);
      g_autoptr(PangoLayout) layout = equity_chart_text_layout (canvas, EQUITY_CHART_TEXT_BOLD,
                                                                equity_chart_text_px (canvas, EQUITY_CHART_TEXT_SMALL),
                                                                label);

      cairo_save (cr);
      cairo_rectangle (cr, left, top, right - left, bottom - top);
      cairo_clip (cr);
      cairo_set_line_width (cr, MAX (2.5, canvas->base * 0.14));
      equity_chart_set_color (cr, &canvas->style->comparison);
      cairo_move_to (cr, equity_chart_axis_map (&x_axis, x0), equity_chart_axis_map (&y_axis, intercept + slope * x0));
      cairo_line_to (cr, equity_chart_axis_map (&x_axis, x1), equity_chart_axis_map (&y_axis, intercept + slope * x1));
      cairo_stroke (cr);
      cairo_restore (cr);

      /* the fit's words go in the header strip, right-aligned, out of the cloud */
      equity_chart_text_limit (layout, plot.width * 0.5, 1);
      equity_chart_text_draw (canvas, layout, &canvas->style->comparison, right, plot.y, 1, 0);
    }

  equity_chart_axis_clear (&x_axis);
  equity_chart_axis_clear (&y_axis);
}

static char *
describe_scatter (EquityChart *self)
{
  return equity_chart_describe_ranked (self, _("Scatter plot"));
}

const EquityChartRenderer equity_chart_scatter_renderer = {
  .kind = EQUITY_CHART_SCATTER,
  .name = "scatter",
  .draw = draw_scatter,
  .describe = describe_scatter,
};
