/* equity-analysis-private.h — what the kinds share: the run context and helpers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "equity-analysis.h"
#include "equity-dataset-reader.h"
#include "equity-stats.h"
#include "equity-analysis-fields.h"

G_BEGIN_DECLS

#define EQUITY_ANALYSIS_GROUP "analysis"
#define EQUITY_GROUPS_GROUP   "groups"
/* optional: group value → margin-of-error column of its population */
#define EQUITY_GROUP_MOES_GROUP "group-moes"

struct _EquityAnalysisContext
{
  EquityAnalysis     *analysis;
  EquityProject      *project;
  EquityProgressFunc  progress;
  gpointer            progress_data;
  GCancellable       *cancellable;
  double              per;
  double              confidence;
  guint               suppress_below;
};

/* [GROUP] KEY of the spec, stripped; NULL when absent or empty */
char          *_equity_analysis_spec_value  (EquityAnalysis        *self,
                                             const char            *group,
                                             const char            *key);
/* the same for any key file (the reference walk reads specs not yet loaded) */
char          *_equity_analysis_key_file_value (GKeyFile            *spec,
                                                const char          *group,
                                                const char          *key);

/* group-rates, shared with index-of-disparity */
gboolean       _equity_analysis_group_rates_validate (EquityAnalysisContext *context,
                                                      GError               **error);
EquityResult  *_equity_analysis_group_rates (EquityAnalysisContext *context,
                                             const char            *kind,
                                             GError               **error);
/* RESULT's units: "arrests per 1,000 residents", what is counted being
 * VALUE_COLUMN's name when there is one, else EVENTS' name */
void           _equity_analysis_set_units   (EquityAnalysisContext *context,
                                             EquityResult          *result,
                                             EquityDataset         *events,
                                             EquityColumn          *value_column);
/* FALSE with ERROR set when [GROUP] KEY names a column of DATASET that is
 * missing or holds no numbers; absent is fine */
gboolean       _equity_analysis_check_optional_numeric (EquityAnalysisContext *context,
                                                        EquityDataset         *dataset,
                                                        const char            *group,
                                                        const char            *key,
                                                        GError               **error);
/* [analysis] reference, when set, names one of [groups], or is "overall"
 * where the kind's reference field offers all groups together */
gboolean       _equity_analysis_check_reference (EquityAnalysisContext *context,
                                                 GError               **error);

/* Errors: "SOURCE: [GROUP] KEY: message" */
void           _equity_analysis_set_error   (EquityAnalysisContext *context,
                                             GError               **error,
                                             const char            *group,
                                             const char            *key,
                                             const char            *format,
                                             ...) G_GNUC_PRINTF (5, 6);
/* [analysis] KEY as a string; NULL when absent or empty */
char          *_equity_analysis_string      (EquityAnalysisContext *context,
                                             const char            *key);
/* The dataset [analysis] KEY names; an error when absent (unless OPTIONAL,
 * then NULL with no error) or not in the project. */
EquityDataset *_equity_analysis_dataset     (EquityAnalysisContext *context,
                                             const char            *key,
                                             gboolean               optional,
                                             GError               **error);
/* The column of DATASET that [GROUP] KEY names (GROUP NULL: [analysis]) */
EquityColumn  *_equity_analysis_column      (EquityAnalysisContext *context,
                                             EquityDataset         *dataset,
                                             const char            *group,
                                             const char            *key,
                                             gboolean               optional,
                                             GError               **error);
/* …and which must hold numbers */
EquityColumn  *_equity_analysis_numeric_column (EquityAnalysisContext *context,
                                                EquityDataset         *dataset,
                                                const char            *group,
                                                const char            *key,
                                                gboolean               optional,
                                                GError               **error);
/* TRUE (with an error set) when the run was cancelled */
gboolean       _equity_analysis_cancelled   (EquityAnalysisContext *context,
                                             GError               **error);
void           _equity_analysis_progress    (EquityAnalysisContext *context,
                                             double                 fraction);
/* a result of KIND with per, confidence, suppress-below and title set */
EquityResult  *_equity_analysis_new_result  (EquityAnalysisContext *context,
                                             const char            *kind);
/* counts from 1 to suppress-below − 1 */
gboolean       _equity_analysis_suppressed  (EquityAnalysisContext *context,
                                             double                 count);

/* A COLUMN=VALUE filter of [analysis] KEY, matched as text */
typedef struct
{
  EquityColumn *column;
  char         *value;
  /* events-year = COLUMN=YEAR (set by an indicator evaluated per year) */
  EquityColumn *year_column;
  int           year;
} EquityRowFilter;

gboolean       _equity_analysis_filter      (EquityAnalysisContext *context,
                                             EquityDataset         *dataset,
                                             const char            *key,
                                             EquityRowFilter       *filter,
                                             GError               **error);
void           _equity_row_filter_clear     (EquityRowFilter       *filter);

/* [groups] with their population columns (group-rates, representation,
 * group-exposure): checks that each column exists in POPULATION and holds
 * numbers; [group-moes] likewise, optional. */
gboolean       _equity_analysis_check_groups (EquityAnalysisContext *context,
                                              EquityDataset         *population,
                                              GError               **error);

/* Group populations: the sum of each [groups] column over the rows of
 * [analysis] population that pass population-filter, with the ACS sum of
 * the [group-moes] margins (NAN when there are none). */
