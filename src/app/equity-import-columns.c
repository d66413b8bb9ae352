/* equity-import-columns.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "equity-import-columns"

#include "config.h"

#include <glib/gi18n.h>

#include "equity-import-columns.h"
#include "equity-utils.h"

/* the types a person can choose, in the order of the drop-down */
static const EquityColumnType types[] = {
  EQUITY_COLUMN_TYPE_TEXT, EQUITY_COLUMN_TYPE_INTEGER, EQUITY_COLUMN_TYPE_REAL, EQUITY_COLUMN_TYPE_DATE,
};

/* the roles before the margins of error, and the one after */
static const EquityColumnRole roles[] = {
  EQUITY_COLUMN_ROLE_NONE, EQUITY_COLUMN_ROLE_KEY, EQUITY_COLUMN_ROLE_LATITUDE,
  EQUITY_COLUMN_ROLE_LONGITUDE, EQUITY_COLUMN_ROLE_LOCATION, EQUITY_COLUMN_ROLE_GROUP,
  EQUITY_COLUMN_ROLE_COUNT, EQUITY_COLUMN_ROLE_AMOUNT, EQUITY_COLUMN_ROLE_DURATION,
  EQUITY_COLUMN_ROLE_DATE, EQUITY_COLUMN_ROLE_TIME, EQUITY_COLUMN_ROLE_POPULATION,
};

typedef struct
{
  EquityImporter          *importer;
  guint                    position;
  EquityColumnChangedFunc  changed;
  gpointer                 user_data;
  /* the role drop-down's items: a role, and for margins of error the
   * estimate's name (NULL otherwise) */
  GArray                  *item_roles;
  GPtrArray               *item_estimates;
  GtkDropDown             *type_drop_down;
  GtkDropDown             *role_drop_down;
} RowData;

static void
row_data_free (gpointer data)
{
  RowData *row = data;

  g_clear_object (&row->importer);
  g_clear_pointer (&row->item_roles, g_array_unref);
  g_clear_pointer (&row->item_estimates, g_ptr_array_unref);
  g_free (row);
}

static EquityColumn *
row_column (RowData *row)
{
  return g_ptr_array_index (equity_importer_get_columns (row->importer), row->position);
}

static void
type_selected_cb (GtkDropDown *drop_down,
                  GParamSpec  *pspec,
                  RowData     *row)
{
  guint selected = gtk_drop_down_get_selected (drop_down);

  if (selected >= G_N_ELEMENTS (types) ||
      equity_column_get_column_type (row_column (row)) == types[selected])
    return;

  equity_column_set_column_type (row_column (row), types[selected]);
  row->changed (row->user_data, row->position, TRUE);
}

static void
role_selected_cb (GtkDropDown *drop_down,
                  GParamSpec  *pspec,
                  RowData     *row)
{
  guint selected = gtk_drop_down_get_selected (drop_down);
  EquityColumn *column = row_column (row);

  if (selected >= row->item_roles->len)
    return;

  equity_column_set_role (column, g_array_index (row->item_roles, EquityColumnRole, selected));
  equity_column_set_moe_of (column, g_ptr_array_index (row->item_estimates, selected));
  row->changed (row->user_data, row->position, FALSE);
}

static void
setup_label_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_list_item_set_child (item, label);
}

/* The button shows the choice in a few words; the list shows it whole. */
static void
setup_short_label_cb (GtkSignalListItemFactory *factory,
                      GtkListItem              *item,
                      gpointer                  user_data)
{
  GtkLabel *label;

  setup_label_cb (factory, item, user_data);
  label = GTK_LABEL (gtk_list_item_get_child (item));
  gtk_label_set_ellipsize (label, PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (label, 14);
}

static void
bind_label_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               gpointer                  user_data)
{
  GtkStringObject *string = gtk_list_item_get_item (item);

  gtk_label_set_label (GTK_LABEL (gtk_list_item_get_child (item)), gtk_string_object_get_string (string));
}

