/* equity-indexed-item.h — one row of something a list model shows: the
 * object that holds the rows and the row's position in it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define EQUITY_TYPE_INDEXED_ITEM (equity_indexed_item_get_type ())
G_DECLARE_FINAL_TYPE (EquityIndexedItem, equity_indexed_item, EQUITY, INDEXED_ITEM, GObject)

/* Holds a reference to OWNER (a result, an indicator entry, …). */
EquityIndexedItem *equity_indexed_item_new       (gpointer           owner,
                                                  guint              index);
gpointer           equity_indexed_item_get_owner (EquityIndexedItem *self);
guint              equity_indexed_item_get_index (EquityIndexedItem *self);

G_END_DECLS
