/* equity-project-private.h — what the project's own files share, and the
 * connection for the core code that still writes its own SQL (the importer
 * and the map geometry); nothing outside src/core includes it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <sqlite3.h>

#include "equity-project.h"

G_BEGIN_DECLS

struct _EquityProject
{
  GObject     parent_instance;
  char       *path;
  sqlite3    *db;
  GListStore *datasets;
  GListStore *analyses;
  gboolean    read_only;
};

sqlite3       *equity_project_get_db                (EquityProject  *self);
/* A cell as the text keys match on (equity_dataset_reader_dup_key()), for
 * the core code that still reads rows itself. */
char          *_equity_project_cell_key             (sqlite3_stmt   *stmt,
                                                     int             index);

char          *_equity_project_now_iso8601          (void);
/* sqlite3_exec / sqlite3_prepare_v2, errors carrying SQLite's message */
gboolean       _equity_project_exec_sql             (EquityProject  *self,
                                                     const char     *sql,
                                                     GError        **error);
sqlite3_stmt  *_equity_project_prepare              (EquityProject  *self,
                                                     const char     *sql,
                                                     GError        **error);
GDateTime     *_equity_project_parse_time           (const char     *text);
gboolean       _equity_project_validate_name        (const char     *name,
                                                     const char     *what,
                                                     GError        **error);
/* Steps STMT, which must finish, and finalizes it; WHAT says what failed */
gboolean       _equity_project_step_done            (EquityProject  *self,
                                                     sqlite3_stmt   *stmt,
                                                     const char     *what,
                                                     GError        **error);
/* Finalizes STMT, whose rows were read until a step returned RC; FALSE
 * with WHAT said when they did not all come */
gboolean       _equity_project_rows_done            (EquityProject  *self,
                                                     sqlite3_stmt   *stmt,
                                                     int             rc,
                                                     const char     *what,
                                                     GError        **error);
gboolean       _equity_project_load_analyses        (EquityProject  *self,
                                                     GError        **error);
void           _equity_project_emit_dataset_renamed (EquityProject  *self,
                                                     const char     *old_name,
                                                     const char     *new_name);

G_END_DECLS
