/* equity-chart-map.c — the choropleth: areas classed by quantile, a legend,
 * hatching for what is not shown, a north arrow
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "equity-chart"

#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "equity-chart-private.h"
#include "equity-stats.h"

/* ---- classes --------------------------------------------------------- */

/* Quantile classes: each holds about a fifth of the areas, so the legend
 * reads as "the fifth of tracts with the highest rates", which a council
 * member can repeat, and one outlier cannot squeeze every other area into a
 * single colour. Breaks are rounded to a precision the range calls for, and
 * areas are classed by the rounded breaks, so the legend is exactly true. */
void
equity_chart_map_classify (EquityChart *self)
{
  EquityChartMapAreas *map = &self->map;
  g_autoptr(GArray) values = g_array_new (FALSE, FALSE, sizeof (double));
  double lo;
  double hi;
  double unit;
  int decimals;
  guint n;

  map->n_classes = 0;
  memset (map->class_counts, 0, sizeof map->class_counts);

  for (guint i = 0; i < map->areas->len; i++)
    {
      EquityChartArea *area = g_ptr_array_index (map->areas, i);
      double value;

      area->klass = -1;
      if (area->row >= 0 &&
          equity_chart_row_value (self, equity_result_get_row (self->result, area->row), &value, NULL, NULL))
        g_array_append_val (values, value);
    }
  n = values->len;
  if (n == 0)
    return;

  g_array_sort (values, equity_stats_compare_doubles);
  lo = g_array_index (values, double, 0);
  hi = g_array_index (values, double, n - 1);
  decimals = hi > lo ? (int) ceil (-log10 ((hi - lo) / 20)) : equity_chart_value_decimals (hi);
  decimals = CLAMP (decimals, 0, 6);
  map->class_decimals = decimals;
  unit = pow (10, -decimals);
  /* values already at the breaks' precision (counts, say) can be given
   * closed ranges, "8 – 23"; others need "8 to under 24" to be exact */
  map->class_on_grid = TRUE;
  for (guint i = 0; i < n && map->class_on_grid; i++)
    {
      double steps = g_array_index (values, double, i) / unit;

      map->class_on_grid = fabs (steps - round (steps)) <= 1e-9 * MAX (1.0, fabs (steps));
    }

  map->class_breaks[0] = floor (lo / unit + 1e-9) * unit;
  for (guint k = 1; k < EQUITY_CHART_MAX_CLASSES; k++)
    {
      guint index = (guint) ceil ((double) k * n / EQUITY_CHART_MAX_CLASSES) - 1;
      double b = round (g_array_index (values, double, MIN (index, n - 1)) / unit) * unit;

      if (b > map->class_breaks[map->n_classes] && b < hi)
        map->class_breaks[++map->n_classes] = b;
    }
  {
    double top = MAX (ceil (hi / unit - 1e-9) * unit, map->class_breaks[map->n_classes] + unit);

    map->n_classes++;
    map->class_breaks[map->n_classes] = top;
  }

  for (guint i = 0; i < map->areas->len; i++)
    {
      EquityChartArea *area = g_ptr_array_index (map->areas, i);
      double value;

      if (area->row < 0 ||
          !equity_chart_row_value (self, equity_result_get_row (self->result, area->row), &value, NULL, NULL))
        continue;
      /* each class runs from its lower break up to, not including, the next:
       * a value on a break belongs to one class only, the upper one */
      area->klass = map->n_classes - 1;
      for (guint k = 0; k + 1 < map->n_classes; k++)
        if (value < map->class_breaks[k + 1] - unit * 1e-9)
          {
            area->klass = k;
            break;
          }
      map->class_counts[area->klass]++;
    }
}

/* ---- drawing --------------------------------------------------------- */

/* tests only: fill area by area, the reference the batched fills must match */
static gboolean fill_by_area;

void
equity_chart_map_set_fill_by_area (gboolean by_area)
{
  fill_by_area = by_area;
}

/* Each class's areas as one path: their cached path data laid end to end in
 * CLASSES[k], in one pass over the areas, so each class is handed to cairo
 * once instead of area by area */