static GtkDropDown *
create_drop_down (GtkStringList *items,
                  const char    *accessible_label)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkListItemFactory) list_factory = gtk_signal_list_item_factory_new ();
  /* the drop-down takes a reference of its own */
  GtkWidget *drop_down = gtk_drop_down_new (G_LIST_MODEL (g_object_ref (items)), NULL);

  g_signal_connect (factory, "setup", G_CALLBACK (setup_short_label_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_label_cb), NULL);
  g_signal_connect (list_factory, "setup", G_CALLBACK (setup_label_cb), NULL);
  g_signal_connect (list_factory, "bind", G_CALLBACK (bind_label_cb), NULL);
  gtk_drop_down_set_factory (GTK_DROP_DOWN (drop_down), factory);
  gtk_drop_down_set_list_factory (GTK_DROP_DOWN (drop_down), list_factory);
  gtk_widget_set_valign (drop_down, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (drop_down, accessible_label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (drop_down),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible_label,
                                  -1);
  return GTK_DROP_DOWN (drop_down);
}

static char *
example_value (EquityImporter *importer,
               guint           position)
{
  GPtrArray *preview = equity_importer_get_preview (importer);

  for (guint i = 0; i < preview->len; i++)
    {
      const char *value = ((char **) g_ptr_array_index (preview, i))[position];

      /* short: a long example would squeeze the drop-downs */
      if (value != NULL && value[0] != '\0' && g_utf8_strlen (value, -1) > 20)
        {
          g_autofree char *start = g_utf8_substring (value, 0, 19);
          return g_strconcat (start, "…", NULL);
        }
      if (value != NULL && value[0] != '\0')
        return g_strdup (value);
    }
  return NULL;
}

static char *
describe_column (EquityImporter *importer,
                 guint           position)
{
  EquityColumn *column = g_ptr_array_index (equity_importer_get_columns (importer), position);
  guint64 n_nulls = equity_column_get_n_nulls (column);
  g_autofree char *example = example_value (importer, position);
  g_autofree char *empty = NULL;

  if (n_nulls > 0)
    {
      g_autofree char *count = equity_format_count (n_nulls);

      /* Translators: how many cells of a column are empty */
      empty = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s empty", "%s empty", n_nulls), count);
    }

  if (equity_column_get_column_type (column) == EQUITY_COLUMN_TYPE_GEOMETRY || example == NULL)
    return empty != NULL ? g_steal_pointer (&empty) : g_strdup ("");
  if (empty != NULL)
    /* Translators: an example value of a column and its empty cells,
     * e.g. "e.g. “Burton Street” · 12 empty" */
    return g_strdup_printf (_("e.g. “%s” · %s"), example, empty);
  /* Translators: an example value of a column */
  return g_strdup_printf (_("e.g. “%s”"), example);
}

