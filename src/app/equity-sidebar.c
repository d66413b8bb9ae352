/* equity-sidebar.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "equity-sidebar"

#include "config.h"

#include <glib/gi18n.h>

#include "equity-sidebar.h"
#include "equity-utils.h"

/* how wide a row asks to be, in characters */
#define SIDEBAR_WIDTH_CHARS 22

struct _EquitySidebar
{
  AdwBin         parent_instance;

  /* Template widgets */
  GtkListBox    *datasets_list;
  GtkWidget     *datasets_hint;
  GtkListBox    *analyses_list;
  GtkWidget     *analyses_hint;

  /* Owned references */
  EquityProject *project;
  GSignalGroup  *datasets_signals;
  GSignalGroup  *analyses_signals;

  /* The row shown is the one last activated (clicked, or Enter): moving
   * the focus with Tab or the arrows must not open another page, so the
   * selection is kept on it. */
  gint64         active_dataset_id;    /* -1: none */
  char          *active_analysis;      /* its name, or NULL */
  gboolean       keeping_selection;
};

G_DEFINE_FINAL_TYPE (EquitySidebar, equity_sidebar, ADW_TYPE_BIN)

enum {
  DATASET_CHOSEN,
  ANALYSIS_CHOSEN,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static GtkWidget *
create_row (const char *icon_name,
            const char *title,
            const char *subtitle)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *labels = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *icon = gtk_image_new_from_icon_name (icon_name);
  GtkWidget *title_label = gtk_label_new (title);
  GtkWidget *subtitle_label = gtk_label_new (subtitle);

  gtk_label_set_xalign (GTK_LABEL (title_label), 0.0);
  gtk_label_set_ellipsize (GTK_LABEL (title_label), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (subtitle_label), 0.0);
  gtk_label_set_ellipsize (GTK_LABEL (subtitle_label), PANGO_ELLIPSIZE_END);
  /* long names do not widen the sidebar: the tooltip has them whole */
  gtk_label_set_max_width_chars (GTK_LABEL (title_label), SIDEBAR_WIDTH_CHARS);
  gtk_label_set_max_width_chars (GTK_LABEL (subtitle_label), SIDEBAR_WIDTH_CHARS);
  gtk_widget_add_css_class (subtitle_label, "dim-label");
  gtk_widget_add_css_class (subtitle_label, "row-subtitle");
  gtk_widget_set_hexpand (labels, TRUE);
  gtk_widget_set_valign (labels, GTK_ALIGN_CENTER);

  gtk_box_append (GTK_BOX (labels), title_label);
  gtk_box_append (GTK_BOX (labels), subtitle_label);
  gtk_box_append (GTK_BOX (box), icon);
  gtk_box_append (GTK_BOX (box), labels);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_widget_set_tooltip_text (row, title);

  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, title,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, subtitle,
                                  -1);

  return row;
}

static GtkWidget *
create_dataset_row (gpointer item,
                    gpointer user_data)
{
  EquityDataset *dataset = item;
  guint64 n_rows = equity_dataset_get_n_rows (dataset);
  g_autofree char *count = equity_format_count (n_rows);
  g_autofree char *subtitle = NULL;
  GtkWidget *row;

  /* Translators: the number of rows of a dataset, e.g. "15,015 rows" */
  subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s row", "%s rows", n_rows), count);
  row = create_row ("x-office-spreadsheet-symbolic", equity_dataset_get_name (dataset), subtitle);
  g_object_set_data_full (G_OBJECT (row), "equity-item", g_object_ref (dataset), g_object_unref);

  return row;
}

static GtkWidget *
create_analysis_row (gpointer item,
                     gpointer user_data)
{
  EquitySavedAnalysis *analysis = item;
  GDateTime *updated = equity_saved_analysis_get_updated_at (analysis);
  g_autofree char *subtitle = NULL;
  GtkWidget *row;

  if (updated != NULL)
    {
      g_autoptr(GDateTime) local = g_date_time_to_local (updated);
      /* Translators: a short date, see strftime(3) */
      g_autofree char *date = g_date_time_format (local, _("%b %-d, %Y"));

      /* Translators: when a saved analysis was last changed, e.g. "Saved 11/24/26" */
      subtitle = g_strdup_printf (_("Saved %s"), date);
    }
  else
    subtitle = g_strdup (_("Saved analysis"));

  row = create_row ("equity-explore-symbolic", equity_saved_analysis_get_name (analysis), subtitle);
  g_object_set_data_full (G_OBJECT (row), "equity-item", g_object_ref (analysis), g_object_unref);

  return row;
}

