/* equity-result.h — what an analysis computes: estimates, intervals, flags
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "equity-analysis-kinds.h"

G_BEGIN_DECLS

/* One line of a result: a group, an area, or a row of an ACS table.
 * Values that do not apply are NAN. */
typedef struct
{
  char     *label;          /* group value ("B"), area key ("37021000100") */
  char     *display_label;  /* what a reader sees ("Black"), or NULL for label */
  double    count;          /* events, or the summed amount */
  double    population;
  double    population_moe; /* ACS margin of the population, NAN if none */
  double    rate;           /* per `per` people */
  double    rate_low;
  double    rate_high;
  double    ratio;          /* against the reference (group) or overall (area) */
  double    ratio_low;
  double    ratio_high;
  double    difference;     /* rate − reference rate, per `per` people */
  double    difference_low;
  double    difference_high;
  double    estimate;       /* acs-proportion and shares: 0..1 */
  double    moe;
  double    cv;             /* percent */
  const char *reliability;  /* "high", "medium", "low", or NULL */
  double    share;          /* share of events / seats / dollars, 0..1 */
  double    population_share;
  gboolean  suppressed;     /* a count from 1 to suppress-below − 1 */
  gboolean  suppressed_secondary; /* hidden too, so a suppressed count cannot be had by subtraction */
  gboolean  is_reference;
  /* added by the analyses (docs/methods.md says which kind fills which) */
  double    share_low;      /* Wilson interval of share (representation) */
  double    share_high;
  double    mean;           /* outcomes: mean and median of a value */
  double    mean_low;
  double    mean_high;
  double    median;
  double    median_low;
  double    median_high;
  double    index;          /* utilization: disparity index (×100) */
  gboolean  flagged;        /* utilization: index below 80 */
  guint     flags;          /* EquityStatsFlags of the row's figures */
} EquityResultRow;

#define EQUITY_TYPE_RESULT (equity_result_get_type ())
G_DECLARE_FINAL_TYPE (EquityResult, equity_result, EQUITY, RESULT, GObject)

EquityResult    *equity_result_new              (const char      *kind);
const char      *equity_result_get_kind         (EquityResult    *self);
const char      *equity_result_get_title        (EquityResult    *self);
void             equity_result_set_title        (EquityResult    *self,
                                                 const char      *title);
double           equity_result_get_per          (EquityResult    *self);
void             equity_result_set_per          (EquityResult    *self,
                                                 double           per);
double           equity_result_get_confidence   (EquityResult    *self);
void             equity_result_set_confidence   (EquityResult    *self,
                                                 double           confidence);
guint            equity_result_get_suppress_below (EquityResult  *self);
void             equity_result_set_suppress_below (EquityResult  *self,
                                                   guint          suppress_below);
const char      *equity_result_get_reference    (EquityResult    *self);
void             equity_result_set_reference    (EquityResult    *self,
                                                 const char      *reference);
/* units and source note for charts and exports, e.g. "arrests per 1,000 residents" */
const char      *equity_result_get_units        (EquityResult    *self);
void             equity_result_set_units        (EquityResult    *self,
                                                 const char      *units);
const char      *equity_result_get_source_note  (EquityResult    *self);
void             equity_result_set_source_note  (EquityResult    *self,
                                                 const char      *note);

/* the rows; append with equity_result_add_row(), which returns a row whose
 * numbers are all NAN, for the caller to fill */
guint            equity_result_get_n_rows       (EquityResult    *self);
EquityResultRow *equity_result_get_row          (EquityResult    *self,
                                                 guint            index);
EquityResultRow *equity_result_add_row          (EquityResult    *self,
                                                 const char      *label);
EquityResultRow *equity_result_find_row         (EquityResult    *self,
                                                 const char      *label);

/* the whole (area-rates: the citywide figures) */
EquityResultRow *equity_result_get_overall      (EquityResult    *self);
/* area-rates: keys events carry that no area has, their events, events in no polygon */
GPtrArray       *equity_result_get_unmatched    (EquityResult    *self);
void             equity_result_add_unmatched    (EquityResult    *self,
                                                 const char      *key);
guint64          equity_result_get_unmatched_events (EquityResult *self);
void             equity_result_set_unmatched_events (EquityResult *self,
                                                     guint64       n);
guint64          equity_result_get_outside      (EquityResult    *self);
void             equity_result_set_outside      (EquityResult    *self,
                                                 guint64          n);
/* single-number results (dissimilarity index, index of disparity) */
double           equity_result_get_index        (EquityResult    *self);
void             equity_result_set_index        (EquityResult    *self,
                                                 double           index);
/* dataset and key column whose geometries draw this result as a map, or NULL */
const char      *equity_result_get_map_dataset  (EquityResult    *self);
const char      *equity_result_get_map_key      (EquityResult    *self);
void             equity_result_set_map          (EquityResult    *self,
                                                 const char      *dataset,
                                                 const char      *key_column);
/* extra figures of the whole result, printed as top-level JSON numbers
 * (e.g. area-rates' "gini"); NAN when unset */
void             equity_result_set_number       (EquityResult    *self,
                                                 const char      *name,
                                                 double           value);
double           equity_result_get_number       (EquityResult    *self,
                                                 const char      *name);
/* the names set so far, in order, NULL-terminated */
const char * const *equity_result_get_number_names (EquityResult *self);
/* plain-language notes on what the analysis did with odd input
 * ("6 arrests had no group in [groups] and are not counted"), printf-style */
void             equity_result_add_note         (EquityResult    *self,
                                                 const char      *format,
                                                 ...) G_GNUC_PRINTF (2, 3);
const char * const *equity_result_get_notes     (EquityResult    *self);
/* whether the row's count and what is worked out from it are withheld */
gboolean         equity_result_row_is_hidden    (const EquityResultRow *row);
/* the display name of a row: display_label, else label */
const char      *equity_result_row_get_name     (const EquityResultRow *row);

/* one sentence a council member can read: "Black residents were arrested at
 * 3.11 times the rate of White residents (95% CI 3.01–3.22)." */
char            *equity_result_dup_headline     (EquityResult    *self);

/* NAME: VALUE, whole numbers as integers, NAN and infinities as null */
void             equity_json_add_number         (JsonBuilder     *builder,
                                                 const char      *name,
                                                 double           value);
/* NAME: VALUE as a JSON number (2.0, not 2), NAN and infinities as null */
void             equity_json_add_double         (JsonBuilder     *builder,
                                                 const char      *name,
                                                 double           value);
/* NAME: VALUE, a NULL VALUE as null */
void             equity_json_add_string         (JsonBuilder     *builder,
                                                 const char      *name,
                                                 const char      *value);
void             equity_json_add_int            (JsonBuilder     *builder,
                                                 const char      *name,
                                                 gint64           value);
void             equity_json_add_boolean        (JsonBuilder     *builder,
                                                 const char      *name,
                                                 gboolean         value);
/* The JSON of `analyze --json` (../shared/CLI.md), numbers as numbers, NAN as null. */
JsonNode        *equity_result_to_json          (EquityResult    *self);

G_END_DECLS
