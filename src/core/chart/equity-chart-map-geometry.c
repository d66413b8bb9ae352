/* equity-chart-map-geometry.c — the map's areas: read once, projected once,
 * simplified and cached as paths for each drawing size, hit by the pointer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "equity-chart"

#include "config.h"

#include <math.h>
#include <string.h>

#include "equity-area-set.h"
#include "equity-chart-private.h"

/* Points closer than this (in device pixels) to the last one kept add
 * nothing a reader can see; dropping them is what makes 2,192 tracts draw in
 * a frame. A vector file's "pixel" is a dot at print resolution. */
#define SIMPLIFY_PX 0.35
/* and points within this of the simplified outline go too (Douglas–Peucker) */
#define SIMPLIFY_TOLERANCE_PX 0.5

/* ---- loading --------------------------------------------------------- */

static void
area_free (gpointer data)
{
  EquityChartArea *area = data;

  g_free (area->key);
  g_free (area->coords);
  g_free (area->ring_starts);
  g_free (area->owned);
  g_free (area->holes);
  g_free (area);
}

void
equity_chart_map_areas_init (EquityChartMapAreas *map)
{
  memset (map, 0, sizeof *map);
  map->areas = g_ptr_array_new_with_free_func (area_free);
}

void
equity_chart_map_areas_clear (EquityChartMapAreas *map)
{
  g_clear_pointer (&map->areas, g_ptr_array_unref);
}

/* An area's paths in user space, for the transform the state was fitted to */
typedef struct
{
  cairo_path_t  path;         /* fill */
  cairo_path_t  border;       /* the owned segments */
  double        box[4];       /* the path's box: x1, y1, x2, y2 */
  int           path_capacity;
  int           border_capacity;
} AreaPaths;

/* The map renderer's state: paths cached for the last transform, so a
 * window redrawn at the same size reuses them, and scratch space */
typedef struct
{
  GArray       *paths;        /* AreaPaths, one per area */
  GArray       *scratch_points; /* one ring in user space, reused */
  GByteArray   *scratch_keep;
  GArray       *scratch_stack;
  GArray       *scratch_index;  /* original index of each scratch point */
  double        scale;        /* user units per projected unit */
  double        origin_x;     /* user x of projected min_x */
  double        origin_y;     /* user y of projected max_y */
  double        device_scale; /* device pixels per user unit the paths were simplified for */
  gboolean      valid;
  gpointer      fit_data;     /* the drawing's, made from these paths */
  GDestroyNotify fit_data_free;
} MapState;

static void
area_paths_clear (gpointer data)
{
  AreaPaths *paths = data;

  g_free (paths->path.data);
  g_free (paths->border.data);
}

gpointer
equity_chart_map_state_new (void)
{
  MapState *state = g_new0 (MapState, 1);

  state->paths = g_array_new (FALSE, TRUE, sizeof (AreaPaths));
  g_array_set_clear_func (state->paths, area_paths_clear);
  state->scratch_points = g_array_new (FALSE, FALSE, sizeof (double));
  state->scratch_keep = g_byte_array_new ();
  state->scratch_stack = g_array_new (FALSE, FALSE, sizeof (guint));
  state->scratch_index = g_array_new (FALSE, FALSE, sizeof (guint));
  return state;
}

void
equity_chart_map_state_free (gpointer data)
{
  MapState *state = data;

  if (state == NULL)
    return;
  equity_chart_map_set_fit_data (state, NULL, NULL);
  g_array_unref (state->paths);
  g_array_unref (state->scratch_points);
  g_byte_array_unref (state->scratch_keep);
  g_array_unref (state->scratch_stack);
  g_array_unref (state->scratch_index);
  g_free (state);
}

gboolean
equity_chart_map_get_transform (gpointer  data,
                                double   *scale,
                                double   *origin_x,
                                double   *origin_y)
{
  MapState *state = data;

  if (state == NULL || !state->valid || state->scale <= 0)
    return FALSE;
  *scale = state->scale;
  *origin_x = state->origin_x;
  *origin_y = state->origin_y;
  return TRUE;
}