typedef struct
{
  char  **groups;      /* [groups] values, file order */
  guint   n_groups;
  double *population;
  double *moe;
  guint   n_rows;      /* population rows summed */
} EquityGroupPopulation;

gboolean       _equity_analysis_group_population (EquityAnalysisContext *context,
                                                  EquityGroupPopulation *out,
                                                  GError               **error);
void           _equity_group_population_clear    (EquityGroupPopulation *population);

/* Counts (and sums of VALUE, when given) of DATASET's rows by the text of
 * KEY_COLUMN: key → double[2] {count, sum}; NULL keys under "". */
GHashTable    *_equity_analysis_count_by     (EquityAnalysisContext *context,
                                              EquityDataset         *dataset,
                                              EquityColumn          *key_column,
                                              EquityColumn          *value_column,
                                              const EquityRowFilter *filter,
                                              GError               **error);

/* What an area kind reads: [analysis] events, population and the column its
 * population-key names; FALSE with ERROR set when one is missing */
typedef struct
{
  EquityDataset *events;
  EquityDataset *population;
  EquityColumn  *key;
} EquityAreaInputs;

gboolean       _equity_analysis_area_inputs (EquityAnalysisContext *context,
                                             EquityAreaInputs      *inputs,
                                             GError               **error);
/* …for validate(): first how the events find their areas (area-column, or
 * points and the `areas` to place them in), then the inputs above */
gboolean       _equity_analysis_check_area_inputs (EquityAnalysisContext *context,
                                                   EquityAreaInputs      *inputs,
                                                   GError               **error);
/* Areas: events of [analysis] events assigned to SLOTS (key → slot + 1 as
 * GUINT_TO_POINTER) through area-column, or lat/lon or location points in the
 * polygons of `areas`. Adds to COUNTS[slot] (and SUMS[slot] with
 * value-column). Records unmatched keys, unmatched events and outside events
 * in RESULT. */
gboolean       _equity_analysis_assign_events (EquityAnalysisContext *context,
                                               GHashTable            *slots,
                                               double                *counts,
                                               double                *sums,
                                               EquityResult          *result,
                                               GError               **error);

/* optional map + map-key: a spatial dataset to draw the result on */
gboolean       _equity_analysis_check_map   (EquityAnalysisContext *context,
                                             GError               **error);
/* map + map-key, else areas + areas-key, else KEYED when it has geometry */
void           _equity_analysis_set_map     (EquityAnalysisContext *context,
                                             EquityResult          *result,
                                             EquityDataset         *keyed,
                                             const char            *keyed_key);

/* The rows of an area table (the population dataset of area-rates and
 * group-exposure): one slot per distinct key, in row order; rows that share a
 * key are merged (values summed, margins by root sum of squares). */
typedef struct
{
  GPtrArray  *keys;       /* char*, one per slot */
  GHashTable *slots;      /* key → slot + 1 */
  guint       n_columns;
  GArray     *values;     /* double, n_slots × n_columns, NAN for NULL */
  guint       n_duplicates;
  guint       n_blank;    /* rows without a key, left out */
} EquityAreaTable;

gboolean       _equity_analysis_area_table  (EquityAnalysisContext *context,
                                             EquityDataset         *dataset,
                                             EquityColumn          *key_column,
                                             EquityColumn         **columns,
                                             const gboolean        *is_moe,
                                             guint                  n_columns,
                                             EquityAreaTable       *out,
                                             GError               **error);
void           _equity_area_table_clear     (EquityAreaTable       *table);
#define _equity_area_table_value(table, slot, column) \
  g_array_index ((table)->values, double, (gsize) (slot) * (table)->n_columns + (column))

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (EquityAreaTable, _equity_area_table_clear)
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (EquityRowFilter, _equity_row_filter_clear)
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (EquityGroupPopulation, _equity_group_population_clear)

/* Source notes: “NAME” (FILE.csv)[, rows where COLUMN = VALUE]; the base name
 * of the dataset's source only, never its path. */
char          *_equity_analysis_describe_dataset (EquityDataset         *dataset,
                                                  const EquityRowFilter *filter);
/* …a population: its row filter, or how many rows were added up */
char          *_equity_analysis_describe_population (EquityDataset         *dataset,
                                                     const EquityRowFilter *filter,
                                                     guint                  n_rows);
/* A dataset's source as a note may show it: a local path or file URI by its
 * base name ("/home/…/arrests.csv" → "arrests.csv"), a web address or a label
 * as it is; NULL for NULL or "" */
char          *_equity_source_display_name  (const char            *source);

/* Area names: [analysis] label-column of DATASET (checked by the first),
 * else a name-like column of DATASET (NAMELSAD, name, neighborhood, …), else
 * one of the map or areas dataset joined by its key; set as the display
 * labels of RESULT's rows whose labels are keys of KEY_COLUMN. DATASET may
 * be NULL (only the map is looked at). No names found is not an error. */
gboolean       _equity_analysis_check_label_column (EquityAnalysisContext *context,
                                                    EquityDataset         *dataset,
                                                    GError               **error);
gboolean       _equity_analysis_label_areas (EquityAnalysisContext *context,
                                             EquityResult          *result,
                                             EquityDataset         *dataset,
                                             EquityColumn          *key_column,
                                             GError               **error);

G_END_DECLS
