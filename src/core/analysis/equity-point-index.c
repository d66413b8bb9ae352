/* equity-point-index.c — which polygon holds a point, a million times over
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A uniform grid over the polygons' extent, built once. Each cell lists the
 * polygons whose bounding box overlaps it, in polygon order, and marks each
 * as either crossing the cell (an edge passes through it: test the point
 * exactly) or covering it (no edge does and the cell's centre is inside: by
 * the even-odd rule every point of the cell is then inside). With a few dozen
 * cells per polygon most points land in covered cells and need no exact test.
 * An R*Tree query per point answers the same question through SQL, at some
 * microseconds a query; the grid answers in a few hundred nanoseconds.
 */

#define G_LOG_DOMAIN "equity-point-index"

#include "config.h"

#include <math.h>

#include "equity-point-index.h"

/* cells per polygon: finer grids cover more points without an exact test,
 * at the price of memory and build time */
#define CELLS_PER_POLYGON 256
#define MAX_CELLS (1u << 21)

typedef struct
{
  guint    polygon;
  gboolean covers;  /* the whole cell is inside: no exact test needed */
} Entry;

struct _EquityPointIndex
{
  GPtrArray  *polygons;   /* borrowed geometries */
  double     *extents;    /* min_x, max_x, min_y, max_y per polygon */
  double      min_x, min_y, max_x, max_y;
  double      cell_w, cell_h;
  guint       nx, ny;
  guint      *starts;     /* nx·ny + 1 offsets into ENTRIES */
  Entry      *entries;
  guint       n_entries;
  guint       n_uniform;
};

static gboolean
is_areal (const EquityGeometry *geometry)
{
  EquityGeometryType type = equity_geometry_get_geometry_type (geometry);

  return type == EQUITY_GEOMETRY_POLYGON || type == EQUITY_GEOMETRY_MULTI_POLYGON
         || type == EQUITY_GEOMETRY_GEOMETRY_COLLECTION;
}

static guint
cell_x (const EquityPointIndex *self,
        double                  x)
{
  double cx = floor ((x - self->min_x) / self->cell_w);

  return (guint) CLAMP (cx, 0.0, self->nx - 1.0);
}

static guint
cell_y (const EquityPointIndex *self,
        double                  y)
{
  double cy = floor ((y - self->min_y) / self->cell_h);

  return (guint) CLAMP (cy, 0.0, self->ny - 1.0);
}

typedef struct
{
  const EquityPointIndex *index;
  guint                   x0, y0, w, h;  /* the polygon's range of cells */
  guint8                 *crossed;       /* w·h flags */
} Marker;

/* Marks every cell an edge's bounding box touches (a little widened, so an
 * edge lying on a cell border marks both sides): more than the edge crosses,
 * which only costs exact tests, never a wrong answer. */
static void
mark_ring (Marker       *marker,
           const double *points,
           guint         n_points)
{
  const EquityPointIndex *index = marker->index;
  double slack_x = index->cell_w * 1e-9, slack_y = index->cell_h * 1e-9;

  for (guint i = 0; i < n_points; i++)
    {
      guint j = (i + 1) % n_points;
      double ax = points[2 * i], ay = points[2 * i + 1];
      double bx = points[2 * j], by = points[2 * j + 1];
      guint cx0 = cell_x (index, MIN (ax, bx) - slack_x);
      guint cx1 = cell_x (index, MAX (ax, bx) + slack_x);
      guint cy0 = cell_y (index, MIN (ay, by) - slack_y);
      guint cy1 = cell_y (index, MAX (ay, by) + slack_y);

      for (guint cy = cy0; cy <= cy1; cy++)
        for (guint cx = cx0; cx <= cx1; cx++)
          if (cx >= marker->x0 && cx < marker->x0 + marker->w
              && cy >= marker->y0 && cy < marker->y0 + marker->h)
            marker->crossed[(cy - marker->y0) * marker->w + (cx - marker->x0)] = 1;
    }
}

static void
mark_geometry (Marker               *marker,
               const EquityGeometry *geometry)
{
  for (guint r = 0; r < equity_geometry_get_n_rings (geometry); r++)
    {
      guint n;
      const double *points = equity_geometry_get_ring (geometry, r, &n);

      mark_ring (marker, points, n);
    }
  for (guint p = 0; p < equity_geometry_get_n_parts (geometry); p++)
    mark_geometry (marker, equity_geometry_get_part (geometry, p));
}

