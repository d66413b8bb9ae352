/* equity-result-table.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "equity-explore"

#include "config.h"

#include <math.h>
#include <glib/gi18n.h>

#include "equity-indexed-item.h"
#include "equity-result-table.h"
#include "equity-utils.h"

/* the most the table asks for: its header and eight rows */
#define MAX_CONTENT_HEIGHT 240
/* the rows always in view, when the result has that many */
#define MIN_ROWS_SHOWN 6
/* a row's height over its line of text, from the data-table style */
#define ROW_PADDING 6

static const EquityResultRow *
item_row (gpointer item)
{
  EquityIndexedItem *self = item;

  return equity_result_get_row (equity_indexed_item_get_owner (self),
                                equity_indexed_item_get_index (self));
}

typedef EquityResultColumn ColumnId;
#define N_COLUMNS     EQUITY_N_RESULT_COLUMNS
#define COLUMN_NAME   EQUITY_RESULT_COLUMN_NAME

struct _EquityResultTable
{
  AdwBin             parent_instance;

  GtkColumnView     *column_view;
  GListStore        *items;
  EquityResult      *result;
  char              *titles[N_COLUMNS];   /* NULL: the column is not shown */
};

G_DEFINE_FINAL_TYPE (EquityResultTable, equity_result_table, ADW_TYPE_BIN)

/* The number a column sorts by. */
static double
column_value (const EquityResultRow *row,
              ColumnId               id)
{
  return equity_result_column_get_value (id, row, NULL, NULL);
}

static void
setup_cell_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               gpointer                  user_data)
{
  ColumnId id = GPOINTER_TO_UINT (user_data);
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), equity_result_column_get_format (id) == EQUITY_NUMBER_FORMAT_TEXT
                                           || equity_result_column_get_format (id) == EQUITY_NUMBER_FORMAT_FLAG
                                           ? 0.0 : 1.0);
  /* Numbers are never cut short; long names are, past a point. */
  if (id == COLUMN_NAME)
    {
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_label_set_width_chars (GTK_LABEL (label), 12);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 32);
    }
  else
    gtk_widget_add_css_class (label, "numeric");
  gtk_list_item_set_child (list_item, label);
}

static void
bind_cell_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              gpointer                  user_data)
{
  ColumnId id = GPOINTER_TO_UINT (user_data);
  GtkWidget *label = gtk_list_item_get_child (list_item);
  const EquityResultRow *row = item_row (gtk_list_item_get_item (list_item));
  g_autofree char *text = equity_result_column_dup_text (id, row);

  gtk_label_set_label (GTK_LABEL (label), text);
  if (id == EQUITY_RESULT_COLUMN_SUPPRESSED && row->suppressed)
    gtk_widget_add_css_class (label, "warning");
  else
    gtk_widget_remove_css_class (label, "warning");
}

/* Numbers sort by value and a missing one (NaN) after them; names in the
 * locale's order. */
static int
compare_cb (gconstpointer a,
            gconstpointer b,
            gpointer      user_data)
{
  ColumnId id = GPOINTER_TO_UINT (user_data);
  const EquityResultRow *x = item_row ((gpointer) a);
  const EquityResultRow *y = item_row ((gpointer) b);
  double u, v;

  if (id == COLUMN_NAME)
    {
      g_autofree char *kx = g_utf8_collate_key (equity_result_row_get_name (x), -1);
      g_autofree char *ky = g_utf8_collate_key (equity_result_row_get_name (y), -1);
      int order = strcmp (kx, ky);

      return order < 0 ? GTK_ORDERING_SMALLER : order > 0 ? GTK_ORDERING_LARGER : GTK_ORDERING_EQUAL;
    }

  u = column_value (x, id);
  v = column_value (y, id);
  if (isnan (u) || isnan (v))
    return isnan (u) == isnan (v) ? GTK_ORDERING_EQUAL : isnan (u) ? GTK_ORDERING_LARGER : GTK_ORDERING_SMALLER;
  return u < v ? GTK_ORDERING_SMALLER : u > v ? GTK_ORDERING_LARGER : GTK_ORDERING_EQUAL;
}

static void
rebuild_columns (EquityResultTable *self,
                 char              *titles[N_COLUMNS])
{
  GListModel *columns = gtk_column_view_get_columns (self->column_view);

  while (g_list_model_get_n_items (columns) > 0)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, 0);

      gtk_column_view_remove_column (self->column_view, column);
    }

  for (guint id = 0; id < N_COLUMNS; id++)
    {
      g_autoptr(GtkListItemFactory) factory = NULL;
      g_autoptr(GtkColumnViewColumn) column = NULL;
      g_autoptr(GtkCustomSorter) sorter = NULL;

      g_free (self->titles[id]);
      self->titles[id] = g_steal_pointer (&titles[id]);
      if (self->titles[id] == NULL)
        continue;

      factory = gtk_signal_list_item_factory_new ();
      g_signal_connect (factory, "setup", G_CALLBACK (setup_cell_cb), GUINT_TO_POINTER (id));
      g_signal_connect (factory, "bind", G_CALLBACK (bind_cell_cb), GUINT_TO_POINTER (id));
      column = gtk_column_view_column_new (self->titles[id], g_steal_pointer (&factory));
      sorter = gtk_custom_sorter_new (compare_cb, GUINT_TO_POINTER (id), NULL);
      gtk_column_view_column_set_sorter (column, GTK_SORTER (sorter));
      gtk_column_view_column_set_resizable (column, TRUE);
      gtk_column_view_column_set_expand (column, id == COLUMN_NAME);
      g_object_set_data (G_OBJECT (column), "equity-column-id", GUINT_TO_POINTER (id));
      gtk_column_view_append_column (self->column_view, column);
    }
}

