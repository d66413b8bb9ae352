/* equity-indexed-item.c — one row of something a list model shows
 *
 * The result table and the Indicators page's year table both list rows that
 * stay inside the object they come from; an item names the row by its owner
 * and index instead of copying it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "equity-indexed-item.h"

struct _EquityIndexedItem
{
  GObject  parent_instance;
  GObject *owner;
  guint    index;
};

G_DEFINE_FINAL_TYPE (EquityIndexedItem, equity_indexed_item, G_TYPE_OBJECT)

static void
equity_indexed_item_finalize (GObject *object)
{
  g_clear_object (&EQUITY_INDEXED_ITEM (object)->owner);
  G_OBJECT_CLASS (equity_indexed_item_parent_class)->finalize (object);
}

static void
equity_indexed_item_class_init (EquityIndexedItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = equity_indexed_item_finalize;
}

static void
equity_indexed_item_init (EquityIndexedItem *self)
{
}

EquityIndexedItem *
equity_indexed_item_new (gpointer owner,
                         guint    index)
{
  EquityIndexedItem *self;

  g_return_val_if_fail (G_IS_OBJECT (owner), NULL);

  self = g_object_new (EQUITY_TYPE_INDEXED_ITEM, NULL);
  self->owner = g_object_ref (owner);
  self->index = index;
  return self;
}

gpointer
equity_indexed_item_get_owner (EquityIndexedItem *self)
{
  g_return_val_if_fail (EQUITY_IS_INDEXED_ITEM (self), NULL);

  return self->owner;
}

guint
equity_indexed_item_get_index (EquityIndexedItem *self)
{
  g_return_val_if_fail (EQUITY_IS_INDEXED_ITEM (self), 0);

  return self->index;
}