static void
gather_classes (EquityChart *self,
                gpointer     state,
                GArray     **classes)
{
  for (guint k = 0; k < self->map.n_classes; k++)
    classes[k] = g_array_new (FALSE, FALSE, sizeof (cairo_path_data_t));
  for (guint i = 0; i < self->map.areas->len; i++)
    {
      EquityChartArea *area = g_ptr_array_index (self->map.areas, i);
      const cairo_path_t *path;

      if (area->klass < 0)
        continue;
      path = equity_chart_map_area_path (state, i, FALSE, NULL);
      g_array_append_vals (classes[area->klass], path->data, path->num_data);
    }
}

/* the hatching's lines: every SPACING along x + y, LINE wide */
double
equity_chart_map_hatch_spacing (const EquityChartCanvas *canvas)
{
  return MAX (5.0, canvas->base * 0.38);
}

double
equity_chart_map_hatch_line_width (const EquityChartCanvas *canvas)
{
  return MAX (1.0, canvas->base / 16);
}

/* Each class as one cairo path (vector files), or area by area (tests) */
static void
fill_classes (const EquityChartCanvas *canvas)
{
  EquityChart *self = canvas->chart;
  cairo_t *cr = canvas->cr;
  GArray *classes[EQUITY_CHART_MAX_CLASSES];

  gather_classes (self, canvas->layout->state, classes);
  for (guint k = 0; k < self->map.n_classes; k++)
    {
      cairo_path_t path = { CAIRO_STATUS_SUCCESS, (cairo_path_data_t *) classes[k]->data, classes[k]->len };
      EquityChartColor color;

      equity_chart_palette_class (k, self->map.n_classes, &color);
      equity_chart_set_color (cr, &color);
      cairo_new_path (cr);
      if (!fill_by_area)
        cairo_append_path (cr, &path);
      for (guint i = 0; fill_by_area && i < self->map.areas->len; i++)
        if (((EquityChartArea *) g_ptr_array_index (self->map.areas, i))->klass == (int) k)
          {
            cairo_append_path (cr, equity_chart_map_area_path (canvas->layout->state, i, FALSE, NULL));
            cairo_fill (cr);
          }
      g_array_unref (classes[k]);
      cairo_fill (cr);
    }
}

static void
hatch (const EquityChartCanvas *canvas,
       double                   x,
       double                   y,
       double                   width,
       double                   height)
{
  cairo_t *cr = canvas->cr;
  double spacing = equity_chart_map_hatch_spacing (canvas);
  double line = equity_chart_map_hatch_line_width (canvas);

  /* diagonal lines: they survive greyscale printing, where a pale fill would
   * not. They lie on x + y = k·spacing across the whole picture, so two
   * hatched neighbours read as one hatched patch. */
  cairo_save (cr);
  cairo_new_path (cr);
  cairo_set_line_width (cr, line);
  equity_chart_set_color (cr, &canvas->style->muted);
  for (double c = floor ((x + y - line) / spacing) * spacing; c <= x + width + y + height + line; c += spacing)
    {
      cairo_move_to (cr, c - y + line, y - line);
      cairo_line_to (cr, c - y - height - line, y + height + line);
    }
  cairo_stroke (cr);
  cairo_restore (cr);
}

static void
draw_north_arrow (const EquityChartCanvas *canvas,
                  double                   cx,
                  double                   top,
                  double                   size)
{
  cairo_t *cr = canvas->cr;
  g_autoptr(PangoLayout) n = equity_chart_text_layout (canvas, EQUITY_CHART_TEXT_BOLD, size * 0.55, "N");
  double text_height;

  equity_chart_text_size (n, NULL, &text_height);
  equity_chart_text_draw (canvas, n, &canvas->style->foreground, cx, top, 0.5, 0);
  top += text_height;

  /* a half-filled arrowhead, the convention that reads as "north" at a glance */
  cairo_save (cr);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_MITER);
  cairo_move_to (cr, cx, top);
  cairo_line_to (cr, cx + size * 0.32, top + size);
  cairo_line_to (cr, cx, top + size * 0.72);
  cairo_close_path (cr);
  equity_chart_set_color (cr, &canvas->style->foreground);
  cairo_fill (cr);
  cairo_move_to (cr, cx, top);
  cairo_line_to (cr, cx - size * 0.32, top + size);
  cairo_line_to (cr, cx, top + size * 0.72);
  cairo_close_path (cr);
  cairo_set_line_width (cr, MAX (1.0, canvas->line));
  cairo_stroke (cr);
  cairo_restore (cr);
}

/* Class K's boundaries, none shared with its neighbours: "8 to under 24"
 * (the top class: "24 to 60"), or for values at the breaks' precision
 * "8 – 23" */