/* What the drawing derives from the paths of this fit (the raster fill's
 * lines), kept with them and dropped when they are made again */
gpointer
equity_chart_map_get_fit_data (gpointer data)
{
  MapState *state = data;

  return state->fit_data;
}

void
equity_chart_map_set_fit_data (gpointer       data,
                               gpointer       fit_data,
                               GDestroyNotify fit_data_free)
{
  MapState *state = data;

  if (state->fit_data != NULL && state->fit_data_free != NULL)
    state->fit_data_free (state->fit_data);
  state->fit_data = fit_data;
  state->fit_data_free = fit_data_free;
}

const cairo_path_t *
equity_chart_map_area_path (gpointer       data,
                            guint          i,
                            gboolean       border,
                            const double **box)
{
  MapState *state = data;
  AreaPaths *paths = &g_array_index (state->paths, AreaPaths, i);

  if (box != NULL)
    *box = paths->box;
  return border ? &paths->border : &paths->path;
}

static void
collect_rings (const EquityGeometry *geometry,
               GArray               *coords,
               GArray               *starts)
{
  switch (equity_geometry_get_geometry_type (geometry))
    {
    case EQUITY_GEOMETRY_POLYGON:
      for (guint r = 0; r < equity_geometry_get_n_rings (geometry); r++)
        {
          guint n_points = 0;
          const double *ring = equity_geometry_get_ring (geometry, r, &n_points);
          guint start = coords->len / 2;

          if (n_points < 3)
            continue;
          g_array_append_val (starts, start);
          g_array_append_vals (coords, ring, n_points * 2);
        }
      break;

    case EQUITY_GEOMETRY_MULTI_POLYGON:
    case EQUITY_GEOMETRY_GEOMETRY_COLLECTION:
      for (guint p = 0; p < equity_geometry_get_n_parts (geometry); p++)
        collect_rings (equity_geometry_get_part (geometry, p), coords, starts);
      break;

    case EQUITY_GEOMETRY_POINT:
    case EQUITY_GEOMETRY_LINE_STRING:
    case EQUITY_GEOMETRY_MULTI_POINT:
    case EQUITY_GEOMETRY_MULTI_LINE_STRING:
    default:
      /* a choropleth fills areas: points and lines have none */
      break;
    }
}

static gboolean
ring_contains (const double *coords,
               guint         start,
               guint         end,
               double        x,
               double        y)
{
  gboolean inside = FALSE;

  for (guint i = start, j = end - 1; i < end; j = i++)
    {
      double xi = coords[2 * i], yi = coords[2 * i + 1];
      double xj = coords[2 * j], yj = coords[2 * j + 1];

      if ((yi > y) != (yj > y) && x < (xj - xi) * (y - yi) / (yj - yi) + xi)
        inside = !inside;
    }
  return inside;
}

/* Which of AREA's rings are holes: inside an odd number of its other rings
 * (the raster fill winds holes against the rings around them) */
static guint8 *
find_holes (const EquityChartArea *area)
{
  guint8 *holes = g_new0 (guint8, area->n_rings);

  for (guint r = 0; r < area->n_rings && area->n_rings > 1; r++)
    {
      guint start = area->ring_starts[r];

      for (guint other = 0; other < area->n_rings; other++)
        if (other != r &&
            ring_contains (area->coords, area->ring_starts[other], area->ring_starts[other + 1],
                           area->coords[2 * start], area->coords[2 * start + 1]))
          holes[r] = !holes[r];
    }
  return holes;
}

static gint64
quantize (double value)
{
  return (gint64) llround (value * 1e7);
}

/* Neighbouring tracts share their borders point for point (the Census
 * Bureau's files are cut from one topology). Each shared segment is drawn by
 * the first area that has it, so borders are stroked once, not twice. */
