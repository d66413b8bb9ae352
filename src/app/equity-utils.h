/* equity-utils.h — small helpers shared by the windows and pages
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "equity-core.h"

G_BEGIN_DECLS

#define EQUITY_MAX_RECENT_PROJECTS 10

/* where --sample and “Open Sample Project” keep the sample project */
char  *equity_dup_sample_path           (void);
/* 15015 → "15,015", grouped the way the locale groups digits */
char  *equity_format_count              (guint64      count);
/* "arrests-review" for ".../arrests-review.equity" */
char  *equity_dup_title_for_path        (const char  *path);
/* the folder holding PATH, with the home folder shown as "~" */
char  *equity_dup_display_folder        (const char  *path);
/* a file name that ends with ".equity" */
char  *equity_ensure_project_suffix     (const char  *path);
gboolean equity_is_project_file         (GFile       *file);

/* Recent projects, newest first; files that no longer exist are left out. */
char **equity_recent_projects_dup       (GSettings   *settings);
void   equity_recent_projects_add       (GSettings   *settings,
                                         const char  *path);
void   equity_recent_projects_remove    (GSettings   *settings,
                                         const char  *path);

/* The window WIDGET is in, or NULL while it is in none: the parent for a
 * dialog that WIDGET opens */
GtkWindow *equity_widget_get_window       (GtkWidget   *widget);

/* Shows TITLE in a toast of the window that holds WIDGET: the one way a
 * page's toasts reach the window (the nearest AdwToastOverlay above it). */
void   equity_show_toast                (GtkWidget   *widget,
                                         const char  *title);
/* TITLE is plain text (escaped here). equity_add_toast() shows TOAST as
 * built (with a button, say; its title is markup) and takes it. */
void   equity_add_toast                 (GtkWidget   *widget,
                                         AdwToast    *toast);
/* A toast saying TITLE, plain text (a toast's own title is markup), for a
 * caller to add a button to */
AdwToast *equity_toast_new               (const char  *title);
/* A toast saying TITLE (plain text) with an Undo button that runs
 * ACTION_NAME (NULL: the caller connects "button-clicked"), for
 * equity_add_toast() */
AdwToast *equity_undo_toast_new          (const char  *title,
                                         const char  *action_name);

/* Text attributes that dim a cell's text (shared; do not unref) */
PangoAttrList *equity_dim_attributes     (void);
/* …and that mark it as an error */
PangoAttrList *equity_error_attributes   (void);

/* A dialog over WIDGET's window that asks before ACTION: responses
 * "cancel" (also on Escape) and ACTION, labelled ACTION_LABEL and shown in
 * APPEARANCE; Enter answers ACTION when ACTION_IS_DEFAULT, else Cancel.
 * Not yet presented. */
GtkWidget *equity_confirm_dialog_new     (GtkWidget   *widget,
                                         const char  *heading,
                                         const char  *body,
                                         const char  *action,
                                         const char  *action_label,
                                         AdwResponseAppearance appearance,
                                         gboolean     action_is_default);
/* Says HEADING and MESSAGE in a dialog over WIDGET's window, with Close. */
void       equity_show_error_dialog      (GtkWidget   *widget,
                                         const char  *heading,
                                         const char  *message);

/* The local path of the file CHOOSER's person chose, when it answered
 * RESPONSE; NULL when they cancelled or the file has no local path. */
char      *equity_file_chooser_dup_path  (GtkNativeDialog *chooser,
                                         int          response);

/* A dialog's error line under its header bar: shows MESSAGE (plain text; it
 * may quote what was typed) in LABEL and reveals it, or hides it for NULL. */
void       equity_error_revealer_set     (GtkRevealer *revealer,
                                         GtkLabel    *label,
                                         const char  *message);
/* …the message it shows, or NULL while hidden */
const char *equity_error_revealer_get    (GtkRevealer *revealer,
                                         GtkLabel    *label);

/* A cell of a data table: NAT_CHARS wide (at least MIN_CHARS, so a wide
 * table scrolls sideways), cut short with an ellipsis, numbers on the right */
GtkWidget *equity_data_cell_new          (int          min_chars,
                                         int          nat_chars,
                                         gboolean     numeric);
/* Shows VALUE in such a CELL, or a dim dash for a missing value (NULL) */
void       equity_data_cell_set_value    (GtkWidget   *cell,
                                         const char  *value);

