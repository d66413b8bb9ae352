/* equity-result-table.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "equity-explore"

#include "config.h"

#include <math.h>
#include <glib/gi18n.h>

#include "equity-result-table.h"

/* the most the table asks for: its header and eight rows */
#define MAX_CONTENT_HEIGHT 240
/* the rows always in view, when the result has that many */
#define MIN_ROWS_SHOWN 6
/* a row's height over its line of text, from the data-table style */
#define ROW_PADDING 6

/* One row of a result, as an item of the table's model. */
#define EQUITY_TYPE_RESULT_ITEM (equity_result_item_get_type ())
G_DECLARE_FINAL_TYPE (EquityResultItem, equity_result_item, EQUITY, RESULT_ITEM, GObject)

struct _EquityResultItem
{
  GObject       parent_instance;
  EquityResult *result;
  guint         index;
};

G_DEFINE_FINAL_TYPE (EquityResultItem, equity_result_item, G_TYPE_OBJECT)

static void
equity_result_item_finalize (GObject *object)
{
  g_clear_object (&EQUITY_RESULT_ITEM (object)->result);
  G_OBJECT_CLASS (equity_result_item_parent_class)->finalize (object);
}

static void
equity_result_item_class_init (EquityResultItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = equity_result_item_finalize;
}

static void
equity_result_item_init (EquityResultItem *self)
{
}

static const EquityResultRow *
item_row (gpointer item)
{
  EquityResultItem *self = item;

  return equity_result_get_row (self->result, self->index);
}

typedef enum
{
  COLUMN_NAME,
  COLUMN_COUNT,
  COLUMN_POPULATION,
  COLUMN_RATE,
  COLUMN_RATIO,
  COLUMN_DIFFERENCE,
  COLUMN_ESTIMATE,
  COLUMN_CV,
  COLUMN_RELIABILITY,
  COLUMN_SHARE,
  COLUMN_POPULATION_SHARE,
  COLUMN_MEAN,
  COLUMN_MEDIAN,
  COLUMN_INDEX,
  COLUMN_SUPPRESSED,
  N_COLUMNS
} ColumnId;

static const char * const column_names[N_COLUMNS] = {
  "name", "count", "population", "rate", "ratio", "difference", "estimate", "cv",
  "reliability", "share", "population-share", "mean", "median", "index", "suppressed",
};

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
  switch (id)
    {
    case COLUMN_COUNT: return row->count;
    case COLUMN_POPULATION: return row->population;
    case COLUMN_RATE: return row->rate;
    case COLUMN_RATIO: return row->ratio;
    case COLUMN_DIFFERENCE: return row->difference;
    case COLUMN_ESTIMATE: return row->estimate;
    case COLUMN_CV: return row->cv;
    case COLUMN_SHARE: return row->share;
    case COLUMN_POPULATION_SHARE: return row->population_share;
    case COLUMN_MEAN: return row->mean;
    case COLUMN_MEDIAN: return row->median;
    case COLUMN_INDEX: return row->index;
    case COLUMN_SUPPRESSED: return row->suppressed ? 1.0 : 0.0;
    case COLUMN_RELIABILITY:
      return row->reliability == NULL ? NAN
             : g_str_equal (row->reliability, "high") ? 3.0
             : g_str_equal (row->reliability, "medium") ? 2.0 : 1.0;
    case COLUMN_NAME:
    case N_COLUMNS:
    default:
      return NAN;
    }
}

/* Numbers as the charts write them (docs/charts.md): 15,015 and 1,234.5,
 * with a true minus sign, whatever the machine's locale. */
static char *
format_number (double value,
               int    decimals)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE + 16];
  g_autoptr(GString) text = g_string_new (NULL);
  const char *digits;
  const char *point;
  gsize n_int;

  if (isnan (value))
    return g_strdup ("—");

  g_ascii_formatd (buffer, sizeof buffer, decimals == 0 ? "%.0f" : decimals == 1 ? "%.1f" : "%.2f",
                   fabs (value));
  digits = buffer;
  point = strchr (digits, '.');
  n_int = point != NULL ? (gsize) (point - digits) : strlen (digits);

  /* a value that rounds to zero has no sign */
  if (value < 0 && strspn (digits, "0.") != strlen (digits))
    g_string_append (text, "−");
  for (gsize i = 0; i < n_int; i++)
    {
      if (i > 0 && (n_int - i) % 3 == 0)
        g_string_append_c (text, ',');
      g_string_append_c (text, digits[i]);
    }
  if (point != NULL)
    g_string_append (text, point);

  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* 0.290 → "29.0%" */
static char *
format_percent (double share)
{
  g_autofree char *number = NULL;

  if (isnan (share))
    return g_strdup ("—");
  number = format_number (share * 100.0, 1);
  return g_strconcat (number, "%", NULL);
}

static int
rate_decimals (double value)
{
  return fabs (value) >= 1000.0 ? 0 : 2;
}