static void
mark_owned_segments (GPtrArray *areas)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autofree gint64 *keys = NULL;
  gsize n_segments = 0;
  gsize k = 0;

  for (guint i = 0; i < areas->len; i++)
    {
      EquityChartArea *area = g_ptr_array_index (areas, i);
      n_segments += area->ring_starts[area->n_rings];
    }
  keys = g_new (gint64, MAX (n_segments, 1));

  for (guint i = 0; i < areas->len; i++)
    {
      EquityChartArea *area = g_ptr_array_index (areas, i);

      area->owned = g_new0 (guint8, area->ring_starts[area->n_rings]);
      for (guint r = 0; r < area->n_rings; r++)
        for (guint p = area->ring_starts[r]; p + 1 < area->ring_starts[r + 1]; p++)
          {
            gint64 ax = quantize (area->coords[2 * p]), ay = quantize (area->coords[2 * p + 1]);
            gint64 bx = quantize (area->coords[2 * p + 2]), by = quantize (area->coords[2 * p + 3]);
            guint64 key;

            if (ax == bx && ay == by)
              continue;
            /* the same segment walked either way gets one key */
            if (ax > bx || (ax == bx && ay > by))
              {
                gint64 tx = ax, ty = ay;
                ax = bx, ay = by, bx = tx, by = ty;
              }
            key = (guint64) ax * G_GUINT64_CONSTANT (0x9e3779b97f4a7c15);
            key = (key ^ (guint64) ay) * G_GUINT64_CONSTANT (0xbf58476d1ce4e5b9);
            key = (key ^ (guint64) bx) * G_GUINT64_CONSTANT (0x94d049bb133111eb);
            key = (key ^ (guint64) by) * G_GUINT64_CONSTANT (0x9e3779b97f4a7c15);
            keys[k] = (gint64) key;
            area->owned[p] = g_hash_table_add (seen, &keys[k]);
            k++;
          }
    }
  /* the table points into KEYS: it goes first */
  g_clear_pointer (&seen, g_hash_table_unref);
}

void
equity_chart_set_areas (EquityChart         *self,
                        const EquityAreaSet *area_set)
{
  g_autoptr(GPtrArray) areas = NULL;
  g_autoptr(GHashTable) rows = NULL;
  double extent[4] = { G_MAXDOUBLE, -G_MAXDOUBLE, G_MAXDOUBLE, -G_MAXDOUBLE };
  double k;

  g_return_if_fail (EQUITY_IS_CHART (self));
  g_return_if_fail (area_set != NULL);

  areas = g_ptr_array_new_with_free_func (area_free);
  for (guint a = 0; a < equity_area_set_get_n_areas (area_set); a++)
    {
      const EquityGeometry *geometry = equity_area_set_get_geometry (area_set, a);
      g_autoptr(GArray) coords = NULL;
      g_autoptr(GArray) starts = NULL;
      EquityChartArea *area;
      guint n_points;

      if (geometry == NULL)
        continue;

      coords = g_array_new (FALSE, FALSE, sizeof (double));
      starts = g_array_new (FALSE, FALSE, sizeof (guint));
      collect_rings (geometry, coords, starts);
      if (starts->len == 0)
        continue;

      n_points = coords->len / 2;
      g_array_append_val (starts, n_points);

      area = g_new0 (EquityChartArea, 1);
      area->key = g_strdup (equity_area_set_get_key (area_set, a));
      area->row = -1;
      area->klass = -1;
      area->n_rings = starts->len - 1;
      area->ring_starts = (guint *) g_array_free (g_steal_pointer (&starts), FALSE);
      area->coords = (double *) g_array_free (g_steal_pointer (&coords), FALSE);
      area->holes = find_holes (area);
      for (guint i = 0; i < n_points; i++)
        {
          extent[0] = MIN (extent[0], area->coords[2 * i]);
          extent[1] = MAX (extent[1], area->coords[2 * i]);
          extent[2] = MIN (extent[2], area->coords[2 * i + 1]);
          extent[3] = MAX (extent[3], area->coords[2 * i + 1]);
        }
      g_ptr_array_add (areas, area);
    }

  /* Equirectangular with the parallel of true scale at the middle latitude:
   * x = λ·cos φ₀, y = φ. Over a county or a state the distortion is a few
   * percent and shapes look as they do on a local map, without a projection
   * library. */
  k = areas->len > 0 ? cos ((extent[2] + extent[3]) / 2 * G_PI / 180) : 1;
  /* any drawing's cached paths belong to the areas before */
  g_clear_pointer (&self->layout, equity_chart_layout_free);
  g_ptr_array_set_size (self->map.areas, 0);
  self->map.extent[0] = G_MAXDOUBLE;
  self->map.extent[1] = -G_MAXDOUBLE;
  self->map.extent[2] = extent[2];
  self->map.extent[3] = extent[3];

  rows = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < equity_result_get_n_rows (self->result); i++)
    {
      const EquityResultRow *row = equity_result_get_row (self->result, i);

      if (row->label != NULL && !g_hash_table_contains (rows, row->label))
        g_hash_table_insert (rows, row->label, GUINT_TO_POINTER (i + 1));
    }

  for (guint i = 0; i < areas->len; i++)
    {
      EquityChartArea *area = g_ptr_array_index (areas, i);
      guint n_points = area->ring_starts[area->n_rings];
      gpointer found = area->key != NULL ? g_hash_table_lookup (rows, area->key) : NULL;

      area->row = found != NULL ? (int) GPOINTER_TO_UINT (found) - 1 : -1;
      area->extent[0] = area->extent[2] = G_MAXDOUBLE;
      area->extent[1] = area->extent[3] = -G_MAXDOUBLE;
      for (guint p = 0; p < n_points; p++)
        {
          area->coords[2 * p] *= k;
          area->extent[0] = MIN (area->extent[0], area->coords[2 * p]);
          area->extent[1] = MAX (area->extent[1], area->coords[2 * p]);
          area->extent[2] = MIN (area->extent[2], area->coords[2 * p + 1]);
          area->extent[3] = MAX (area->extent[3], area->coords[2 * p + 1]);
        }
      self->map.extent[0] = MIN (self->map.extent[0], area->extent[0]);
      self->map.extent[1] = MAX (self->map.extent[1], area->extent[1]);
      g_ptr_array_add (self->map.areas, area);
    }
  mark_owned_segments (self->map.areas);
  /* self->map.areas owns them now */
  g_ptr_array_set_free_func (areas, NULL);
  equity_chart_map_classify (self);
}

