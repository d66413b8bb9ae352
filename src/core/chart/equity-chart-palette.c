/* equity-chart-palette.c — colours: light and dark styles, the map's sequential ramp
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "equity-chart"

#include "config.h"

#include "equity-chart-private.h"

static void
color_from_hex (guint32           rgb,
                EquityChartColor *color)
{
  color->red = ((rgb >> 16) & 0xff) / 255.0;
  color->green = ((rgb >> 8) & 0xff) / 255.0;
  color->blue = (rgb & 0xff) / 255.0;
  color->alpha = 1.0;
}

/* Marks, lines and reference colours come from the Okabe–Ito palette
 * (Okabe & Ito, "Color Universal Design", 2008; jfly.uni-koeln.de/color/),
 * chosen to stay distinct under the common colour-vision deficiencies:
 * blue #0072B2 for the data, vermillion #D55E00 for what it is compared with.
 * Text on white is near-black and grey #595959 (7:1 contrast), so it prints. */
void
equity_chart_style_init_light (EquityChartStyle *style)
{
  g_return_if_fail (style != NULL);

  color_from_hex (0xffffff, &style->background);
  color_from_hex (0x1a1a1a, &style->foreground);
  color_from_hex (0x595959, &style->muted);
  color_from_hex (0xe3e3e3, &style->grid);
  color_from_hex (0x0072b2, &style->accent);
  color_from_hex (0x003f63, &style->highlight);
  color_from_hex (0x9a9a9a, &style->reference);
  color_from_hex (0xd55e00, &style->comparison);
  color_from_hex (0xffffff, &style->border);
  color_from_hex (0xeeeeee, &style->no_data);
  style->font_family = NULL;
  style->font_scale = 1.0;
}

/* libadwaita's dark window background, and the lighter Okabe–Ito pair
 * (sky blue #56B4E9, orange #E69F00) that keeps its contrast on it */
void
equity_chart_style_init_dark (EquityChartStyle *style)
{
  g_return_if_fail (style != NULL);

  color_from_hex (0x242424, &style->background);
  color_from_hex (0xffffff, &style->foreground);
  color_from_hex (0xc0c0c0, &style->muted);
  color_from_hex (0x3d3d3d, &style->grid);
  color_from_hex (0x56b4e9, &style->accent);
  color_from_hex (0xa6dcff, &style->highlight);
  color_from_hex (0x8a8a8a, &style->reference);
  color_from_hex (0xe69f00, &style->comparison);
  color_from_hex (0x242424, &style->border);
  color_from_hex (0x383838, &style->no_data);
  style->font_family = NULL;
  style->font_scale = 1.0;
}

void
equity_chart_set_color (cairo_t                *cr,
                        const EquityChartColor *color)
{
  cairo_set_source_rgba (cr, color->red, color->green, color->blue, color->alpha);
}

void
equity_chart_set_color_alpha (cairo_t                *cr,
                              const EquityChartColor *color,
                              double                  alpha)
{
  cairo_set_source_rgba (cr, color->red, color->green, color->blue, color->alpha * alpha);
}

/* The map's sequential ramp: viridis (Smith & van der Walt, matplotlib's
 * default colormap, CC0; bids.github.io/colormap) sampled at 0, ¼, ½, ¾ and 1,
 * restated here and reversed so low values are light and high values dark.
 * It is perceptually uniform, readable by the common colour-vision
 * deficiencies, keeps its order in greyscale print, and every step stands
 * apart from both a white page and the grey of "not shown". */
static const guint32 sequential_ramp[EQUITY_CHART_MAX_CLASSES] = {
  0xfde725, 0x5ec962, 0x21918c, 0x3b528b, 0x440154,
};

void
equity_chart_palette_class (guint             k,
                            guint             n,
                            EquityChartColor *color)
{
  guint index;

  g_assert (n > 0 && n <= EQUITY_CHART_MAX_CLASSES);
  g_assert (k < n);

  /* fewer classes spread over the whole ramp rather than its light end */
  index = n == 1 ? EQUITY_CHART_MAX_CLASSES / 2
                 : (guint) ((k * (EQUITY_CHART_MAX_CLASSES - 1) + (n - 1) / 2) / (n - 1));
  color_from_hex (sequential_ramp[index], color);
}