char *
equity_chart_map_class_label (EquityChart *self,
                              guint        k)
{
  const EquityChartMapAreas *map = &self->map;
  const char *percent = self->percent ? "%" : "";
  g_autofree char *low = NULL;
  g_autofree char *high = NULL;
  double high_value;
  gboolean top;

  g_return_val_if_fail (k < map->n_classes, NULL);

  top = k + 1 == map->n_classes;
  high_value = map->class_breaks[k + 1];
  if (map->class_on_grid && !top)
    high_value -= pow (10, -(double) map->class_decimals);
  low = equity_chart_format_number (map->class_breaks[k], map->class_decimals);
  high = equity_chart_format_number (high_value, map->class_decimals);
  if (map->class_on_grid && g_str_equal (low, high))
    return g_strdup_printf ("%s%s", low, percent);
  if (map->class_on_grid)
    return g_strdup_printf ("%s – %s%s", low, high, percent);
  if (top)
    /* TRANSLATORS: a map legend's top class, "24 to 60" */
    return g_strdup_printf (_("%s to %s%s"), low, high, percent);
  /* TRANSLATORS: a map legend's class, "8 to under 24"; the next starts at 24 */
  return g_strdup_printf (_("%s to under %s%s"), low, high, percent);
}

typedef struct
{
  double width;
  double height;
  double swatch_w;
  double swatch_h;
  double row_h;
  double title_h;
  double px;
  gboolean any_hidden;
  char *title;
} Legend;

static void
measure_legend (const EquityChartCanvas *canvas,
                Legend                  *legend,
                double                   max_width)
{
  EquityChart *self = canvas->chart;
  g_autoptr(PangoLayout) title = NULL;
  double widest = 0;

  {
    /* what the colours measure; notes after a semicolon are the subtitle's */
    const char *units = equity_chart_units (self);
    const char *semicolon = strchr (units, ';');
    g_autofree char *measure = semicolon != NULL ? g_strndup (units, semicolon - units) : g_strdup (units);
    g_autofree char *first = g_utf8_strup (measure, g_utf8_next_char (measure) - measure);

    legend->title = g_strconcat (first, g_utf8_next_char (measure), NULL);
  }
  legend->px = canvas->base * 0.9;
  legend->swatch_w = canvas->base * 1.6;
  legend->swatch_h = canvas->base * 1.05;
  legend->row_h = MAX (legend->swatch_h, legend->px * 1.25) + canvas->base * 0.35;
  legend->any_hidden = FALSE;
  for (guint i = 0; i < self->map.areas->len; i++)
    legend->any_hidden |= ((EquityChartArea *) g_ptr_array_index (self->map.areas, i))->klass < 0;

  for (guint k = 0; k < self->map.n_classes; k++)
    {
      g_autofree char *label = equity_chart_map_class_label (self, k);
      widest = MAX (widest, equity_chart_text_width (canvas, EQUITY_CHART_TEXT_BODY, legend->px, label));
    }
  if (legend->any_hidden)
    {
      widest = MAX (widest, equity_chart_text_width (canvas, EQUITY_CHART_TEXT_BODY, legend->px, _("Not shown")));
      widest = MAX (widest, equity_chart_text_width (canvas, EQUITY_CHART_TEXT_SMALL, 0,
                                                     _("suppressed or no data")));
    }

  legend->width = MIN (legend->swatch_w + canvas->base * 0.6 + widest, max_width);
  legend->width = MAX (legend->width, canvas->base * 9);

  title = equity_chart_text_layout (canvas, EQUITY_CHART_TEXT_BOLD, legend->px, legend->title);
  equity_chart_text_limit (title, legend->width, 3);
  equity_chart_text_size (title, NULL, &legend->title_h);

  legend->height = legend->title_h + canvas->base * 0.5 +
                   (self->map.n_classes + (legend->any_hidden ? 1.5 : 0)) * legend->row_h;
}

