/* equity-chart-map-raster.c — the map's fill on screens and PNGs: every
 * area's coverage summed per pixel in its class's colour, the hatching of
 * the areas not shown, and the borders as one-pixel lines (vector files are
 * filled by cairo in equity-chart-map.c)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "equity-chart"

#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "equity-chart-private.h"

/* The raster fill's running sums of one pixel: each class's coverage (a
 * vector, added in one go where the processor can) */
#define FILL_LAYERS 8
typedef float FillCoverage __attribute__ ((vector_size (FILL_LAYERS * sizeof (float))));
G_STATIC_ASSERT (EQUITY_CHART_MAX_CLASSES + 1 <= FILL_LAYERS);

/* a colour, premultiplied: red, green, blue, alpha */
typedef float FillColor __attribute__ ((vector_size (4 * sizeof (float))));

static inline int
floor_to_int (double value)
{
  int i = (int) value;

  return i - (i > value);
}

static inline int
ceil_to_int (double value)
{
  int i = (int) value;

  return i + (i < value);
}

/* Adds the exact area a line from (X0, Y0) to (X1, Y1) covers in each pixel
 * of its rows to class K's sums in SUMS (WIDTH a row, HEIGHT rows; the
 * line may reach beyond them vertically). Summed along a row, the pixels
 * left of a closed outline get nothing and those inside get its signed
 * coverage, as in font rasterizers (font-rs). X stays within 0 … WIDTH − 2. */
static void
accumulate_line (FillCoverage *sums,
                 int           width,
                 int           height,
                 int           k,
                 double        x0,
                 double        y0,
                 double        x1,
                 double        y1)
{
  double direction = 1;
  double dxdy;
  double x;
  int y_end;

  if (y0 == y1)
    return;
  if (y0 > y1)
    {
      double t = x0;
      x0 = x1, x1 = t;
      t = y0;
      y0 = y1, y1 = t;
      direction = -1;
    }
  dxdy = (x1 - x0) / (y1 - y0);
  x = y0 < 0 ? x0 - y0 * dxdy : x0;
  y_end = MIN (ceil_to_int (y1), height);

  for (int y = MAX (floor_to_int (y0), 0); y < y_end; y++)
    {
      /* class K's sum of each pixel in row Y, as plain floats: a vector
       * element picked at run time can cost a trip through memory */
      float *row = (float *) (sums + (gsize) y * width) + k;
      double dy = MIN (y + 1, y1) - MAX (y, y0);
      double x_next = x + dxdy * dy;
      double d = dy * direction;
      double left = MIN (x, x_next);
      double right = MAX (x, x_next);
      int left_i = floor_to_int (left);
      int right_i = ceil_to_int (right);

      if (right_i <= left_i + 1)
        {
          /* within one pixel: the part right of the line's middle */
          double middle = 0.5 * (x + x_next) - left_i;

          row[FILL_LAYERS * left_i] += (float) (d - d * middle);
          row[FILL_LAYERS * (left_i + 1)] += (float) (d * middle);
        }
      else
        {
          /* across several: a triangle in the first, a trapezoid in each
           * between, the rest of a triangle in the last */
          double s = 1 / (right - left);
          double left_f = left - left_i;
          double first = 0.5 * s * (1 - left_f) * (1 - left_f);
          double right_f = right - right_i + 1;
          double last = 0.5 * s * right_f * right_f;

          row[FILL_LAYERS * left_i] += (float) (d * first);
          if (right_i == left_i + 2)
            row[FILL_LAYERS * (left_i + 1)] += (float) (d * (1 - first - last));
          else
            {
              double second = s * (1.5 - left_f);
              float step = (float) (d * s);

              row[FILL_LAYERS * (left_i + 1)] += (float) (d * (second - first));
              for (int column = left_i + 2; column < right_i - 1; column++)
                row[FILL_LAYERS * column] += step;
              row[FILL_LAYERS * (right_i - 1)] += (float) (d * (1 - second - (right_i - left_i - 3) * s - last));
            }
          row[FILL_LAYERS * right_i] += (float) (d * last);
        }
      x = x_next;
    }
}

/* A colour as the 8-bit value cairo fills with (its 16-bit channel's high
 * byte), so a fully covered pixel matches cairo's exactly */
