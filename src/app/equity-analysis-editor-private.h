/* equity-analysis-editor-private.h — shared by the files of EquityAnalysisEditor
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "equity-analysis-editor.h"
#include "equity-analysis-fields.h"
#include "equity-utils.h"

G_BEGIN_DECLS

struct _EquityAnalysisEditor
{
  AdwBin                parent_instance;

  /* Template widgets */
  GtkScrolledWindow    *scrolled_window;
  AdwPreferencesGroup  *analysis_group;
  AdwComboRow          *kind_row;
  AdwEntryRow          *title_row;
  AdwPreferencesGroup  *inputs_group;
  AdwPreferencesGroup  *groups_group;
  AdwPreferencesGroup  *figures_group;
  AdwComboRow          *per_row;
  AdwComboRow          *confidence_row;
  GtkWidget            *suppress_row;
  GtkSpinButton        *suppress_spin;
  AdwPreferencesGroup  *chart_group;
  AdwEntryRow          *source_note_row;

  /* Owned references */
  GSettings            *settings;
  EquityProject        *project;
  EquityAnalysis       *analysis;
  EquityProjectSignals  project_signals;
  GPtrArray            *input_rows;     /* rows added to inputs_group */
  GPtrArray            *group_rows;     /* rows added to groups_group */
  GHashTable           *rows_by_key;    /* key → row (borrowed) */
  GCancellable         *choices_cancellable;

  const EquityKindInfo *kind;
  guint                 mode;
  guint                 n_loading;
  guint                 rebuild_source;
  gboolean              updating;
  gboolean              edited;        /* a person changed an input since it was set */
};

/* equity-analysis-editor.c */
/* builds the rows again from the spec */
void          _equity_analysis_editor_rebuild        (EquityAnalysisEditor *self);
void          _equity_analysis_editor_changed        (EquityAnalysisEditor *self);
void          _equity_analysis_editor_add_row        (EquityAnalysisEditor *self,
                                                      AdwPreferencesGroup  *group,
                                                      GtkWidget            *row,
                                                      const char           *key);
EquityDataset *_equity_analysis_editor_dataset_for   (EquityAnalysisEditor *self,
                                                      const char           *dataset_key);
/* The position and value chosen in ROW (made by
 * _equity_analysis_editor_new_combo_row); FALSE while the editor updates
 * its rows or when the choice is out of range. */
gboolean      _equity_analysis_editor_get_choice     (EquityAnalysisEditor  *self,
                                                      AdwComboRow           *row,
                                                      guint                 *position,
                                                      const char           **value);
GtkWidget    *_equity_analysis_editor_new_combo_row  (EquityAnalysisEditor  *self,
                                                      const EquityFieldInfo *field,
                                                      const char            *title,
                                                      GPtrArray             *labels,
                                                      GPtrArray             *values,
                                                      guint                  selected);
const EquityFieldInfo *_equity_analysis_editor_find_field (EquityAnalysisEditor *self,
                                                           EquityFieldType       type);

/* equity-analysis-editor-rows.c */
void          _equity_analysis_editor_schedule_rebuild (EquityAnalysisEditor  *self);
void          _equity_analysis_editor_add_dataset_row (EquityAnalysisEditor  *self,
                                                       const EquityFieldInfo *field);
void          _equity_analysis_editor_add_column_row  (EquityAnalysisEditor  *self,
                                                       const EquityFieldInfo *field);
void          _equity_analysis_editor_add_mode_row    (EquityAnalysisEditor  *self,
                                                       const EquityFieldInfo *field);
/* The position of CURRENT among VALUES (0, the choice of none, for NULL);
 * one they lack is added, labelled MISSING_FORMAT ("“%s” (missing)") */
guint         _equity_analysis_editor_select_current (GPtrArray             *labels,
                                                       GPtrArray             *values,
                                                       const char            *current,
                                                       const char            *missing_format);

/* equity-analysis-editor-groups.c: the population row, the groups and the reference */
void          _equity_analysis_editor_add_row_picker (EquityAnalysisEditor  *self,
                                                      const EquityFieldInfo *field);
void          _equity_analysis_editor_build_groups   (EquityAnalysisEditor  *self);
/* forgets [groups] (their values or columns changed) */
void          _equity_analysis_editor_clear_groups   (EquityAnalysisEditor  *self);

G_END_DECLS
