/* equity-chart-text.c — type sizes, text layout, ticks and number formatting
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "equity-chart"

#include "config.h"

#include <math.h>
#include <string.h>

#include "equity-chart-private.h"
#include "equity-format.h"

#define DEFAULT_FAMILY "Cantarell, Sans"

/* The body size follows the shorter side, so a chart keeps its proportions
 * from a 1200×800 file to a 1920×1080 projector: 22 px and 30 px there, which
 * reads from the back of a council chamber. The floor keeps small widgets legible. */
double
equity_chart_text_base_size (double width,
                             double height,
                             double font_scale)
{
  double base = MIN (width, height) * 0.028;

  if (font_scale <= 0)
    font_scale = 1.0;
  return MAX (base, 12.0) * font_scale;
}

double
equity_chart_text_px (const EquityChartCanvas *canvas,
                      EquityChartTextStyle     text_style)
{
  switch (text_style)
    {
    case EQUITY_CHART_TEXT_TITLE:        return canvas->base * 1.45;
    case EQUITY_CHART_TEXT_SUBTITLE:     return canvas->base * 0.95;
    case EQUITY_CHART_TEXT_SMALL:
    case EQUITY_CHART_TEXT_SMALL_ITALIC: return canvas->base * 0.75;
    case EQUITY_CHART_TEXT_TICK:         return canvas->base * 0.85;
    case EQUITY_CHART_TEXT_BODY:
    case EQUITY_CHART_TEXT_BOLD:
    default:                             return canvas->base;
    }
}

PangoLayout *
equity_chart_text_layout (const EquityChartCanvas *canvas,
                          EquityChartTextStyle     text_style,
                          double                   px,
                          const char              *text)
{
  PangoLayout *layout = pango_layout_new (canvas->pango);
  g_autoptr(PangoFontDescription) font = NULL;
  const char *family = canvas->style->font_family;

  font = pango_font_description_from_string (family != NULL ? family : DEFAULT_FAMILY);
  if (px <= 0)
    px = equity_chart_text_px (canvas, text_style);
  pango_font_description_set_absolute_size (font, px * PANGO_SCALE);
  if (text_style == EQUITY_CHART_TEXT_BOLD || text_style == EQUITY_CHART_TEXT_TITLE)
    pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
  if (text_style == EQUITY_CHART_TEXT_SMALL_ITALIC)
    pango_font_description_set_style (font, PANGO_STYLE_ITALIC);
  pango_layout_set_font_description (layout, font);
  pango_layout_set_text (layout, text != NULL ? text : "", -1);
  return layout;
}

