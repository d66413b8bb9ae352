/* equity-explore-export.c — saving the analysis, and the chart to the
 * clipboard or a file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "equity-explore-page"

#include "config.h"

#include <glib/gi18n.h>

#include "equity-explore-page-private.h"
#include "equity-utils.h"

/* Sizes of the pictures: a slide at full HD, a page for print */
#define PNG_WIDTH        1920
#define PNG_HEIGHT       1080
#define VECTOR_WIDTH     1200
#define VECTOR_HEIGHT     800
#define CLIPBOARD_WIDTH  1600
#define CLIPBOARD_HEIGHT 1000

EquityChart *
_equity_explore_page_get_shown_chart (EquityExplorePage *self)
{
  if (self->map != NULL
      && adw_view_stack_get_visible_child (self->view_stack) == GTK_WIDGET (self->map_view))
    return self->map;

  return self->chart;
}

/* Files and the clipboard get the light style on white, as print does, and
 * nothing hovered: the chart draws them apart from its view. */
static EquityChart *
picture_chart (EquityExplorePage  *self,
               GError            **error)
{
  EquityChart *chart = _equity_explore_page_get_shown_chart (self);

  if (chart == NULL)
    g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                         _("There is no chart yet: choose the inputs of the analysis first"));
  return chart;
}

gboolean
equity_explore_page_copy_chart (EquityExplorePage  *self,
                                GError            **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  EquityChart *chart;

  g_return_val_if_fail (EQUITY_IS_EXPLORE_PAGE (self), FALSE);

  chart = picture_chart (self, error);
  if (chart == NULL)
    return FALSE;
  bytes = equity_chart_to_png_bytes (chart, CLIPBOARD_WIDTH, CLIPBOARD_HEIGHT, NULL, error);
  if (bytes == NULL)
    return FALSE;

  texture = gdk_texture_new_from_bytes (bytes, error);
  if (texture == NULL)
    return FALSE;

  /* A texture is offered as image/png (and the other image formats). */
  gdk_clipboard_set_texture (gtk_widget_get_clipboard (GTK_WIDGET (self)), texture);
  return TRUE;
}

gboolean
equity_explore_page_export_chart (EquityExplorePage  *self,
                                  const char         *path,
                                  GError            **error)
{
  g_autofree char *lower = NULL;
  EquityChart *chart;
  gboolean png;

  g_return_val_if_fail (EQUITY_IS_EXPLORE_PAGE (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  chart = picture_chart (self, error);
  if (chart == NULL)
    return FALSE;

  lower = g_ascii_strdown (path, -1);
  png = g_str_has_suffix (lower, ".png");
  return equity_chart_save (chart, path,
                            png ? PNG_WIDTH : VECTOR_WIDTH,
                            png ? PNG_HEIGHT : VECTOR_HEIGHT,
                            NULL, error);
}

/* Save Analysis */

gboolean
equity_explore_page_save_analysis (EquityExplorePage  *self,
                                   const char         *name,
                                   GError            **error)
{
  EquityAnalysis *spec;
  g_autofree char *stripped = NULL;
  EquitySavedAnalysis *saved;

  g_return_val_if_fail (EQUITY_IS_EXPLORE_PAGE (self), FALSE);
  g_return_val_if_fail (name != NULL, FALSE);

  if (self->project == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _("No project is open"));
      return FALSE;
    }

  stripped = g_strstrip (g_strdup (name));
  spec = equity_analysis_editor_get_analysis (self->editor);
  equity_analysis_editor_set_name (self->editor, stripped);
  if (!equity_analysis_save (spec, self->project, error))
    return FALSE;

  /* The project's list was read again: keep the saved analysis it now holds. */
  saved = equity_project_find_analysis (self->project, stripped);
  if (saved != NULL)
    _equity_explore_page_set_saved_analysis (self, saved);
  _equity_explore_page_mark_saved (self);

  gtk_label_set_label (self->title_label, stripped);
  return TRUE;
}

static void
name_changed_cb (AdwMessageDialog *dialog,
                 GtkEditable      *entry)
{
  EquityExplorePage *self = g_object_get_data (G_OBJECT (dialog), "equity-page");
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (entry)));
  EquitySavedAnalysis *current = self->analysis;
  EquitySavedAnalysis *same_name = equity_project_find_analysis (self->project, name);
  gboolean taken = name[0] != '\0' && same_name != NULL
                   && (current == NULL || g_strcmp0 (equity_saved_analysis_get_name (current), name) != 0);

  adw_message_dialog_set_response_enabled (dialog, "save", name[0] != '\0');
  adw_message_dialog_set_response_label (dialog, "save", taken ? _("_Replace") : _("_Save"));
  adw_message_dialog_set_response_appearance (dialog, "save",
                                              taken ? ADW_RESPONSE_DESTRUCTIVE : ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_body (dialog,
                               taken ? _("An analysis of this name exists: saving replaces it.")
                                     : _("Saved analyses are listed in the sidebar and go into exported workbooks."));
}

