/* equity-analysis-kind.h — what a kind's file needs to describe itself: the
 * field groups several kinds share, and the members of a result's JSON rows
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A kind is one file, src/core/analysis/equity-analysis-KIND.c, defining a
 * const EquityAnalysisKindInfo equity_analysis_kind_KIND (its name, label,
 * fields, result columns, charts and run), plus one line in
 * equity-analysis-kinds.c and one in src/core/meson.build.
 */

#pragma once

#include <glib/gi18n-lib.h>

#include "equity-analysis-fields.h"
#include "equity-analysis-kinds.h"
#include "equity-analysis-private.h"

G_BEGIN_DECLS

#define R(role) EQUITY_ROLE_BIT (EQUITY_COLUMN_ROLE_##role)
#define KEYS (R (KEY) | R (IDENTIFIER))

/* Events placed in areas: by key, or by location in the areas' shapes
 * (area-rates, group-exposure; equity-analysis-areas.c reads them). */
enum {
  EQUITY_AREA_MODE_KEY = 1 << 0,
  EQUITY_AREA_MODE_LATLON = 1 << 1,
  EQUITY_AREA_MODE_LOCATION = 1 << 2,
  EQUITY_AREA_MODE_POINTS = EQUITY_AREA_MODE_LATLON | EQUITY_AREA_MODE_LOCATION,
};

extern const EquityModeInfo equity_analysis_area_modes[];

#define EQUITY_EVENTS_FIELDS \
  { "events", EQUITY_FIELD_DATASET, N_("Events"), NULL, NULL, 0, R (GROUP) | R (DATE), 0, NULL, NULL }, \
  { "events-filter", EQUITY_FIELD_ROW, N_("Only events where"), N_("All events"), "events", \
    EQUITY_FIELD_OPTIONAL | EQUITY_FIELD_HIDDEN, 0, 0, NULL, NULL }

#define EQUITY_AREA_SOURCE_FIELDS \
  EQUITY_EVENTS_FIELDS, \
  { "locate", EQUITY_FIELD_MODE, N_("Events are placed by"), NULL, NULL, 0, 0, 0, NULL, NULL }, \
  { "area-column", EQUITY_FIELD_COLUMN, N_("Area key"), NULL, "events", 0, KEYS, EQUITY_AREA_MODE_KEY, NULL, NULL }, \
  { "lat-column", EQUITY_FIELD_COLUMN, N_("Latitude"), NULL, "events", EQUITY_FIELD_NUMERIC, R (LATITUDE), \
    EQUITY_AREA_MODE_LATLON, NULL, NULL }, \
  { "lon-column", EQUITY_FIELD_COLUMN, N_("Longitude"), NULL, "events", EQUITY_FIELD_NUMERIC, R (LONGITUDE), \
    EQUITY_AREA_MODE_LATLON, NULL, NULL }, \
  { "location-column", EQUITY_FIELD_COLUMN, N_("Location"), NULL, "events", 0, R (LOCATION), \
    EQUITY_AREA_MODE_LOCATION, NULL, NULL }, \
  { "areas", EQUITY_FIELD_DATASET, N_("Areas"), NULL, NULL, EQUITY_FIELD_GEOMETRY, 0, EQUITY_AREA_MODE_POINTS, NULL, NULL }, \
  { "areas-key", EQUITY_FIELD_COLUMN, N_("Area key of the areas"), NULL, "areas", 0, KEYS, EQUITY_AREA_MODE_POINTS, NULL, NULL }

/* the population of each area (area-rates, group-exposure) */
#define EQUITY_AREA_POPULATION_FIELDS \
  { "population", EQUITY_FIELD_DATASET, N_("Population"), NULL, NULL, 0, R (POPULATION), 0, NULL, NULL }, \
  { "population-key", EQUITY_FIELD_COLUMN, N_("Area key of the population"), NULL, "population", 0, KEYS, 0, NULL, NULL }

/* an optional map to draw the result on, shown in MODES */
#define EQUITY_MAP_FIELDS(modes) \
  { "map", EQUITY_FIELD_DATASET, N_("Map"), N_("No map"), NULL, EQUITY_FIELD_OPTIONAL | EQUITY_FIELD_GEOMETRY, 0, modes, NULL, NULL }, \
  { "map-key", EQUITY_FIELD_COLUMN, N_("Map key"), NULL, "map", 0, KEYS, modes, NULL, NULL }

