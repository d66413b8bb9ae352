/* equity-explore-page.h — an analysis made by choosing its inputs, with its
 * headline, chart, map and table
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "equity-core.h"

G_BEGIN_DECLS

#define EQUITY_TYPE_EXPLORE_PAGE (equity_explore_page_get_type ())
G_DECLARE_FINAL_TYPE (EquityExplorePage, equity_explore_page, EQUITY, EXPLORE_PAGE, AdwBin)

GtkWidget           *equity_explore_page_new          (void);
void                 equity_explore_page_set_project  (EquityExplorePage   *self,
                                                       EquityProject       *project);
/* the saved analysis shown, or NULL for a new one (property ::analysis) */
EquitySavedAnalysis *equity_explore_page_get_analysis (EquityExplorePage   *self);
/* Opens a saved analysis: its spec fills the editor and runs. */
void                 equity_explore_page_set_analysis (EquityExplorePage   *self,
                                                       EquitySavedAnalysis *analysis);
/* Starts a new analysis of the kind shown. */
void                 equity_explore_page_new_analysis (EquityExplorePage   *self);
/* shows SPEC as a new, unsaved analysis (the scan's built measures) */
void                 equity_explore_page_open_spec    (EquityExplorePage   *self,
                                                       EquityAnalysis      *spec);
/* The page's actions: explore.new-analysis (emits ::new-analysis-requested,
 * for the window to ask about unsaved changes), explore.save-analysis,
 * explore.copy-chart and explore.export-chart. The window inserts them too,
 * so its menu and shortcuts reach them. */
GActionGroup        *equity_explore_page_get_actions  (EquityExplorePage   *self);
/* Whether the window shows the page: its actions are enabled only then. */
void                 equity_explore_page_set_shown    (EquityExplorePage   *self,
                                                       gboolean             shown);
/* a readable name for an analysis kind such as group-rates */
const char          *equity_explore_page_kind_label   (const char          *kind);

/* The last result, or NULL (while inputs are missing, or after an error). */
EquityResult        *equity_explore_page_get_result   (EquityExplorePage   *self);
/* TRUE while a change waits to be computed or is being computed */
gboolean             equity_explore_page_is_busy      (EquityExplorePage   *self);
/* the message shown instead of, or above, the result; NULL when none */
const char          *equity_explore_page_get_message  (EquityExplorePage   *self);
gboolean             equity_explore_page_can_save     (EquityExplorePage   *self);
/* TRUE when the saved analysis shown was changed (an input, the chart's
 * kind) since it was opened or saved; for a new analysis, once a person
 * chose anything */
gboolean             equity_explore_page_has_unsaved_changes (EquityExplorePage *self);

/* Saves the analysis under NAME; it appears in the sidebar. */
gboolean             equity_explore_page_save_analysis (EquityExplorePage  *self,
                                                        const char         *name,
                                                        GError            **error);
/* Asks for a name, then saves. */
void                 equity_explore_page_show_save_dialog (EquityExplorePage *self);
/* The chart shown (the map on the Map tab) on the clipboard as an image. */
gboolean             equity_explore_page_copy_chart   (EquityExplorePage   *self,
                                                       GError             **error);
/* The chart shown as PNG (1920×1080), SVG or PDF (1200×800), by PATH's
 * extension, on white. */
gboolean             equity_explore_page_export_chart (EquityExplorePage   *self,
                                                       const char          *path,
                                                       GError             **error);
/* Asks for a file, then exports. */
void                 equity_explore_page_show_export_dialog (EquityExplorePage *self);

/* for tests */
GtkWidget           *_equity_explore_page_get_editor     (EquityExplorePage *self);
GtkWidget           *_equity_explore_page_get_chart_view (EquityExplorePage *self);
GtkWidget           *_equity_explore_page_get_map_view   (EquityExplorePage *self);
GtkWidget           *_equity_explore_page_get_table      (EquityExplorePage *self);
GtkWidget           *_equity_explore_page_get_progress_bar (EquityExplorePage *self);
const char          *_equity_explore_page_get_headline   (EquityExplorePage *self);
/* the notes under the chart, or NULL */
const char          *_equity_explore_page_get_notes      (EquityExplorePage *self);
/* "chart" or "map" */
void                 _equity_explore_page_show_view      (EquityExplorePage *self,
                                                          const char        *name);
/* "bars" or "dots" */
void                 _equity_explore_page_set_chart_kind (EquityExplorePage *self,
                                                          const char        *kind);

G_END_DECLS
