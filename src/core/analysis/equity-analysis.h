/* equity-analysis.h — an analysis spec (a GKeyFile, ../shared/CLI.md) and its run
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "equity-project.h"
#include "equity-types.h"
#include "equity-result.h"

G_BEGIN_DECLS

#define EQUITY_TYPE_ANALYSIS (equity_analysis_get_type ())
G_DECLARE_FINAL_TYPE (EquityAnalysis, equity_analysis, EQUITY, ANALYSIS, GObject)

/* An empty spec of KIND (the GUI builds specs with the setters below). */
EquityAnalysis *equity_analysis_new             (const char      *kind) G_GNUC_WARN_UNUSED_RESULT;
/* Reads a spec file; errors name PATH. */
EquityAnalysis *equity_analysis_new_from_file   (const char      *path,
                                                 GError         **error) G_GNUC_WARN_UNUSED_RESULT;
/* Reads spec text; SOURCE_NAME is what errors call it ("spec.ini",
 * "saved analysis “Arrests by race”"), NULL for "spec". */
EquityAnalysis *equity_analysis_new_from_data   (const char      *data,
                                                 gssize           length,
                                                 const char      *source_name,
                                                 GError         **error) G_GNUC_WARN_UNUSED_RESULT;
/* A saved analysis of PROJECT by name, its datasets and columns named as
 * they are called now (equity-analysis-refs.c). */
EquityAnalysis *equity_analysis_new_from_project (EquityProject  *project,
                                                  const char     *name,
                                                  GError        **error) G_GNUC_WARN_UNUSED_RESULT;
/* Saves the spec under its name, its datasets and columns bound to their
 * ids, so renaming them later changes nothing it computes. */
gboolean        equity_analysis_save            (EquityAnalysis  *self,
                                                 EquityProject   *project,
                                                 GError         **error);
/* Binds the analyses a project saved before ids existed (schema < 3). */
gboolean        equity_analysis_bind_saved      (EquityProject   *project,
                                                 GError         **error);
/* An analysis being edited follows a dataset's rename. */
void            equity_analysis_rename_dataset  (EquityAnalysis  *self,
                                                 const char      *old_name,
                                                 const char      *new_name);
/* The spec as key-file text (comments kept). */
char           *equity_analysis_to_data         (EquityAnalysis  *self,
                                                 gsize           *length);
const char     *equity_analysis_get_source_name (EquityAnalysis  *self);

/* The kinds this build computes, NULL-terminated (group-rates, …) */
const char * const *equity_analysis_list_kinds  (void);
/* a reader's name for KIND ("Rates by group"), or NULL for an unknown kind */
const char     *equity_analysis_kind_to_label   (const char      *kind);

/* [analysis] keys. NULL (strings) or NAN (numbers) when the key is absent. */
char           *equity_analysis_dup_name        (EquityAnalysis  *self);
char           *equity_analysis_dup_kind        (EquityAnalysis  *self);
char           *equity_analysis_dup_string      (EquityAnalysis  *self,
                                                 const char      *key);
/* VALUE NULL removes the key */
void            equity_analysis_set_string      (EquityAnalysis  *self,
                                                 const char      *key,
                                                 const char      *value);
double          equity_analysis_get_double      (EquityAnalysis  *self,
                                                 const char      *key);
void            equity_analysis_set_double      (EquityAnalysis  *self,
                                                 const char      *key,
                                                 double           value);
gboolean        equity_analysis_has_key         (EquityAnalysis  *self,
                                                 const char      *key);
/* per (default 1000), confidence (0.95), suppress-below (11); FALSE with
 * an error naming the key when a value is not a usable number */
gboolean        equity_analysis_get_settings    (EquityAnalysis  *self,
                                                 double          *per,
                                                 double          *confidence,
                                                 guint           *suppress_below,
                                                 GError         **error);

/* [groups]: group value → population column, in the file's order */
void            equity_analysis_set_group       (EquityAnalysis  *self,
                                                 const char      *value,
                                                 const char      *column);
void            equity_analysis_remove_group    (EquityAnalysis  *self,
                                                 const char      *value);
char          **equity_analysis_dup_groups      (EquityAnalysis  *self);
char           *equity_analysis_dup_group_column (EquityAnalysis *self,
                                                  const char     *value);

/* Checks the spec against PROJECT: the kind, every dataset and column it
 * names, numbers and ranges. Errors name the source, the group and key, and
 * the value: "spec.ini: [analysis] group-column: dataset “arrests” has no
 * column “race”". */
gboolean        equity_analysis_validate        (EquityAnalysis  *self,
                                                 EquityProject   *project,
                                                 GError         **error);
/* Validates, then computes. Reads the project only. */
EquityResult   *equity_analysis_run             (EquityAnalysis     *self,
                                                 EquityProject      *project,
                                                 EquityProgressFunc  progress,
                                                 gpointer            progress_data,
                                                 GCancellable       *cancellable,
                                                 GError            **error);

/* "Black" for "B", … the common one-letter race codes of police and census
 * exports; NULL when VALUE is not one of them */
const char     *equity_analysis_group_display_name (const char   *value);

G_END_DECLS
