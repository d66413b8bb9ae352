/* equity-datasets-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "equity-datasets-page"

#include "config.h"

#include <glib/gi18n.h>

#include "equity-datasets-page-private.h"
#include "equity-utils.h"


G_DEFINE_FINAL_TYPE (EquityDatasetsPage, equity_datasets_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_PROJECT,
  PROP_DATASET,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

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

/* The Details tab's row per column is made when the tab is shown: most
 * datasets are looked at by their rows, and the rows of 11 columns are
 * some 130 widgets. */
static void
list_columns_if_shown (EquityDatasetsPage *self)
{
  GPtrArray *columns;

  /* listed already: the list is emptied whenever the dataset changes */
  if (gtk_widget_get_first_child (GTK_WIDGET (self->columns_list)) != NULL || self->dataset == NULL
      || g_strcmp0 (gtk_stack_get_visible_child_name (self->tabs), "columns") != 0)
    return;

  columns = equity_dataset_get_columns (self->dataset);
  for (guint i = 0; columns != NULL && i < columns->len; i++)
    gtk_list_box_append (self->columns_list, create_column_row (g_ptr_array_index (columns, i)));
}

void
_equity_datasets_page_update (EquityDatasetsPage *self)
{
  gboolean writable;
  GtkWidget *child;
  gboolean has_datasets = FALSE;

  g_assert (EQUITY_IS_DATASETS_PAGE (self));

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->columns_list))) != NULL)
    gtk_list_box_remove (self->columns_list, child);

  if (self->project != NULL)
    has_datasets = g_list_model_get_n_items (equity_project_get_datasets (self->project)) > 0;

  /* a read-only project says so in the title; nothing offers a change */
  writable = self->project != NULL && !equity_project_is_read_only (self->project);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "dataset.rename", self->dataset != NULL && writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "dataset.delete", self->dataset != NULL && writable);

  if (self->dataset == NULL || !has_datasets)
    {
      equity_table_view_set_dataset (self->table_view, NULL, NULL);
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  /* another dataset: its rows start unsorted and unfiltered */
  if (equity_table_view_get_model (self->table_view) == NULL ||
      equity_row_model_get_dataset (equity_table_view_get_model (self->table_view)) != self->dataset)
    {
      gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
      equity_table_view_set_dataset (self->table_view, self->project, self->dataset);
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

    list_columns_if_shown (self);
    gtk_stack_set_visible_child_name (self->stack, "details");
  }
}

static void
search_changed_cb (EquityDatasetsPage *self,
                   GtkSearchEntry     *entry)
{
  equity_table_view_set_filter (self->table_view, gtk_editable_get_text (GTK_EDITABLE (entry)));
}

static void
stop_search_cb (EquityDatasetsPage *self,
                GtkSearchEntry     *entry)
{
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
}

static void
tab_changed_cb (EquityDatasetsPage *self,
                GParamSpec         *pspec,
                GtkStack           *tabs)
{
  /* the search and the summaries are about the rows */
  gboolean rows = g_strcmp0 (gtk_stack_get_visible_child_name (tabs), "rows") == 0;

  gtk_widget_set_visible (GTK_WIDGET (self->search_entry), rows);
  gtk_widget_set_visible (self->summaries_button, rows);
  list_columns_if_shown (self);
}

static void
rows_toggled_cb (EquityDatasetsPage *self,
                 GtkToggleButton    *button)
{
  gtk_stack_set_visible_child_name (self->tabs, gtk_toggle_button_get_active (button) ? "rows" : "columns");
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  EquityDatasetsPage *self = EQUITY_DATASETS_PAGE (widget);

  if (self->dataset == NULL)
    return;
  gtk_toggle_button_set_active (self->rows_button, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
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
  gtk_widget_class_bind_template_child (widget_class, EquityDatasetsPage, tabs);
  gtk_widget_class_bind_template_child (widget_class, EquityDatasetsPage, details_button);
  gtk_widget_class_bind_template_child (widget_class, EquityDatasetsPage, rows_button);
  gtk_widget_class_bind_template_child (widget_class, EquityDatasetsPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, EquityDatasetsPage, summaries_button);
  gtk_widget_class_bind_template_child (widget_class, EquityDatasetsPage, table_view);

  gtk_widget_class_install_action (widget_class, "dataset.rename", NULL, _equity_datasets_page_rename_action);
  gtk_widget_class_install_action (widget_class, "dataset.delete", NULL, _equity_datasets_page_delete_action);
  gtk_widget_class_install_action (widget_class, "dataset.search", NULL, search_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F2, 0, "dataset.rename", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "dataset.search", NULL);

  g_type_ensure (EQUITY_TYPE_TABLE_VIEW);
}

static void
equity_datasets_page_init (EquityDatasetsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect_object (self->search_entry, "search-changed", G_CALLBACK (search_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->search_entry, "stop-search", G_CALLBACK (stop_search_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->tabs, "notify::visible-child-name", G_CALLBACK (tab_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->rows_button, "toggled", G_CALLBACK (rows_toggled_cb), self,
                           G_CONNECT_SWAPPED);
  _equity_datasets_page_update (self);
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
  _equity_datasets_page_update (self);
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
  _equity_datasets_page_update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATASET]);
}

GtkWidget *
equity_datasets_page_get_table_view (EquityDatasetsPage *self)
{
  g_return_val_if_fail (EQUITY_IS_DATASETS_PAGE (self), NULL);
  return GTK_WIDGET (self->table_view);
}

GtkWidget *
equity_datasets_page_get_search_entry (EquityDatasetsPage *self)
{
  g_return_val_if_fail (EQUITY_IS_DATASETS_PAGE (self), NULL);
  return GTK_WIDGET (self->search_entry);
}

GtkWidget *
equity_datasets_page_get_summaries_button (EquityDatasetsPage *self)
{
  g_return_val_if_fail (EQUITY_IS_DATASETS_PAGE (self), NULL);
  return self->summaries_button;
}
