/* equity-change-log-window.h — the project's change log in a window: the
 * whole log filtered by kind, or one item's history; newest first, as text,
 * never editable, and exported as CSV
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "equity-core.h"

G_BEGIN_DECLS

/* a change log entry as a row: "field: old → new", who and when under it;
 * the field named by its "field_label" (equity_change_log_label_fields())
 * when it has one, the stored field then in its tooltip */
GtkWidget *equity_change_log_row_new        (GHashTable    *change);
/* Presents the change log over PARENT's window: every entry with a filter
 * by kind when ITEM_KIND is NULL, else the entries of that one item (TITLE
 * names it, plain text). The list is the window's "log-list" data and the
 * kind filter the list's "kinds" data, for tests. */
GtkWindow *equity_change_log_window_present (GtkWidget     *parent,
                                             EquityProject *project,
                                             const char    *item_kind,
                                             gint64         item_id,
                                             const char    *title);
/* Asks for a file over PARENT's window and writes the entries of ITEM_KIND
 * and ITEM_ID (NULL and 0: all) there as CSV through the core's writer. */
void       equity_change_log_export         (GtkWidget     *parent,
                                             EquityProject *project,
                                             const char    *item_kind,
                                             gint64         item_id);
G_END_DECLS
