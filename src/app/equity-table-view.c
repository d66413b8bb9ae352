/* equity-table-view.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "equity-table-view"

#include "config.h"

#include <glib/gi18n.h>

#include "equity-table-view-private.h"
#include "equity-utils.h"

G_DEFINE_FINAL_TYPE (EquityTableView, equity_table_view, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_SHOW_SUMMARIES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
bind_cell (GtkWidget *cell,
           gpointer   item,
           guint      column,
           gpointer   user_data)
{
  EquityRow *row = item;

  equity_data_cell_set_value (cell, row != NULL ? equity_row_get_value (row, column) : NULL);
}

/* GtkColumnView 4.8 does not tell which column it is sorted by. Each
 * column's sorter writes its position into the probe and says "smaller"; the
 * view's sorter asks its primary column first and turns the answer around
 * when the order is descending. */
typedef struct
{
  int column;
} SortProbe;

static int
probe_sort_func (gconstpointer a,
                 gconstpointer b,
                 gpointer      user_data)
{
  SortProbe *probe = (SortProbe *) a;

  probe->column = GPOINTER_TO_INT (user_data);
  return -1;
}

static void
view_sorter_changed_cb (EquityTableView *self,
                        GtkSorterChange  change,
                        GtkSorter       *sorter)
{
  SortProbe probe = { -1 };
  SortProbe other = { -1 };
  GtkOrdering order;

  if (self->model == NULL || self->resorting)
    return;

  /* two items: GtkSorter takes an item as equal to itself without asking */
  order = gtk_sorter_compare (sorter, &probe, &other);
  equity_row_model_set_sort (self->model,
                             order == GTK_ORDERING_EQUAL ? -1 : probe.column,
                             order != GTK_ORDERING_LARGER);

  /* A header click keeps the columns sorted by before as tie-breakers, each
   * with its arrow; the rows are sorted by one column (then file order), so
   * only that column keeps its arrow. */
  if (order != GTK_ORDERING_EQUAL
      && (guint) probe.column < g_list_model_get_n_items (gtk_column_view_get_columns (self->column_view)))
    {
      GListModel *columns = gtk_column_view_get_columns (self->column_view);
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, probe.column);

      self->resorting = TRUE;
      gtk_column_view_sort_by_column (self->column_view, column,
                                      order == GTK_ORDERING_LARGER ? GTK_SORT_DESCENDING : GTK_SORT_ASCENDING);
      /* GTK 4.8 leaves the arrow on the headers of columns it dropped from
       * the sort: giving them their sorter again redraws their header. */
      for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
        {
          g_autoptr(GtkColumnViewColumn) dropped = g_list_model_get_item (columns, i);
          g_autoptr(GtkSorter) column_sorter = NULL;

          if (dropped == column || gtk_column_view_column_get_sorter (dropped) == NULL)
            continue;
          column_sorter = g_object_ref (gtk_column_view_column_get_sorter (dropped));
          gtk_column_view_column_set_sorter (dropped, NULL);
          gtk_column_view_column_set_sorter (dropped, column_sorter);
        }
      self->resorting = FALSE;
    }
}

static guint
nat_chars_for (EquityColumn *column)
{
  guint name_chars = g_utf8_strlen (equity_column_get_name (column), -1);

  switch (equity_column_get_column_type (column))
    {
    case EQUITY_COLUMN_TYPE_INTEGER: return CLAMP (name_chars, 6, 12);
    case EQUITY_COLUMN_TYPE_REAL:    return CLAMP (name_chars, 8, 14);
    case EQUITY_COLUMN_TYPE_DATE:    return 11;
    case EQUITY_COLUMN_TYPE_GEOMETRY: return 24;
    case EQUITY_COLUMN_TYPE_TEXT:
    default:                         return CLAMP (name_chars + 2, 18, 28);
    }
}

static void
remove_columns (EquityTableView *self)
{
  GListModel *columns = gtk_column_view_get_columns (self->column_view);
  guint n;

  g_ptr_array_set_size (self->later_columns, 0);
  while ((n = g_list_model_get_n_items (columns)) > 0)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, n - 1);

      gtk_column_view_remove_column (self->column_view, column);
    }
}