guint
equity_chart_get_n_areas (EquityChart *self)
{
  g_return_val_if_fail (EQUITY_IS_CHART (self), 0);
  return self->map.areas->len;
}

guint
equity_chart_get_n_matched_areas (EquityChart *self)
{
  guint n = 0;

  g_return_val_if_fail (EQUITY_IS_CHART (self), 0);
  for (guint i = 0; i < self->map.areas->len; i++)
    n += ((EquityChartArea *) g_ptr_array_index (self->map.areas, i))->row >= 0;
  return n;
}

/* ---- paths ----------------------------------------------------------- */

/* Douglas–Peucker over POINTS[0..N): marks in KEEP the points that stay
 * within TOLERANCE of the simplified line, without recursion. */
static void
douglas_peucker (const double *points,
                 guint         n,
                 guint8       *keep,
                 guint        *stack,
                 double        tolerance)
{
  guint top = 0;

  memset (keep, 0, n);
  keep[0] = keep[n - 1] = 1;
  stack[top++] = 0;
  stack[top++] = n - 1;
  while (top > 0)
    {
      guint b = stack[--top];
      guint a = stack[--top];
      double ax = points[2 * a], ay = points[2 * a + 1];
      double dx = points[2 * b] - ax, dy = points[2 * b + 1] - ay;
      double length2 = dx * dx + dy * dy;
      double worst = 0;
      guint worst_i = a;

      for (guint i = a + 1; i < b; i++)
        {
          double px = points[2 * i] - ax, py = points[2 * i + 1] - ay;
          /* squared distance to the chord, or to A when the chord is a point
           * (a closed ring's first and last) */
          double d2 = length2 > 0 ? (px * dy - py * dx) * (px * dy - py * dx) / length2 : px * px + py * py;

          if (d2 > worst)
            {
              worst = d2;
              worst_i = i;
            }
        }
      if (worst > tolerance * tolerance)
        {
          keep[worst_i] = 1;
          stack[top++] = a;
          stack[top++] = worst_i;
          stack[top++] = worst_i;
          stack[top++] = b;
        }
    }
}

