/* equity-table-query.h — a dataset's rows, filtered and sorted, read in pages
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "equity-project.h"
#include "equity-types.h"

G_BEGIN_DECLS

#define EQUITY_TABLE_QUERY_PAGE_SIZE 256

/* Rows FIRST … FIRST + N_ROWS - 1 of a query, as display strings. */
typedef struct
{
  guint64   first;
  guint     n_rows;
  guint     n_columns;
  gint64   *rowids;      /* n_rows */
  char    **cells;       /* n_rows × n_columns, row by row; NULL for an empty cell */
} EquityTablePage;

void        equity_table_page_free     (EquityTablePage *page);
const char *equity_table_page_get_cell (EquityTablePage *page,
                                        guint            row,
                                        guint            column);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EquityTablePage, equity_table_page_free)

/* What a column holds, over the rows a query matches. */
typedef struct
{
  EquityColumnType type;
  guint64          n_rows;
  guint64          n_nulls;
  /* distinct non-empty values: text, dates and integers */
  guint64          n_distinct;
  gboolean         has_distinct;
  /* numbers and dates, as display strings; NULL when every cell is empty */
  char            *min;
  char            *max;
  /* numbers */
  double           mean;
  gboolean         has_mean;
} EquityColumnSummary;

void        equity_column_summary_free (EquityColumnSummary *summary);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EquityColumnSummary, equity_column_summary_free)

#define EQUITY_TYPE_TABLE_QUERY (equity_table_query_get_type ())
G_DECLARE_FINAL_TYPE (EquityTableQuery, equity_table_query, EQUITY, TABLE_QUERY, GObject)

/* The rows of DATASET whose text or date cells contain FILTER (ignoring ASCII
 * case; NULL or "" for all rows), ordered by the column at SORT_COLUMN (-1:
 * file order). Empty cells sort last either way; ties keep file order. */
EquityTableQuery *equity_table_query_new        (EquityProject       *project,
                                                 EquityDataset       *dataset,
                                                 int                  sort_column,
                                                 gboolean             ascending,
                                                 const char          *filter) G_GNUC_WARN_UNUSED_RESULT;
EquityDataset    *equity_table_query_get_dataset (EquityTableQuery   *self);
int               equity_table_query_get_sort_column (EquityTableQuery *self);
gboolean          equity_table_query_get_ascending (EquityTableQuery  *self);
const char       *equity_table_query_get_filter (EquityTableQuery    *self);
/* Whether the column at POSITION can be sorted by (not a geometry). */
gboolean          equity_table_query_can_sort   (EquityTableQuery    *self,
                                                 guint                position);

/* Counts the matching rows and, when sorted or filtered, records their order
 * (8 bytes a row). Reads through a connection of its own: call it in a worker
 * thread while the project's connection serves the main thread. PROGRESS gets
 * -1 while the database sorts, then the fraction of the order recorded. */
gboolean          equity_table_query_run        (EquityTableQuery    *self,
                                                 EquityProgressFunc   progress,
                                                 gpointer             progress_data,
                                                 GCancellable        *cancellable,
                                                 GError             **error);
gboolean          equity_table_query_is_ready   (EquityTableQuery    *self);
/* after equity_table_query_run() */
guint64           equity_table_query_get_n_rows (EquityTableQuery    *self);

/* Reads up to N rows from position FIRST through the project's connection,
 * on the thread that uses the project. Integers have no separators, real
 * numbers the shortest text that reads back the same, dates ISO 8601,
 * geometries a description ("Polygon (12 points)"). */
EquityTablePage  *equity_table_query_fetch      (EquityTableQuery    *self,
                                                 guint64              first,
                                                 guint                n,
                                                 GError             **error);

/* One EquityColumnSummary per column, over the matching rows. Reads through
 * a connection of its own, like equity_table_query_run(). */
GPtrArray        *equity_table_query_summarize  (EquityTableQuery    *self,
                                                 GCancellable        *cancellable,
                                                 GError             **error);

G_END_DECLS