static void
draw_legend (const EquityChartCanvas *canvas,
             const Legend            *legend,
             double                   x,
             double                   y)
{
  EquityChart *self = canvas->chart;
  cairo_t *cr = canvas->cr;
  g_autoptr(PangoLayout) title = NULL;
  double text_x = x + legend->swatch_w + canvas->base * 0.6;
  double text_w = legend->width - legend->swatch_w - canvas->base * 0.6;

  title = equity_chart_text_layout (canvas, EQUITY_CHART_TEXT_BOLD, legend->px, legend->title);
  equity_chart_text_limit (title, legend->width, 3);
  equity_chart_text_draw (canvas, title, &canvas->style->foreground, x, y, 0, 0);
  y += legend->title_h + canvas->base * 0.5;

  /* highest class on top, as the eye reads "more" upwards */
  for (guint j = 0; j < self->map.n_classes; j++)
    {
      guint k = self->map.n_classes - 1 - j;
      g_autofree char *label = equity_chart_map_class_label (self, k);
      g_autoptr(PangoLayout) text = equity_chart_text_layout (canvas, EQUITY_CHART_TEXT_BODY, legend->px, label);
      EquityChartColor color;

      equity_chart_palette_class (k, self->map.n_classes, &color);
      cairo_rectangle (cr, x, y, legend->swatch_w, legend->swatch_h);
      equity_chart_set_color (cr, &color);
      cairo_fill (cr);

      equity_chart_text_limit (text, text_w, 1);
      equity_chart_text_draw (canvas, text, &canvas->style->foreground, text_x, y + legend->swatch_h / 2, 0, 0.5);
      y += legend->row_h;
    }

  if (legend->any_hidden)
    {
      g_autoptr(PangoLayout) text = equity_chart_text_layout (canvas, EQUITY_CHART_TEXT_BODY, legend->px,
                                                              _("Not shown"));
      g_autoptr(PangoLayout) why = equity_chart_text_layout (canvas, EQUITY_CHART_TEXT_SMALL, 0,
                                                             _("suppressed or no data"));
      double text_h;

      y += legend->row_h * 0.25;
      cairo_rectangle (cr, x, y, legend->swatch_w, legend->swatch_h);
      equity_chart_set_color (cr, &canvas->style->no_data);
      cairo_fill_preserve (cr);
      cairo_save (cr);
      cairo_clip (cr);
      hatch (canvas, x, y, legend->swatch_w, legend->swatch_h);
      cairo_restore (cr);

      equity_chart_text_limit (text, text_w, 1);
      equity_chart_text_size (text, NULL, &text_h);
      equity_chart_text_draw (canvas, text, &canvas->style->foreground, text_x, y + legend->swatch_h / 2, 0, 0.5);
      equity_chart_text_limit (why, text_w, 2);
      equity_chart_text_draw (canvas, why, &canvas->style->muted, text_x,
                              y + legend->swatch_h / 2 + text_h / 2, 0, 0);
    }
}

/* the hovered area's outline, over the picture or over a copy of it */
static void
draw_highlight (EquityChartCanvas *canvas)
{
  EquityChart *self = canvas->chart;
  cairo_t *cr = canvas->cr;

  if (canvas->highlighted_row < 0 || self->map.areas->len == 0)
    return;
  cairo_save (cr);
  cairo_new_path (cr);
  for (guint i = 0; i < self->map.areas->len; i++)
    {
      EquityChartArea *area = g_ptr_array_index (self->map.areas, i);
      if (area->row == canvas->highlighted_row)
        cairo_append_path (cr, equity_chart_map_area_path (canvas->layout->state, i, FALSE, NULL));
    }
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_BEVEL);
  cairo_set_line_width (cr, MAX (2.0, canvas->line * 2));
  equity_chart_set_color (cr, &canvas->style->foreground);
  cairo_stroke (cr);
  cairo_restore (cr);
}

static char *
dup_footnote (EquityChart *self)
{
  g_autoptr(GString) note = g_string_new (NULL);
  guint n_unreliable = 0;
  guint n_unmatched = 0;
  guint n_rows = equity_result_get_n_rows (self->result);
  /* per row: shown on the map (a flag a row, not a hash table: this runs
   * every frame) */
  g_autofree gboolean *shown = g_new0 (gboolean, MAX (n_rows, 1));

  for (guint i = 0; i < self->map.areas->len; i++)
    {
      EquityChartArea *area = g_ptr_array_index (self->map.areas, i);

      if (area->row < 0 || area->klass < 0 || shown[area->row])
        continue;
      shown[area->row] = TRUE;
      if (g_strcmp0 (equity_result_get_row (self->result, area->row)->reliability, "low") == 0)
        n_unreliable++;
    }
  for (guint i = 0; i < n_rows; i++)
    if (!shown[i] && !equity_result_row_is_hidden (equity_result_get_row (self->result, i)))
      n_unmatched++;

  g_string_append (note, _("Classes are quintiles: each holds about a fifth of the areas shown."));
  if (n_unreliable > 0)
    g_string_append_printf (note, ngettext (" %u area has an unreliable estimate (CV above %g%%).",
                                            " %u areas have unreliable estimates (CV above %g%%).",
                                            n_unreliable), n_unreliable, EQUITY_ACS_CV_LOW);
  if (n_unmatched > 0 && self->map.areas->len > 0)
    g_string_append_printf (note, ngettext (" %u row has no area on the map.",
                                            " %u rows have no area on the map.", n_unmatched), n_unmatched);
  return g_string_free (g_steal_pointer (&note), FALSE);
}