EquityPointIndex *
equity_point_index_new (GPtrArray *polygons)
{
  g_autoptr(GArray) cells = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GArray) entries = g_array_new (FALSE, FALSE, sizeof (Entry));
  EquityPointIndex *self;
  double width, height, target;
  gboolean any = FALSE;

  g_return_val_if_fail (polygons != NULL, NULL);

  self = g_new0 (EquityPointIndex, 1);
  self->polygons = g_ptr_array_ref (polygons);
  self->extents = g_new (double, 4 * MAX (polygons->len, 1));
  self->min_x = self->min_y = INFINITY;
  self->max_x = self->max_y = -INFINITY;

  for (guint i = 0; i < polygons->len; i++)
    {
      const EquityGeometry *geometry = g_ptr_array_index (polygons, i);
      double *extent = &self->extents[4 * i];

      if (geometry == NULL || !is_areal (geometry) || !equity_geometry_get_bbox (geometry, extent))
        {
          extent[0] = extent[2] = INFINITY;
          extent[1] = extent[3] = -INFINITY;
          continue;
        }
      any = TRUE;
      self->min_x = MIN (self->min_x, extent[0]);
      self->max_x = MAX (self->max_x, extent[1]);
      self->min_y = MIN (self->min_y, extent[2]);
      self->max_y = MAX (self->max_y, extent[3]);
    }

  if (!any)
    {
      self->nx = self->ny = 1;
      self->cell_w = self->cell_h = 1.0;
      self->starts = g_new0 (guint, 2);
      return self;
    }

  /* square-ish cells, about CELLS_PER_POLYGON per polygon */
  width = MAX (self->max_x - self->min_x, 1e-12);
  height = MAX (self->max_y - self->min_y, 1e-12);
  target = MIN ((double) MAX_CELLS, (double) polygons->len * CELLS_PER_POLYGON);
  self->nx = (guint) CLAMP (ceil (sqrt (target * width / height)), 1.0, 4096.0);
  self->ny = (guint) CLAMP (ceil (target / self->nx), 1.0, 4096.0);
  self->cell_w = width / self->nx;
  self->cell_h = height / self->ny;

  for (guint i = 0; i < polygons->len; i++)
    {
      const EquityGeometry *geometry = g_ptr_array_index (polygons, i);
      const double *extent = &self->extents[4 * i];
      g_autofree guint8 *crossed = NULL;
      Marker marker;

      if (!(extent[0] <= extent[1]))
        continue;
      marker.index = self;
      marker.x0 = cell_x (self, extent[0]);
      marker.y0 = cell_y (self, extent[2]);
      marker.w = cell_x (self, extent[1]) - marker.x0 + 1;
      marker.h = cell_y (self, extent[3]) - marker.y0 + 1;
      crossed = g_new0 (guint8, (gsize) marker.w * marker.h);
      marker.crossed = crossed;
      mark_geometry (&marker, geometry);

      for (guint cy = 0; cy < marker.h; cy++)
        for (guint cx = 0; cx < marker.w; cx++)
          {
            guint cell = (marker.y0 + cy) * self->nx + marker.x0 + cx;
            Entry entry = { i, FALSE };

            if (!crossed[cy * marker.w + cx])
              {
                double centre_x = self->min_x + (marker.x0 + cx + 0.5) * self->cell_w;
                double centre_y = self->min_y + (marker.y0 + cy + 0.5) * self->cell_h;

                /* no edge in the cell: it is all inside or all outside */
                if (!equity_geometry_contains_point (geometry, centre_x, centre_y))
                  continue;
                entry.covers = TRUE;
                self->n_uniform++;
              }
            g_array_append_val (cells, cell);
            g_array_append_val (entries, entry);
          }
    }

  /* counting sort by cell; stable, so each cell keeps polygon order */
  self->n_entries = entries->len;
  self->starts = g_new0 (guint, (gsize) self->nx * self->ny + 1);
  self->entries = g_new (Entry, MAX (entries->len, 1));
  for (guint k = 0; k < cells->len; k++)
    self->starts[g_array_index (cells, guint, k) + 1]++;
  for (gsize c = 0; c < (gsize) self->nx * self->ny; c++)
    self->starts[c + 1] += self->starts[c];
  {
    g_autofree guint *fill = g_memdup2 (self->starts, sizeof (guint) * ((gsize) self->nx * self->ny));

    for (guint k = 0; k < cells->len; k++)
      self->entries[fill[g_array_index (cells, guint, k)]++] = g_array_index (entries, Entry, k);
  }
  return self;
}

void
equity_point_index_free (EquityPointIndex *self)
{
  if (self == NULL)
    return;
  g_ptr_array_unref (self->polygons);
  g_free (self->extents);
  g_free (self->starts);
  g_free (self->entries);
  g_free (self);
}

int
equity_point_index_lookup (const EquityPointIndex *self,
                           double                  x,
                           double                  y)
{
  guint cell, end;

  g_return_val_if_fail (self != NULL, -1);

  if (!(x >= self->min_x && x <= self->max_x && y >= self->min_y && y <= self->max_y))
    return -1;  /* also NAN */

  cell = cell_y (self, y) * self->nx + cell_x (self, x);
  end = self->starts[cell + 1];
  for (guint k = self->starts[cell]; k < end; k++)
    {
      const Entry *entry = &self->entries[k];
      const double *extent;

      if (entry->covers)
        return entry->polygon;
      extent = &self->extents[4 * entry->polygon];
      if (x < extent[0] || x > extent[1] || y < extent[2] || y > extent[3])
        continue;
      if (equity_geometry_contains_point (g_ptr_array_index (self->polygons, entry->polygon), x, y))
        return entry->polygon;
    }
  return -1;
}

void
equity_point_index_get_stats (const EquityPointIndex *self,
                              guint                  *n_cells,
                              guint                  *n_entries,
                              guint                  *n_uniform)
{
  g_return_if_fail (self != NULL);

  if (n_cells != NULL)
    *n_cells = self->nx * self->ny;
  if (n_entries != NULL)
    *n_entries = self->n_entries;
  if (n_uniform != NULL)
    *n_uniform = self->n_uniform;
}