static void
add_columns (EquityTableView *self)
{
  GPtrArray *columns = equity_dataset_get_columns (self->dataset);

  for (guint i = 0; i < columns->len; i++)
    {
      EquityColumn *column = g_ptr_array_index (columns, i);
      EquityColumnType type = equity_column_get_column_type (column);
      g_autoptr(GtkColumnViewColumn) view_column = equity_data_column_new (equity_column_get_name (column), type, i,
                                                                           12, nat_chars_for (column),
                                                                           bind_cell, NULL, NULL);

      /* text takes the room left over */
      gtk_column_view_column_set_expand (view_column, type == EQUITY_COLUMN_TYPE_TEXT);
      if (type != EQUITY_COLUMN_TYPE_GEOMETRY)
        {
          g_autoptr(GtkCustomSorter) sorter = gtk_custom_sorter_new (probe_sort_func, GINT_TO_POINTER (i), NULL);

          gtk_column_view_column_set_sorter (view_column, GTK_SORTER (sorter));
        }
      gtk_column_view_append_column (self->column_view, view_column);
    }
}

/* The status line */

static gboolean
pulse_cb (gpointer data)
{
  EquityTableView *self = data;

  gtk_progress_bar_pulse (self->progress_bar);
  return G_SOURCE_CONTINUE;
}

static void
update_status (EquityTableView *self)
{
  g_autofree char *text = NULL;
  g_autofree char *total_text = NULL;
  g_autofree char *shown_text = NULL;
  const char *filter;
  guint64 total;
  guint shown;
  gboolean busy;
  double progress;
  int sort_column;

  if (self->model == NULL)
    {
      gtk_label_set_label (self->status_label, "");
      gtk_widget_set_visible (GTK_WIDGET (self->progress_bar), FALSE);
      gtk_spinner_stop (self->spinner);
      g_clear_handle_id (&self->pulse_source, g_source_remove);
      return;
    }

  total = equity_dataset_get_n_rows (self->dataset);
  shown = g_list_model_get_n_items (G_LIST_MODEL (self->model));
  busy = equity_row_model_is_busy (self->model);
  progress = equity_row_model_get_progress (self->model);
  filter = equity_row_model_get_filter (self->model);
  sort_column = equity_row_model_get_sort_column (self->model);
  total_text = equity_format_count (total);
  shown_text = equity_format_count (shown);

  if (busy && sort_column >= 0)
    /* Translators: shown while rows are sorted, %s is a number of rows */
    text = g_strdup_printf (_("Sorting %s rows…"), total_text);
  else if (busy && filter != NULL)
    /* Translators: shown while rows are searched, %s is a number of rows */
    text = g_strdup_printf (_("Searching %s rows…"), total_text);
  else if (busy)
    text = g_strdup (_("Reading rows…"));
  else if (equity_row_model_get_error (self->model) != NULL)
    text = g_strdup (equity_row_model_get_error (self->model)->message);
  else if (filter != NULL)
    /* Translators: "1,234 of 1,000,000 rows" */
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s of %s row", "%s of %s rows", total),
                            shown_text, total_text);
  else
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s row", "%s rows", total), total_text);

  if (!busy && sort_column >= 0)
    {
      EquityColumn *column = equity_dataset_get_column (self->dataset, sort_column);
      g_autofree char *sorted = NULL;

      sorted = g_strdup_printf (equity_row_model_get_ascending (self->model)
                                /* Translators: appended to the row count, %s is a column name */
                                ? _("%s · sorted by %s, ascending")
                                : _("%s · sorted by %s, descending"),
                                text, equity_column_get_name (column));
      g_free (text);
      text = g_steal_pointer (&sorted);
    }

  gtk_label_set_label (self->status_label, text);

  gtk_widget_set_visible (GTK_WIDGET (self->spinner), busy);
  gtk_widget_set_visible (GTK_WIDGET (self->progress_bar), busy);
  if (busy)
    {
      gtk_spinner_start (self->spinner);
      if (progress < 0 && self->pulse_source == 0)
        self->pulse_source = g_timeout_add (100, pulse_cb, self);
      else if (progress >= 0)
        {
          g_clear_handle_id (&self->pulse_source, g_source_remove);
          gtk_progress_bar_set_fraction (self->progress_bar, progress);
        }
    }
  else
    {
      gtk_spinner_stop (self->spinner);
      g_clear_handle_id (&self->pulse_source, g_source_remove);
    }

  if (!busy && shown == 0 && filter != NULL)
    {
      /* Translators: %s is what was searched for */
      g_autofree char *description = g_strdup_printf (_("No text or date cell contains “%s”."), filter);

      adw_status_page_set_description (self->empty_page, description);
      gtk_widget_set_visible (GTK_WIDGET (self->empty_page), TRUE);
    }
  else
    gtk_widget_set_visible (GTK_WIDGET (self->empty_page), FALSE);
}

