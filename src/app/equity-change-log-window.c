/* equity-change-log-window.c — the change log in a window of its own: the
 * whole log filtered by kind (Action Plan) or one item's history
 * (an assessment's), newest first, shown as text, and its CSV export
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "equity-change-log"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "equity-change-log-window.h"
#include "equity-utils.h"

/* the kinds in the filter's order; NULL: every kind */
static const char * const log_kinds[] = { NULL, "goal", "action", "assessment", "template", "indicator" };

/* what the window shows, kept on its list */
typedef struct
{
  EquityProject *project;
  char          *item_kind;   /* NULL: the whole log */
  gint64         item_id;
} LogScope;

static void
log_scope_free (LogScope *scope)
{
  g_clear_object (&scope->project);
  g_free (scope->item_kind);
  g_free (scope);
}

/* "2026-03-01 14:05" in local time, or the stored text when it is not a time */
static char *
dup_local_time (const char *at)
{
  g_autoptr(GDateTime) utc = at != NULL ? g_date_time_new_from_iso8601 (at, NULL) : NULL;
  g_autoptr(GDateTime) local = utc != NULL ? g_date_time_to_local (utc) : NULL;

  return local != NULL ? g_date_time_format (local, "%Y-%m-%d %H:%M") : g_strdup (at != NULL ? at : "");
}

GtkWidget *
equity_change_log_row_new (GHashTable *change)
{
  const char *old_value = g_hash_table_lookup (change, "old_value");
  const char *new_value = g_hash_table_lookup (change, "new_value");
  const char *field = g_hash_table_lookup (change, "field");
  /* the core's label (an answer's question) when the caller asked for one */
  const char *label = g_hash_table_lookup (change, "field_label");
  const char *name = label != NULL && *label != '\0' ? label : field;
  /* Translators: a change log entry: the field, its old and its new value */
  const char *format = _("%s: %s → %s");
  g_autofree char *when = dup_local_time (g_hash_table_lookup (change, "at"));
  g_autofree char *title = NULL;

  /* a question ends with its own mark: "Who leads it? — → …", not "…?: …" */
  if (name != NULL && *name != '\0' && g_ascii_ispunct (name[strlen (name) - 1]))
    /* Translators: a change log entry named by a question that ends with its own punctuation */
    format = _("%s %s → %s");
  title = g_strdup_printf (format, name, old_value && *old_value ? old_value : "—",
                           new_value && *new_value ? new_value : "—");
  /* Translators: who made a change, and when */
  g_autofree char *subtitle = g_strdup_printf (_("%s, %s"), (char *) g_hash_table_lookup (change, "who"), when);
  GtkWidget *row = adw_action_row_new ();

  /* the project's text is shown as text, never markup */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 4);
  if (label != NULL && g_strcmp0 (label, field) != 0)
    {
      /* Translators: the tooltip of a change log entry named by its question: the field as stored and exported */
      g_autofree char *tooltip = g_strdup_printf (_("Stored as “%s”"), field);

      gtk_widget_set_tooltip_text (row, tooltip);
    }
  return row;
}

static void
fill_log (GtkListBox *list)
{
  LogScope *scope = g_object_get_data (G_OBJECT (list), "scope");
  GtkDropDown *kinds = g_object_get_data (G_OBJECT (list), "kinds");
  const char *kind = scope->item_kind;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) changes = NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
  if (kinds != NULL)
    {
      guint chosen = gtk_drop_down_get_selected (kinds);

      kind = chosen < G_N_ELEMENTS (log_kinds) ? log_kinds[chosen] : NULL;
    }
  changes = equity_project_list_changes (scope->project, kind, scope->item_id, &error);
  if (changes != NULL)
    equity_change_log_label_fields (scope->project, changes);
  for (guint i = changes != NULL ? changes->len : 0; i > 0; i--)
    {
      GHashTable *change = g_ptr_array_index (changes, i - 1);
      GtkWidget *row = equity_change_log_row_new (change);

      if (scope->item_kind == NULL)
        {
          /* Translators: an item of the change log, e.g. "action 3" */
          g_autofree char *item = g_strdup_printf (_("%s %s"), (char *) g_hash_table_lookup (change, "item_kind"),
                                                   (char *) g_hash_table_lookup (change, "item_id"));
          GtkWidget *label = gtk_label_new (item);

          gtk_widget_add_css_class (label, "dim-label");
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
        }
      gtk_list_box_append (list, row);
    }
  if (error != NULL)
    gtk_list_box_append (list, gtk_label_new (error->message));
}

static void
export_activated (GtkWidget  *window,
                  const char *action_name,
                  GVariant   *parameter)
{
  GtkListBox *list = g_object_get_data (G_OBJECT (window), "log-list");
  LogScope *scope = g_object_get_data (G_OBJECT (list), "scope");
  GtkDropDown *kinds = g_object_get_data (G_OBJECT (list), "kinds");
  const char *kind = scope->item_kind;

  if (kinds != NULL && gtk_drop_down_get_selected (kinds) < G_N_ELEMENTS (log_kinds))
    kind = log_kinds[gtk_drop_down_get_selected (kinds)];
  equity_change_log_export (window, scope->project, kind, scope->item_id);
}

