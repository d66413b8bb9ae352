/* equity-utils.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "equity-utils"

#include "config.h"

#include <locale.h>
#include <string.h>

#include <adwaita.h>
#include <glib/gi18n.h>

#include "equity-utils.h"

char *
equity_dup_sample_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "asheville-equity",
                           "Sample project.equity", NULL);
}

char *
equity_format_count (guint64 count)
{
  const struct lconv *conv = localeconv ();
  const char *separator = ",";
  g_autofree char *digits = g_strdup_printf ("%" G_GUINT64_FORMAT, count);
  GString *out = g_string_new (NULL);
  gsize len = strlen (digits);

  /* The C locale has no separator: the English strings still want one. */
  if (conv != NULL && conv->thousands_sep != NULL && conv->thousands_sep[0] != '\0')
    separator = conv->thousands_sep;

  for (gsize i = 0; i < len; i++)
    {
      if (i > 0 && (len - i) % 3 == 0)
        g_string_append (out, separator);
      g_string_append_c (out, digits[i]);
    }

  return g_string_free (out, FALSE);
}

char *
equity_dup_title_for_path (const char *path)
{
  g_autofree char *base = NULL;

  g_return_val_if_fail (path != NULL, NULL);

  base = g_path_get_basename (path);
  if (g_str_has_suffix (base, ".equity") && strlen (base) > strlen (".equity"))
    base[strlen (base) - strlen (".equity")] = '\0';

  return g_steal_pointer (&base);
}

char *
equity_dup_display_folder (const char *path)
{
  g_autofree char *dir = NULL;
  const char *home = g_get_home_dir ();
  gsize home_len;

  g_return_val_if_fail (path != NULL, NULL);

  dir = g_path_get_dirname (path);
  home_len = strlen (home);

  if (g_str_equal (dir, home))
    return g_strdup ("~");

  if (home_len > 1 && g_str_has_prefix (dir, home) && dir[home_len] == G_DIR_SEPARATOR)
    return g_strconcat ("~", dir + home_len, NULL);

  return g_steal_pointer (&dir);
}

char *
equity_ensure_project_suffix (const char *path)
{
  g_return_val_if_fail (path != NULL, NULL);

  if (g_str_has_suffix (path, ".equity"))
    return g_strdup (path);

  return g_strconcat (path, ".equity", NULL);
}

gboolean
equity_is_project_file (GFile *file)
{
  g_autofree char *name = NULL;

  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  name = g_file_get_basename (file);
  return name != NULL && g_str_has_suffix (name, ".equity");
}

/* The recent projects, newest first: FIRST (when given) and then the list
 * without SKIP and, when EXISTING_ONLY, without files that are gone; at
 * most LIMIT. */
static char **
recent_projects_filter (GSettings  *settings,
                        const char *first,
                        const char *skip,
                        gboolean    existing_only,
                        guint       limit)
{
  g_auto(GStrv) paths = g_settings_get_strv (settings, "recent-projects");
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  guint n = 0;

  if (first != NULL)
    {
      g_strv_builder_add (builder, first);
      n++;
    }
  for (guint i = 0; paths[i] != NULL && n < limit; i++)
    {
      if (g_strcmp0 (paths[i], skip) == 0
          || (existing_only && !g_file_test (paths[i], G_FILE_TEST_IS_REGULAR)))
        continue;
      g_strv_builder_add (builder, paths[i]);
      n++;
    }

  return g_strv_builder_end (builder);
}

/* stores the filtered list (all files, gone or not) */
static void
recent_projects_store (GSettings  *settings,
                       const char *first,
                       const char *skip,
                       guint       limit)
{
  g_auto(GStrv) result = recent_projects_filter (settings, first, skip, FALSE, limit);

  g_settings_set_strv (settings, "recent-projects", (const char * const *) result);
}

char **
equity_recent_projects_dup (GSettings *settings)
{
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  return recent_projects_filter (settings, NULL, NULL, TRUE, EQUITY_MAX_RECENT_PROJECTS);
}

void
equity_recent_projects_add (GSettings  *settings,
                            const char *path)
{
  g_return_if_fail (G_IS_SETTINGS (settings));
  g_return_if_fail (path != NULL);

  recent_projects_store (settings, path, path, EQUITY_MAX_RECENT_PROJECTS);
}

void
equity_recent_projects_remove (GSettings  *settings,
                               const char *path)
{
  g_return_if_fail (G_IS_SETTINGS (settings));
  g_return_if_fail (path != NULL);

  recent_projects_store (settings, NULL, path, G_MAXUINT);
}

PangoAttrList *
equity_dim_attributes (void)
{
  static PangoAttrList *attributes;

  if (g_once_init_enter (&attributes))
    {
      PangoAttrList *list = pango_attr_list_new ();

      pango_attr_list_insert (list, pango_attr_foreground_alpha_new (0.4 * G_MAXUINT16));
      g_once_init_leave (&attributes, list);
    }
  return attributes;
}