static void
update_hints (EquitySidebar *self)
{
  guint n_datasets = 0;
  guint n_analyses = 0;

  if (self->project != NULL)
    {
      n_datasets = g_list_model_get_n_items (equity_project_get_datasets (self->project));
      n_analyses = g_list_model_get_n_items (equity_project_get_analyses (self->project));
    }

  gtk_widget_set_visible (self->datasets_hint, n_datasets == 0);
  gtk_widget_set_visible (GTK_WIDGET (self->datasets_list), n_datasets > 0);
  gtk_widget_set_visible (self->analyses_hint, n_analyses == 0);
  gtk_widget_set_visible (GTK_WIDGET (self->analyses_list), n_analyses > 0);
}

static gboolean
row_is_active (EquitySidebar *self,
               GtkListBox    *list,
               GtkListBoxRow *row)
{
  gpointer item = g_object_get_data (G_OBJECT (row), "equity-item");

  if (list == self->datasets_list)
    return equity_dataset_get_id (item) == self->active_dataset_id;

  return g_strcmp0 (equity_saved_analysis_get_name (item), self->active_analysis) == 0;
}

static GtkListBoxRow *
find_active_row (EquitySidebar *self,
                 GtkListBox    *list)
{
  GtkListBoxRow *row;

  for (guint i = 0; (row = gtk_list_box_get_row_at_index (list, i)); i++)
    if (row_is_active (self, list, row))
      return row;

  return NULL;
}

/* Puts the selection of both lists back on the active row. */
static void
keep_selection (EquitySidebar *self)
{
  GtkListBox *lists[] = { self->datasets_list, self->analyses_list };

  self->keeping_selection = TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (lists); i++)
    {
      GtkListBoxRow *active = find_active_row (self, lists[i]);

      if (active != NULL)
        gtk_list_box_select_row (lists[i], active);
      else
        gtk_list_box_unselect_all (lists[i]);
    }
  self->keeping_selection = FALSE;
}

static void
model_items_changed_cb (EquitySidebar *self,
                        guint          position,
                        guint          removed,
                        guint          added,
                        GListModel    *model)
{
  update_hints (self);
  /* the rows were made again: the one shown stays marked */
  keep_selection (self);
}

/* GtkListBox selects the row that gets the focus: undo that. */
static void
row_selected_cb (GtkListBox    *list,
                 GtkListBoxRow *row,
                 EquitySidebar *self)
{
  if (self->keeping_selection)
    return;

  if (row == NULL ? find_active_row (self, list) != NULL : !row_is_active (self, list, row))
    keep_selection (self);
}

static void
activate_dataset (EquitySidebar *self,
                  EquityDataset *dataset)
{
  g_clear_pointer (&self->active_analysis, g_free);
  self->active_dataset_id = equity_dataset_get_id (dataset);
  keep_selection (self);
  g_signal_emit (self, signals[DATASET_CHOSEN], 0, dataset);
}

static void
datasets_row_activated_cb (GtkListBox    *list,
                           GtkListBoxRow *row,
                           EquitySidebar *self)
{
  activate_dataset (self, g_object_get_data (G_OBJECT (row), "equity-item"));
}

/* The window marks the analysis once it is shown: it may first ask what
 * becomes of unsaved changes, and the answer may be to stay. */
static void
analyses_row_activated_cb (GtkListBox    *list,
                           GtkListBoxRow *row,
                           EquitySidebar *self)
{
  g_signal_emit (self, signals[ANALYSIS_CHOSEN], 0,
                 g_object_get_data (G_OBJECT (row), "equity-item"));
}

static void
equity_sidebar_dispose (GObject *object)
{
  EquitySidebar *self = (EquitySidebar *)object;

  if (self->datasets_list != NULL)
    {
      gtk_list_box_bind_model (self->datasets_list, NULL, NULL, NULL, NULL);
      gtk_list_box_bind_model (self->analyses_list, NULL, NULL, NULL, NULL);
    }

  gtk_widget_dispose_template (GTK_WIDGET (self), EQUITY_TYPE_SIDEBAR);

  if (self->datasets_signals != NULL)
    {
      g_signal_group_set_target (self->datasets_signals, NULL);
      g_signal_group_set_target (self->analyses_signals, NULL);
    }
  g_clear_object (&self->datasets_signals);
  g_clear_object (&self->analyses_signals);
  g_clear_object (&self->project);
  g_clear_pointer (&self->active_analysis, g_free);

  G_OBJECT_CLASS (equity_sidebar_parent_class)->dispose (object);
}

