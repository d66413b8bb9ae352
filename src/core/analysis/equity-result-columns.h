/* equity-result-columns.h — the columns of a result's table, described once
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The window's table, the command line's table and the workbook read the
 * same columns, titles, number formats and text, so a figure reads the same
 * wherever it appears.
 */

#pragma once

#include "equity-format.h"
#include "equity-result.h"

G_BEGIN_DECLS

typedef enum
{
  EQUITY_RESULT_COLUMN_NAME,
  EQUITY_RESULT_COLUMN_COUNT,
  EQUITY_RESULT_COLUMN_POPULATION,
  EQUITY_RESULT_COLUMN_RATE,
  EQUITY_RESULT_COLUMN_RATIO,
  EQUITY_RESULT_COLUMN_DIFFERENCE,
  EQUITY_RESULT_COLUMN_ESTIMATE,
  EQUITY_RESULT_COLUMN_CV,
  EQUITY_RESULT_COLUMN_RELIABILITY,
  EQUITY_RESULT_COLUMN_SHARE,
  EQUITY_RESULT_COLUMN_POPULATION_SHARE,
  EQUITY_RESULT_COLUMN_MEAN,
  EQUITY_RESULT_COLUMN_MEDIAN,
  EQUITY_RESULT_COLUMN_INDEX,
  EQUITY_RESULT_COLUMN_SUPPRESSED,
  EQUITY_N_RESULT_COLUMNS
} EquityResultColumn;

/* How a column's numbers are written. */
typedef enum
{
  EQUITY_NUMBER_FORMAT_TEXT,      /* names, reliability bands */
  EQUITY_NUMBER_FORMAT_COUNT,     /* 15,015 (2 decimals when not whole) */
  EQUITY_NUMBER_FORMAT_RATE,      /* 447.98, 1,234 from a thousand up */
  EQUITY_NUMBER_FORMAT_RATIO,     /* 3.11 */
  EQUITY_NUMBER_FORMAT_PERCENT,   /* a share 0..1 written 29.0% */
  EQUITY_NUMBER_FORMAT_DECIMAL,   /* 12.3 */
  EQUITY_NUMBER_FORMAT_FLAG,      /* yes or empty */
} EquityNumberFormat;

/* "rate": the stable name scripts and tests use */
const char         *equity_result_column_to_string  (EquityResultColumn  column);
gboolean            equity_result_column_from_string (const char         *text,
                                                      EquityResultColumn *column);
EquityNumberFormat  equity_result_column_get_format (EquityResultColumn  column);
/* whether the column has an interval (written as its own two columns in a
 * workbook, in brackets in a table) */
gboolean            equity_result_column_has_interval (EquityResultColumn column);
/* "Rate per 1,000", "Ratio to White": the title says what the numbers are
 * for this result */
char               *equity_result_column_dup_title  (EquityResultColumn  column,
                                                     EquityResult       *result);
/* the columns RESULT has figures for, in order (EquityResultColumn values) */
GArray             *equity_result_list_columns      (EquityResult       *result);

/* The figure of ROW in COLUMN, its interval in LOW and HIGH (either may be
 * NULL); NAN where there is none. Shares and percentages as 0..1. */
double              equity_result_column_get_value  (EquityResultColumn     column,
                                                     const EquityResultRow *row,
                                                     double                *low,
                                                     double                *high);
/* The cell as a reader sees it: "447.98 (434.91–461.33)", "29.0% ± 6.2", "Black (B)" */
char               *equity_result_column_dup_text   (EquityResultColumn     column,
                                                     const EquityResultRow *row);

G_END_DECLS