PangoAttrList *
equity_error_attributes (void)
{
  static PangoAttrList *attributes;

  if (g_once_init_enter (&attributes))
    {
      PangoAttrList *list = pango_attr_list_new ();

      /* Adwaita's red, readable on light and dark backgrounds */
      pango_attr_list_insert (list, pango_attr_foreground_new (0xe0 * 257, 0x1b * 257, 0x24 * 257));
      pango_attr_list_insert (list, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
      g_once_init_leave (&attributes, list);
    }
  return attributes;
}

/* libadwaita 1.2 reads a toast's title as markup; names in it are the user's text */
AdwToast *
equity_toast_new (const char *title)
{
  g_autofree char *escaped = NULL;

  g_return_val_if_fail (title != NULL, NULL);

  escaped = g_markup_escape_text (title, -1);
  return adw_toast_new (escaped);
}

void
equity_show_toast (GtkWidget  *widget,
                   const char *title)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (title != NULL);

  equity_add_toast (widget, equity_toast_new (title));
}

AdwToast *
equity_undo_toast_new (const char *title,
                       const char *action_name)
{
  AdwToast *toast;

  g_return_val_if_fail (title != NULL, NULL);

  toast = equity_toast_new (title);
  adw_toast_set_button_label (toast, _("_Undo"));
  if (action_name != NULL)
    adw_toast_set_action_name (toast, action_name);
  return toast;
}

void
equity_add_toast (GtkWidget *widget,
                  AdwToast  *toast)
{
  GtkWidget *overlay;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (ADW_IS_TOAST (toast));

  overlay = gtk_widget_get_ancestor (widget, ADW_TYPE_TOAST_OVERLAY);
  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
  else
    g_object_unref (toast);
}

void
equity_project_signals_init (EquityProjectSignals *signals,
                             GCallback             datasets_changed,
                             GCallback             dataset_renamed,
                             gpointer              instance)
{
  signals->datasets = g_signal_group_new (G_TYPE_LIST_MODEL);
  g_signal_group_connect_object (signals->datasets, "items-changed",
                                 datasets_changed, instance, G_CONNECT_SWAPPED);
  signals->project = g_signal_group_new (EQUITY_TYPE_PROJECT);
  g_signal_group_connect_object (signals->project, "dataset-renamed",
                                 dataset_renamed, instance, G_CONNECT_SWAPPED);
}

void
equity_project_signals_set_project (EquityProjectSignals *signals,
                                    EquityProject        *project)
{
  g_signal_group_set_target (signals->datasets,
                             project != NULL ? equity_project_get_datasets (project) : NULL);
  g_signal_group_set_target (signals->project, project);
}

void
equity_project_signals_clear (EquityProjectSignals *signals)
{
  if (signals->datasets != NULL)
    g_signal_group_set_target (signals->datasets, NULL);
  g_clear_object (&signals->datasets);
  if (signals->project != NULL)
    g_signal_group_set_target (signals->project, NULL);
  g_clear_object (&signals->project);
}

void
equity_error_revealer_set (GtkRevealer *revealer,
                           GtkLabel    *label,
                           const char  *message)
{
  gtk_label_set_label (label, message != NULL ? message : "");
  gtk_revealer_set_reveal_child (revealer, message != NULL);
}

const char *
equity_error_revealer_get (GtkRevealer *revealer,
                           GtkLabel    *label)
{
  return gtk_revealer_get_reveal_child (revealer) ? gtk_label_get_label (label) : NULL;
}

GtkWidget *
equity_data_cell_new (int      min_chars,
                      int      nat_chars,
                      gboolean numeric)
{
  GtkWidget *cell = gtk_inscription_new (NULL);

  gtk_inscription_set_min_chars (GTK_INSCRIPTION (cell), MIN (nat_chars, min_chars));
  gtk_inscription_set_nat_chars (GTK_INSCRIPTION (cell), nat_chars);
  gtk_inscription_set_text_overflow (GTK_INSCRIPTION (cell), GTK_INSCRIPTION_OVERFLOW_ELLIPSIZE_END);
  if (numeric)
    {
      gtk_inscription_set_xalign (GTK_INSCRIPTION (cell), 1.0);
      gtk_widget_add_css_class (cell, "numeric");
    }
  return cell;
}

void
equity_data_cell_set_value (GtkWidget  *cell,
                            const char *value)
{
  /* An empty cell shows a dim dash, not a blank that reads as missing data.
   * Dimmed with a text attribute: changing style classes of cells as they
   * are recycled trips an assertion in GTK 4.8's style code. */
  gtk_inscription_set_text (GTK_INSCRIPTION (cell), value != NULL ? value : "—");
  gtk_inscription_set_attributes (GTK_INSCRIPTION (cell), value != NULL ? NULL : equity_dim_attributes ());
}

