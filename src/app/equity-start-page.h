/* equity-start-page.h — what the window shows when no project is open
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define EQUITY_TYPE_START_PAGE (equity_start_page_get_type ())
G_DECLARE_FINAL_TYPE (EquityStartPage, equity_start_page, EQUITY, START_PAGE, AdwBin)

GtkWidget *equity_start_page_new            (void);
/* number of recent projects listed (for tests) */
guint      equity_start_page_get_n_recent   (EquityStartPage *self);

G_END_DECLS
