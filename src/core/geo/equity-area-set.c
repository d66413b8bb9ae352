/* equity-area-set.c — the areas of a spatial dataset: keys, geometries, bounding boxes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "equity-geo"

#include "config.h"

#include "equity-area-set.h"

struct _EquityAreaSet
{
  GPtrArray *keys;        /* char*, NULL where blank */
  GPtrArray *geometries;  /* EquityGeometry*, NULL where unreadable */
  GArray    *extents;     /* double[4] per area (all 0 where it has none) */
  GArray    *has_extent;  /* gboolean per area */
  guint      n_unreadable;
};

EquityAreaSet *
equity_area_set_new (void)
{
  EquityAreaSet *self = g_new0 (EquityAreaSet, 1);

  self->keys = g_ptr_array_new_with_free_func (g_free);
  self->geometries = g_ptr_array_new_with_free_func ((GDestroyNotify) equity_geometry_free);
  self->extents = g_array_new (FALSE, TRUE, sizeof (double) * 4);
  self->has_extent = g_array_new (FALSE, TRUE, sizeof (gboolean));
  return self;
}

void
equity_area_set_free (EquityAreaSet *self)
{
  if (self == NULL)
    return;
  g_ptr_array_unref (self->keys);
  g_ptr_array_unref (self->geometries);
  g_array_unref (self->extents);
  g_array_unref (self->has_extent);
  g_free (self);
}

void
equity_area_set_add (EquityAreaSet *self,
                     const char    *key,
                     const guint8  *wkb,
                     gsize          length)
{
  EquityGeometry *geometry = NULL;
  double extent[4] = { 0, 0, 0, 0 };
  gboolean has_extent = FALSE;

  g_return_if_fail (self != NULL);

  if (wkb != NULL && length > 0)
    {
      g_autoptr(GError) error = NULL;

      geometry = equity_geometry_new_from_wkb (wkb, length, &error);
      /* one broken feature should not cost the reader the whole set */
      if (geometry == NULL)
        g_debug ("Skipping the geometry of area %s: %s", key != NULL ? key : "(blank)", error->message);
    }
  if (geometry == NULL)
    self->n_unreadable++;
  else
    has_extent = equity_geometry_get_bbox (geometry, extent);

  g_ptr_array_add (self->keys, g_strdup (key));
  g_ptr_array_add (self->geometries, geometry);
  g_array_append_vals (self->extents, extent, 1);
  g_array_append_val (self->has_extent, has_extent);
}

guint
equity_area_set_get_n_areas (const EquityAreaSet *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->keys->len;
}

const char *
equity_area_set_get_key (const EquityAreaSet *self,
                         guint                index)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->keys->len, NULL);
  return g_ptr_array_index (self->keys, index);
}

const EquityGeometry *
equity_area_set_get_geometry (const EquityAreaSet *self,
                              guint                index)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->geometries->len, NULL);
  return g_ptr_array_index (self->geometries, index);
}

gboolean
equity_area_set_get_bbox (const EquityAreaSet *self,
                          guint                index,
                          double               extent[4])
{
  const double *stored;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (index < self->keys->len, FALSE);

  if (!g_array_index (self->has_extent, gboolean, index))
    return FALSE;
  stored = (const double *) self->extents->data + 4 * index;
  for (guint i = 0; i < 4; i++)
    extent[i] = stored[i];
  return TRUE;
}

GPtrArray *
equity_area_set_get_geometries (const EquityAreaSet *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->geometries;
}

guint
equity_area_set_get_n_unreadable (const EquityAreaSet *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->n_unreadable;
}
