/* equity-sample-indicators.h — the sample project's indicators (private to the core)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "equity-project.h"

G_BEGIN_DECLS

/* Adds the sample's indicators to PROJECT, whose datasets and saved
 * analyses are already in place; ARRESTS_ANALYSIS names the saved arrests
 * analysis as it was saved. */
gboolean _equity_sample_add_indicators (EquityProject  *project,
                                        const char     *arrests_analysis,
                                        GError        **error);

G_END_DECLS