/* "447.98 (434.91–461.33)" */
static char *
format_interval (double value,
                 double low,
                 double high,
                 int    decimals,
                 double scale)
{
  g_autofree char *text = format_number (value * scale, decimals);
  g_autofree char *low_text = NULL;
  g_autofree char *high_text = NULL;

  if (isnan (value) || (isnan (low) && isnan (high)))
    return g_steal_pointer (&text);

  low_text = format_number (low * scale, decimals);
  high_text = isnan (high) ? g_strdup ("∞") : format_number (high * scale, decimals);
  /* Translators: an estimate and its confidence interval, "447.98 (434.91–461.33)" */
  return g_strdup_printf (_("%s (%s–%s)"), text, low_text, high_text);
}

static char *
cell_text (const EquityResultRow *row,
           ColumnId               id)
{
  switch (id)
    {
    case COLUMN_NAME:
      if (row->display_label != NULL && g_strcmp0 (row->display_label, row->label) != 0)
        /* Translators: a group's name and its code, "Black (B)" */
        return g_strdup_printf (_("%s (%s)"), row->display_label, row->label);
      return g_strdup (equity_result_row_get_name (row));
    case COLUMN_COUNT:
      return format_number (row->count, row->count == floor (row->count) ? 0 : 2);
    case COLUMN_POPULATION:
      return format_number (row->population, row->population == floor (row->population) ? 0 : 1);
    case COLUMN_RATE:
      return format_interval (row->rate, row->rate_low, row->rate_high, rate_decimals (row->rate), 1.0);
    case COLUMN_RATIO:
      return format_interval (row->ratio, row->ratio_low, row->ratio_high, 2, 1.0);
    case COLUMN_DIFFERENCE:
      return format_interval (row->difference, row->difference_low, row->difference_high,
                              rate_decimals (row->difference), 1.0);
    case COLUMN_ESTIMATE:
      if (isnan (row->estimate) || isnan (row->moe))
        return format_percent (row->estimate);
      {
        g_autofree char *estimate = format_percent (row->estimate);
        g_autofree char *moe = format_number (row->moe * 100.0, 1);

        /* Translators: a percentage and its margin of error, "29.0% ± 6.2" */
        return g_strdup_printf (_("%s ± %s"), estimate, moe);
      }
    case COLUMN_CV:
      return format_number (row->cv, 1);
    case COLUMN_RELIABILITY:
      if (g_strcmp0 (row->reliability, "high") == 0)
        return g_strdup (C_("reliability", "High"));
      if (g_strcmp0 (row->reliability, "medium") == 0)
        return g_strdup (C_("reliability", "Medium"));
      if (g_strcmp0 (row->reliability, "low") == 0)
        return g_strdup (C_("reliability", "Low"));
      return g_strdup ("—");
    case COLUMN_SHARE:
      if (isnan (row->share) || isnan (row->share_low))
        return format_percent (row->share);
      return format_interval (row->share, row->share_low, row->share_high, 1, 100.0);
    case COLUMN_POPULATION_SHARE:
      return format_percent (row->population_share);
    case COLUMN_MEAN:
      return format_interval (row->mean, row->mean_low, row->mean_high, 2, 1.0);
    case COLUMN_MEDIAN:
      return format_interval (row->median, row->median_low, row->median_high, 2, 1.0);
    case COLUMN_INDEX:
      return format_number (row->index, 1);
    case COLUMN_SUPPRESSED:
      return g_strdup (row->suppressed ? _("Suppressed") : "");
    case N_COLUMNS:
    default:
      return NULL;
    }
}

static void
setup_cell_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               gpointer                  user_data)
{
  ColumnId id = GPOINTER_TO_UINT (user_data);
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), id == COLUMN_NAME || id == COLUMN_RELIABILITY
                                           || id == COLUMN_SUPPRESSED ? 0.0 : 1.0);
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
  g_autofree char *text = cell_text (row, id);

  gtk_label_set_label (GTK_LABEL (label), text);
  if (id == COLUMN_SUPPRESSED && row->suppressed)
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

static gboolean
any_value (EquityResult *result,
           ColumnId      id)
{
  for (guint i = 0; i < equity_result_get_n_rows (result); i++)
    {
      const EquityResultRow *row = equity_result_get_row (result, i);

      if (id == COLUMN_SUPPRESSED ? row->suppressed
          : id == COLUMN_RELIABILITY ? row->reliability != NULL
          : !isnan (column_value (row, id)))
        return TRUE;
    }

  return FALSE;
}

/* ACS proportions carry their estimate as a share too: one column is enough. */
static gboolean
repeats_estimate (EquityResult *result,
                  ColumnId      id)
{
  if (id != COLUMN_SHARE)
    return FALSE;

  for (guint i = 0; i < equity_result_get_n_rows (result); i++)
    {
      const EquityResultRow *row = equity_result_get_row (result, i);

      if (isnan (row->estimate) || (!isnan (row->share) && row->share != row->estimate))
        return FALSE;
    }

  return TRUE;
}

