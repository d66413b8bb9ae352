/* equity-chart-frame.c — title, subtitle and notes around every chart
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "equity-chart"

#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "equity-chart-private.h"

/* TEXT, when set, in at most two lines across INNER: its top at *Y going
 * down the canvas, or its bottom at *Y going up; *Y moves past it. Returns
 * whether there was anything to draw. */
static gboolean
draw_block (const EquityChartCanvas *canvas,
            EquityChartTextStyle     text_style,
            const EquityChartColor  *color,
            const char              *text,
            double                   inner,
            gboolean                 upwards,
            double                  *y)
{
  g_autoptr(PangoLayout) layout = NULL;
  double h;

  if (text == NULL || text[0] == '\0')
    return FALSE;
  layout = equity_chart_text_layout (canvas, text_style, 0, text);
  equity_chart_text_limit (layout, inner, 2);
  equity_chart_text_size (layout, NULL, &h);
  if (upwards)
    *y -= h;
  equity_chart_text_draw (canvas, layout, color, canvas->pad, *y, 0, 0);
  if (!upwards)
    *y += h;
  return TRUE;
}

void
equity_chart_draw_frame (EquityChartCanvas *canvas,
                         const char        *subtitle,
                         const char        *footnote,
                         EquityChartRect   *plot)
{
  EquityChart *self = canvas->chart;
  const EquityChartColor *muted = &canvas->style->muted;
  const char *title = equity_chart_get_title (self);
  const char *source = equity_chart_get_source_note (self);
  double inner = canvas->width - 2 * canvas->pad;
  double top = canvas->pad;
  double bottom = canvas->height - canvas->pad;

  if (self->subtitle != NULL)
    subtitle = self->subtitle;

  if (draw_block (canvas, EQUITY_CHART_TEXT_TITLE, &canvas->style->foreground, title, inner, FALSE, &top))
    top += canvas->base * 0.1;
  draw_block (canvas, EQUITY_CHART_TEXT_SUBTITLE, muted, subtitle, inner, FALSE, &top);
  top += canvas->base * 0.9;

  if (draw_block (canvas, EQUITY_CHART_TEXT_SMALL, muted, source, inner, TRUE, &bottom))
    bottom -= canvas->base * 0.2;
  draw_block (canvas, EQUITY_CHART_TEXT_SMALL_ITALIC, muted, footnote, inner, TRUE, &bottom);
  bottom -= canvas->base * 0.6;

  plot->x = canvas->pad;
  plot->y = top;
  plot->width = inner;
  plot->height = MAX (bottom - top, 0);
}

void
equity_chart_draw_message (EquityChartCanvas     *canvas,
                           const EquityChartRect *rect,
                           const char            *message)
{
  g_autoptr(PangoLayout) layout = equity_chart_text_layout (canvas, EQUITY_CHART_TEXT_BODY, 0, message);

  equity_chart_text_limit (layout, rect->width, 3);
  pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
  equity_chart_text_draw (canvas, layout, &canvas->style->muted,
                          rect->x + rect->width / 2, rect->y + rect->height / 2, 0.5, 0.5);
}
