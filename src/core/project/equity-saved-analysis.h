/* equity-saved-analysis.h — a saved analysis in the project's catalog: its name,
 * kind and date (its spec is read with equity_analysis_new_from_project(),
 * which names datasets as they are called now)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define EQUITY_TYPE_SAVED_ANALYSIS (equity_saved_analysis_get_type ())
G_DECLARE_FINAL_TYPE (EquitySavedAnalysis, equity_saved_analysis, EQUITY, SAVED_ANALYSIS, GObject)

EquitySavedAnalysis *equity_saved_analysis_new        (const char          *name,
                                                       const char          *kind,
                                                       GDateTime           *updated_at);
const char          *equity_saved_analysis_get_name   (EquitySavedAnalysis *self);
const char          *equity_saved_analysis_get_kind   (EquitySavedAnalysis *self);
GDateTime           *equity_saved_analysis_get_updated_at (EquitySavedAnalysis *self);

G_END_DECLS
