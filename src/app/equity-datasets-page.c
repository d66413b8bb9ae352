/* equity-datasets-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "equity-datasets-page"

#include "config.h"

#include <glib/gi18n.h>

#include "equity-datasets-page.h"
#include "equity-utils.h"

struct _EquityDatasetsPage
{
  AdwBin         parent_instance;

  /* Template widgets */
  GtkStack      *stack;
  GtkLabel      *name_label;
  GtkLabel      *summary_label;
  AdwActionRow  *source_row;
  GtkLabel      *format_label;
  GtkLabel      *imported_label;
  GtkLabel      *rows_label;
  GtkLabel      *columns_label;
  GtkListBox    *columns_list;

  /* Owned references */
  EquityProject *project;
  EquityDataset *dataset;
};

G_DEFINE_FINAL_TYPE (EquityDatasetsPage, equity_datasets_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_PROJECT,
  PROP_DATASET,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
show_toast (EquityDatasetsPage *self,
            const char         *title)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (title));
}

static void
show_error (EquityDatasetsPage *self,
            const char         *heading,
            const GError       *error)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   heading, error->message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static GtkWidget *
create_column_row (EquityColumn *column)
{
  EquityColumnRole role = equity_column_get_role (column);
  guint64 n_nulls = equity_column_get_n_nulls (column);
  const char *type_label = equity_column_type_to_label (equity_column_get_column_type (column));
  g_autofree char *subtitle = NULL;
  GtkWidget *row;
  GtkWidget *role_label;

  if (n_nulls > 0)
    {
      g_autofree char *count = equity_format_count (n_nulls);

      /* Translators: a column's type and how many of its cells are empty,
       * e.g. "Integer · 12 empty cells" */
      subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s · %s empty cell", "%s · %s empty cells", n_nulls),
                                  type_label, count);
    }
  else
    subtitle = g_strdup (type_label);

  row = adw_action_row_new ();
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), equity_column_get_name (column));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);

  if (role == EQUITY_COLUMN_ROLE_MOE && equity_column_get_moe_of (column) != NULL)
    {
      g_autofree char *label = NULL;

      /* Translators: the role of a margin-of-error column, e.g. "Margin of error of total_pop" */
      label = g_strdup_printf (_("Margin of error of %s"), equity_column_get_moe_of (column));
      role_label = gtk_label_new (label);
    }
  else if (role == EQUITY_COLUMN_ROLE_NONE)
    {
      role_label = gtk_label_new (_("No role"));
      gtk_widget_add_css_class (role_label, "no-role");
    }
  else
    role_label = gtk_label_new (equity_column_role_to_label (role));

  gtk_label_set_ellipsize (GTK_LABEL (role_label), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (role_label, "role-pill");
  gtk_widget_set_valign (role_label, GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), role_label);

  return row;
}

static void
equity_datasets_page_update (EquityDatasetsPage *self)
{
  GtkWidget *child;
  gboolean has_datasets = FALSE;

  g_assert (EQUITY_IS_DATASETS_PAGE (self));

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->columns_list))) != NULL)
    gtk_list_box_remove (self->columns_list, child);

  if (self->project != NULL)
    has_datasets = g_list_model_get_n_items (equity_project_get_datasets (self->project)) > 0;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "dataset.rename", self->dataset != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "dataset.delete", self->dataset != NULL);

  if (self->dataset == NULL || !has_datasets)
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  {
    EquityDataset *dataset = self->dataset;
    guint64 n_rows = equity_dataset_get_n_rows (dataset);
    guint n_columns = equity_dataset_get_n_columns (dataset);
    const char *source = equity_dataset_get_source (dataset);
    const char *format = equity_dataset_get_format (dataset);
    GDateTime *imported_at = equity_dataset_get_imported_at (dataset);
    g_autofree char *rows = equity_format_count (n_rows);
    g_autofree char *rows_text = NULL;
    g_autofree char *columns_text = NULL;
    g_autofree char *summary = NULL;
    g_autofree char *source_name = NULL;
    GPtrArray *columns;

    gtk_label_set_label (self->name_label, equity_dataset_get_name (dataset));

    rows_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s row", "%s rows", n_rows), rows);
    columns_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u column", "%u columns", n_columns),
                                    n_columns);
    if (format != NULL && format[0] != '\0')
      /* Translators: "15,015 rows · 11 columns · CSV" */
      summary = g_strdup_printf (_("%s · %s · %s"), rows_text, columns_text, format);
    else
      /* Translators: "15,015 rows · 11 columns" */
      summary = g_strdup_printf (_("%s · %s"), rows_text, columns_text);
    gtk_label_set_label (self->summary_label, summary);

    if (source != NULL && g_path_is_absolute (source))
      {
        g_autofree char *folder = equity_dup_display_folder (source);

        source_name = g_path_get_basename (source);
        adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->source_row), source_name);
        adw_action_row_set_subtitle (self->source_row, folder);
        gtk_widget_set_tooltip_text (GTK_WIDGET (self->source_row), source);
      }
    else if (source != NULL && source[0] != '\0')
      {
        /* A description of where the data came from, not a path */
        adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->source_row), _("Source"));
        adw_action_row_set_subtitle (self->source_row, source);
        gtk_widget_set_tooltip_text (GTK_WIDGET (self->source_row), NULL);
      }
    else
      {
        adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->source_row), _("Source"));
        adw_action_row_set_subtitle (self->source_row, _("Not recorded"));
        gtk_widget_set_tooltip_text (GTK_WIDGET (self->source_row), NULL);
      }

    gtk_label_set_label (self->format_label,
                         format != NULL && format[0] != '\0' ? format : _("Unknown"));

    if (imported_at != NULL)
      {
        g_autoptr(GDateTime) local = g_date_time_to_local (imported_at);
        /* Translators: date and time of an import, see strftime(3) */
        g_autofree char *text = g_date_time_format (local, _("%B %-d, %Y at %H:%M"));

        gtk_label_set_label (self->imported_label, text);
      }
    else
      gtk_label_set_label (self->imported_label, _("Unknown"));

    gtk_label_set_label (self->rows_label, rows);
    {
      g_autofree char *n = g_strdup_printf ("%u", n_columns);
      gtk_label_set_label (self->columns_label, n);
    }

    columns = equity_dataset_get_columns (dataset);
    for (guint i = 0; columns != NULL && i < columns->len; i++)
      gtk_list_box_append (self->columns_list, create_column_row (g_ptr_array_index (columns, i)));

    gtk_stack_set_visible_child_name (self->stack, "details");
  }
}