GtkWindow *
equity_change_log_window_present (GtkWidget     *parent,
                                  EquityProject *project,
                                  const char    *item_kind,
                                  gint64         item_id,
                                  const char    *title)
{
  GtkWidget *window = adw_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *export = gtk_button_new_with_mnemonic (_("_Export…"));
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *list = equity_boxed_list_new ();
  GtkWidget *placeholder = gtk_label_new (_("No changes recorded yet"));
  GtkWidget *overlay = adw_toast_overlay_new ();
  GtkShortcutController *shortcuts = GTK_SHORTCUT_CONTROLLER (gtk_shortcut_controller_new ());
  LogScope *scope = g_new0 (LogScope, 1);

  g_return_val_if_fail (EQUITY_IS_PROJECT (project), NULL);

  scope->project = g_object_ref (project);
  scope->item_kind = g_strdup (item_kind);
  scope->item_id = item_id;
  gtk_window_set_transient_for (GTK_WINDOW (window), equity_widget_get_window (parent));
  gtk_window_set_modal (GTK_WINDOW (window), TRUE);
  gtk_window_set_default_size (GTK_WINDOW (window), 720, 560);
  if (item_kind == NULL)
    {
      GtkWidget *kinds = gtk_drop_down_new_from_strings ((const char *[]) {
        _("Every kind"), _("Goals"), _("Actions"), _("Assessments"), _("Templates"), _("Indicators"), NULL });

      gtk_window_set_title (GTK_WINDOW (window), _("Change Log"));
      gtk_widget_set_tooltip_text (kinds, _("Show changes to one kind of item"));
      adw_header_bar_pack_start (ADW_HEADER_BAR (header), kinds);
      g_object_set_data (G_OBJECT (list), "kinds", kinds);
      g_signal_connect_swapped (kinds, "notify::selected", G_CALLBACK (fill_log), list);
    }
  else
    {
      /* the window title is plain text: the item's name as typed */
      adw_header_bar_set_title_widget (ADW_HEADER_BAR (header),
                                       adw_window_title_new (_("History"), title != NULL ? title : ""));
      gtk_window_set_title (GTK_WINDOW (window), _("History"));
    }
  gtk_widget_set_tooltip_text (export, _("Export these changes as CSV (Ctrl+E)"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (export), "log.export");
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), export);
  gtk_box_append (GTK_BOX (box), header);
  gtk_widget_add_css_class (placeholder, "dim-label");
  gtk_widget_set_margin_top (placeholder, 12);
  gtk_widget_set_margin_bottom (placeholder, 12);
  gtk_list_box_set_placeholder (GTK_LIST_BOX (list), placeholder);
  gtk_widget_set_valign (list, GTK_ALIGN_START);
  equity_widget_set_margins (list, 12, 12, 12, 12);
  adw_clamp_set_child (ADW_CLAMP (clamp), list);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), clamp);
  gtk_widget_set_vexpand (scrolled, TRUE);
  gtk_box_append (GTK_BOX (box), scrolled);
  /* the export's toast shows in this window */
  adw_toast_overlay_set_child (ADW_TOAST_OVERLAY (overlay), box);
  adw_window_set_content (ADW_WINDOW (window), overlay);

  {
    g_autoptr(GSimpleActionGroup) group = g_simple_action_group_new ();
    g_autoptr(GSimpleAction) action = g_simple_action_new ("export", NULL);

    g_signal_connect_object (action, "activate", G_CALLBACK (export_activated), window, G_CONNECT_SWAPPED);
    g_action_map_add_action (G_ACTION_MAP (group), G_ACTION (action));
    gtk_widget_insert_action_group (window, "log", G_ACTION_GROUP (group));
  }
  gtk_shortcut_controller_add_shortcut (shortcuts,
                                        gtk_shortcut_new (gtk_shortcut_trigger_parse_string ("<Control>e"),
                                                          gtk_named_action_new ("log.export")));
  gtk_shortcut_controller_add_shortcut (shortcuts,
                                        gtk_shortcut_new (gtk_shortcut_trigger_parse_string ("Escape"),
                                                          gtk_named_action_new ("window.close")));
  gtk_widget_add_controller (window, GTK_EVENT_CONTROLLER (shortcuts));

  g_object_set_data_full (G_OBJECT (list), "scope", scope, (GDestroyNotify) log_scope_free);
  g_object_set_data (G_OBJECT (window), "log-list", list);
  fill_log (GTK_LIST_BOX (list));
  gtk_window_present (GTK_WINDOW (window));
  return GTK_WINDOW (window);
}

typedef struct
{
  GtkWidget     *parent;
  EquityProject *project;
  char          *item_kind;
  gint64         item_id;
} ExportRequest;

static void
export_response_cb (GtkNativeDialog *chooser,
                    int              response,
                    ExportRequest   *request)
{
  g_autofree char *path = equity_file_chooser_dup_path (chooser, response);
  g_autoptr(GError) error = NULL;

  if (path != NULL)
    {
      if (!equity_change_log_export_item_csv (request->project, request->item_kind, request->item_id, path, &error))
        equity_show_toast (request->parent, error->message);
      else
        equity_show_toast (request->parent, _("Change log exported"));
    }
  g_object_unref (chooser);
  g_object_unref (request->parent);
  g_object_unref (request->project);
  g_free (request->item_kind);
  g_free (request);
}

void
equity_change_log_export (GtkWidget     *parent,
                          EquityProject *project,
                          const char    *item_kind,
                          gint64         item_id)
{
  GtkFileChooserNative *chooser;
  ExportRequest *request = g_new0 (ExportRequest, 1);

  request->parent = g_object_ref (parent);
  request->project = g_object_ref (project);
  request->item_kind = g_strdup (item_kind);
  request->item_id = item_id;
  chooser = gtk_file_chooser_native_new (item_id != 0 ? _("Export History") : _("Export Change Log"),
                                         equity_widget_get_window (parent),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser),
                                     item_id != 0 ? _("history.csv") : _("change-log.csv"));
  g_signal_connect (chooser, "response", G_CALLBACK (export_response_cb), request);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}