/* The dataset */

/* Once the first rows are in, each column is made as wide as its name and
 * its widest value among them (within reason); the person can resize it.
 * TRUE when this call fitted them. */
static gboolean
fit_columns (EquityTableView *self)
{
  GListModel *columns = gtk_column_view_get_columns (self->column_view);
  guint n_rows = MIN (g_list_model_get_n_items (G_LIST_MODEL (self->model)), 200);
  guint n_columns = g_list_model_get_n_items (columns);
  PangoFontMetrics *metrics;
  g_autofree guint *chars = NULL;
  int char_width;

  if (self->columns_fitted || n_rows == 0)
    return FALSE;
  self->columns_fitted = TRUE;

  metrics = pango_context_get_metrics (gtk_widget_get_pango_context (GTK_WIDGET (self->column_view)), NULL, NULL);
  char_width = MAX (pango_font_metrics_get_approximate_char_width (metrics),
                    pango_font_metrics_get_approximate_digit_width (metrics));
  pango_font_metrics_unref (metrics);

  chars = g_new0 (guint, n_columns);
  for (guint c = 0; c < n_columns; c++)
    {
      /* the name, and room for the sort arrow */
      chars[c] = g_utf8_strlen (equity_column_get_name (equity_dataset_get_column (self->dataset, c)), -1) + 3;
    }
  for (guint r = 0; r < n_rows; r++)
    {
      g_autoptr(EquityRow) row = g_list_model_get_item (G_LIST_MODEL (self->model), r);

      for (guint c = 0; c < n_columns; c++)
        {
          const char *value = equity_row_get_value (row, c);

          if (value != NULL)
            chars[c] = MAX (chars[c], (guint) g_utf8_strlen (value, 128));
        }
    }

  for (guint c = 0; c < n_columns; c++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, c);

      gtk_column_view_column_set_fixed_width (column,
                                              CLAMP (chars[c], 4, 40) * char_width / PANGO_SCALE + 16);
    }
  return TRUE;
}

/* The first screenful of rows, then the rest.
 *
 * GTK 4.8's column view makes the widgets of up to 200 rows as soon as they
 * arrive, however few its window shows: 2,200 cells for the sample's first
 * dataset (11 columns), some 0.14 s of the main thread and a third of the
 * window's first frame, nearly all of it rows below the window's edge. So
 * the view is given only the rows its window can show, and the others once
 * a frame with them was painted: nothing on screen changes when they come.
 * Likewise the columns: it makes a cell in every column of a row, and of
 * the sample's 11 columns 5 fit in the window; those right of its edge are
 * added the frame after the first. */

/* a row is never shorter than this (one line of text, no padding) */
#define SMALLEST_ROW_HEIGHT 16
/* the rows GTK 4.8's column view makes widgets for at once */
#define GTK_LIST_ROWS_MADE 200

/* the window's size, or before it has one the size it opens at */
static void
get_window_size (GtkWidget *window,
                 int       *width,
                 int       *height)
{
  int default_width, default_height;

  gtk_window_get_default_size (GTK_WINDOW (window), &default_width, &default_height);
  *width = gtk_widget_get_width (window) > 0 ? gtk_widget_get_width (window) : default_width;
  *height = gtk_widget_get_height (window) > 0 ? gtk_widget_get_height (window) : default_height;
}

static guint
rows_that_fit (GtkWidget *window)
{
  int width, height;

  get_window_size (window, &width, &height);
  if (height <= 0)
    return G_MAXUINT;
  return (guint) height / SMALLEST_ROW_HEIGHT + 1;
}

/* Once the columns have their widths and before the column view hears of
 * the first rows: keep back the columns that start right of the window's
 * edge. (Text columns may grow to fill the room left, which only moves the
 * others further right.) */