static void
save_response_cb (AdwMessageDialog  *dialog,
                  const char        *response,
                  EquityExplorePage *self)
{
  GtkEditable *entry = GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog));
  g_autoptr(GError) error = NULL;
  g_autofree char *toast = NULL;

  if (g_strcmp0 (response, "save") != 0)
    return;

  if (!equity_explore_page_save_analysis (self, gtk_editable_get_text (entry), &error))
    {
      equity_show_toast (GTK_WIDGET (self), error->message);
      return;
    }

  /* Translators: a toast; %s is the name of an analysis */
  toast = g_strdup_printf (_("Saved “%s”"), gtk_editable_get_text (entry));
  equity_show_toast (GTK_WIDGET (self), toast);
}

void
equity_explore_page_show_save_dialog (EquityExplorePage *self)
{
  GtkWidget *dialog;
  GtkWidget *entry;
  g_autofree char *name = NULL;

  g_return_if_fail (EQUITY_IS_EXPLORE_PAGE (self));

  if (self->project == NULL)
    return;

  dialog = equity_confirm_dialog_new (GTK_WIDGET (self), _("Save Analysis"), NULL,
                                      "save", _("_Save"), ADW_RESPONSE_DEFAULT, TRUE);

  entry = gtk_entry_new ();
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Name"), -1);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);
  g_object_set_data (G_OBJECT (dialog), "equity-page", self);

  g_signal_connect_object (entry, "changed", G_CALLBACK (name_changed_cb), dialog, G_CONNECT_SWAPPED);
  g_signal_connect_object (dialog, "response", G_CALLBACK (save_response_cb), self, 0);

  name = equity_analysis_dup_name (equity_analysis_editor_get_analysis (self->editor));
  gtk_editable_set_text (GTK_EDITABLE (entry), name != NULL ? name : "");
  name_changed_cb (ADW_MESSAGE_DIALOG (dialog), GTK_EDITABLE (entry));
  gtk_editable_select_region (GTK_EDITABLE (entry), 0, -1);

  gtk_window_present (GTK_WINDOW (dialog));
}

/* Export Chart… */

static const struct {
  const char *name;
  const char *pattern;
  const char *suffix;
} formats[] = {
  { N_("PNG image"), "*.png", ".png" },
  { N_("SVG drawing"), "*.svg", ".svg" },
  { N_("PDF document"), "*.pdf", ".pdf" },
};

/* the format of FILE_NAME's extension, or -1 */
static int
format_of_name (const char *file_name)
{
  g_autofree char *lower = file_name != NULL ? g_ascii_strdown (file_name, -1) : NULL;

  for (guint i = 0; lower != NULL && i < G_N_ELEMENTS (formats); i++)
    if (g_str_has_suffix (lower, formats[i].suffix))
      return i;

  return -1;
}

/* the format the chooser's filter stands for, or -1 */
static int
format_of_filter (GtkFileChooser *chooser)
{
  GtkFileFilter *filter = gtk_file_chooser_get_filter (chooser);

  for (guint i = 0; filter != NULL && i < G_N_ELEMENTS (formats); i++)
    if (g_strcmp0 (gtk_file_filter_get_name (filter), _(formats[i].name)) == 0)
      return i;

  return -1;
}

/* FILE_NAME with the extension of FORMAT in place of a picture's one */
static char *
name_with_format (const char *file_name,
                  int         format)
{
  int current = format_of_name (file_name);
  gsize length = strlen (file_name);

  if (current >= 0)
    length -= strlen (formats[current].suffix);

  return g_strdup_printf ("%.*s%s", (int) length, file_name, formats[format].suffix);
}

/* The format chosen gives the name its extension at once, where the
 * dialog lets the name be read: GTK's own (a portal's gets it in the
 * response). NATIVE keeps the format last named for the response. */
static void
export_filter_changed_cb (GtkFileChooser *chooser,
                          GParamSpec     *pspec,
                          GObject        *native)
{
  int format = format_of_filter (chooser);
  g_autofree char *name = NULL;
  g_autofree char *renamed = NULL;

  if (format < 0)
    return;

  name = gtk_file_chooser_get_current_name (chooser);
  if (name == NULL || format_of_name (name) == format)
    return;

  renamed = name_with_format (name, format);
  gtk_file_chooser_set_current_name (chooser, renamed);
  g_object_set_data (native, "equity-named-format", GINT_TO_POINTER (format + 1));
}