/* What a data column's factory knows about its cells */
typedef struct
{
  guint                  column;
  int                    min_chars;
  int                    nat_chars;
  gboolean               numeric;
  EquityDataCellBindFunc bind;
  gpointer               user_data;
  GDestroyNotify         destroy;
} DataColumn;

static void
data_column_free (gpointer data)
{
  DataColumn *info = data;

  if (info->destroy != NULL)
    info->destroy (info->user_data);
  g_free (info);
}

static void
data_column_setup_cb (GtkSignalListItemFactory *factory,
                      GtkListItem              *item,
                      DataColumn               *info)
{
  gtk_list_item_set_child (item, equity_data_cell_new (info->min_chars, info->nat_chars, info->numeric));
}

static void
data_column_bind_cb (GtkSignalListItemFactory *factory,
                     GtkListItem              *item,
                     DataColumn               *info)
{
  info->bind (gtk_list_item_get_child (item), gtk_list_item_get_item (item), info->column, info->user_data);
}

GtkColumnViewColumn *
equity_data_column_new (const char            *title,
                        EquityColumnType       type,
                        guint                  column,
                        int                    min_chars,
                        int                    nat_chars,
                        EquityDataCellBindFunc bind,
                        gpointer               user_data,
                        GDestroyNotify         destroy)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  DataColumn *info = g_new0 (DataColumn, 1);
  GtkColumnViewColumn *view_column;

  info->column = column;
  info->min_chars = min_chars;
  info->nat_chars = nat_chars;
  info->numeric = type == EQUITY_COLUMN_TYPE_INTEGER || type == EQUITY_COLUMN_TYPE_REAL;
  info->bind = bind;
  info->user_data = user_data;
  info->destroy = destroy;
  g_object_set_data_full (G_OBJECT (factory), "equity-data-column", info, data_column_free);
  g_signal_connect (factory, "setup", G_CALLBACK (data_column_setup_cb), info);
  g_signal_connect (factory, "bind", G_CALLBACK (data_column_bind_cb), info);

  view_column = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_resizable (view_column, TRUE);
  return view_column;
}

GtkWindow *
equity_widget_get_window (GtkWidget *widget)
{
  GtkRoot *root = gtk_widget_get_root (widget);

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

GtkWidget *
equity_confirm_dialog_new (GtkWidget             *widget,
                           const char            *heading,
                           const char            *body,
                           const char            *action,
                           const char            *action_label,
                           AdwResponseAppearance  appearance,
                           gboolean               action_is_default)
{
  GtkWidget *dialog = adw_message_dialog_new (equity_widget_get_window (widget), heading, body);

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    action, action_label,
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), action, appearance);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog),
                                           action_is_default ? action : "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  return dialog;
}

void
equity_show_error_dialog (GtkWidget  *widget,
                          const char *heading,
                          const char *message)
{
  GtkWidget *dialog = adw_message_dialog_new (equity_widget_get_window (widget), heading, message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "close");
  gtk_window_present (GTK_WINDOW (dialog));
}

GSimpleActionGroup *
equity_page_actions_new (GtkWidget          *page,
                         const char         *prefix,
                         const GActionEntry *entries,
                         guint               n_entries)
{
  GSimpleActionGroup *actions = g_simple_action_group_new ();

  g_action_map_add_action_entries (G_ACTION_MAP (actions), entries, n_entries, page);
  gtk_widget_insert_action_group (page, prefix, G_ACTION_GROUP (actions));
  return actions;
}

void
equity_page_actions_set_enabled (GSimpleActionGroup *actions,
                                 const char         *name,
                                 gboolean            enabled)
{
  GAction *action = g_action_map_lookup_action (G_ACTION_MAP (actions), name);

  if (action != NULL)
    g_simple_action_set_enabled (G_SIMPLE_ACTION (action), enabled);
}

void
equity_page_actions_clear (GSimpleActionGroup **actions,
                           const GActionEntry  *entries,
                           guint                n_entries)
{
  if (*actions == NULL)
    return;
  for (guint i = 0; i < n_entries; i++)
    g_action_map_remove_action (G_ACTION_MAP (*actions), entries[i].name);
  g_clear_object (actions);
}

void
equity_column_view_show_rows (GtkColumnView *view,
                              GListModel    *rows)
{
  g_autoptr(GtkNoSelection) unselectable = gtk_no_selection_new (g_object_ref (rows));

  g_object_set (view, "model", unselectable, NULL);
}