void
equity_chart_text_limit (PangoLayout *layout,
                         double       max_width,
                         int          max_lines)
{
  g_assert (PANGO_IS_LAYOUT (layout));

  pango_layout_set_width (layout, (int) floor (MAX (max_width, 1) * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  /* a negative height counts lines: wrap to that many, then ellipsize */
  pango_layout_set_height (layout, -MAX (max_lines, 1));
}

void
equity_chart_text_size (PangoLayout *layout,
                        double      *width,
                        double      *height)
{
  PangoRectangle ink;
  PangoRectangle logical;

  pango_layout_get_extents (layout, &ink, &logical);
  /* an ellipsized or wrapped layout is as wide as its widest line, not its box */
  if (width != NULL)
    *width = (double) logical.width / PANGO_SCALE;
  if (height != NULL)
    *height = (double) logical.height / PANGO_SCALE;
}

void
equity_chart_text_draw (const EquityChartCanvas *canvas,
                        PangoLayout             *layout,
                        const EquityChartColor  *color,
                        double                   x,
                        double                   y,
                        double                   xalign,
                        double                   yalign)
{
  PangoRectangle logical;
  double width;
  double height;

  pango_layout_get_extents (layout, NULL, &logical);
  width = (double) logical.width / PANGO_SCALE;
  height = (double) logical.height / PANGO_SCALE;

  cairo_save (canvas->cr);
  equity_chart_set_color (canvas->cr, color);
  /* a layout with a width set draws its lines inside that width: move by the
   * logical box's own offset so alignment is of the visible text */
  cairo_move_to (canvas->cr,
                 x - xalign * width - (double) logical.x / PANGO_SCALE,
                 y - yalign * height - (double) logical.y / PANGO_SCALE);
  pango_cairo_show_layout (canvas->cr, layout);
  /* the move above would otherwise start the caller's next path here */
  cairo_new_path (canvas->cr);
  cairo_restore (canvas->cr);
}

double
equity_chart_text_width (const EquityChartCanvas *canvas,
                         EquityChartTextStyle     text_style,
                         double                   px,
                         const char              *text)
{
  g_autoptr(PangoLayout) layout = equity_chart_text_layout (canvas, text_style, px, text);
  double width;

  equity_chart_text_size (layout, &width, NULL);
  return width;
}

/* The app's readers are in Asheville: numbers are written the US way (1,234.5)
 * whatever the process locale, so a chart reads the same in a file and on screen
 * and the decimal point never turns into a comma inside an interval. */
char *
equity_chart_format_number (double value,
                            int    decimals)
{
  return equity_format_number (value, decimals);
}

/* decimals that show a value's precision: none from WHOLE_FROM up */
static int
decimals_for (double value,
              double whole_from)
{
  double magnitude = fabs (value);

  if (!isfinite (magnitude) || magnitude >= whole_from)
    return 0;
  if (magnitude >= 1 || magnitude == 0)
    return 1;
  if (magnitude >= 0.1)
    return 2;
  return 3;
}

int
equity_chart_value_decimals (double value)
{
  return decimals_for (value, 1000);
}

/* interval ends are less certain than the value: one digit fewer above 100 */
int
equity_chart_interval_decimals (double value)
{
  return decimals_for (value, 100);
}

static int
decimals_of_step (double step)
{
  int decimals = 0;

  while (decimals < 9)
    {
      double scaled = step * pow (10, decimals);

      if (fabs (scaled - round (scaled)) < 1e-6 * MAX (1.0, fabs (scaled)))
        break;
      decimals++;
    }
  return decimals;
}

GArray *
equity_chart_nice_ticks (double *min,
                         double *max,
                         int     n_wanted,
                         int    *decimals)
{
  GArray *ticks = g_array_new (FALSE, FALSE, sizeof (double));
  double lo = *min;
  double hi = *max;
  double raw;
  double magnitude;
  double normalized;
  double step;
  gint64 first;
  gint64 last;

  if (!isfinite (lo) || !isfinite (hi))
    {
      lo = 0;
      hi = 1;
    }
  if (hi < lo)
    {
      double swap = lo;
      lo = hi;
      hi = swap;
    }
  if (hi - lo < 1e-12 * MAX (1.0, fabs (hi)))
    {
      /* a single value: open a range around it, or above zero */
      if (hi == 0)
        hi = 1;
      else if (lo > 0)
        lo = 0;
      else if (hi < 0)
        hi = 0;
    }

  n_wanted = MAX (n_wanted, 2);
  raw = (hi - lo) / n_wanted;
  magnitude = pow (10, floor (log10 (raw)));
  normalized = raw / magnitude;
  if (normalized <= 1.0)
    step = 1.0 * magnitude;
  else if (normalized <= 2.0)
    step = 2.0 * magnitude;
  else if (normalized <= 2.5)
    step = 2.5 * magnitude;
  else if (normalized <= 5.0)
    step = 5.0 * magnitude;
  else
    step = 10.0 * magnitude;

  first = (gint64) floor (lo / step + 1e-9);
  last = (gint64) ceil (hi / step - 1e-9);
  for (gint64 i = first; i <= last; i++)
    {
      double tick = (double) i * step;

      /* -0 would print as "−0" */
      if (fabs (tick) < step * 1e-9)
        tick = 0;
      g_array_append_val (ticks, tick);
    }

  *min = (double) first * step;
  *max = (double) last * step;
  if (decimals != NULL)
    *decimals = decimals_of_step (step);
  return ticks;
}