static void
equity_result_table_dispose (GObject *object)
{
  EquityResultTable *self = EQUITY_RESULT_TABLE (object);

  g_clear_object (&self->result);
  for (guint i = 0; i < N_COLUMNS; i++)
    g_clear_pointer (&self->titles[i], g_free);

  G_OBJECT_CLASS (equity_result_table_parent_class)->dispose (object);
}

static void
equity_result_table_finalize (GObject *object)
{
  g_clear_object (&EQUITY_RESULT_TABLE (object)->items);

  G_OBJECT_CLASS (equity_result_table_parent_class)->finalize (object);
}

static void
equity_result_table_class_init (EquityResultTableClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = equity_result_table_dispose;
  object_class->finalize = equity_result_table_finalize;
}

static void
equity_result_table_init (EquityResultTable *self)
{
  GtkSortListModel *sorted;
  GtkWidget *scrolled;

  self->items = g_list_store_new (EQUITY_TYPE_INDEXED_ITEM);
  self->column_view = GTK_COLUMN_VIEW (gtk_column_view_new (NULL));
  sorted = gtk_sort_list_model_new (g_object_ref (G_LIST_MODEL (self->items)),
                                    g_object_ref (gtk_column_view_get_sorter (self->column_view)));
  equity_column_view_show_rows (self->column_view, G_LIST_MODEL (sorted));
  g_object_unref (sorted);

  gtk_column_view_set_show_row_separators (self->column_view, TRUE);
  gtk_column_view_set_show_column_separators (self->column_view, TRUE);
  gtk_column_view_set_reorderable (self->column_view, FALSE);
  gtk_widget_add_css_class (GTK_WIDGET (self->column_view), "data-table");
  gtk_widget_add_css_class (GTK_WIDGET (self->column_view), "result-table");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->column_view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Result table"), -1);

  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (self->column_view));
  /* The table asks for the height of its rows, up to a screenful of them,
   * so a short table is read whole and a long one leaves room to the chart. */
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), MAX_CONTENT_HEIGHT);
  adw_bin_set_child (ADW_BIN (self), scrolled);
  /* the rows keep to the rounded corners of the frame */
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);
}

/* The table keeps its header and its first MIN_ROWS_SHOWN rows in view:
 * the chart above it gets only the rest of the height. */
static void
update_min_height (EquityResultTable *self,
                   guint              n_rows)
{
  GtkWidget *scrolled = adw_bin_get_child (ADW_BIN (self));
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (GTK_WIDGET (self->column_view), "0");
  int line_height = 0;
  guint shown = MIN (n_rows, MIN_ROWS_SHOWN);

  pango_layout_get_pixel_size (layout, NULL, &line_height);
  /* the header is a row too */
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scrolled),
                                              (shown + 1) * (line_height + ROW_PADDING) + ROW_PADDING);
}

GtkWidget *
equity_result_table_new (void)
{
  return g_object_new (EQUITY_TYPE_RESULT_TABLE, NULL);
}

EquityResult *
equity_result_table_get_result (EquityResultTable *self)
{
  g_return_val_if_fail (EQUITY_IS_RESULT_TABLE (self), NULL);

  return self->result;
}

void
equity_result_table_set_result (EquityResultTable *self,
                                EquityResult      *result)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  char *titles[N_COLUMNS] = { NULL };
  gboolean same = TRUE;

  g_return_if_fail (EQUITY_IS_RESULT_TABLE (self));
  g_return_if_fail (!result || EQUITY_IS_RESULT (result));

  g_set_object (&self->result, result);

  if (result != NULL)
    {
      g_autoptr(GArray) shown = equity_result_list_columns (result);

      for (guint i = 0; i < shown->len; i++)
        {
          ColumnId id = g_array_index (shown, EquityResultColumn, i);

          titles[id] = equity_result_column_dup_title (id, result);
        }
    }
  for (guint id = 0; id < N_COLUMNS; id++)
    same = same && g_strcmp0 (titles[id], self->titles[id]) == 0;

  /* The same columns keep their widths and the order the reader chose. */
  if (same)
    for (guint id = 0; id < N_COLUMNS; id++)
      g_free (titles[id]);
  else
    rebuild_columns (self, titles);

  for (guint i = 0; result != NULL && i < equity_result_get_n_rows (result); i++)
    g_ptr_array_add (items, equity_indexed_item_new (result, i));
  g_list_store_splice (self->items, 0, g_list_model_get_n_items (G_LIST_MODEL (self->items)),
                       items->pdata, items->len);
  update_min_height (self, items->len);
}

GtkColumnView *
equity_result_table_get_column_view (EquityResultTable *self)
{
  g_return_val_if_fail (EQUITY_IS_RESULT_TABLE (self), NULL);

  return self->column_view;
}

char *
equity_result_table_dup_cell (EquityResultTable *self,
                              const char        *label,
                              const char        *column)
{
  const EquityResultRow *row;
  EquityResultColumn id;

  g_return_val_if_fail (EQUITY_IS_RESULT_TABLE (self), NULL);
  g_return_val_if_fail (label != NULL && column != NULL, NULL);

  if (self->result == NULL || (row = equity_result_find_row (self->result, label)) == NULL)
    return NULL;

  if (!equity_result_column_from_string (column, &id))
    return NULL;
  return self->titles[id] != NULL ? equity_result_column_dup_text (id, row) : NULL;
}