static cairo_path_data_t *
path_reserve (cairo_path_t *path,
              int          *capacity,
              int           needed)
{
  if (needed > *capacity)
    {
      *capacity = MAX (needed, *capacity * 2);
      path->data = g_renew (cairo_path_data_t, path->data, *capacity);
    }
  return path->data;
}

/* Projects AREA's rings into user space for this transform and simplifies
 * them to what a reader can see at the output's resolution (device pixels,
 * not user units: a 2× screen or a PDF keeps finer detail): points closer
 * than SIMPLIFY_PX to the last
 * one go first, then Douglas–Peucker drops those within half a pixel of the
 * line. North Carolina's 183,000 points become about an eighth as many.
 * The buffers grow to fit and are kept: a frame at the same size reuses them. */
static void
build_path (EquityChart           *self,
            MapState              *state,
            const EquityChartArea *area,
            AreaPaths             *out)
{
  double min_x = self->map.extent[0];
  double max_y = self->map.extent[3];
  double scale = state->scale;
  double origin_x = state->origin_x;
  double origin_y = state->origin_y;
  double min_step = SIMPLIFY_PX / state->device_scale;
  double tolerance = SIMPLIFY_TOLERANCE_PX / state->device_scale;
  int used = 0;
  int border_used = 0;

  out->box[0] = out->box[1] = G_MAXDOUBLE;
  out->box[2] = out->box[3] = -G_MAXDOUBLE;
  for (guint r = 0; r < area->n_rings; r++)
    {
      guint start = area->ring_starts[r];
      guint end = area->ring_starts[r + 1];
      double *points;
      guint8 *keep;
      guint *index;
      guint n = 0;
      guint emitted = 0;
      gboolean drawing = FALSE;
      guint last = 0;
      cairo_path_data_t *data;
      cairo_path_data_t *border;

      /* scratch space, grown to the largest ring and kept by the chart */
      if (state->scratch_points->len < (end - start) * 2)
        {
          g_array_set_size (state->scratch_points, (end - start) * 2);
          g_byte_array_set_size (state->scratch_keep, end - start);
          g_array_set_size (state->scratch_stack, (end - start) * 2 + 2);
          g_array_set_size (state->scratch_index, end - start);
        }
      points = (double *) state->scratch_points->data;
      keep = state->scratch_keep->data;
      index = (guint *) state->scratch_index->data;

      for (guint p = start; p < end; p++)
        {
          double x = origin_x + (area->coords[2 * p] - min_x) * scale;
          double y = origin_y + (max_y - area->coords[2 * p + 1]) * scale;

          if (n > 0 && p + 1 < end &&
              fabs (x - points[2 * n - 2]) + fabs (y - points[2 * n - 1]) < min_step)
            continue;
          points[2 * n] = x;
          points[2 * n + 1] = y;
          index[n] = p;
          n++;
        }

      if (n > 3)
        douglas_peucker (points, n, keep, (guint *) state->scratch_stack->data, tolerance);
      else
        memset (keep, 1, n);

      data = path_reserve (&out->path, &out->path_capacity, used + (int) n * 2 + 1);
      border = path_reserve (&out->border, &out->border_capacity, border_used + (int) n * 4);
      for (guint i = 0; i < n; i++)
        {
          /* a ring smaller than a pixel still keeps three points: a speck of colour */
          if (!keep[i] && !(emitted < 3 && n - i <= 3 - emitted))
            continue;
          data[used].header.type = emitted == 0 ? CAIRO_PATH_MOVE_TO : CAIRO_PATH_LINE_TO;
          data[used].header.length = 2;
          data[used + 1].point.x = points[2 * i];
          data[used + 1].point.y = points[2 * i + 1];
          used += 2;
          out->box[0] = MIN (out->box[0], points[2 * i]);
          out->box[1] = MIN (out->box[1], points[2 * i + 1]);
          out->box[2] = MAX (out->box[2], points[2 * i]);
          out->box[3] = MAX (out->box[3], points[2 * i + 1]);

          /* the border takes the simplified segments whose originals this
           * area owns (any of them: a gap would show, a doubled bit would not) */
          if (emitted > 0)
            {
              gboolean owned = FALSE;

              for (guint p = index[last]; p < index[i] && !owned; p++)
                owned = area->owned[p];
              if (owned)
                {
                  if (!drawing)
                    {
                      border[border_used].header.type = CAIRO_PATH_MOVE_TO;
                      border[border_used].header.length = 2;
                      border[border_used + 1].point.x = points[2 * last];
                      border[border_used + 1].point.y = points[2 * last + 1];
                      border_used += 2;
                    }
                  border[border_used].header.type = CAIRO_PATH_LINE_TO;
                  border[border_used].header.length = 2;
                  border[border_used + 1].point.x = points[2 * i];
                  border[border_used + 1].point.y = points[2 * i + 1];
                  border_used += 2;
                }
              drawing = owned;
            }
          last = i;
          emitted++;
        }
      data[used].header.type = CAIRO_PATH_CLOSE_PATH;
      data[used].header.length = 1;
      used++;
    }

  out->path.status = CAIRO_STATUS_SUCCESS;
  out->path.num_data = used;
  out->border.status = CAIRO_STATUS_SUCCESS;
  out->border.num_data = border_used;
}

