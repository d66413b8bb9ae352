/* equity-import-columns.h — the import dialog's column rows: type and role
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "equity-core.h"

G_BEGIN_DECLS

/* Called after the row changed its column: TYPE_CHANGED when the type did
 * (the preview shows values as the new type stores them). */
typedef void (*EquityColumnChangedFunc) (gpointer user_data,
                                         guint    position,
                                         gboolean type_changed);

/* A row for column POSITION of an analyzed IMPORTER: its name, an example
 * value, and drop-downs for its type (Text, Integer, Number, Date) and role
 * (every role; "Margin of error of …" once for each other column). The
 * drop-downs write to the importer's EquityColumn. */
GtkWidget   *equity_import_column_row_new           (EquityImporter          *importer,
                                                     guint                    position,
                                                     EquityColumnChangedFunc  changed,
                                                     gpointer                 user_data);
/* NULL for a geometry column, whose type is fixed */
GtkDropDown *equity_import_column_row_get_type_drop_down (GtkWidget          *row);
GtkDropDown *equity_import_column_row_get_role_drop_down (GtkWidget          *row);

G_END_DECLS