static void
equity_sidebar_class_init (EquitySidebarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = equity_sidebar_dispose;

  signals[DATASET_CHOSEN] =
    g_signal_new ("dataset-selected",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, EQUITY_TYPE_DATASET);
  signals[ANALYSIS_CHOSEN] =
    g_signal_new ("analysis-selected",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, EQUITY_TYPE_SAVED_ANALYSIS);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/asheville/Equity/ui/equity-sidebar.ui");
  gtk_widget_class_bind_template_child (widget_class, EquitySidebar, datasets_list);
  gtk_widget_class_bind_template_child (widget_class, EquitySidebar, datasets_hint);
  gtk_widget_class_bind_template_child (widget_class, EquitySidebar, analyses_list);
  gtk_widget_class_bind_template_child (widget_class, EquitySidebar, analyses_hint);
  gtk_widget_class_bind_template_callback (widget_class, row_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, datasets_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, analyses_row_activated_cb);
}

static void
equity_sidebar_init (EquitySidebar *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->active_dataset_id = -1;
  self->datasets_signals = g_signal_group_new (G_TYPE_LIST_MODEL);
  g_signal_group_connect_object (self->datasets_signals, "items-changed",
                                 G_CALLBACK (model_items_changed_cb), self,
                                 G_CONNECT_SWAPPED | G_CONNECT_AFTER);
  self->analyses_signals = g_signal_group_new (G_TYPE_LIST_MODEL);
  g_signal_group_connect_object (self->analyses_signals, "items-changed",
                                 G_CALLBACK (model_items_changed_cb), self,
                                 G_CONNECT_SWAPPED | G_CONNECT_AFTER);

  update_hints (self);
}

GtkWidget *
equity_sidebar_new (void)
{
  return g_object_new (EQUITY_TYPE_SIDEBAR, NULL);
}

EquityProject *
equity_sidebar_get_project (EquitySidebar *self)
{
  g_return_val_if_fail (EQUITY_IS_SIDEBAR (self), NULL);

  return self->project;
}

void
equity_sidebar_set_project (EquitySidebar *self,
                            EquityProject *project)
{
  GListModel *datasets = NULL;
  GListModel *analyses = NULL;

  g_return_if_fail (EQUITY_IS_SIDEBAR (self));
  g_return_if_fail (!project || EQUITY_IS_PROJECT (project));

  if (self->project == project)
    return;

  g_set_object (&self->project, project);
  self->active_dataset_id = -1;
  g_clear_pointer (&self->active_analysis, g_free);

  if (project != NULL)
    {
      datasets = equity_project_get_datasets (project);
      analyses = equity_project_get_analyses (project);
    }

  g_signal_group_set_target (self->datasets_signals, datasets);
  g_signal_group_set_target (self->analyses_signals, analyses);
  gtk_list_box_bind_model (self->datasets_list, datasets, create_dataset_row, NULL, NULL);
  gtk_list_box_bind_model (self->analyses_list, analyses, create_analysis_row, NULL, NULL);

  update_hints (self);
}

gboolean
equity_sidebar_select_dataset (EquitySidebar *self,
                               gint64         dataset_id)
{
  GtkListBoxRow *row;

  g_return_val_if_fail (EQUITY_IS_SIDEBAR (self), FALSE);

  for (guint i = 0; (row = gtk_list_box_get_row_at_index (self->datasets_list, i)); i++)
    {
      EquityDataset *dataset = g_object_get_data (G_OBJECT (row), "equity-item");

      if (equity_dataset_get_id (dataset) == dataset_id)
        {
          activate_dataset (self, dataset);
          return TRUE;
        }
    }

  return FALSE;
}

void
equity_sidebar_select_first_dataset (EquitySidebar *self)
{
  GtkListBoxRow *row;

  g_return_if_fail (EQUITY_IS_SIDEBAR (self));

  row = gtk_list_box_get_row_at_index (self->datasets_list, 0);
  if (row != NULL)
    activate_dataset (self, g_object_get_data (G_OBJECT (row), "equity-item"));
}

void
equity_sidebar_mark_analysis (EquitySidebar *self,
                              const char    *name)
{
  g_return_if_fail (EQUITY_IS_SIDEBAR (self));

  g_free (self->active_analysis);
  self->active_analysis = g_strdup (name);
  if (name != NULL)
    self->active_dataset_id = -1;
  keep_selection (self);
}

static guint
count_rows (GtkListBox *list)
{
  guint n = 0;

  while (gtk_list_box_get_row_at_index (list, n) != NULL)
    n++;

  return n;
}

guint
equity_sidebar_get_n_dataset_rows (EquitySidebar *self)
{
  g_return_val_if_fail (EQUITY_IS_SIDEBAR (self), 0);

  return gtk_widget_get_visible (GTK_WIDGET (self->datasets_list))
    ? count_rows (self->datasets_list) : 0;
}

guint
equity_sidebar_get_n_analysis_rows (EquitySidebar *self)
{
  g_return_val_if_fail (EQUITY_IS_SIDEBAR (self), 0);

  return gtk_widget_get_visible (GTK_WIDGET (self->analyses_list))
    ? count_rows (self->analyses_list) : 0;
}