/* a population row (population-filter) and [groups] = population columns
 * whose group values are in GROUP_DATASET's group-column */
#define EQUITY_GROUP_POPULATION_FIELDS(group_dataset) \
  { "population", EQUITY_FIELD_DATASET, N_("Population"), NULL, NULL, 0, R (POPULATION), 0, NULL, NULL }, \
  { "population-filter", EQUITY_FIELD_ROW, N_("Population row"), N_("All rows added up"), "population", \
    EQUITY_FIELD_OPTIONAL, KEYS, 0, NULL, NULL }, \
  { "groups", EQUITY_FIELD_GROUPS, N_("Groups"), N_("Not counted"), "population", EQUITY_FIELD_NUMERIC, \
    R (POPULATION), 0, "group-column", group_dataset }

/* Events by group over each group's population: group rates and the index
 * of disparity read the same inputs, and differ in their reference. */
#define EQUITY_GROUP_RATE_FIELDS \
  EQUITY_EVENTS_FIELDS, \
  { "group-column", EQUITY_FIELD_COLUMN, N_("Group column"), NULL, "events", 0, R (GROUP), 0, NULL, NULL }, \
  { "value-column", EQUITY_FIELD_COLUMN, N_("Measure"), N_("Count the rows"), "events", \
    EQUITY_FIELD_OPTIONAL | EQUITY_FIELD_NUMERIC, R (AMOUNT) | R (COUNT), 0, NULL, NULL }, \
  EQUITY_GROUP_POPULATION_FIELDS ("events")

/* The figures of a result row a JSON member can hold. */
typedef enum
{
  EQUITY_MEMBER_COUNT, EQUITY_MEMBER_POPULATION, EQUITY_MEMBER_POPULATION_MOE,
  EQUITY_MEMBER_RATE, EQUITY_MEMBER_RATE_LOW, EQUITY_MEMBER_RATE_HIGH,
  EQUITY_MEMBER_RATIO, EQUITY_MEMBER_RATIO_LOW, EQUITY_MEMBER_RATIO_HIGH,
  EQUITY_MEMBER_DIFFERENCE, EQUITY_MEMBER_DIFFERENCE_LOW, EQUITY_MEMBER_DIFFERENCE_HIGH,
  EQUITY_MEMBER_ESTIMATE, EQUITY_MEMBER_MOE, EQUITY_MEMBER_CV, EQUITY_MEMBER_RELIABILITY,
  EQUITY_MEMBER_SHARE, EQUITY_MEMBER_SHARE_LOW, EQUITY_MEMBER_SHARE_HIGH,
  EQUITY_MEMBER_POPULATION_SHARE, EQUITY_MEMBER_MEAN, EQUITY_MEMBER_MEAN_LOW, EQUITY_MEMBER_MEAN_HIGH,
  EQUITY_MEMBER_MEDIAN, EQUITY_MEMBER_MEDIAN_LOW, EQUITY_MEMBER_MEDIAN_HIGH,
  EQUITY_MEMBER_INDEX, EQUITY_MEMBER_FLAGGED, EQUITY_MEMBER_SUPPRESSED, EQUITY_MEMBER_IS_REFERENCE,
  EQUITY_MEMBER_DISPLAY_LABEL, EQUITY_MEMBER_LABEL,
  EQUITY_MEMBER_END,
} EquityResultField;

/* one member of a JSON row: its name (CLI.md) and the figure it holds */
struct _EquityResultMember
{
  const char        *name;
  EquityResultField  field;
};

#define EQUITY_RATE_MEMBERS \
  { "count", EQUITY_MEMBER_COUNT }, { "population", EQUITY_MEMBER_POPULATION }, \
  { "population_moe", EQUITY_MEMBER_POPULATION_MOE }, { "rate", EQUITY_MEMBER_RATE }, \
  { "rate_low", EQUITY_MEMBER_RATE_LOW }, { "rate_high", EQUITY_MEMBER_RATE_HIGH }

/* group rates' rows, shared with the index of disparity */
extern const EquityResultMember equity_group_rate_members[];

/* the charts of a result with one row per group or table row */
#define EQUITY_ROW_CHARTS "bars dots trend"
/* …and of one that can be drawn on a map */
#define EQUITY_MAP_CHARTS "bars dots trend map"

G_END_DECLS
