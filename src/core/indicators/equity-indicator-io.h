/* equity-indicator-io.h — indicators from spec files, yearly values from CSV
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "equity-indicator.h"

G_BEGIN_DECLS

/* An indicator from a spec file's text ([indicator] keys, docs/cli.md);
 * errors name SOURCE_NAME, the key and the value. Saved analyses are named
 * by name in the file and bound to their id here, so PROJECT is needed. */
EquityIndicator *equity_indicator_new_from_data     (EquityProject    *project,
                                                     const char       *data,
                                                     gssize            length,
                                                     const char       *source_name,
                                                     GError          **error);
/* Reads "year,value[,low,high]" CSV (a header line is optional) or a
 * Charlotte Quality of Life metric file (first column the area, then one
 * column per year: the mean of the listed areas' values per year). Replaces
 * the stored values; errors name PATH, the line and the column. */
gboolean         equity_indicator_import_values     (EquityIndicator  *self,
                                                     const char       *path,
                                                     GError          **error);

G_END_DECLS