/* Fills CELL with the value ITEM (a row of the view's model) holds in data
 * column COLUMN */
typedef void (*EquityDataCellBindFunc) (GtkWidget *cell,
                                        gpointer   item,
                                        guint      column,
                                        gpointer   user_data);

/* A resizable column of a data table, titled TITLE, showing data column
 * COLUMN of type TYPE (numbers on the right) in cells NAT_CHARS wide (at
 * least MIN_CHARS); BIND fills them, given USER_DATA, which the column
 * frees with DESTROY. */
GtkColumnViewColumn *equity_data_column_new (const char            *title,
                                             EquityColumnType       type,
                                             guint                  column,
                                             int                    min_chars,
                                             int                    nat_chars,
                                             EquityDataCellBindFunc bind,
                                             gpointer               user_data,
                                             GDestroyNotify         destroy);

/* What a page follows in its project: the datasets list changing and a
 * dataset renamed. Both handlers are connected swapped to INSTANCE. */
typedef struct
{
  GSignalGroup *datasets;
  GSignalGroup *project;
} EquityProjectSignals;

void   equity_project_signals_init      (EquityProjectSignals *signals,
                                         GCallback             datasets_changed,
                                         GCallback             dataset_renamed,
                                         gpointer              instance);
/* follows PROJECT (or nothing, for NULL) */
void   equity_project_signals_set_project (EquityProjectSignals *signals,
                                           EquityProject        *project);
void   equity_project_signals_clear     (EquityProjectSignals *signals);

/* A page's own actions, PREFIX.NAME, each activated with PAGE as user data;
 * the page enables them while it is shown (the window's accelerators reach
 * every page at once). */
GSimpleActionGroup *equity_page_actions_new         (GtkWidget           *page,
                                                     const char          *prefix,
                                                     const GActionEntry  *entries,
                                                     guint                n_entries);
void                equity_page_actions_set_enabled (GSimpleActionGroup  *actions,
                                                     const char          *name,
                                                     gboolean             enabled);
/* Removes the actions and drops *ACTIONS: the window may hold the group
 * longer than the page lives. */
void                equity_page_actions_clear       (GSimpleActionGroup **actions,
                                                     const GActionEntry  *entries,
                                                     guint                n_entries);

/* Containers built in code whose children are never selected: a list box
 * drawn as a boxed list, and a flow box (of check buttons, say). Both are
 * described in equity-plain-lists.ui. */
GtkWidget          *equity_boxed_list_new           (void);
GtkWidget          *equity_check_flow_box_new       (void);
/* WIDGET's four margins at once, for widgets built in code */
void                equity_widget_set_margins       (GtkWidget           *widget,
                                                     int                  top,
                                                     int                  bottom,
                                                     int                  start,
                                                     int                  end);

/* A drop-down's list: FIRST (say "Any status"; NULL for none), then the
 * label of each of the core's WORDS (NULL-terminated), in their order, so
 * position i (after FIRST) is WORDS[i] */
GListModel         *equity_word_list_new            (const char          *first,
                                                     const char * const  *words,
                                                     const char *       (*label) (const char *word));
/* The word of WORDS chosen in DROPDOWN, whose list equity_word_list_new()
 * made with a FIRST ("Any status") from WORDS; NULL while FIRST is chosen */
const char         *equity_word_list_get_chosen     (GtkDropDown         *dropdown,
                                                     const char * const  *words);

/* A drop-down that filters by a name the items hold (a department, say):
 * lists ANY_LABEL, then each of NAMES (strings, repeated as the items hold
 * them; NULL and empty ones left out) once, in the locale's order, and keeps
 * the name chosen before. */
void                equity_name_filter_set_names    (GtkDropDown         *dropdown,
                                                     const char          *any_label,
                                                     GPtrArray           *names);
/* …the name chosen there, or NULL while ANY_LABEL is */
const char         *equity_name_filter_get_chosen   (GtkDropDown         *dropdown);

/* Whether SEARCH, as typed in a search entry, is in TEXT, case aside; an
 * empty SEARCH is in every text. */
gboolean            equity_search_matches           (const char          *search,
                                                     const char          *text);

/* Shows ROWS in VIEW as a read-only table: rows are not selectable. VIEW
 * takes its own reference to ROWS. */
void                equity_column_view_show_rows    (GtkColumnView       *view,
                                                     GListModel          *rows);

G_END_DECLS