/* A fresh copy of object ID from equity-plain-lists.ui, floating like a
 * widget from gtk_*_new(): the builder sinks what it builds, so the one
 * reference kept after the builder goes is made floating again for the
 * container that takes it. */
static GtkWidget *
plain_list_new (const char *id)
{
  g_autoptr(GtkBuilder) builder = gtk_builder_new_from_resource ("/org/asheville/Equity/ui/equity-plain-lists.ui");
  GObject *widget = g_object_ref (gtk_builder_get_object (builder, id));

  g_object_force_floating (widget);
  return GTK_WIDGET (widget);
}

GtkWidget *
equity_boxed_list_new (void)
{
  return plain_list_new ("boxed_list");
}

GtkWidget *
equity_check_flow_box_new (void)
{
  return plain_list_new ("check_flow_box");
}

GListModel *
equity_word_list_new (const char          *first,
                      const char * const  *words,
                      const char *       (*label) (const char *word))
{
  GtkStringList *list = gtk_string_list_new (NULL);

  if (first != NULL)
    gtk_string_list_append (list, first);
  for (guint i = 0; words[i] != NULL; i++)
    gtk_string_list_append (list, label (words[i]));
  return G_LIST_MODEL (list);
}

const char *
equity_word_list_get_chosen (GtkDropDown        *dropdown,
                             const char * const *words)
{
  guint position;

  g_return_val_if_fail (GTK_IS_DROP_DOWN (dropdown), NULL);
  g_return_val_if_fail (words != NULL, NULL);

  position = gtk_drop_down_get_selected (dropdown);
  if (position == 0 || position == GTK_INVALID_LIST_POSITION || position > g_strv_length ((char **) words))
    return NULL;
  return words[position - 1];
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_utf8_collate (*(const char **) a, *(const char **) b);
}

void
equity_name_filter_set_names (GtkDropDown *dropdown,
                              const char  *any_label,
                              GPtrArray   *names)
{
  g_autofree char *chosen = NULL;
  g_autoptr(GtkStringList) list = gtk_string_list_new (NULL);
  g_autoptr(GPtrArray) distinct = g_ptr_array_new ();
  guint select = 0;

  g_return_if_fail (GTK_IS_DROP_DOWN (dropdown));
  g_return_if_fail (any_label != NULL);
  g_return_if_fail (names != NULL);

  chosen = g_strdup (equity_name_filter_get_chosen (dropdown));
  for (guint i = 0; i < names->len; i++)
    {
      const char *name = g_ptr_array_index (names, i);

      if (name != NULL && name[0] != '\0'
          && !g_ptr_array_find_with_equal_func (distinct, name, g_str_equal, NULL))
        g_ptr_array_add (distinct, (gpointer) name);
    }
  g_ptr_array_sort (distinct, compare_names);

  gtk_string_list_append (list, any_label);
  for (guint i = 0; i < distinct->len; i++)
    {
      gtk_string_list_append (list, g_ptr_array_index (distinct, i));
      if (g_strcmp0 (chosen, g_ptr_array_index (distinct, i)) == 0)
        select = i + 1;
    }
  gtk_drop_down_set_model (dropdown, G_LIST_MODEL (list));
  gtk_drop_down_set_selected (dropdown, select);
}

const char *
equity_name_filter_get_chosen (GtkDropDown *dropdown)
{
  guint position;
  GListModel *model;

  g_return_val_if_fail (GTK_IS_DROP_DOWN (dropdown), NULL);

  position = gtk_drop_down_get_selected (dropdown);
  model = gtk_drop_down_get_model (dropdown);
  /* item 0 is the "any" choice */
  if (position == 0 || position == GTK_INVALID_LIST_POSITION || model == NULL)
    return NULL;
  return gtk_string_list_get_string (GTK_STRING_LIST (model), position);
}

gboolean
equity_search_matches (const char *search,
                       const char *text)
{
  g_autofree char *folded = NULL;
  g_autofree char *needle = NULL;

  if (search == NULL || search[0] == '\0')
    return TRUE;
  folded = g_utf8_casefold (text != NULL ? text : "", -1);
  needle = g_utf8_casefold (search, -1);
  return strstr (folded, needle) != NULL;
}

void
equity_widget_set_margins (GtkWidget *widget,
                           int        top,
                           int        bottom,
                           int        start,
                           int        end)
{
  gtk_widget_set_margin_top (widget, top);
  gtk_widget_set_margin_bottom (widget, bottom);
  gtk_widget_set_margin_start (widget, start);
  gtk_widget_set_margin_end (widget, end);
}

char *
equity_file_chooser_dup_path (GtkNativeDialog *chooser,
                              int              response)
{
  g_autoptr(GFile) file = NULL;

  if (response != GTK_RESPONSE_ACCEPT)
    return NULL;
  file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  return file != NULL ? g_file_get_path (file) : NULL;
}