static void
hold_back_columns (EquityTableView *self)
{
  GtkWidget *window = GTK_WIDGET (gtk_widget_get_root (GTK_WIDGET (self)));
  GListModel *columns = gtk_column_view_get_columns (self->column_view);
  guint n_columns = g_list_model_get_n_items (columns);
  guint first_later;
  int width, height;
  int left = 0;

  if (window == NULL || self->shown_rows == NULL
      || gtk_slice_list_model_get_size (self->shown_rows) == G_MAXUINT)
    return;

  get_window_size (window, &width, &height);
  if (width <= 0)
    return;

  /* the first column whose left edge is at or past the window's width */
  for (first_later = 0; first_later < n_columns && left < width; first_later++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, first_later);

      left += gtk_column_view_column_get_fixed_width (column);
    }

  for (guint c = first_later; c < n_columns; c++)
    g_ptr_array_add (self->later_columns, g_list_model_get_item (columns, c));
  for (guint i = 0; i < self->later_columns->len; i++)
    gtk_column_view_remove_column (self->column_view, g_ptr_array_index (self->later_columns, i));
}

static void
add_later_columns (EquityTableView *self)
{
  for (guint i = 0; i < self->later_columns->len; i++)
    gtk_column_view_append_column (self->column_view, g_ptr_array_index (self->later_columns, i));
  g_ptr_array_set_size (self->later_columns, 0);
}

static void
stop_waiting_to_fill (EquityTableView *self)
{
  /* (a clock disposed with its window has dropped its handlers already) */
  if (self->fill_handler != 0 && g_signal_handler_is_connected (self->fill_clock, self->fill_handler))
    g_signal_handler_disconnect (self->fill_clock, self->fill_handler);
  self->fill_handler = 0;
  g_clear_object (&self->fill_clock);
}

static void fill_after_next_frame (EquityTableView *self);

/* twice as many rows each frame, so that no frame makes the widgets of
 * more than a few screenfuls; every row once GTK's 200 are reached */
static void
fill_rows (EquityTableView *self)
{
  guint size;

  /* asked for during this frame's own after-paint: the next frame, then */
  if (self->fill_clock != NULL
      && gdk_frame_clock_get_frame_counter (self->fill_clock) == self->fill_frame)
    return;

  stop_waiting_to_fill (self);
  if (self->shown_rows == NULL)
    return;

  /* the columns first, the rows from the frame after */
  if (self->later_columns->len > 0)
    {
      add_later_columns (self);
      fill_after_next_frame (self);
      return;
    }

  size = gtk_slice_list_model_get_size (self->shown_rows);
  gtk_slice_list_model_set_size (self->shown_rows, size >= GTK_LIST_ROWS_MADE / 2 ? G_MAXUINT : size * 2);
  fill_after_next_frame (self);
}

/* once the first rows are in, the rest follow the next frame painted;
 * connected after the slice's handler, so that the slice has taken the
 * change in before it is resized (the model's count and the slice's must
 * agree, or GTK 4.8's list aborts) */
static void
fill_after_next_frame (EquityTableView *self)
{
  GtkWidget *window = GTK_WIDGET (gtk_widget_get_root (GTK_WIDGET (self)));
  GdkFrameClock *clock;

  if (self->fill_handler != 0 || self->shown_rows == NULL)
    return;

  /* all rows shown already */
  if (gtk_slice_list_model_get_size (self->shown_rows) != G_MAXUINT
      && g_list_model_get_n_items (G_LIST_MODEL (self->model)) > 0
      && g_list_model_get_n_items (G_LIST_MODEL (self->model)) <= gtk_slice_list_model_get_size (self->shown_rows))
    gtk_slice_list_model_set_size (self->shown_rows, G_MAXUINT);

  if (self->later_columns->len == 0
      && (gtk_slice_list_model_get_size (self->shown_rows) == G_MAXUINT
          || g_list_model_get_n_items (G_LIST_MODEL (self->model)) == 0))
    return;

  clock = window != NULL ? gtk_widget_get_frame_clock (window) : NULL;
  if (clock == NULL)
    {
      fill_rows (self);
      return;
    }

  self->fill_clock = g_object_ref (clock);
  self->fill_frame = gdk_frame_clock_get_frame_counter (clock);
  self->fill_handler = g_signal_connect_object (clock, "after-paint", G_CALLBACK (fill_rows), self,
                                                G_CONNECT_SWAPPED);
}

