/* equity-chart-renderers.c — the one list of chart kinds. A new kind is a
 * file with its EquityChartRenderer, a line here and a value in EquityChartKind.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "equity-chart"

#include "config.h"

#include "equity-chart-private.h"

/* in EquityChartKind's order */
static const EquityChartRenderer *const renderers[] = {
  &equity_chart_bars_renderer,
  &equity_chart_dots_renderer,
  &equity_chart_map_renderer,
  &equity_chart_trend_renderer,
  &equity_chart_scatter_renderer,
};

G_STATIC_ASSERT (G_N_ELEMENTS (renderers) == EQUITY_CHART_N_KINDS);

const EquityChartRenderer *
equity_chart_renderer_for_kind (EquityChartKind kind)
{
  g_return_val_if_fail (kind < G_N_ELEMENTS (renderers), renderers[0]);
  g_assert (renderers[kind]->kind == kind);
  return renderers[kind];
}

const char *
equity_chart_kind_to_string (EquityChartKind kind)
{
  g_return_val_if_fail (kind < G_N_ELEMENTS (renderers), NULL);
  return renderers[kind]->name;
}

gboolean
equity_chart_kind_from_string (const char      *text,
                               EquityChartKind *kind)
{
  g_return_val_if_fail (kind != NULL, FALSE);

  for (guint i = 0; text != NULL && i < G_N_ELEMENTS (renderers); i++)
    if (g_ascii_strcasecmp (text, renderers[i]->name) == 0)
      {
        *kind = renderers[i]->kind;
        return TRUE;
      }
  return FALSE;
}
