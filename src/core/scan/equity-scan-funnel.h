/* equity-scan-funnel.h — the scan's funnel plot as data, its control
 * limits and its drawing: apart from the rest of the scan so the chart that
 * draws it (chart/equity-chart-funnel.c) needs nothing of the project
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <glib.h>

G_BEGIN_DECLS

/* One area of a funnel plot; RATE per the funnel's PER people. */
typedef struct
{
  char   *label;
  double  count;
  double  population;
  double  rate;
} EquityFunnelPoint;

/* An area measure drawn as a funnel: each area's rate against its population,
 * with control limits around the overall rate (equity_scan_funnel_limits()). */
typedef struct
{
  char   *measure_id;
  char   *title;
  char   *units;
  double  per;
  double  overall_rate;   /* per PER people */
  GArray *points;         /* EquityFunnelPoint */
} EquityFunnel;

void    equity_funnel_free (EquityFunnel *funnel);
/* Draws FUNNEL on CR in WIDTH × HEIGHT (src/core/chart/equity-chart-funnel.c) */
void    equity_scan_draw_funnel (cairo_t            *cr,
                                 const EquityFunnel *funnel,
                                 int                 width,
                                 int                 height);

/* LOW and HIGH rates (per person) that an area of POPULATION stays within
 * with probability LEVEL when its true rate is OVERALL_RATE (per person) */
void    equity_scan_funnel_limits  (double        overall_rate,
                                    double        population,
                                    double        level,
                                    double       *low,
                                    double       *high);

G_END_DECLS