static void
model_changed_cb (EquityTableView *self)
{
  if (fit_columns (self))
    hold_back_columns (self);
  update_status (self);
}

/* A new order or filter starts at the top. This handler runs before the
 * column view hears of the change, while the old rows are still there to
 * scroll over: GTK 4.8 warns when the view is left scrolled beyond the end
 * of a list that shrank. */
static void
model_reset_cb (EquityTableView *self)
{
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scrolled_window), 0.0);
}

void
equity_table_view_set_dataset (EquityTableView *self,
                               EquityProject   *project,
                               EquityDataset   *dataset)
{
  g_return_if_fail (EQUITY_IS_TABLE_VIEW (self));
  g_return_if_fail (!project || EQUITY_IS_PROJECT (project));
  g_return_if_fail (!dataset || EQUITY_IS_DATASET (dataset));
  g_return_if_fail ((project == NULL) == (dataset == NULL));

  if (self->project == project && self->dataset == dataset)
    return;

  if (self->model != NULL)
    g_signal_handlers_disconnect_by_data (self->model, self);
  stop_waiting_to_fill (self);
  g_clear_object (&self->model);
  g_clear_object (&self->shown_rows);
  gtk_column_view_set_model (self->column_view, NULL);
  remove_columns (self);
  g_set_object (&self->project, project);
  g_set_object (&self->dataset, dataset);

  if (dataset != NULL)
    {
      g_autoptr(GtkSingleSelection) selection = NULL;

      self->model = equity_row_model_new (project, dataset);
      g_signal_connect_object (self->model, "items-changed", G_CALLBACK (model_reset_cb), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (self->model, "items-changed", G_CALLBACK (model_changed_cb), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (self->model, "items-changed", G_CALLBACK (fill_after_next_frame), self,
                               G_CONNECT_SWAPPED | G_CONNECT_AFTER);
      g_signal_connect_object (self->model, "notify::busy", G_CALLBACK (model_changed_cb), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (self->model, "notify::progress", G_CALLBACK (model_changed_cb), self,
                               G_CONNECT_SWAPPED);

      /* all rows at once in a window not on screen: no frame would come */
      GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
      guint first_rows = root != NULL && gtk_widget_get_mapped (GTK_WIDGET (root))
                         ? rows_that_fit (GTK_WIDGET (root)) : G_MAXUINT;

      self->shown_rows = gtk_slice_list_model_new (g_object_ref (G_LIST_MODEL (self->model)), 0, first_rows);
      selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->shown_rows)));
      gtk_single_selection_set_autoselect (selection, FALSE);
      gtk_single_selection_set_can_unselect (selection, TRUE);
      g_object_set (self->column_view, "model", selection, NULL);
      add_columns (self);
      self->columns_fitted = FALSE;
      gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scrolled_window), 0.0);
      gtk_adjustment_set_value (gtk_scrolled_window_get_hadjustment (self->scrolled_window), 0.0);
    }

  _equity_table_view_refresh_summaries (self);
  update_status (self);
}

void
equity_table_view_set_filter (EquityTableView *self,
                              const char      *filter)
{
  g_autofree char *old_filter = NULL;

  g_return_if_fail (EQUITY_IS_TABLE_VIEW (self));

  if (self->model == NULL)
    return;

  old_filter = g_strdup (equity_row_model_get_filter (self->model));
  equity_row_model_set_filter (self->model, filter);
  /* summaries follow the filter, not the order */
  if (g_strcmp0 (old_filter, equity_row_model_get_filter (self->model)) != 0)
    _equity_table_view_refresh_summaries (self);
  update_status (self);
}

gboolean
equity_table_view_get_show_summaries (EquityTableView *self)
{
  g_return_val_if_fail (EQUITY_IS_TABLE_VIEW (self), FALSE);
  return gtk_revealer_get_reveal_child (self->summary_revealer);
}

void
equity_table_view_set_show_summaries (EquityTableView *self,
                                      gboolean         show)
{
  g_return_if_fail (EQUITY_IS_TABLE_VIEW (self));

  show = !!show;
  if (show == gtk_revealer_get_reveal_child (self->summary_revealer))
    return;

  gtk_revealer_set_reveal_child (self->summary_revealer, show);
  if (show && self->summaries_stale)
    _equity_table_view_refresh_summaries (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_SUMMARIES]);
}