static void
rename_entry_changed_cb (GtkEditable      *entry,
                         AdwMessageDialog *dialog)
{
  const char *text = gtk_editable_get_text (entry);
  const char *old_name = g_object_get_data (G_OBJECT (dialog), "equity-old-name");
  g_autofree char *stripped = g_strstrip (g_strdup (text));

  adw_message_dialog_set_response_enabled (dialog, "rename",
                                           stripped[0] != '\0' && g_strcmp0 (stripped, old_name) != 0);
}

static void
rename_entry_activate_cb (GtkEntry         *entry,
                          AdwMessageDialog *dialog)
{
  if (adw_message_dialog_get_response_enabled (dialog, "rename"))
    adw_message_dialog_response (dialog, "rename");
}

static void
rename_response_cb (AdwMessageDialog   *dialog,
                    const char         *response,
                    EquityDatasetsPage *self)
{
  GtkEditable *entry = GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog));
  g_autofree char *new_name = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(EquityDataset) dataset = NULL;

  if (!g_str_equal (response, "rename") || self->project == NULL || self->dataset == NULL)
    return;

  new_name = g_strstrip (g_strdup (gtk_editable_get_text (entry)));
  dataset = g_object_ref (self->dataset);

  if (!equity_project_rename_dataset (self->project, dataset, new_name, &error))
    {
      show_error (self, _("Could Not Rename the Dataset"), error);
      return;
    }

  equity_datasets_page_update (self);
}