static gboolean
is_group_kind (const char *kind)
{
  static const char * const kinds[] = {
    "group-rates", "index-of-disparity", "group-exposure", "representation", "utilization",
  };

  for (guint i = 0; kind != NULL && i < G_N_ELEMENTS (kinds); i++)
    if (g_str_equal (kinds[i], kind))
      return TRUE;

  return FALSE;
}

/* Column titles say what the numbers are for this result. */
static char *
column_title (EquityResult *result,
              ColumnId      id)
{
  const char *kind = equity_result_get_kind (result);
  const char *reference = equity_result_get_reference (result);
  g_autofree char *per = NULL;

  switch (id)
    {
    case COLUMN_NAME:
      if (is_group_kind (kind))
        return g_strdup (_("Group"));
      return g_strdup (equity_result_get_map_dataset (result) != NULL ? _("Area") : _("Row"));
    case COLUMN_COUNT:
      if (g_strcmp0 (kind, "representation") == 0)
        return g_strdup (_("Members"));
      if (g_strcmp0 (kind, "utilization") == 0)
        return g_strdup (_("Dollars"));
      if (g_strcmp0 (kind, "outcomes") == 0)
        return g_strdup (_("Values"));
      return g_strdup (_("Count"));
    case COLUMN_POPULATION:
      return g_strdup (_("Residents"));
    case COLUMN_RATE:
      per = format_number (equity_result_get_per (result), 0);
      /* Translators: a column title, "Rate per 1,000" */
      return g_strdup_printf (_("Rate per %s"), per);
    case COLUMN_RATIO:
      if (reference != NULL && g_ascii_strcasecmp (reference, "overall") != 0)
        {
          const EquityResultRow *row = equity_result_find_row (result, reference);

          /* Translators: a column title, "Ratio to White" */
          return g_strdup_printf (_("Ratio to %s"), row != NULL ? equity_result_row_get_name (row) : reference);
        }
      return g_strdup (_("Ratio to overall"));
    case COLUMN_DIFFERENCE: return g_strdup (_("Difference"));
    case COLUMN_ESTIMATE: return g_strdup (_("Estimate"));
    case COLUMN_CV: return g_strdup (_("CV %"));
    case COLUMN_RELIABILITY: return g_strdup (_("Reliability"));
    case COLUMN_SHARE: return g_strdup (_("Share"));
    case COLUMN_POPULATION_SHARE:
      return g_strdup (g_strcmp0 (kind, "utilization") == 0 ? _("Availability") : _("Share of residents"));
    case COLUMN_MEAN: return g_strdup (_("Mean"));
    case COLUMN_MEDIAN: return g_strdup (_("Median"));
    case COLUMN_INDEX: return g_strdup (_("Disparity index"));
    case COLUMN_SUPPRESSED: return g_strdup (_("Suppressed"));
    case N_COLUMNS:
    default:
      return NULL;
    }
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
  GtkNoSelection *selection;
  GtkWidget *scrolled;

  self->items = g_list_store_new (EQUITY_TYPE_RESULT_ITEM);
  self->column_view = GTK_COLUMN_VIEW (gtk_column_view_new (NULL));
  sorted = gtk_sort_list_model_new (g_object_ref (G_LIST_MODEL (self->items)),
                                    g_object_ref (gtk_column_view_get_sorter (self->column_view)));
  selection = gtk_no_selection_new (G_LIST_MODEL (sorted));
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (selection));
  g_object_unref (selection);

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

  for (guint id = 0; result != NULL && id < N_COLUMNS; id++)
    if (id == COLUMN_NAME || (any_value (result, id) && !repeats_estimate (result, id)))
      titles[id] = column_title (result, id);
  for (guint id = 0; id < N_COLUMNS; id++)
    same = same && g_strcmp0 (titles[id], self->titles[id]) == 0;

  /* The same columns keep their widths and the order the reader chose. */
  if (same)
    for (guint id = 0; id < N_COLUMNS; id++)
      g_free (titles[id]);
  else
    rebuild_columns (self, titles);

  for (guint i = 0; result != NULL && i < equity_result_get_n_rows (result); i++)
    {
      EquityResultItem *item = g_object_new (EQUITY_TYPE_RESULT_ITEM, NULL);

      item->result = g_object_ref (result);
      item->index = i;
      g_ptr_array_add (items, item);
    }
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

  g_return_val_if_fail (EQUITY_IS_RESULT_TABLE (self), NULL);
  g_return_val_if_fail (label != NULL && column != NULL, NULL);

  if (self->result == NULL || (row = equity_result_find_row (self->result, label)) == NULL)
    return NULL;

  for (guint id = 0; id < N_COLUMNS; id++)
    if (g_str_equal (column_names[id], column))
      return self->titles[id] != NULL ? cell_text (row, id) : NULL;

  return NULL;
}
