/* equity-import-checks.h — what a file must satisfy to become a dataset (private)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* SQLite's limit on the columns of a table (SQLITE_MAX_COLUMN) */
#define EQUITY_IMPORT_MAX_COLUMNS 2000

/* Fails with a message naming FILE, its number of columns and the limit. */
gboolean equity_import_check_n_columns (const char  *display_name,
                                        guint        n_columns,
                                        GError     **error);
/* Gives every column of COLUMNS (EquityColumn) a name of its own: an empty
 * header becomes "column 4", the second "dup" becomes "dup (2)". Each change
 * is described (with the header as written) in a new string added to WARNINGS. */
void     equity_import_name_columns    (GPtrArray   *columns,
                                        GPtrArray   *warnings);
/* TEXT from a file, safe to show in a message: at most MAX_CHARS characters
 * (then "…"), control characters and invalid UTF-8 written as U+XXXX / \xHH,
 * so an escape sequence in a field cannot act on a terminal. */
char    *equity_text_for_message       (const char  *text,
                                        gssize       length,
                                        guint        max_chars);

G_END_DECLS