static void
rename_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  EquityDatasetsPage *self = EQUITY_DATASETS_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  const char *name;
  g_autofree char *body = NULL;
  GtkWidget *dialog;
  GtkWidget *entry;

  if (self->dataset == NULL)
    return;

  name = equity_dataset_get_name (self->dataset);
  body = g_strdup_printf (_("Saved analyses that use “%s” will use the new name."), name);

  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   _("Rename Dataset"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "rename", _("_Rename"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "rename",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "rename");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "rename", FALSE);
  g_object_set_data_full (G_OBJECT (dialog), "equity-old-name", g_strdup (name), g_free);

  entry = gtk_entry_new ();
  gtk_editable_set_text (GTK_EDITABLE (entry), name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("New name"),
                                  -1);
  g_signal_connect (entry, "changed", G_CALLBACK (rename_entry_changed_cb), dialog);
  g_signal_connect (entry, "activate", G_CALLBACK (rename_entry_activate_cb), dialog);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);

  g_signal_connect_object (dialog, "response", G_CALLBACK (rename_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (entry);
}

static void
delete_response_cb (AdwMessageDialog   *dialog,
                    const char         *response,
                    EquityDatasetsPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EquityDataset) dataset = NULL;
  g_autofree char *name = NULL;
  g_autofree char *toast = NULL;

  if (!g_str_equal (response, "delete") || self->project == NULL || self->dataset == NULL)
    return;

  dataset = g_object_ref (self->dataset);
  name = g_strdup (equity_dataset_get_name (dataset));

  if (!equity_project_delete_dataset (self->project, dataset, &error))
    {
      show_error (self, _("Could Not Delete the Dataset"), error);
      return;
    }

  /* Translators: shown after a dataset was deleted */
  toast = g_strdup_printf (_("Deleted “%s”"), name);
  show_toast (self, toast);
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  EquityDatasetsPage *self = EQUITY_DATASETS_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  guint64 n_rows;
  g_autofree char *heading = NULL;
  g_autofree char *count = NULL;
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  if (self->dataset == NULL)
    return;

  n_rows = equity_dataset_get_n_rows (self->dataset);
  count = equity_format_count (n_rows);
  heading = g_strdup_printf (_("Delete “%s”?"), equity_dataset_get_name (self->dataset));
  body = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "Its %s row will be removed from the project. The source file is not touched.",
                                       "Its %s rows will be removed from the project. The source file is not touched.",
                                       n_rows),
                          count);

  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, heading, body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "delete", _("_Delete"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "delete",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (delete_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
equity_datasets_page_dispose (GObject *object)
{
  EquityDatasetsPage *self = (EquityDatasetsPage *)object;

  /* The stack is both AdwBin's child and a template child: unparent it once. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), EQUITY_TYPE_DATASETS_PAGE);
  g_clear_object (&self->dataset);
  g_clear_object (&self->project);

  G_OBJECT_CLASS (equity_datasets_page_parent_class)->dispose (object);
}

static void
equity_datasets_page_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  EquityDatasetsPage *self = EQUITY_DATASETS_PAGE (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      g_value_set_object (value, self->project);
      break;

    case PROP_DATASET:
      g_value_set_object (value, self->dataset);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
equity_datasets_page_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  EquityDatasetsPage *self = EQUITY_DATASETS_PAGE (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      equity_datasets_page_set_project (self, g_value_get_object (value));
      break;

    case PROP_DATASET:
      equity_datasets_page_set_dataset (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
equity_datasets_page_class_init (EquityDatasetsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = equity_datasets_page_dispose;
  object_class->get_property = equity_datasets_page_get_property;
  object_class->set_property = equity_datasets_page_set_property;

  properties[PROP_PROJECT] =
    g_param_spec_object ("project", NULL, NULL,
                         EQUITY_TYPE_PROJECT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DATASET] =
    g_param_spec_object ("dataset", NULL, NULL,
                         EQUITY_TYPE_DATASET,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/asheville/Equity/ui/equity-datasets-page.ui");
  gtk_widget_class_bind_template_child (widget_class, EquityDatasetsPage, stack);
  gtk_widget_class_bind_template_child (widget_class, EquityDatasetsPage, name_label);
  gtk_widget_class_bind_template_child (widget_class, EquityDatasetsPage, summary_label);
  gtk_widget_class_bind_template_child (widget_class, EquityDatasetsPage, source_row);
  gtk_widget_class_bind_template_child (widget_class, EquityDatasetsPage, format_label);
  gtk_widget_class_bind_template_child (widget_class, EquityDatasetsPage, imported_label);
  gtk_widget_class_bind_template_child (widget_class, EquityDatasetsPage, rows_label);
  gtk_widget_class_bind_template_child (widget_class, EquityDatasetsPage, columns_label);
  gtk_widget_class_bind_template_child (widget_class, EquityDatasetsPage, columns_list);

  gtk_widget_class_install_action (widget_class, "dataset.rename", NULL, rename_action);
  gtk_widget_class_install_action (widget_class, "dataset.delete", NULL, delete_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F2, 0, "dataset.rename", NULL);
}

static void
equity_datasets_page_init (EquityDatasetsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  equity_datasets_page_update (self);
}

GtkWidget *
equity_datasets_page_new (void)
{
  return g_object_new (EQUITY_TYPE_DATASETS_PAGE, NULL);
}

EquityProject *
equity_datasets_page_get_project (EquityDatasetsPage *self)
{
  g_return_val_if_fail (EQUITY_IS_DATASETS_PAGE (self), NULL);

  return self->project;
}

void
equity_datasets_page_set_project (EquityDatasetsPage *self,
                                  EquityProject      *project)
{
  g_return_if_fail (EQUITY_IS_DATASETS_PAGE (self));
  g_return_if_fail (!project || EQUITY_IS_PROJECT (project));

  if (!g_set_object (&self->project, project))
    return;

  g_clear_object (&self->dataset);
  equity_datasets_page_update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROJECT]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATASET]);
}

EquityDataset *
equity_datasets_page_get_dataset (EquityDatasetsPage *self)
{
  g_return_val_if_fail (EQUITY_IS_DATASETS_PAGE (self), NULL);

  return self->dataset;
}

void
equity_datasets_page_set_dataset (EquityDatasetsPage *self,
                                  EquityDataset      *dataset)
{
  g_return_if_fail (EQUITY_IS_DATASETS_PAGE (self));
  g_return_if_fail (!dataset || EQUITY_IS_DATASET (dataset));

  /* Always refresh: the same object may carry a new name after a rename. */
  g_set_object (&self->dataset, dataset);
  equity_datasets_page_update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATASET]);
}
