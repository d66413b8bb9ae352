/* equity-row-picker.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "equity-explore"

#include "config.h"

#include <glib/gi18n.h>

#include "equity-analysis-choices.h"
#include "equity-analysis-fields.h"
#include "equity-row-picker.h"

struct _EquityRowPicker
{
  AdwActionRow       parent_instance;

  GtkMenuButton     *button;
  GtkPopover        *popover;
  GtkSearchEntry    *search_entry;
  GtkListView       *list_view;
  GtkStringFilter   *filter;
  GListStore        *items;

  char              *none_label;
  char              *value;
  GPtrArray         *choices;
};

G_DEFINE_FINAL_TYPE (EquityRowPicker, equity_row_picker, ADW_TYPE_ACTION_ROW)

enum {
  PICKED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const EquityChoice *
find_choice (EquityRowPicker *self,
             const char      *value)
{
  for (guint i = 0; self->choices != NULL && value != NULL && i < self->choices->len; i++)
    {
      const EquityChoice *choice = g_ptr_array_index (self->choices, i);

      if (g_str_equal (choice->value, value))
        return choice;
    }

  return NULL;
}

/* "Asheville (3702140)", or the value alone when no column names it */
static char *
choice_title (const EquityChoice *choice)
{
  if (choice->label != NULL && !g_str_equal (choice->label, choice->value))
    /* Translators: a row's name and its key, e.g. "Asheville (3702140)" */
    return g_strdup_printf (_("%s (%s)"), choice->label, choice->value);

  return g_strdup (choice->value);
}

static void
update_subtitle (EquityRowPicker *self)
{
  const EquityChoice *choice = find_choice (self, self->value);
  g_autofree char *text = NULL;

  if (self->value == NULL)
    /* Translators: a population row nobody has picked yet */
    text = g_strdup (_("Not chosen yet"));
  else if (g_str_equal (self->value, EQUITY_ANALYSIS_ALL_ROWS))
    text = g_strdup (self->none_label);
  else if (choice != NULL)
    text = choice_title (choice);
  else
    text = g_strdup (self->value);

  adw_action_row_set_subtitle (ADW_ACTION_ROW (self), text);
}

static GtkStringObject *
new_item (const char *search_text,
          const char *title,
          const char *detail,
          const char *value)
{
  GtkStringObject *item = gtk_string_object_new (search_text);

  g_object_set_data_full (G_OBJECT (item), "equity-title", g_strdup (title), g_free);
  g_object_set_data_full (G_OBJECT (item), "equity-detail", g_strdup (detail), g_free);
  g_object_set_data_full (G_OBJECT (item), "equity-value", g_strdup (value), g_free);
  return item;
}

static void
setup_item_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               gpointer                  user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *detail = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (title), 0.0);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (title, TRUE);
  gtk_label_set_xalign (GTK_LABEL (detail), 1.0);
  gtk_widget_add_css_class (detail, "dim-label");
  gtk_widget_add_css_class (detail, "numeric");
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), detail);
  gtk_list_item_set_child (list_item, box);
}

static void
bind_item_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              gpointer                  user_data)
{
  GObject *item = gtk_list_item_get_item (list_item);
  GtkWidget *box = gtk_list_item_get_child (list_item);
  GtkWidget *title = gtk_widget_get_first_child (box);
  GtkWidget *detail = gtk_widget_get_next_sibling (title);

  gtk_label_set_label (GTK_LABEL (title), g_object_get_data (item, "equity-title"));
  gtk_label_set_label (GTK_LABEL (detail), g_object_get_data (item, "equity-detail"));
}

static void
rebuild_items (EquityRowPicker *self)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);

  g_ptr_array_add (items, new_item (self->none_label, self->none_label, NULL, EQUITY_ANALYSIS_ALL_ROWS));
  for (guint i = 0; self->choices != NULL && i < self->choices->len; i++)
    {
      const EquityChoice *choice = g_ptr_array_index (self->choices, i);
      g_autofree char *search = g_strjoin (" ", choice->label != NULL ? choice->label : "",
                                           choice->value, NULL);

      g_ptr_array_add (items, new_item (search,
                                        choice->label != NULL ? choice->label : choice->value,
                                        choice->label != NULL ? choice->value : NULL,
                                        choice->value));
    }

  g_list_store_splice (self->items, 0, g_list_model_get_n_items (G_LIST_MODEL (self->items)),
                       items->pdata, items->len);
}

static void
activate_cb (EquityRowPicker *self,
             guint            position,
             GtkListView     *list_view)
{
  GListModel *model = G_LIST_MODEL (gtk_list_view_get_model (list_view));
  g_autoptr(GObject) item = g_list_model_get_item (model, position);

  if (item == NULL)
    return;

  gtk_popover_popdown (self->popover);
  equity_row_picker_pick (self, g_object_get_data (item, "equity-value"));
}

static void
search_changed_cb (EquityRowPicker *self,
                   GtkSearchEntry  *entry)
{
  gtk_string_filter_set_search (self->filter, gtk_editable_get_text (GTK_EDITABLE (entry)));
}

static void
search_activate_cb (EquityRowPicker *self,
                    GtkSearchEntry  *entry)
{
  GListModel *model = G_LIST_MODEL (gtk_list_view_get_model (self->list_view));

  /* Enter picks the first match. */
  if (g_list_model_get_n_items (model) > 0)
    activate_cb (self, 0, self->list_view);
}