static void
draw_map (EquityChartCanvas *canvas)
{
  EquityChart *self = canvas->chart;
  cairo_t *cr = canvas->cr;
  g_autofree char *subtitle = equity_chart_default_subtitle (self, FALSE);
  g_autofree char *footnote = NULL;
  EquityChartRect plot;
  EquityChartRect map;
  EquityChartRect drawn;
  const EquityChartMapLines *lines;
  gboolean raster_fill;
  Legend legend;
  double gap = canvas->base * 1.5;
  double arrow = canvas->base * 1.7;
  double legend_y;
  double border;

  if (self->map.areas->len == 0)
    {
      equity_chart_draw_frame (canvas, subtitle, NULL, &plot);
      equity_chart_draw_message (canvas, &plot, _("No map: the analysis names no areas with geometry."));
      return;
    }

  footnote = dup_footnote (self);
  equity_chart_draw_frame (canvas, subtitle, footnote, &plot);

  measure_legend (canvas, &legend, plot.width * 0.3);
  map.x = plot.x;
  map.y = plot.y;
  map.width = MAX (plot.width - legend.width - gap, 1);
  map.height = plot.height;
  /* a map narrower than its room moves right, so map and legend stand
   * together in the middle rather than at opposite edges */
  {
    double extent_w = MAX (self->map.extent[1] - self->map.extent[0], 1e-9);
    double extent_h = MAX (self->map.extent[3] - self->map.extent[2], 1e-9);
    double drawn_w = extent_w * MIN (map.width / extent_w, map.height / extent_h);

    if (drawn_w < map.width)
      {
        map.x = plot.x + (plot.width - drawn_w - gap - legend.width) / 2;
        map.width = drawn_w;
      }
  }
  equity_chart_map_fit (self, canvas->layout->state, &map, canvas->device_scale);
  /* the areas' own box within MAP: the raster fill and border mask need no more */
  {
    double scale, origin_x, origin_y;

    equity_chart_map_get_transform (canvas->layout->state, &scale, &origin_x, &origin_y);
    drawn.x = origin_x;
    drawn.y = origin_y;
    drawn.width = (self->map.extent[1] - self->map.extent[0]) * scale;
    drawn.height = (self->map.extent[3] - self->map.extent[2]) * scale;
  }

  /* Fills by class: pixels summed at once on a screen or PNG, else one path
   * per colour instead of one per area. Cairo's fast antialiasing (4×4
   * samples, for the hatching here) halves the time of the default on 2,192
   * tracts and looks the same under the borders; PDF and SVG ignore it. */
  cairo_save (cr);
  cairo_set_antialias (cr, CAIRO_ANTIALIAS_FAST);
  cairo_set_fill_rule (cr, CAIRO_FILL_RULE_EVEN_ODD);
  lines = canvas->raster ? equity_chart_map_lines_for (canvas, &drawn) : NULL;
  raster_fill = lines != NULL && !fill_by_area;
  if (raster_fill)
    equity_chart_map_fill_raster (canvas, lines);
  else
    fill_classes (canvas);
  /* hatched one by one: lines over each area's own box, not the whole map
   * (the raster fill has filled and hatched them already) */
  for (guint i = 0; !raster_fill && i < self->map.areas->len; i++)
    {
      EquityChartArea *area = g_ptr_array_index (self->map.areas, i);
      const double *box;
      const cairo_path_t *path;

      if (area->klass >= 0)
        continue;
      path = equity_chart_map_area_path (canvas->layout->state, i, FALSE, &box);
      cairo_new_path (cr);
      cairo_append_path (cr, path);
      equity_chart_set_color (cr, &canvas->style->no_data);
      cairo_fill_preserve (cr);
      cairo_save (cr);
      cairo_clip (cr);
      hatch (canvas, box[0], box[1], box[2] - box[0], box[3] - box[1]);
      cairo_restore (cr);
    }
  cairo_new_path (cr);

  /* thin borders, each shared one stroked once: enough to tell neighbours
   * apart, never enough to hide small areas */
  border = sqrt (map.width * map.height / MAX (self->map.areas->len, 1)) / 40;
  border = CLAMP (border, 0.4, 1.5);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_BEVEL);
  cairo_set_line_width (cr, border);
  equity_chart_set_color (cr, &canvas->style->border);
  /* Thousands of sub-pixel borders on a screen or PNG: one unsmoothed pixel
   * at partial strength looks the same as a smoothed 0.4 px line, weighs
   * more evenly, and is set pixel by pixel into a mask many times faster
   * than cairo strokes it. Vector files keep the true thin line. */
  if (border < 0.75 && canvas->raster)
    {
      cairo_new_path (cr);
      equity_chart_set_color_alpha (cr, &canvas->style->border, border * 1.25);
      equity_chart_map_mask_borders (canvas, lines);
    }
  else
    {
      for (guint i = 0; i < self->map.areas->len; i++)
        {
          const double *box;
          const cairo_path_t *border_path = equity_chart_map_area_path (canvas->layout->state, i, TRUE, &box);

          /* a speck of a few pixels shows its colour, not a white outline */
          if (box[2] - box[0] < EQUITY_CHART_MAP_MIN_BORDERED_PX && box[3] - box[1] < EQUITY_CHART_MAP_MIN_BORDERED_PX)
            continue;
          cairo_append_path (cr, border_path);
        }
      cairo_stroke (cr);
    }

  cairo_restore (cr);
  draw_highlight (canvas);

  legend_y = plot.y + MAX (0, (plot.height - legend.height - arrow * 1.8) / 2);
  draw_legend (canvas, &legend, map.x + map.width + gap, legend_y);
  draw_north_arrow (canvas, map.x + map.width + gap + legend.swatch_w / 2,
                    MIN (legend_y + legend.height + canvas->base * 1.2, plot.y + plot.height - arrow * 1.6),
                    arrow);
  g_free (legend.title);
}