static FillColor
fill_color (const EquityChartColor *color)
{
  FillColor premultiplied = {
    ((guint) (color->red * 65535 + 0.5) >> 8) / 255.0f,
    ((guint) (color->green * 65535 + 0.5) >> 8) / 255.0f,
    ((guint) (color->blue * 65535 + 0.5) >> 8) / 255.0f,
    1,
  };

  return premultiplied;
}

/* the fill's layers: the classes, then the areas not shown over them (their
 * hatching is laid over the result) */
#define FILL_USED_LAYERS (EQUITY_CHART_MAX_CLASSES + 1)
G_STATIC_ASSERT (FILL_USED_LAYERS == 6);

/* TOP laid over BOTTOM, both premultiplied */
static inline FillColor
fill_over (FillColor top,
           FillColor bottom)
{
  return top + (1 - top[3]) * bottom;
}

/* The premultiplied colour of the layers' COVERAGE in COLORS, each layer
 * laid over the ones before as cairo would fill them one after the other
 * (so where two classes meet, a little background shows between them, as
 * it always has under the borders). Laying over is associative: pairs
 * first, so no step waits on all the ones before it. Unused layers have no
 * coverage and add nothing. */
static FillColor
fill_blend (const FillCoverage *coverage,
            const FillColor    *colors)
{
  FillColor layer[FILL_USED_LAYERS];

  for (int k = 0; k < FILL_USED_LAYERS; k++)
    layer[k] = MIN (MAX ((*coverage)[k], 0.0f), 1.0f) * colors[k];
  return fill_over (fill_over (layer[5], layer[4]),
                    fill_over (fill_over (layer[3], layer[2]), fill_over (layer[1], layer[0])));
}

/* COLOR as a premultiplied ARGB32 pixel; every channel is within 0 … 1, a
 * blend of colours that are */
static guint32
fill_pack (FillColor color)
{
  color = color * 255.0f + 0.5f;
  return (guint32) color[3] << 24 | (guint32) color[0] << 16 | (guint32) color[1] << 8 | (guint32) color[2];
}

/* the part of a pixel (a unit square) where u + v < T */
static inline double
square_below (double t)
{
  if (t <= 0)
    return 0;
  if (t <= 1)
    return t * t / 2;
  if (t <= 2)
    return 1 - (2 - t) * (2 - t) / 2;
  return 1;
}

/* How much of the pixel whose corner is at CORNER (u + v, in pixels) the
 * nearest hatching line covers: lines at OFFSET + k · PERIOD, HALF_WIDTH
 * either side along u + v. PERIOD is at least five pixels and the line a
 * few wide: one line reaches a pixel at most. */
static float
hatch_coverage (double corner,
                double offset,
                double period,
                double half_width)
{
  double line = offset + floor ((corner + 1 - offset) / period + 0.5) * period;

  return (float) (square_below (line + half_width - corner) - square_below (line - half_width - corner));
}

/* A line of area AREA's outline in the raster fill's pixels, its rows
 * counted from the top of the band it is listed in */
typedef struct
{
  float x0;
  float y0;
  float x1;
  float y1;
  guint area;
} FillEdge;

/* the raster fill's rows at a time: their sums stay in the processor's cache */
#define FILL_BAND_ROWS 8

/* The raster fill's pixels: WIDTH × HEIGHT device pixels from user (LEFT, TOP) */
typedef struct
{
  double left;
  double top;
  double scale;
  int    width;
  int    height;
} FillFrame;

/* A border line in the raster's pixels */
typedef struct
{
  float x0;
  float y0;
  float x1;
  float y1;
} BorderLine;

/* Every area's lines for one fit in the raster's pixels: the fill's band by
 * band, and the borders of the areas big enough to have one. Made on the
 * first frame at a size with the paths, as they are, and kept with them, so
 * a frame reads them in order instead of walking thousands of paths. One
 * block: g_free() frees it. */
struct _EquityChartMapLines
{
  FillFrame   frame;
  int         n_bands;
  guint      *band_starts;  /* n_bands + 1: band B's lines are edges[band_starts[B] …] */
  FillEdge   *edges;
  guint       n_borders;
  BorderLine *borders;
};

