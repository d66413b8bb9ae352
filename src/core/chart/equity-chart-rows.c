/* equity-chart-rows.c — the layout bars and dots share: one band per row
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "equity-chart"

#include "config.h"

#include <math.h>
#include <glib/gi18n-lib.h>

#include "equity-chart-private.h"

/* A band narrower than this makes labels too small to read on a projector */
#define MIN_BAND_EM 1.15

static double
strip_height (const EquityChartCanvas *canvas)
{
  return equity_chart_text_px (canvas, EQUITY_CHART_TEXT_SMALL) * 1.3 + canvas->base * 0.35;
}

/* How many rows fit before the frame is drawn (the frame's footnote depends on
 * it): the frame's own lines are estimated from the type sizes. */
static guint
max_rows (const EquityChartCanvas *canvas)
{
  double frame = canvas->base * (1.45 * 1.25 + 0.95 * 1.25 + 0.9 + 0.75 * 1.25 * 3 + 0.8);
  double axis = equity_chart_text_px (canvas, EQUITY_CHART_TEXT_TICK) * 1.3 + canvas->base * 0.3;
  double available = canvas->height - 2 * canvas->pad - frame - axis - strip_height (canvas);

  return (guint) MAX (1.0, floor (available / (canvas->base * MIN_BAND_EM)));
}

static char *
dup_footnote (EquityChart *self,
              const EquityChartRowLayout *layout)
{
  g_autoptr(GString) note = g_string_new (NULL);
  gboolean any_suppressed = FALSE;

  for (guint i = 0; i < layout->rows->len; i++)
    {
      guint index = g_array_index (layout->rows, guint, i);
      any_suppressed |= equity_result_row_is_hidden (equity_result_get_row (self->result, index));
    }

  if (layout->rows->len < layout->n_candidates)
    g_string_append_printf (note, _("Showing the %u highest of %u."),
                            layout->rows->len, layout->n_candidates);
  if (any_suppressed)
    {
      guint below = equity_result_get_suppress_below (self->result);

      if (note->len > 0)
        g_string_append_c (note, ' ');
      if (below > 1)
        g_string_append_printf (note, _("“Suppressed”: fewer than %u, not shown to protect privacy."), below);
      else
        g_string_append (note, _("“Suppressed”: too few to show, to protect privacy."));
    }
  return note->len > 0 ? g_string_free (g_steal_pointer (&note), FALSE) : NULL;
}

void
equity_chart_rows_begin (EquityChartCanvas    *canvas,
                         EquityChartRowLayout *layout,
                         gboolean              from_zero,
                         gboolean              show_reference,
                         gboolean              legend)
{
  EquityChart *self = canvas->chart;
  g_autofree char *subtitle = equity_chart_default_subtitle (self, equity_chart_has_intervals (self));
  g_autofree char *footnote = NULL;
  double min = from_zero ? 0 : G_MAXDOUBLE;
  double max = from_zero ? 0 : -G_MAXDOUBLE;
  double label_width = 0;
  double value_width = 0;
  double tick_h;
  double marks_bottom;
  double gap = canvas->base * 0.5;
  double x0;
  double x1;
  double spacing;

  layout->rows = equity_chart_rows_to_draw (self, max_rows (canvas), &layout->n_candidates);
  layout->has_reference = show_reference &&
                          equity_chart_reference (self, &layout->reference, &layout->reference_name);

  footnote = dup_footnote (self, layout);
  equity_chart_draw_frame (canvas, subtitle, footnote, &layout->plot);

  tick_h = equity_chart_text_px (canvas, EQUITY_CHART_TEXT_TICK) * 1.3 + canvas->base * 0.3;
  layout->marks_top = layout->plot.y + (layout->has_reference || legend ? strip_height (canvas) : 0);
  marks_bottom = layout->plot.y + layout->plot.height - tick_h;
  layout->band = (marks_bottom - layout->marks_top) / MAX (layout->rows->len, 1);
  /* type follows the band down when rows are many, never up past the body size */
  layout->label_px = MIN (canvas->base, layout->band * 0.72);

  for (guint i = 0; i < layout->rows->len; i++)
    {
      const EquityResultRow *row = equity_result_get_row (self->result, g_array_index (layout->rows, guint, i));
      double value;
      double low;
      double high;
      g_autofree char *text = NULL;

      label_width = MAX (label_width, equity_chart_text_width (canvas, EQUITY_CHART_TEXT_BODY, layout->label_px,
                                                               equity_chart_row_label (row)));
      if (!equity_chart_row_value (self, row, &value, &low, &high))
        continue;
      min = MIN (min, value);
      max = MAX (max, value);
      if (isfinite (low) && isfinite (high))
        {
          min = MIN (min, low);
          max = MAX (max, high);
        }
      text = equity_chart_format_value (self, value);
      value_width = MAX (value_width, equity_chart_text_width (canvas, EQUITY_CHART_TEXT_BODY,
                                                               layout->label_px, text));
    }
  if (layout->has_reference)
    {
      min = MIN (min, layout->reference);
      max = MAX (max, layout->reference);
    }
  if (min > max)
    {
      min = 0;
      max = 1;
    }
  if (!from_zero)
    {
      /* dots need no zero, only room around the extremes */
      double margin = (max - min) * 0.04;

      /* but a rate cannot be negative: the margin stops at zero */
      min = min >= 0 ? MAX (min - margin, 0) : min - margin;
      max += margin;
    }
  value_width = MAX (value_width, equity_chart_text_width (canvas, EQUITY_CHART_TEXT_BODY, layout->label_px,
                                                           _("suppressed")) * 0.5);

  label_width = MIN (label_width, layout->plot.width * 0.34);
  layout->label_right = layout->plot.x + label_width;
  /* room for a dot's radius at zero without touching the labels */
  x0 = layout->label_right + gap * 2.4;
  x1 = layout->plot.x + layout->plot.width - value_width - gap;

  /* ticks far enough apart that their labels never touch */
  spacing = canvas->base * 5;
  equity_chart_axis_init (&layout->axis, min, max, x0, x1, spacing, self->percent);
  spacing = MAX (spacing, equity_chart_axis_label_width (canvas, &layout->axis) * 1.8);
  equity_chart_axis_clear (&layout->axis);
  equity_chart_axis_init (&layout->axis, min, max, x0, x1, spacing, self->percent);
  equity_chart_remember_axis (canvas, &layout->axis);

  equity_chart_axis_draw (canvas, &layout->axis, TRUE, layout->marks_top, marks_bottom);

  for (guint i = 0; i < layout->rows->len; i++)
    {
      guint index = g_array_index (layout->rows, guint, i);
      const EquityResultRow *row = equity_result_get_row (self->result, index);
      gboolean highlighted = (int) index == canvas->highlighted_row;
      g_autoptr(PangoLayout) text = NULL;
      EquityChartRect hit;

      text = equity_chart_text_layout (canvas, highlighted ? EQUITY_CHART_TEXT_BOLD : EQUITY_CHART_TEXT_BODY,
                                       layout->label_px, equity_chart_row_label (row));
      equity_chart_text_limit (text, label_width, 1);
      pango_layout_set_alignment (text, PANGO_ALIGN_RIGHT);
      equity_chart_text_draw (canvas, text, &canvas->style->foreground,
                              layout->label_right, equity_chart_rows_center (layout, i), 1, 0.5);

      hit.x = layout->plot.x;
      hit.y = layout->marks_top + i * layout->band;
      hit.width = layout->plot.width;
      hit.height = layout->band;
      equity_chart_add_hit (canvas, index, &hit, FALSE);
    }
}

