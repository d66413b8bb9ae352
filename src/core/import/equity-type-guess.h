/* equity-type-guess.h — infer a column's type from every one of its values
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "equity-column.h"
#include "equity-value-parse.h"

G_BEGIN_DECLS

typedef struct
{
  guint64  n_values;        /* non-empty cells */
  guint64  n_empty;
  guint64  n_sentinels;
  /* over all non-empty cells / over those that are not sentinels */
  gboolean all_integer[2];
  gboolean all_number[2];
  guint    date_layouts[2];
  gboolean any_leading_zero;
  gboolean all_lat_lon_pair;
  double   min_number;
  double   max_number;
  GHashTable *distinct;     /* up to EQUITY_TYPE_GUESS_MAX_DISTINCT values */
  gboolean    too_many_distinct;
  GHashTable *sentinels_seen;
  /* every value a 24-hour clock time written as HHMM (9, 34, 1416) */
  gboolean    all_hhmm;
  /* 64-bit hashes of every value, kept only for a column named like a
   * record identifier (see equity_type_guess_set_name) */
  GArray     *value_hashes;
  gboolean    too_many_values;
} EquityTypeGuess;

#define EQUITY_TYPE_GUESS_MAX_DISTINCT 64

void             equity_type_guess_init        (EquityTypeGuess *guess);
void             equity_type_guess_clear       (EquityTypeGuess *guess);
/* The column's name, given before its values: a column named like a record
 * identifier ("id", "OBJECTID") has its values checked for uniqueness. */
void             equity_type_guess_set_name    (EquityTypeGuess *guess,
                                                const char      *name);
void             equity_type_guess_add         (EquityTypeGuess *guess,
                                                const char      *value,
                                                gsize            length);
/* The type, with or without sentinels turned into NULL. Sets AMBIGUOUS_DATE
 * when the values are dates whose day and month cannot be told apart. */
EquityColumnType equity_type_guess_result      (EquityTypeGuess *guess,
                                                gboolean         convert_sentinels,
                                                guint           *date_layout,
                                                gboolean        *ambiguous_date);
EquityColumnRole equity_type_guess_suggest_role (EquityTypeGuess *guess,
                                                 const char      *name,
                                                 EquityColumnType type);
/* Whether a column named NAME holds codes or labels, never quantities, even
 * when every value is a number: Census STATEFP "37", tract NAME "9.01". */
gboolean         equity_type_guess_name_is_code (const char     *name);

G_END_DECLS