/* the border lines of the areas big enough to have one */
static GArray *
collect_borders (EquityChart     *self,
                 gpointer         state,
                 const FillFrame *frame)
{
  GArray *borders = g_array_new (FALSE, FALSE, sizeof (BorderLine));

  for (guint i = 0; i < self->map.areas->len; i++)
    {
      const double *box;
      const cairo_path_t *path = equity_chart_map_area_path (state, i, TRUE, &box);
      float x = 0, y = 0;

      /* a speck of a few pixels shows its colour, not a white outline */
      if (box[2] - box[0] < EQUITY_CHART_MAP_MIN_BORDERED_PX && box[3] - box[1] < EQUITY_CHART_MAP_MIN_BORDERED_PX)
        continue;
      for (int k = 0; k < path->num_data; k += path->data[k].header.length)
        {
          BorderLine line = { x, y };

          /* the border paths hold only moves and lines */
          if (path->data[k].header.length < 2)
            continue;
          line.x1 = (path->data[k + 1].point.x - frame->left) * frame->scale;
          line.y1 = (path->data[k + 1].point.y - frame->top) * frame->scale;
          if (path->data[k].header.type == CAIRO_PATH_LINE_TO)
            g_array_append_val (borders, line);
          x = line.x1;
          y = line.y1;
        }
    }
  return borders;
}

/* Twice the signed area of the ring at item K of PATH (a move, lines, a
 * close): negative for a ring that ran counterclockwise on the map (y north)
 * now that y runs down the page */
static double
path_ring_area (const cairo_path_t *path,
                int                 k)
{
  double first_x = path->data[k + 1].point.x, first_y = path->data[k + 1].point.y;
  double x = first_x, y = first_y;
  double sum = 0;

  for (k += 2; k < path->num_data && path->data[k].header.type == CAIRO_PATH_LINE_TO; k += 2)
    {
      sum += (x - path->data[k + 1].point.x) * (y + path->data[k + 1].point.y);
      x = path->data[k + 1].point.x;
      y = path->data[k + 1].point.y;
    }
  return sum + (x - first_x) * (y + first_y);
}

static EquityChartMapLines *
fill_lines_new (EquityChart     *self,
                gpointer         state,
                const FillFrame *frame)
{
  int n_bands = (frame->height + FILL_BAND_ROWS - 1) / FILL_BAND_ROWS;
  g_autofree GArray **bands = g_new (GArray *, n_bands);
  g_autoptr(GArray) borders = collect_borders (self, state, frame);
  EquityChartMapLines *lines;
  guint n_edges = 0;

  for (int b = 0; b < n_bands; b++)
    bands[b] = g_array_new (FALSE, FALSE, sizeof (FillEdge));
  for (guint i = 0; i < self->map.areas->len; i++)
    {
      const EquityChartArea *area = g_ptr_array_index (self->map.areas, i);
      const cairo_path_t *path = equity_chart_map_area_path (state, i, FALSE, NULL);
      double start_x = 0, start_y = 0, x = 0, y = 0;
      gboolean reverse = FALSE;
      int ring = -1;

      for (int k = 0; k < path->num_data; k += path->data[k].header.length)
        {
          const cairo_path_data_t *item = &path->data[k];
          double px = start_x;
          double py = start_y;

          if (item->header.type != CAIRO_PATH_CLOSE_PATH)
            {
              px = CLAMP ((item[1].point.x - frame->left) * frame->scale, 0, frame->width - 2);
              py = (item[1].point.y - frame->top) * frame->scale;
            }
          if (item->header.type == CAIRO_PATH_MOVE_TO)
            {
              /* the sums want outer rings counterclockwise on the map and
               * holes clockwise, whichever way the file has them: a line
               * the other way round adds the opposite */
              ring++;
              reverse = (path_ring_area (path, k) > 0) != area->holes[ring];
              start_x = px, start_y = py;
            }
          else if (py != y)
            {
              int first = CLAMP (floor_to_int (MIN (y, py)) / FILL_BAND_ROWS, 0, n_bands - 1);
              int last = CLAMP (floor_to_int (MAX (y, py)) / FILL_BAND_ROWS, 0, n_bands - 1);

              /* listed in each band it crosses */
              for (int b = first; b <= last; b++)
                {
                  double band_top = b * FILL_BAND_ROWS;
                  FillEdge edge = { x, y - band_top, px, py - band_top, i };

                  if (reverse)
                    edge = (FillEdge) { px, py - band_top, x, y - band_top, i };
                  g_array_append_val (bands[b], edge);
                  n_edges++;
                }
            }
          x = px;
          y = py;
        }
    }

  lines = g_malloc (sizeof (EquityChartMapLines) + (n_bands + 1) * sizeof (guint) + n_edges * sizeof (FillEdge) +
                    borders->len * sizeof (BorderLine));
  lines->frame = *frame;
  lines->n_bands = n_bands;
  lines->band_starts = (guint *) (lines + 1);
  lines->edges = (FillEdge *) (lines->band_starts + n_bands + 1);
  lines->n_borders = borders->len;
  lines->borders = (BorderLine *) (lines->edges + n_edges);
  /* an empty GArray may have no data at all, which memcpy may not be given */
  if (borders->len > 0)
    memcpy (lines->borders, borders->data, borders->len * sizeof (BorderLine));
  lines->band_starts[0] = 0;
  for (int b = 0; b < n_bands; b++)
    {
      if (bands[b]->len > 0)
        memcpy (lines->edges + lines->band_starts[b], bands[b]->data, bands[b]->len * sizeof (FillEdge));
      lines->band_starts[b + 1] = lines->band_starts[b] + bands[b]->len;
      g_array_unref (bands[b]);
    }
  return lines;
}