/* ---- words ---------------------------------------------------------- */

static char *
describe_map (EquityChart *self)
{
  GString *text = g_string_new (NULL);
  EquityChartExtremes extremes = EQUITY_CHART_EXTREMES_INIT;
  guint n_hidden = 0;

  for (guint i = 0; i < self->map.areas->len; i++)
    {
      const EquityChartArea *area = g_ptr_array_index (self->map.areas, i);
      const EquityResultRow *row;
      double value;

      if (area->klass < 0)
        {
          n_hidden++;
          continue;
        }
      row = equity_result_get_row (self->result, area->row);
      equity_chart_row_value (self, row, &value, NULL, NULL);
      equity_chart_extremes_add (&extremes, row, value);
    }

  g_string_append_printf (text, _("Map: %s for %u areas"), equity_chart_units (self), self->map.areas->len);
  if (self->map.n_classes > 0)
    {
      g_autofree char *lo = equity_chart_format_number (self->map.class_breaks[0], self->map.class_decimals);
      g_autofree char *hi = equity_chart_format_number (self->map.class_breaks[self->map.n_classes],
                                                        self->map.class_decimals);
      g_string_append_printf (text, _(", in %u classes from %s to %s."), self->map.n_classes, lo, hi);
    }
  else
    g_string_append (text, ".");
  /* one area, or all alike: no highest and lowest to tell apart */
  if (extremes.highest != extremes.lowest)
    equity_chart_append_extremes (self, text, &extremes);
  if (n_hidden > 0)
    g_string_append_printf (text, ngettext (" %u area is not shown (suppressed or no data).",
                                            " %u areas are not shown (suppressed or no data).", n_hidden),
                            n_hidden);
  return g_string_free (text, FALSE);
}

const EquityChartRenderer equity_chart_map_renderer = {
  .kind = EQUITY_CHART_MAP,
  .name = "map",
  .state_new = equity_chart_map_state_new,
  .state_free = equity_chart_map_state_free,
  .draw = draw_map,
  .draw_highlight = draw_highlight,
  .hit_test = equity_chart_map_hit_test,
  .describe = describe_map,
};
