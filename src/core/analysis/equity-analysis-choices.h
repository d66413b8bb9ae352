/* equity-analysis-choices.h — the values a spec can take from a dataset's
 * rows: the groups of a group column, the rows a filter can pick
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "equity-project.h"

G_BEGIN_DECLS

/* One distinct value of a column. */
typedef struct
{
  char    *value;   /* as keys match: "3702140", "B" (../shared/CLI.md) */
  char    *label;   /* a name for it from another column ("Asheville"), or NULL */
  guint64  n_rows;  /* rows holding the value */
} EquityChoice;

typedef enum
{
  EQUITY_CHOICE_ORDER_COUNT,  /* most rows first, ties by value */
  EQUITY_CHOICE_ORDER_LABEL,  /* by label (else value), as text */
} EquityChoiceOrder;

void          equity_choice_free                    (EquityChoice      *choice);

/* The distinct non-empty values of COLUMN in DATASET, at most LIMIT of them
 * (0: all), each with the text of LABEL_COLUMN (may be NULL) in its first
 * row. Reads through PROJECT's connection: in a worker thread, give it a
 * project opened there. Returns a GPtrArray of EquityChoice. */
GPtrArray    *equity_analysis_list_choices          (EquityProject     *project,
                                                     EquityDataset     *dataset,
                                                     EquityColumn      *column,
                                                     EquityColumn      *label_column,
                                                     EquityChoiceOrder  order,
                                                     guint              limit,
                                                     GCancellable      *cancellable,
                                                     GError           **error);

/* The text column that best names the rows keyed by KEY ("place" for
 * "fips"): the one with the most distinct values, or NULL when no text
 * column tells rows apart. */
EquityColumn *equity_analysis_guess_label_column    (EquityProject     *project,
                                                     EquityDataset     *dataset,
                                                     EquityColumn      *key,
                                                     GError           **error);

/* equity_analysis_list_choices() in a worker thread with a connection of
 * its own to the project at PROJECT_PATH: the values of COLUMN in DATASET
 * (by name), each with a label from the column that best names the rows
 * when WITH_LABELS. */
void          equity_analysis_list_choices_async    (const char          *project_path,
                                                     const char          *dataset,
                                                     const char          *column,
                                                     gboolean             with_labels,
                                                     EquityChoiceOrder    order,
                                                     guint                limit,
                                                     GCancellable        *cancellable,
                                                     GAsyncReadyCallback  callback,
                                                     gpointer             user_data);
/* a GPtrArray of EquityChoice */
GPtrArray    *equity_analysis_list_choices_finish   (GAsyncResult        *result,
                                                     GError             **error);

G_END_DECLS