/* GtkFileChooserNative does not pass on the changes made in the dialog it
 * shows when there is no portal. That dialog is made with it: the one
 * toplevel file chooser that was not there before. */
static GPtrArray *
list_file_choosers (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  GPtrArray *choosers = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (GTK_IS_FILE_CHOOSER (window))
        g_ptr_array_add (choosers, g_steal_pointer (&window));
    }

  return choosers;
}

static void
follow_fallback_dialog (GtkFileChooserNative *native,
                        GPtrArray            *before)
{
  g_autoptr(GPtrArray) after = list_file_choosers ();

  for (guint i = 0; i < after->len; i++)
    if (!g_ptr_array_find (before, g_ptr_array_index (after, i), NULL))
      {
        g_signal_connect_object (g_ptr_array_index (after, i), "notify::filter",
                                 G_CALLBACK (export_filter_changed_cb), native, 0);
        return;
      }
}

/* The file to write: the format chosen sets the extension, unless the
 * name was given another picture's extension by hand after that choice. */
static char *
export_path (GtkFileChooser *chooser,
             const char     *chosen)
{
  int filter_format = format_of_filter (chooser);
  int name_format = format_of_name (chosen);
  /* the format whose extension the dialog itself last put in the name */
  int named_format = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (chooser), "equity-named-format")) - 1;

  if (filter_format < 0)
    return name_format >= 0 ? g_strdup (chosen) : name_with_format (chosen, 0);
  if (name_format >= 0 && name_format != named_format)
    return g_strdup (chosen);

  return name_with_format (chosen, filter_format);
}

static void
export_response_cb (GtkNativeDialog   *native,
                    int                response,
                    EquityExplorePage *self)
{
  g_autofree char *chosen = equity_file_chooser_dup_path (native, response);

  if (chosen != NULL)
    {
      g_autofree char *path = NULL;
      g_autoptr(GError) error = NULL;

      path = export_path (GTK_FILE_CHOOSER (native), chosen);
      if (!equity_explore_page_export_chart (self, path, &error))
        equity_show_toast (GTK_WIDGET (self), error->message);
      else
        {
          g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
          g_autofree char *folder = g_path_get_dirname (path);
          g_autofree char *basename = g_path_get_basename (path);
          /* Translators: a toast; %s is a file name */
          g_autofree char *toast = g_strdup_printf (_("Saved the chart as “%s”"), basename);

          /* the next export starts where this one went */
          g_settings_set_string (settings, "last-export-folder", folder);
          equity_show_toast (GTK_WIDGET (self), toast);
        }
    }

  gtk_native_dialog_destroy (native);
  g_object_unref (native);
}

void
equity_explore_page_show_export_dialog (EquityExplorePage *self)
{
  GtkFileChooserNative *native;
  g_autoptr(GPtrArray) choosers = NULL;
  g_autoptr(GSettings) settings = NULL;
  g_autofree char *folder = NULL;
  g_autofree char *name = NULL;
  g_autofree char *file_name = NULL;

  g_return_if_fail (EQUITY_IS_EXPLORE_PAGE (self));

  if (_equity_explore_page_get_shown_chart (self) == NULL)
    return;

  choosers = list_file_choosers ();
  native = gtk_file_chooser_native_new (_("Export Chart"),
                                        equity_widget_get_window (GTK_WIDGET (self)),
                                        GTK_FILE_CHOOSER_ACTION_SAVE,
                                        _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  follow_fallback_dialog (native, choosers);

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

      gtk_file_filter_set_name (filter, _(formats[i].name));
      gtk_file_filter_add_pattern (filter, formats[i].pattern);
      gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);
    }

  settings = g_settings_new (APPLICATION_ID);
  folder = g_settings_get_string (settings, "last-export-folder");
  if (folder[0] != '\0' && g_file_test (folder, G_FILE_TEST_IS_DIR))
    {
      g_autoptr(GFile) location = g_file_new_for_path (folder);

      gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (native), location, NULL);
    }

  /* File names cannot hold "/": "Arrests by race, 2020–2021.png" */
  name = equity_analysis_dup_name (equity_analysis_editor_get_analysis (self->editor));
  file_name = g_strconcat (name != NULL ? g_strdelimit (name, "/\\", '-') : _("Chart"), ".png", NULL);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), file_name);
  g_object_set_data (G_OBJECT (native), "equity-named-format", GINT_TO_POINTER (1));

  g_signal_connect_object (native, "response", G_CALLBACK (export_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}