double
equity_chart_rows_center (const EquityChartRowLayout *layout,
                          guint                       i)
{
  return layout->marks_top + (i + 0.5) * layout->band;
}

void
equity_chart_rows_draw_value (EquityChartCanvas          *canvas,
                              const EquityChartRowLayout *layout,
                              guint                       i,
                              double                      x,
                              double                      xalign,
                              const char                 *text,
                              gboolean                    muted)
{
  g_autoptr(PangoLayout) label = NULL;

  label = equity_chart_text_layout (canvas, muted ? EQUITY_CHART_TEXT_SMALL_ITALIC : EQUITY_CHART_TEXT_BODY,
                                    muted ? layout->label_px * 0.85 : layout->label_px, text);
  equity_chart_text_draw (canvas, label, muted ? &canvas->style->muted : &canvas->style->foreground,
                          x, equity_chart_rows_center (layout, i), xalign, 0.5);
}

void
equity_chart_draw_whisker (EquityChartCanvas      *canvas,
                           double                  low,
                           double                  high,
                           double                  y,
                           double                  cap,
                           const EquityChartColor *color)
{
  cairo_t *cr = canvas->cr;

  cairo_save (cr);
  equity_chart_set_color (cr, color);
  cairo_set_line_width (cr, MAX (1.5, canvas->base / 10));
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);
  cairo_move_to (cr, low, y);
  cairo_line_to (cr, high, y);
  cairo_move_to (cr, low, y - cap / 2);
  cairo_line_to (cr, low, y + cap / 2);
  cairo_move_to (cr, high, y - cap / 2);
  cairo_line_to (cr, high, y + cap / 2);
  cairo_stroke (cr);
  cairo_restore (cr);
}

void
equity_chart_rows_end (EquityChartCanvas    *canvas,
                       EquityChartRowLayout *layout)
{
  cairo_t *cr = canvas->cr;

  if (layout->has_reference)
    {
      double x = round (equity_chart_axis_map (&layout->axis, layout->reference));
      double bottom = layout->marks_top + layout->rows->len * layout->band;
      g_autofree char *value = equity_chart_format_value (canvas->chart, layout->reference);
      g_autofree char *text = g_strdup_printf ("%s %s", layout->reference_name, value);
      g_autoptr(PangoLayout) label = equity_chart_text_layout (canvas, EQUITY_CHART_TEXT_BOLD,
                                                               equity_chart_text_px (canvas, EQUITY_CHART_TEXT_SMALL),
                                                               text);
      double label_width;
      double label_x;
      double dash[] = { canvas->base * 0.45, canvas->base * 0.25 };

      cairo_save (cr);
      equity_chart_set_color (cr, &canvas->style->comparison);
      cairo_set_line_width (cr, MAX (2.0, canvas->line * 1.5));
      cairo_set_dash (cr, dash, G_N_ELEMENTS (dash), 0);
      cairo_move_to (cr, x, layout->marks_top - canvas->base * 0.2);
      cairo_line_to (cr, x, bottom);
      cairo_stroke (cr);
      cairo_restore (cr);

      /* the label sits over its line unless that would push it off the plot */
      equity_chart_text_size (label, &label_width, NULL);
      label_x = CLAMP (x - label_width / 2, layout->plot.x,
                       layout->plot.x + layout->plot.width - label_width);
      equity_chart_text_draw (canvas, label, &canvas->style->comparison,
                              label_x, layout->marks_top - canvas->base * 0.35, 0, 1);
    }

  equity_chart_axis_clear (&layout->axis);
  g_clear_pointer (&layout->rows, g_array_unref);
}
