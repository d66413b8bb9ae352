/* equity-analysis-compute.h — the arithmetic of the kinds, apart from reading
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A kind's run reads its columns (equity-dataset-reader.h), then hands plain
 * arrays to one of these functions, which only compute: no project, no file,
 * so a test can give them numbers worked out by hand.
 */

#pragma once

#include "equity-result.h"
#include "equity-stats.h"

G_BEGIN_DECLS

/* What a result was asked for: rates per PER people, intervals at
 * CONFIDENCE, counts from 1 to SUPPRESS_BELOW − 1 withheld */
typedef struct
{
  double per;
  double confidence;
  guint  suppress_below;
} EquityRateSettings;

static inline EquityRateSettings
equity_rate_settings_of (EquityResult *result)
{
  EquityRateSettings settings = {
    equity_result_get_per (result),
    equity_result_get_confidence (result),
    equity_result_get_suppress_below (result),
  };

  return settings;
}

static inline gboolean
equity_rate_settings_suppress (const EquityRateSettings *settings,
                               double                    count)
{
  return count >= 1.0 && count < settings->suppress_below;
}

/* ROW's rate per PER of EVENTS over POPULATION, with its Poisson interval at
 * CONFIDENCE; given an AMOUNT (not NULL) the rate is of *AMOUNT instead and
 * has no interval, as sums of a measure have no Poisson error. Returns the
 * flags of the events' rate. */
EquityStatsFlags equity_row_set_rate (EquityResultRow *row,
                                      double           events,
                                      const double    *amount,
                                      double           population,
                                      double           per,
                                      double           confidence);

/* Events (or the sums of a measure) by group over each group's population.
 * RESULT's per, confidence and suppress-below are used; its rows, reference
 * and overall figures are set. */
typedef struct
{
  guint               n_groups;
  const char * const *groups;
  const double       *events;          /* rows of each group: counts, suppression */
  const double       *amounts;         /* sums of the measure of each group; NULL: rates of events */
  const double       *population;
  const double       *population_moe;  /* NAN where none */
  const char         *reference;       /* one of GROUPS; NULL or not a group: the largest population */
} EquityGroupRatesInput;

void equity_group_rates_compute (const EquityGroupRatesInput *input,
                                 EquityResult                *result);

/* Events placed in areas (or the sums of a measure) over each area's
 * residents, against the rate over all areas. RESULT's per, confidence and
 * suppress-below are used; its rows, overall figures, "gini" number and a note
 * on areas without residents are set. */
typedef struct
{
  guint               n_areas;
  const char * const *keys;
  const double       *events;          /* events in each area: counts, suppression */
  const double       *amounts;         /* sums of the measure in each area; NULL: rates of events */
  const double       *population;      /* residents; NAN: unknown */
  const double       *population_moe;  /* ACS margins (90%); NAN where none */
} EquityAreaRatesInput;

void equity_area_rates_compute (const EquityAreaRatesInput *input,
                                EquityResult               *result);

G_END_DECLS