/* The lines for the raster over DRAWN (the areas' box), from the fit's or
 * made now */
const EquityChartMapLines *
equity_chart_map_lines_for (const EquityChartCanvas *canvas,
                            const EquityChartRect   *drawn)
{
  gpointer state = canvas->layout->state;
  EquityChartMapLines *lines = equity_chart_map_get_fit_data (state);
  FillFrame frame = {
    .left = floor (drawn->x) - 1,
    .top = floor (drawn->y) - 1,
    .scale = canvas->device_scale,
    .width = (int) ceil ((drawn->width + 3) * canvas->device_scale),
    .height = (int) ceil ((drawn->height + 3) * canvas->device_scale),
  };

  if (lines == NULL || memcmp (&lines->frame, &frame, sizeof frame) != 0)
    {
      lines = fill_lines_new (canvas->chart, state, &frame);
      equity_chart_map_set_fit_data (state, lines, g_free);
    }
  return lines;
}

/* Every class filled at once on a screen or PNG. Each area's outline adds
 * its coverage in its class's colour to running sums (outer rings and holes
 * taken opposite ways round, so a hole adds nothing: the even-odd rule), and one
 * pass along each row makes the sums pixels, painted in one go. Cairo took
 * three quarters of the frame filling five paths of thousands of short
 * edges; this covers the same pixels, and where two areas meet their
 * colours share the pixel without letting the background through. The
 * lines come sorted into bands of rows (kept with the paths for the size),
 * so the sums of one band are all that is written to at a time. */
