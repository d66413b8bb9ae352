/* equity-indicator-entry.h — one indicator as the Indicators page shows it:
 * the core's indicator and its evaluation, with the names of the groups it
 * compares, in one object the list, the chart and the year table share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "equity-core.h"

G_BEGIN_DECLS

#define EQUITY_TYPE_INDICATOR_ENTRY (equity_indicator_entry_get_type ())
G_DECLARE_FINAL_TYPE (EquityIndicatorEntry, equity_indicator_entry, EQUITY, INDICATOR_ENTRY, GObject)

EquityIndicator      *equity_indicator_entry_get_indicator (EquityIndicatorEntry  *self);
/* NULL when the evaluation failed (see get_error) */
EquityIndicatorEvaluation *equity_indicator_entry_get_evaluation (EquityIndicatorEntry *self);
gint64                equity_indicator_entry_get_id        (EquityIndicatorEntry  *self);
const char           *equity_indicator_entry_get_name      (EquityIndicatorEntry  *self);
/* "No theme" and "No topic" when the indicator has none */
const char           *equity_indicator_entry_get_theme     (EquityIndicatorEntry  *self);
const char           *equity_indicator_entry_get_topic     (EquityIndicatorEntry  *self);
/* the two groups compared, as a reader names them ("Black" for "B"); NULL
 * for yearly values typed or imported */
const char           *equity_indicator_entry_get_group_a   (EquityIndicatorEntry  *self);
const char           *equity_indicator_entry_get_group_b   (EquityIndicatorEntry  *self);
/* what the rates count: "per 1,000 people" */
const char           *equity_indicator_entry_get_units     (EquityIndicatorEntry  *self);
int                   equity_indicator_entry_get_baseline  (EquityIndicatorEntry  *self);
/* why the evaluation failed, or NULL */
const char           *equity_indicator_entry_get_error     (EquityIndicatorEntry  *self);
EquityIndicatorStatus equity_indicator_entry_get_status    (EquityIndicatorEntry  *self);
guint                 equity_indicator_entry_get_n_years   (EquityIndicatorEntry  *self);
const EquityIndicatorYear *equity_indicator_entry_get_year (EquityIndicatorEntry  *self,
                                                            guint                  index);
/* the latest year with a score, or NULL */
const EquityIndicatorYear *equity_indicator_entry_get_latest (EquityIndicatorEntry *self);
/* the trend chart: yearly values with intervals, the target per year, the
 * baseline marked */
EquityChart          *equity_indicator_entry_create_chart  (EquityIndicatorEntry  *self);

/* the list items of BOARD: one entry per indicator, in its order */
GPtrArray            *equity_indicator_entries_new         (EquityIndicatorBoard  *board);

/* "object-select-symbolic" for on track… */
const char           *equity_indicator_status_to_icon      (EquityIndicatorStatus  status);
/* 40 → "40", 38.75 → "38.8"; NAN → "—" */
char                 *equity_indicator_format_score        (double                 score);
/* +3 → "+3", −2 → "−2", 0 → "±0"; NAN → "—" */
char                 *equity_indicator_format_change       (double                 change);

G_END_DECLS