GtkWidget *
equity_import_column_row_new (EquityImporter          *importer,
                              guint                    position,
                              EquityColumnChangedFunc  changed,
                              gpointer                 user_data)
{
  GPtrArray *columns = equity_importer_get_columns (importer);
  EquityColumn *column = g_ptr_array_index (columns, position);
  const char *name = equity_column_get_name (column);
  g_autofree char *subtitle = describe_column (importer, position);
  g_autoptr(GtkStringList) role_items = gtk_string_list_new (NULL);
  g_autofree char *type_label = NULL;
  g_autofree char *role_label = NULL;
  RowData *row = g_new0 (RowData, 1);
  GtkWidget *widget = adw_action_row_new ();
  guint selected_role = 0;

  row->importer = g_object_ref (importer);
  row->position = position;
  row->changed = changed;
  row->user_data = user_data;
  row->item_roles = g_array_new (FALSE, FALSE, sizeof (EquityColumnRole));
  row->item_estimates = g_ptr_array_new_with_free_func (g_free);
  g_object_set_data_full (G_OBJECT (widget), "equity-column-row", row, row_data_free);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (widget), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (widget), name);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (widget), subtitle);
  gtk_widget_set_tooltip_text (widget, name);

  if (equity_column_get_column_type (column) == EQUITY_COLUMN_TYPE_GEOMETRY)
    {
      GtkWidget *label = gtk_label_new (equity_column_type_to_label (EQUITY_COLUMN_TYPE_GEOMETRY));

      gtk_widget_add_css_class (label, "dim-label");
      adw_action_row_add_suffix (ADW_ACTION_ROW (widget), label);
      return widget;
    }

  /* the type */
  {
    g_autoptr(GtkStringList) type_items = gtk_string_list_new (NULL);

    for (guint i = 0; i < G_N_ELEMENTS (types); i++)
      gtk_string_list_append (type_items, equity_column_type_to_label (types[i]));
    /* Translators: the accessible name of a drop-down, %s is a column name */
    type_label = g_strdup_printf (_("Type of “%s”"), name);
    row->type_drop_down = create_drop_down (type_items, type_label);
    gtk_widget_set_size_request (GTK_WIDGET (row->type_drop_down), 96, -1);
    for (guint i = 0; i < G_N_ELEMENTS (types); i++)
      if (types[i] == equity_column_get_column_type (column))
        gtk_drop_down_set_selected (row->type_drop_down, i);
  }

  /* the role: each role, then "margin of error of" each other column */
  for (guint i = 0; i < G_N_ELEMENTS (roles); i++)
    {
      gtk_string_list_append (role_items, equity_column_role_to_label (roles[i]));
      g_array_append_val (row->item_roles, roles[i]);
      g_ptr_array_add (row->item_estimates, NULL);
      if (roles[i] == equity_column_get_role (column))
        selected_role = i;
    }
  for (guint j = 0; j < columns->len; j++)
    {
      EquityColumn *estimate = g_ptr_array_index (columns, j);
      EquityColumnRole moe = EQUITY_COLUMN_ROLE_MOE;
      g_autofree char *label = NULL;

      if (j == position || equity_column_get_column_type (estimate) == EQUITY_COLUMN_TYPE_GEOMETRY)
        continue;
      /* Translators: a role of a column, %s is the name of another column */
      label = g_strdup_printf (_("Margin of error of “%s”"), equity_column_get_name (estimate));
      gtk_string_list_append (role_items, label);
      g_array_append_val (row->item_roles, moe);
      g_ptr_array_add (row->item_estimates, g_strdup (equity_column_get_name (estimate)));
      if (equity_column_get_role (column) == EQUITY_COLUMN_ROLE_MOE &&
          g_strcmp0 (equity_column_get_moe_of (column), equity_column_get_name (estimate)) == 0)
        selected_role = row->item_roles->len - 1;
    }
  {
    EquityColumnRole identifier = EQUITY_COLUMN_ROLE_IDENTIFIER;

    gtk_string_list_append (role_items, equity_column_role_to_label (identifier));
    g_array_append_val (row->item_roles, identifier);
    g_ptr_array_add (row->item_estimates, NULL);
    if (equity_column_get_role (column) == identifier)
      selected_role = row->item_roles->len - 1;
  }

  /* Translators: the accessible name of a drop-down, %s is a column name */
  role_label = g_strdup_printf (_("Role of “%s”"), name);
  row->role_drop_down = create_drop_down (role_items, role_label);
  gtk_widget_set_size_request (GTK_WIDGET (row->role_drop_down), 144, -1);
  gtk_drop_down_set_selected (row->role_drop_down, selected_role);

  g_signal_connect (row->type_drop_down, "notify::selected", G_CALLBACK (type_selected_cb), row);
  g_signal_connect (row->role_drop_down, "notify::selected", G_CALLBACK (role_selected_cb), row);
  adw_action_row_add_suffix (ADW_ACTION_ROW (widget), GTK_WIDGET (row->type_drop_down));
  adw_action_row_add_suffix (ADW_ACTION_ROW (widget), GTK_WIDGET (row->role_drop_down));

  return widget;
}

GtkDropDown *
equity_import_column_row_get_type_drop_down (GtkWidget *row)
{
  RowData *data = g_object_get_data (G_OBJECT (row), "equity-column-row");

  g_return_val_if_fail (data != NULL, NULL);
  return data->type_drop_down;
}

GtkDropDown *
equity_import_column_row_get_role_drop_down (GtkWidget *row)
{
  RowData *data = g_object_get_data (G_OBJECT (row), "equity-column-row");

  g_return_val_if_fail (data != NULL, NULL);
  return data->role_drop_down;
}