EquityRowModel *
equity_table_view_get_model (EquityTableView *self)
{
  g_return_val_if_fail (EQUITY_IS_TABLE_VIEW (self), NULL);
  return self->model;
}

GtkColumnView *
equity_table_view_get_column_view (EquityTableView *self)
{
  g_return_val_if_fail (EQUITY_IS_TABLE_VIEW (self), NULL);
  return self->column_view;
}

const char *
equity_table_view_get_status (EquityTableView *self)
{
  g_return_val_if_fail (EQUITY_IS_TABLE_VIEW (self), NULL);
  return gtk_label_get_label (self->status_label);
}

guint
equity_table_view_get_n_summaries (EquityTableView *self)
{
  g_return_val_if_fail (EQUITY_IS_TABLE_VIEW (self), 0);
  return self->n_summaries;
}

static void
equity_table_view_dispose (GObject *object)
{
  EquityTableView *self = EQUITY_TABLE_VIEW (object);

  g_cancellable_cancel (self->summary_cancellable);
  g_clear_object (&self->summary_cancellable);
  g_clear_handle_id (&self->pulse_source, g_source_remove);
  stop_waiting_to_fill (self);
  if (self->model != NULL)
    g_signal_handlers_disconnect_by_data (self->model, self);
  if (self->column_view != NULL)
    gtk_column_view_set_model (self->column_view, NULL);

  gtk_widget_dispose_template (GTK_WIDGET (self), EQUITY_TYPE_TABLE_VIEW);

  g_clear_pointer (&self->later_columns, g_ptr_array_unref);
  g_clear_object (&self->shown_rows);
  g_clear_object (&self->model);
  g_clear_object (&self->dataset);
  g_clear_object (&self->project);

  G_OBJECT_CLASS (equity_table_view_parent_class)->dispose (object);
}

static void
equity_table_view_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  EquityTableView *self = EQUITY_TABLE_VIEW (object);

  switch (prop_id)
    {
    case PROP_SHOW_SUMMARIES:
      g_value_set_boolean (value, equity_table_view_get_show_summaries (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
equity_table_view_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  EquityTableView *self = EQUITY_TABLE_VIEW (object);

  switch (prop_id)
    {
    case PROP_SHOW_SUMMARIES:
      equity_table_view_set_show_summaries (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
equity_table_view_class_init (EquityTableViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = equity_table_view_dispose;
  object_class->get_property = equity_table_view_get_property;
  object_class->set_property = equity_table_view_set_property;

  properties[PROP_SHOW_SUMMARIES] =
    g_param_spec_boolean ("show-summaries", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/asheville/Equity/ui/equity-table-view.ui");
  gtk_widget_class_bind_template_child (widget_class, EquityTableView, scrolled_window);
  gtk_widget_class_bind_template_child (widget_class, EquityTableView, column_view);
  gtk_widget_class_bind_template_child (widget_class, EquityTableView, empty_page);
  gtk_widget_class_bind_template_child (widget_class, EquityTableView, summary_revealer);
  gtk_widget_class_bind_template_child (widget_class, EquityTableView, summary_subtitle);
  gtk_widget_class_bind_template_child (widget_class, EquityTableView, summary_stack);
  gtk_widget_class_bind_template_child (widget_class, EquityTableView, summary_spinner);
  gtk_widget_class_bind_template_child (widget_class, EquityTableView, summary_list);
  gtk_widget_class_bind_template_child (widget_class, EquityTableView, summary_error);
  gtk_widget_class_bind_template_child (widget_class, EquityTableView, status_label);
  gtk_widget_class_bind_template_child (widget_class, EquityTableView, spinner);
  gtk_widget_class_bind_template_child (widget_class, EquityTableView, progress_bar);
}

static void
equity_table_view_init (EquityTableView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->later_columns = g_ptr_array_new_with_free_func (g_object_unref);
  self->summaries_stale = TRUE;
  g_signal_connect_object (gtk_column_view_get_sorter (self->column_view), "changed",
                           G_CALLBACK (view_sorter_changed_cb), self, G_CONNECT_SWAPPED);
  update_status (self);
}

GtkWidget *
equity_table_view_new (void)
{
  return g_object_new (EQUITY_TYPE_TABLE_VIEW, NULL);
}