static void
popover_show_cb (EquityRowPicker *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
equity_row_picker_dispose (GObject *object)
{
  EquityRowPicker *self = EQUITY_ROW_PICKER (object);

  g_clear_pointer (&self->choices, g_ptr_array_unref);

  G_OBJECT_CLASS (equity_row_picker_parent_class)->dispose (object);
}

static void
equity_row_picker_finalize (GObject *object)
{
  EquityRowPicker *self = EQUITY_ROW_PICKER (object);

  g_clear_object (&self->items);
  g_free (self->none_label);
  g_free (self->value);

  G_OBJECT_CLASS (equity_row_picker_parent_class)->finalize (object);
}

static void
equity_row_picker_class_init (EquityRowPickerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = equity_row_picker_dispose;
  object_class->finalize = equity_row_picker_finalize;

  signals[PICKED] = g_signal_new ("picked", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
equity_row_picker_init (EquityRowPicker *self)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  GtkFilterListModel *filtered;
  GtkNoSelection *selection;
  GtkWidget *box;
  GtkWidget *scrolled;

  self->items = g_list_store_new (GTK_TYPE_STRING_OBJECT);
  self->filter = gtk_string_filter_new (gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string"));
  gtk_string_filter_set_match_mode (self->filter, GTK_STRING_FILTER_MATCH_MODE_SUBSTRING);
  gtk_string_filter_set_ignore_case (self->filter, TRUE);
  filtered = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (self->items)), GTK_FILTER (self->filter));
  selection = gtk_no_selection_new (G_LIST_MODEL (filtered));

  g_signal_connect (factory, "setup", G_CALLBACK (setup_item_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_item_cb), NULL);
  self->list_view = GTK_LIST_VIEW (gtk_list_view_new (NULL, g_object_ref (factory)));
  g_object_set (self->list_view, "model", selection, NULL);
  g_object_unref (selection);
  gtk_list_view_set_single_click_activate (self->list_view, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->list_view), "navigation-sidebar");
  g_signal_connect_object (self->list_view, "activate", G_CALLBACK (activate_cb), self, G_CONNECT_SWAPPED);

  self->search_entry = GTK_SEARCH_ENTRY (gtk_search_entry_new ());
  g_signal_connect_object (self->search_entry, "search-changed", G_CALLBACK (search_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->search_entry, "activate", G_CALLBACK (search_activate_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->search_entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Search rows"), -1);

  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 320);
  gtk_scrolled_window_set_min_content_width (GTK_SCROLLED_WINDOW (scrolled), 280);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (self->list_view));

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->search_entry));
  gtk_box_append (GTK_BOX (box), scrolled);

  self->popover = GTK_POPOVER (gtk_popover_new ());
  gtk_popover_set_child (self->popover, box);
  g_signal_connect_object (self->popover, "show", G_CALLBACK (popover_show_cb), self, G_CONNECT_SWAPPED);

  self->button = GTK_MENU_BUTTON (gtk_menu_button_new ());
  gtk_menu_button_set_icon_name (self->button, "pan-down-symbolic");
  gtk_menu_button_set_popover (self->button, GTK_WIDGET (self->popover));
  gtk_widget_set_valign (GTK_WIDGET (self->button), GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (GTK_WIDGET (self->button), "flat");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->button), _("Choose a Row"));
  adw_action_row_add_suffix (ADW_ACTION_ROW (self), GTK_WIDGET (self->button));
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (self), GTK_WIDGET (self->button));
}

GtkWidget *
equity_row_picker_new (const char *title,
                       const char *none_label)
{
  EquityRowPicker *self = g_object_new (EQUITY_TYPE_ROW_PICKER,
                                        "title", title,
                                        "use-underline", FALSE,
                                        NULL);

  self->none_label = g_strdup (none_label);
  rebuild_items (self);
  update_subtitle (self);
  return GTK_WIDGET (self);
}

void
equity_row_picker_set_choices (EquityRowPicker *self,
                               GPtrArray       *choices)
{
  g_return_if_fail (EQUITY_IS_ROW_PICKER (self));

  g_clear_pointer (&self->choices, g_ptr_array_unref);
  if (choices != NULL)
    self->choices = g_ptr_array_ref (choices);
  rebuild_items (self);
  update_subtitle (self);
}

guint
equity_row_picker_get_n_choices (EquityRowPicker *self)
{
  g_return_val_if_fail (EQUITY_IS_ROW_PICKER (self), 0);

  return self->choices != NULL ? self->choices->len : 0;
}

const char *
equity_row_picker_get_value (EquityRowPicker *self)
{
  g_return_val_if_fail (EQUITY_IS_ROW_PICKER (self), NULL);

  return self->value;
}

void
equity_row_picker_set_value (EquityRowPicker *self,
                             const char      *value)
{
  g_return_if_fail (EQUITY_IS_ROW_PICKER (self));

  if (g_strcmp0 (self->value, value) != 0)
    {
      g_free (self->value);
      self->value = g_strdup (value);
    }
  update_subtitle (self);
}

void
equity_row_picker_pick (EquityRowPicker *self,
                        const char      *value)
{
  g_return_if_fail (EQUITY_IS_ROW_PICKER (self));

  equity_row_picker_set_value (self, value);
  g_signal_emit (self, signals[PICKED], 0);
}