void
equity_chart_map_fill_raster (const EquityChartCanvas   *canvas,
                              const EquityChartMapLines *lines)
{
  EquityChart *self = canvas->chart;
  int width = lines->frame.width;
  int height = lines->frame.height;
  /* the classes, then the areas not shown laid over them, as cairo filled
   * them, then their hatching as hatch() strokes it: lines on x + y =
   * k · spacing in user space, here in pixels from the frame's corner */
  FillColor colors[FILL_USED_LAYERS] = { { 0 } };
  FillColor muted = fill_color (&canvas->style->muted);
  guint not_shown = self->map.n_classes;
  double period = equity_chart_map_hatch_spacing (canvas) * lines->frame.scale;
  double half_width = equity_chart_map_hatch_line_width (canvas) * lines->frame.scale / G_SQRT2;
  double offset = -fmod ((lines->frame.left + lines->frame.top) * lines->frame.scale, period);
  g_autofree int *layers = g_new (int, MAX (self->map.areas->len, 1));
  g_autofree FillCoverage *sums = g_new0 (FillCoverage, (gsize) width * FILL_BAND_ROWS);
  cairo_surface_t *image;
  guint8 *data;
  int stride;

  for (guint k = 0; k < self->map.n_classes; k++)
    {
      EquityChartColor color;

      equity_chart_palette_class (k, self->map.n_classes, &color);
      colors[k] = fill_color (&color);
    }
  colors[self->map.n_classes] = fill_color (&canvas->style->no_data);
  for (guint i = 0; i < self->map.areas->len; i++)
    {
      int klass = ((EquityChartArea *) g_ptr_array_index (self->map.areas, i))->klass;

      layers[i] = klass >= 0 ? klass : (int) self->map.n_classes;
    }

  image = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  data = cairo_image_surface_get_data (image);
  stride = cairo_image_surface_get_stride (image);
  cairo_surface_flush (image);
  for (int b = 0; b < lines->n_bands; b++)
    {
      int band_top = b * FILL_BAND_ROWS;
      int rows = MIN (FILL_BAND_ROWS, height - band_top);

      for (guint j = lines->band_starts[b]; j < lines->band_starts[b + 1]; j++)
        {
          const FillEdge *edge = &lines->edges[j];

          accumulate_line (sums, width, rows, layers[edge->area], edge->x0, edge->y0, edge->x1, edge->y1);
        }

      /* the running sums are the premultiplied pixels; the sums go back to
       * zero for the next band */
      for (int row = 0; row < rows; row++)
        {
          FillCoverage *cell = sums + (gsize) row * width;
          guint32 *pixel = (guint32 *) (data + (gsize) (band_top + row) * stride);
          FillCoverage sum = { 0 };
          FillColor color = { 0, 0, 0, 0 };
          guint32 value = 0;

          for (int column = 0; column < width; column++)
            {
              union { FillCoverage sum; guint64 parts[4]; } added = { cell[column] };

              /* inside an area nothing is added: the pixel before's colour */
              if ((added.parts[0] | added.parts[1] | added.parts[2] | added.parts[3]) != 0)
                {
                  sum += added.sum;
                  cell[column] = (FillCoverage) { 0 };
                  color = fill_blend (&sum, colors);
                  value = fill_pack (color);
                }
              /* but in an area not shown its hatching changes from pixel
               * to pixel */
              if (sum[not_shown] > 1e-6f)
                {
                  float hatching = MIN (sum[not_shown], 1.0f) *
                                   hatch_coverage (column + band_top + row, offset, period, half_width);

                  pixel[column] = fill_pack (fill_over (hatching * muted, color));
                  continue;
                }
              pixel[column] = value;
            }
        }
    }
  cairo_surface_mark_dirty (image);
  cairo_surface_set_device_scale (image, lines->frame.scale, lines->frame.scale);
  cairo_set_source_surface (canvas->cr, image, lines->frame.left, lines->frame.top);
  cairo_paint (canvas->cr);
  cairo_surface_destroy (image);
}

/* Sets the pixels of the A8 mask DATA on the line from (X0, Y0) to (X1, Y1)
 * (mask pixels), each once however many lines cross it (Bresenham) */
static void
mask_line (guint8 *data,
           int     stride,
           int     width,
           int     height,
           double  x0,
           double  y0,
           double  x1,
           double  y1)
{
  int ax = (int) floor (x0), ay = (int) floor (y0);
  int bx = (int) floor (x1), by = (int) floor (y1);
  int dx = abs (bx - ax), dy = -abs (by - ay);
  int sx = ax < bx ? 1 : -1, sy = ay < by ? 1 : -1;
  int err = dx + dy;

  for (;;)
    {
      int e2 = 2 * err;

      if (ax >= 0 && ay >= 0 && ax < width && ay < height)
        data[ay * stride + ax] = 0xff;
      if (ax == bx && ay == by)
        break;
      if (e2 >= dy)
        {
          err += dy;
          ax += sx;
        }
      if (e2 <= dx)
        {
          err += dx;
          ay += sy;
        }
    }
}

/* The borders as one-pixel lines through a mask over the raster's pixels,
 * painted in the source already set on the canvas */
void
equity_chart_map_mask_borders (const EquityChartCanvas   *canvas,
                               const EquityChartMapLines *lines)
{
  const FillFrame *frame = &lines->frame;
  cairo_surface_t *mask = cairo_image_surface_create (CAIRO_FORMAT_A8, frame->width, frame->height);
  guint8 *data = cairo_image_surface_get_data (mask);
  int stride = cairo_image_surface_get_stride (mask);

  cairo_surface_flush (mask);
  for (guint i = 0; i < lines->n_borders; i++)
    {
      const BorderLine *line = &lines->borders[i];

      mask_line (data, stride, frame->width, frame->height, line->x0, line->y0, line->x1, line->y1);
    }
  cairo_surface_mark_dirty (mask);
  cairo_surface_set_device_scale (mask, frame->scale, frame->scale);
  cairo_mask_surface (canvas->cr, mask, frame->left, frame->top);
  cairo_surface_destroy (mask);
}
