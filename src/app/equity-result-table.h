/* equity-result-table.h — the rows of a result as a sortable table: the
 * numbers behind the chart, and its accessible alternative
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "equity-core.h"

G_BEGIN_DECLS

#define EQUITY_TYPE_RESULT_TABLE (equity_result_table_get_type ())
G_DECLARE_FINAL_TYPE (EquityResultTable, equity_result_table, EQUITY, RESULT_TABLE, AdwBin)

GtkWidget     *equity_result_table_new             (void);
EquityResult  *equity_result_table_get_result      (EquityResultTable *self);
void           equity_result_table_set_result      (EquityResultTable *self,
                                                    EquityResult      *result);
GtkColumnView *equity_result_table_get_column_view (EquityResultTable *self);
/* The text shown for the row labelled LABEL ("B") in the column COLUMN
 * ("name", "count", "population", "rate", "ratio", "difference",
 * "estimate", "cv", "reliability", "share", "population-share", "mean",
 * "median", "index", "suppressed"); NULL when not shown. */
char          *equity_result_table_dup_cell        (EquityResultTable *self,
                                                    const char        *label,
                                                    const char        *column);

G_END_DECLS