void
equity_chart_map_fit (EquityChart           *self,
                      gpointer               data,
                      const EquityChartRect *rect,
                      double                 device_scale)
{
  MapState *state = data;
  double width = self->map.extent[1] - self->map.extent[0];
  double height = self->map.extent[3] - self->map.extent[2];
  double scale;
  double origin_x;
  double origin_y;

  width = MAX (width, 1e-9);
  height = MAX (height, 1e-9);
  scale = MIN (rect->width / width, rect->height / height);
  origin_x = rect->x + (rect->width - width * scale) / 2;
  origin_y = rect->y + (rect->height - height * scale) / 2;

  /* the cached paths serve every frame drawn at the same size and resolution */
  device_scale = device_scale > 0 ? device_scale : 1.0;
  if (state->valid && scale == state->scale && origin_x == state->origin_x && origin_y == state->origin_y &&
      device_scale == state->device_scale)
    return;

  equity_chart_map_set_fit_data (state, NULL, NULL);
  state->device_scale = device_scale;
  state->scale = scale;
  state->origin_x = origin_x;
  state->origin_y = origin_y;
  g_array_set_size (state->paths, self->map.areas->len);
  for (guint i = 0; i < self->map.areas->len; i++)
    build_path (self, state, g_ptr_array_index (self->map.areas, i), &g_array_index (state->paths, AreaPaths, i));
  state->valid = TRUE;
}

/* ---- hover ---------------------------------------------------------- */

gboolean
equity_chart_map_hit_test (EquityChart             *self,
                           const EquityChartLayout *layout,
                           double                   x,
                           double                   y,
                           guint                   *row_index)
{
  double scale;
  double origin_x;
  double origin_y;
  double px;
  double py;

  if (!equity_chart_map_get_transform (layout->state, &scale, &origin_x, &origin_y))
    return FALSE;

  px = self->map.extent[0] + (x - origin_x) / scale;
  py = self->map.extent[3] - (y - origin_y) / scale;
  for (guint i = 0; i < self->map.areas->len; i++)
    {
      EquityChartArea *area = g_ptr_array_index (self->map.areas, i);
      gboolean inside = FALSE;

      if (px < area->extent[0] || px > area->extent[1] || py < area->extent[2] || py > area->extent[3])
        continue;
      /* even-odd over all rings: holes and islands need no special case */
      for (guint r = 0; r < area->n_rings; r++)
        if (ring_contains (area->coords, area->ring_starts[r], area->ring_starts[r + 1], px, py))
          inside = !inside;
      if (inside)
        {
          if (area->row < 0)
            return FALSE;
          if (row_index != NULL)
            *row_index = area->row;
          return TRUE;
        }
    }
  return FALSE;
}
