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

void
equity_chart_draw_frame (EquityChartCanvas *canvas,
                         const char        *subtitle,
                         const char        *footnote,
                         EquityChartRect   *plot)
{
  EquityChart *self = canvas->chart;
  const char *title = equity_chart_get_title (self);
  const char *source = equity_chart_get_source_note (self);
  double inner = canvas->width - 2 * canvas->pad;
  double top = canvas->pad;
  double bottom = canvas->height - canvas->pad;

  if (self->subtitle != NULL)
    subtitle = self->subtitle;

  if (title != NULL && title[0] != '\0')
    {
      g_autoptr(PangoLayout) layout = equity_chart_text_layout (canvas, EQUITY_CHART_TEXT_TITLE, 0, title);
      double h;

      equity_chart_text_limit (layout, inner, 2);
      equity_chart_text_size (layout, NULL, &h);
      equity_chart_text_draw (canvas, layout, &canvas->style->foreground, canvas->pad, top, 0, 0);
      top += h + canvas->base * 0.1;
    }
  if (subtitle != NULL && subtitle[0] != '\0')
    {
      g_autoptr(PangoLayout) layout = equity_chart_text_layout (canvas, EQUITY_CHART_TEXT_SUBTITLE, 0, subtitle);
      double h;

      equity_chart_text_limit (layout, inner, 2);
      equity_chart_text_size (layout, NULL, &h);
      equity_chart_text_draw (canvas, layout, &canvas->style->muted, canvas->pad, top, 0, 0);
      top += h;
    }
  top += canvas->base * 0.9;

  if (source != NULL && source[0] != '\0')
    {
      g_autoptr(PangoLayout) layout = equity_chart_text_layout (canvas, EQUITY_CHART_TEXT_SMALL, 0, source);
      double h;

      equity_chart_text_limit (layout, inner, 2);
      equity_chart_text_size (layout, NULL, &h);
      bottom -= h;
      equity_chart_text_draw (canvas, layout, &canvas->style->muted, canvas->pad, bottom, 0, 0);
      bottom -= canvas->base * 0.2;
    }
  if (footnote != NULL && footnote[0] != '\0')
    {
      g_autoptr(PangoLayout) layout = equity_chart_text_layout (canvas, EQUITY_CHART_TEXT_SMALL_ITALIC, 0, footnote);
      double h;

      equity_chart_text_limit (layout, inner, 2);
      equity_chart_text_size (layout, NULL, &h);
      bottom -= h;
      equity_chart_text_draw (canvas, layout, &canvas->style->muted, canvas->pad, bottom, 0, 0);
    }
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
