/* equity-chart-map-geometry.c — the map's areas: read once, projected once,
 * simplified and cached as paths for each drawing size, hit by the pointer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "equity-chart"

#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "equity-chart-private.h"
#include "equity-error.h"
#include "equity-geometry.h"
#include "equity-project-private.h"

/* Points closer than this (in pixels) to the last one kept add nothing a
 * reader can see; dropping them is what makes 2,192 tracts draw in a frame. */
#define SIMPLIFY_PX 0.35
/* and points within this of the simplified outline go too (Douglas–Peucker) */
#define SIMPLIFY_TOLERANCE_PX 0.5

/* ---- loading --------------------------------------------------------- */

void
equity_chart_area_free (gpointer data)
{
  EquityChartArea *area = data;

  g_free (area->key);
  g_free (area->coords);
  g_free (area->ring_starts);
  g_free (area->owned);
  g_free (area->path.data);
  g_free (area->border.data);
  g_free (area);
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

/* Keys match as text, as the analyses match them: an integer 9 is "9",
 * a whole real 37021000100.0 is "37021000100". */
static char *
dup_key (sqlite3_stmt *stmt,
         int           column)
{
  switch (sqlite3_column_type (stmt, column))
    {
    case SQLITE_NULL:
      return NULL;
    case SQLITE_INTEGER:
      return g_strdup_printf ("%" G_GINT64_FORMAT, (gint64) sqlite3_column_int64 (stmt, column));
    case SQLITE_FLOAT:
      {
        double value = sqlite3_column_double (stmt, column);
        char buffer[G_ASCII_DTOSTR_BUF_SIZE];

        if (value == floor (value) && fabs (value) < 1e15)
          return g_strdup_printf ("%.0f", value);
        return g_strdup (g_ascii_dtostr (buffer, sizeof buffer, value));
      }
    default:
      return g_strdup ((const char *) sqlite3_column_text (stmt, column));
    }
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
equity_chart_map_clear (EquityChart *self)
{
  g_ptr_array_set_size (self->areas, 0);
  self->map_paths_valid = FALSE;
  self->classes_valid = FALSE;
}

gboolean
equity_chart_load_map (EquityChart    *self,
                       EquityProject  *project,
                       const char     *dataset_name,
                       const char     *key_column,
                       GError        **error)
{
  g_autoptr(GPtrArray) areas = NULL;
  g_autoptr(GHashTable) rows = NULL;
  g_autofree char *sql = NULL;
  EquityDataset *dataset;
  EquityColumn *geometry_column;
  EquityColumn *key;
  sqlite3_stmt *stmt = NULL;
  double extent[4] = { G_MAXDOUBLE, -G_MAXDOUBLE, G_MAXDOUBLE, -G_MAXDOUBLE };
  double k;
  int rc;

  g_return_val_if_fail (EQUITY_IS_CHART (self), FALSE);
  g_return_val_if_fail (EQUITY_IS_PROJECT (project), FALSE);
  g_return_val_if_fail (dataset_name != NULL, FALSE);
  g_return_val_if_fail (key_column != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  dataset = equity_project_find_dataset (project, dataset_name);
  if (dataset == NULL)
    {
      g_set_error (error, EQUITY_ERROR, EQUITY_ERROR_NOT_FOUND,
                   _("No dataset “%s” in %s"), dataset_name, equity_project_get_path (project));
      return FALSE;
    }
  geometry_column = equity_dataset_get_geometry_column (dataset);
  if (geometry_column == NULL)
    {
      g_set_error (error, EQUITY_ERROR, EQUITY_ERROR_INVALID,
                   _("Dataset “%s” has no geometry to draw a map with"), dataset_name);
      return FALSE;
    }
  key = equity_dataset_find_column (dataset, key_column);
  if (key == NULL)
    {
      g_set_error (error, EQUITY_ERROR, EQUITY_ERROR_NOT_FOUND,
                   _("Dataset “%s” has no column “%s”"), dataset_name, key_column);
      return FALSE;
    }

  /* table and column names are generated ("ds_3", "c0"), never the user's */
  sql = g_strdup_printf ("SELECT c%u, c%u FROM %s ORDER BY rowid",
                         equity_column_get_position (key), equity_column_get_position (geometry_column),
                         equity_dataset_get_table_name (dataset));
  if (sqlite3_prepare_v2 (equity_project_get_db (project), sql, -1, &stmt, NULL) != SQLITE_OK)
    {
      g_set_error (error, EQUITY_ERROR, EQUITY_ERROR_CORRUPT, _("Could not read the areas of “%s”: %s"),
                   dataset_name, sqlite3_errmsg (equity_project_get_db (project)));
      return FALSE;
    }

  areas = g_ptr_array_new_with_free_func (equity_chart_area_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const guint8 *blob = sqlite3_column_blob (stmt, 1);
      gsize length = sqlite3_column_bytes (stmt, 1);
      g_autoptr(EquityGeometry) geometry = NULL;
      g_autoptr(GError) local_error = NULL;
      g_autoptr(GArray) coords = NULL;
      g_autoptr(GArray) starts = NULL;
      EquityChartArea *area;
      guint n_points;

      if (blob == NULL || length == 0)
        continue;
      geometry = equity_geometry_new_from_wkb (blob, length, &local_error);
      if (geometry == NULL)
        {
          /* one broken feature should not cost the reader the whole map */
          g_debug ("Skipping an area of %s: %s", dataset_name, local_error->message);
          continue;
        }

      coords = g_array_new (FALSE, FALSE, sizeof (double));
      starts = g_array_new (FALSE, FALSE, sizeof (guint));
      collect_rings (geometry, coords, starts);
      if (starts->len == 0)
        continue;

      n_points = coords->len / 2;
      g_array_append_val (starts, n_points);

      area = g_new0 (EquityChartArea, 1);
      area->key = dup_key (stmt, 0);
      area->row = -1;
      area->klass = -1;
      area->n_rings = starts->len - 1;
      area->ring_starts = (guint *) g_array_free (g_steal_pointer (&starts), FALSE);
      area->coords = (double *) g_array_free (g_steal_pointer (&coords), FALSE);
      for (guint i = 0; i < n_points; i++)
        {
          extent[0] = MIN (extent[0], area->coords[2 * i]);
          extent[1] = MAX (extent[1], area->coords[2 * i]);
          extent[2] = MIN (extent[2], area->coords[2 * i + 1]);
          extent[3] = MAX (extent[3], area->coords[2 * i + 1]);
        }
      g_ptr_array_add (areas, area);
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      g_set_error (error, EQUITY_ERROR, EQUITY_ERROR_CORRUPT, _("Could not read the areas of “%s”: %s"),
                   dataset_name, sqlite3_errmsg (equity_project_get_db (project)));
      return FALSE;
    }

  /* Equirectangular with the parallel of true scale at the middle latitude:
   * x = λ·cos φ₀, y = φ. Over a county or a state the distortion is a few
   * percent and shapes look as they do on a local map, without a projection
   * library. */
  k = areas->len > 0 ? cos ((extent[2] + extent[3]) / 2 * G_PI / 180) : 1;
  self->map_extent[0] = G_MAXDOUBLE;
  self->map_extent[1] = -G_MAXDOUBLE;
  self->map_extent[2] = extent[2];
  self->map_extent[3] = extent[3];

  rows = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < equity_result_get_n_rows (self->result); i++)
    {
      const EquityResultRow *row = equity_result_get_row (self->result, i);

      if (row->label != NULL && !g_hash_table_contains (rows, row->label))
        g_hash_table_insert (rows, row->label, GUINT_TO_POINTER (i + 1));
    }

  equity_chart_map_clear (self);
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
      self->map_extent[0] = MIN (self->map_extent[0], area->extent[0]);
      self->map_extent[1] = MAX (self->map_extent[1], area->extent[1]);
      g_ptr_array_add (self->areas, area);
    }
  mark_owned_segments (self->areas);
  /* self->areas owns them now */
  g_ptr_array_set_free_func (areas, NULL);
  return TRUE;
}

guint
equity_chart_get_n_areas (EquityChart *self)
{
  g_return_val_if_fail (EQUITY_IS_CHART (self), 0);
  return self->areas->len;
}

guint
equity_chart_get_n_matched_areas (EquityChart *self)
{
  guint n = 0;

  g_return_val_if_fail (EQUITY_IS_CHART (self), 0);
  for (guint i = 0; i < self->areas->len; i++)
    n += ((EquityChartArea *) g_ptr_array_index (self->areas, i))->row >= 0;
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
 * them to what a reader can see: points closer than SIMPLIFY_PX to the last
 * one go first, then Douglas–Peucker drops those within half a pixel of the
 * line. North Carolina's 183,000 points become about an eighth as many.
 * The buffers grow to fit and are kept: a frame at the same size reuses them. */
static void
build_path (EquityChart     *self,
            EquityChartArea *area,
            double           scale,
            double           origin_x,
            double           origin_y)
{
  double min_x = self->map_extent[0];
  double max_y = self->map_extent[3];
  int used = 0;
  int border_used = 0;

  area->box[0] = area->box[1] = G_MAXDOUBLE;
  area->box[2] = area->box[3] = -G_MAXDOUBLE;
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
      if (self->scratch_points->len < (end - start) * 2)
        {
          g_array_set_size (self->scratch_points, (end - start) * 2);
          g_byte_array_set_size (self->scratch_keep, end - start);
          g_array_set_size (self->scratch_stack, (end - start) * 2 + 2);
          g_array_set_size (self->scratch_index, end - start);
        }
      points = (double *) self->scratch_points->data;
      keep = self->scratch_keep->data;
      index = (guint *) self->scratch_index->data;

      for (guint p = start; p < end; p++)
        {
          double x = origin_x + (area->coords[2 * p] - min_x) * scale;
          double y = origin_y + (max_y - area->coords[2 * p + 1]) * scale;

          if (n > 0 && p + 1 < end &&
              fabs (x - points[2 * n - 2]) + fabs (y - points[2 * n - 1]) < SIMPLIFY_PX)
            continue;
          points[2 * n] = x;
          points[2 * n + 1] = y;
          index[n] = p;
          n++;
        }

      if (n > 3)
        douglas_peucker (points, n, keep, (guint *) self->scratch_stack->data, SIMPLIFY_TOLERANCE_PX);
      else
        memset (keep, 1, n);

      data = path_reserve (&area->path, &area->path_capacity, used + (int) n * 2 + 1);
      border = path_reserve (&area->border, &area->border_capacity, border_used + (int) n * 4);
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
          area->box[0] = MIN (area->box[0], points[2 * i]);
          area->box[1] = MIN (area->box[1], points[2 * i + 1]);
          area->box[2] = MAX (area->box[2], points[2 * i]);
          area->box[3] = MAX (area->box[3], points[2 * i + 1]);

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

  area->path.status = CAIRO_STATUS_SUCCESS;
  area->path.num_data = used;
  area->border.status = CAIRO_STATUS_SUCCESS;
  area->border.num_data = border_used;
}

void
equity_chart_map_fit (EquityChart           *self,
                      const EquityChartRect *rect)
{
  double width = self->map_extent[1] - self->map_extent[0];
  double height = self->map_extent[3] - self->map_extent[2];
  double scale;
  double origin_x;
  double origin_y;

  width = MAX (width, 1e-9);
  height = MAX (height, 1e-9);
  scale = MIN (rect->width / width, rect->height / height);
  origin_x = rect->x + (rect->width - width * scale) / 2;
  origin_y = rect->y + (rect->height - height * scale) / 2;

  /* the cached paths serve every frame drawn at the same size */
  if (self->map_paths_valid && scale == self->map_scale &&
      origin_x == self->map_origin_x && origin_y == self->map_origin_y)
    return;

  self->map_scale = scale;
  self->map_origin_x = origin_x;
  self->map_origin_y = origin_y;
  for (guint i = 0; i < self->areas->len; i++)
    build_path (self, g_ptr_array_index (self->areas, i), scale, origin_x, origin_y);
  self->map_paths_valid = TRUE;
}

/* ---- hover ---------------------------------------------------------- */

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

gboolean
equity_chart_map_hit_test (EquityChart *self,
                           double       x,
                           double       y,
                           guint       *row_index)
{
  double px;
  double py;

  if (!self->map_paths_valid || self->map_scale <= 0)
    return FALSE;

  px = self->map_extent[0] + (x - self->map_origin_x) / self->map_scale;
  py = self->map_extent[3] - (y - self->map_origin_y) / self->map_scale;
  for (guint i = 0; i < self->areas->len; i++)
    {
      EquityChartArea *area = g_ptr_array_index (self->areas, i);
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
