/* equity-project.h — the .equity project file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "equity-dataset.h"
#include "equity-saved-analysis.h"

G_BEGIN_DECLS

/* "EQTY" in the SQLite header's application_id field */
#define EQUITY_PROJECT_APPLICATION_ID 0x45515459
#define EQUITY_PROJECT_SCHEMA_VERSION (equity_project_schema_version ())

#define EQUITY_TYPE_PROJECT (equity_project_get_type ())
G_DECLARE_FINAL_TYPE (EquityProject, equity_project, EQUITY, PROJECT, GObject)

/* Creates a new project; fails with EQUITY_ERROR_EXISTS if the file exists. */
EquityProject *equity_project_create           (const char     *path,
                                                GError        **error);
/* Opens an existing project, upgrading an older schema in one transaction.
 * Refuses foreign, damaged or newer files without writing to them. A file
 * that may not be written opens read-only. */
EquityProject *equity_project_open             (const char     *path,
                                                GError        **error);
/* Opens PATH, creating it when missing (the CLI's "write" commands). */
EquityProject *equity_project_open_or_create   (const char     *path,
                                                GError        **error);
/* Closes the project, leaving a file that is the whole project on its own
 * (the write-ahead log folded back in). Fails, for instance on a full disk,
 * with a message that says where the latest changes are; the connection is
 * closed either way. */
gboolean       equity_project_close_checked    (EquityProject  *self,
                                                GError        **error);
/* equity_project_close_checked(), with a failure only logged */
void           equity_project_close            (EquityProject  *self);
/* TRUE when the file or its folder may not be written (see
 * equity_project_file_is_read_only()): the project is then opened as it is,
 * and every change fails with EQUITY_ERROR_READ_ONLY. */
gboolean       equity_project_is_read_only     (EquityProject  *self);
const char    *equity_project_get_path         (EquityProject  *self);
char          *equity_project_dup_title        (EquityProject  *self);
int            equity_project_schema_version   (void);
/* Deletes the project file at PATH with its write-ahead log, shared-memory
 * index and rollback journal, whichever exist (a closed project only). */
void           equity_project_remove_files     (const char     *path);

/* The catalog. The list model holds EquityDataset objects, ordered by name,
 * and emits items-changed whenever the catalog changes. */
GListModel    *equity_project_get_datasets     (EquityProject  *self);
EquityDataset *equity_project_find_dataset     (EquityProject  *self,
                                                const char     *name);
/* the same, or NULL with EQUITY_ERROR_NOT_FOUND naming the project's file */
EquityDataset *equity_project_get_dataset      (EquityProject  *self,
                                                const char     *name,
                                                GError        **error);
gboolean       equity_project_reload_catalog   (EquityProject  *self,
                                                GError        **error);
gboolean       equity_project_rename_dataset   (EquityProject  *self,
                                                EquityDataset  *dataset,
                                                const char     *new_name,
                                                GError        **error);
EquityDataset *equity_project_find_dataset_by_id (EquityProject *self,
                                                  gint64         id);
/* Refuses with EQUITY_ERROR_IN_USE, naming them, when saved analyses read
 * DATASET, unless FORCE; those analyses then say their dataset is gone. */
gboolean       equity_project_delete_dataset   (EquityProject  *self,
                                                EquityDataset  *dataset,
                                                gboolean        force,
                                                GError        **error);
/* a dataset name not yet used, based on BASE ("arrests", "arrests 2", …) */
char          *equity_project_unique_dataset_name (EquityProject *self,
                                                   const char    *base);

/* Saved analyses: name → spec text (a GKeyFile) whose datasets and columns
 * are bound to ids (equity_analysis_save() binds, equity_analysis_new_from_project()
 * resolves); DATASET_IDS (gint64) are the datasets it reads. */
gboolean       equity_project_save_analysis    (EquityProject  *self,
                                                const char     *name,
                                                const char     *kind,
                                                const char     *spec,
                                                GArray         *dataset_ids,
                                                GError        **error);
GListModel    *equity_project_get_analyses     (EquityProject  *self);
/* the saved analysis called NAME in the list above, or NULL; the list keeps it */
EquitySavedAnalysis *equity_project_find_analysis (EquityProject *self,
                                                   const char    *name);
/* the stored text; BOUND tells whether it names datasets by id (files made
 * before schema 3 name them by name until equity_analysis_bind_saved()) */
char          *equity_project_dup_analysis_spec (EquityProject *self,
                                                 const char    *name,
                                                 gboolean      *bound,
                                                 GError       **error);
/* names of the saved analyses that read DATASET, sorted */
/* the name a saved analysis has now, by its stable id; NULL when deleted */
char          *equity_project_dup_analysis_name (EquityProject  *self,
                                                 gint64          analysis_id,
                                                 GError        **error);
gint64         equity_project_get_analysis_id   (EquityProject  *self,
                                                 const char     *analysis_name,
                                                 GError        **error);
char         **equity_project_list_analyses_using (EquityProject  *self,
                                                   EquityDataset  *dataset,
                                                   GError        **error);
char         **equity_project_list_unbound_analyses (EquityProject  *self,
                                                     GError        **error);

/* A line in the project's audit log. */
gboolean       equity_project_log              (EquityProject  *self,
                                                const char     *action,
                                                const char     *detail,
                                                GError        **error);

/* For importers, inside a transaction: a catalog entry and its typed table
 * "ds_<id>" with columns "c0", "c1", … (user names never reach SQL). */
gboolean       equity_project_begin            (EquityProject  *self,
                                                GError        **error);
gboolean       equity_project_commit           (EquityProject  *self,
                                                GError        **error);
void           equity_project_rollback         (EquityProject  *self);
EquityDataset *equity_project_create_dataset   (EquityProject  *self,
                                                const char     *name,
                                                const char     *source,
                                                const char     *format,
                                                GPtrArray      *columns,
                                                GError        **error);
gboolean       equity_project_finish_dataset   (EquityProject  *self,
                                                EquityDataset  *dataset,
                                                guint64         n_rows,
                                                GError        **error);
/* Updates a column's role (and moe-of) in the catalog. */
gboolean       equity_project_set_column_role  (EquityProject  *self,
                                                EquityDataset  *dataset,
                                                EquityColumn   *column,
                                                EquityColumnRole role,
                                                const char     *moe_of,
                                                GError        **error);

/* Runs SQL that has no parameters; errors carry SQLite's message. */
gboolean       equity_project_exec             (EquityProject  *self,
                                                const char     *sql,
                                                GError        **error);

G_END_DECLS
