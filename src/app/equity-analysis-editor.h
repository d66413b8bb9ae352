/* equity-analysis-editor.h — an analysis spec made by choosing, not typing:
 * the kind, then its datasets, columns, rows and groups from the project
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "equity-core.h"

G_BEGIN_DECLS

#define EQUITY_TYPE_ANALYSIS_EDITOR (equity_analysis_editor_get_type ())
G_DECLARE_FINAL_TYPE (EquityAnalysisEditor, equity_analysis_editor, EQUITY, ANALYSIS_EDITOR, AdwBin)

GtkWidget      *equity_analysis_editor_new            (void);
void            equity_analysis_editor_set_project    (EquityAnalysisEditor *self,
                                                       EquityProject        *project);
/* Edits a copy of ANALYSIS: ::changed is not emitted. */
void            equity_analysis_editor_set_analysis   (EquityAnalysisEditor *self,
                                                       EquityAnalysis       *analysis);
/* Starts a new analysis of KIND with the preferences' figures. */
void            equity_analysis_editor_new_analysis   (EquityAnalysisEditor *self,
                                                       const char           *kind);
/* Renames the analysis (its title) without emitting ::changed. */
void            equity_analysis_editor_set_name       (EquityAnalysisEditor *self,
                                                       const char           *name);
/* TRUE once a person changed an input of the analysis set (not the
 * columns the editor fills in by itself) */
gboolean        equity_analysis_editor_is_edited      (EquityAnalysisEditor *self);
/* the spec as edited so far (owned by the editor) */
EquityAnalysis *equity_analysis_editor_get_analysis   (EquityAnalysisEditor *self);
/* What must still be chosen before the analysis can run ("Choose the
 * population"), or NULL when every input has a value. */
char           *equity_analysis_editor_dup_missing    (EquityAnalysisEditor *self);
/* TRUE while values of columns (groups, rows) are being read */
gboolean        equity_analysis_editor_is_loading     (EquityAnalysisEditor *self);

/* For tests and scripted use: chooses VALUE for the input of KEY as a person
 * would ("kind", "population", "reference", "per", "confidence",
 * "suppress-below", "population-filter", "groups/B" …; VALUE NULL: the
 * choice of none). FALSE when no shown input has that key or that value. */
gboolean        equity_analysis_editor_choose         (EquityAnalysisEditor *self,
                                                       const char           *key,
                                                       const char           *value);
/* the row that edits KEY, or NULL */
GtkWidget      *equity_analysis_editor_get_row        (EquityAnalysisEditor *self,
                                                       const char           *key);

G_END_DECLS
