/* test-table.c — a million-row dataset browsed in the Datasets page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdlib.h>

#include "app-test-util.h"
#include "equity-application.h"
#include "equity-core.h"
#include "equity-table-view.h"
#include "equity-utils.h"
#include "equity-window-private.h"

static EquityApplication *app;
/* a million, or fewer from EQUITY_TEST_TABLE_ROWS (sanitizer builds are slow) */
static guint n_test_rows = 1000000;

static char *
create_project (const char *dir)
{
  g_autofree char *csv = app_test_write_requests_csv (dir, n_test_rows);
  g_autoptr(GFile) file = g_file_new_for_path (csv);
  char *path = NULL;
  g_autoptr(EquityProject) project = test_create_project (dir, "Requests.equity", &path);
  g_autoptr(EquityDataset) dataset = test_import_ok (project, file, NULL);

  g_assert_cmpuint (equity_dataset_get_n_rows (dataset), ==, n_test_rows);
  equity_project_close (project);

  return path;
}

static gboolean
model_ready (gpointer data)
{
  EquityTableView *view = data;

  return equity_table_view_get_model (view) != NULL &&
         !equity_row_model_is_busy (equity_table_view_get_model (view));
}

typedef struct
{
  EquityTableView *view;
  const char      *filter;
} FilterWait;

static gboolean
filter_applied (gpointer data)
{
  FilterWait *wait = data;
  const char *filter;

  if (!model_ready (wait->view))
    return FALSE;
  filter = equity_row_model_get_filter (equity_table_view_get_model (wait->view));
  /* no search is no filter, whether the model says NULL or "" */
  return g_strcmp0 (filter != NULL && filter[0] != '\0' ? filter : NULL, wait->filter) == 0;
}

/* Waits until the search typed has reached the model (after the pause the
 * search waits for) and the model has filtered by it: FILTER, NULL for none. */
static void
await_filter (EquityTableView *view,
              const char      *filter)
{
  FilterWait wait = { view, filter };

  test_await (filter_applied, &wait, "the search applied to the rows");
}

static gboolean
summaries_ready (gpointer data)
{
  return equity_table_view_get_n_summaries (data) > 0;
}

/* The text of every cell the column view shows on screen, by column. */
static void
collect_cells (GtkWidget       *widget,
               GtkWidget       *viewport,
               graphene_rect_t *visible,
               GPtrArray       *cells)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      graphene_rect_t bounds;

      if (!gtk_widget_get_mapped (child))
        continue;
      if (GTK_IS_INSCRIPTION (child))
        {
          if (gtk_widget_compute_bounds (child, viewport, &bounds) &&
              graphene_rect_intersection (&bounds, visible, NULL) &&
              gtk_inscription_get_text (GTK_INSCRIPTION (child)) != NULL)
            g_ptr_array_add (cells, g_strdup (gtk_inscription_get_text (GTK_INSCRIPTION (child))));
          continue;
        }
      collect_cells (child, viewport, visible, cells);
    }
}

static GPtrArray *
visible_cells (GtkColumnView *view)
{
  GtkWidget *viewport = gtk_widget_get_parent (GTK_WIDGET (view));
  GPtrArray *cells = g_ptr_array_new_with_free_func (g_free);
  graphene_rect_t visible;

  graphene_rect_init (&visible, 0, 0, gtk_widget_get_width (viewport), gtk_widget_get_height (viewport));
  collect_cells (GTK_WIDGET (view), viewport, &visible, cells);
  return cells;
}

static gboolean
cells_contain (GtkColumnView *view,
               const char    *text)
{
  g_autoptr(GPtrArray) cells = visible_cells (view);

  for (guint i = 0; i < cells->len; i++)
    if (g_str_equal (g_ptr_array_index (cells, i), text))
      return TRUE;
  return FALSE;
}

static void
scroll_to (GtkColumnView *view,
           gboolean       end)
{
  GtkAdjustment *adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (view));

  /* as a person would: after the view has laid out the rows it was given
   * (GTK 4.8 cannot place a scroll position in rows it has not measured) */
  app_test_wait_frames (GTK_WIDGET (view), 2);
  gtk_adjustment_set_value (adjustment, end ? gtk_adjustment_get_upper (adjustment) -
                                              gtk_adjustment_get_page_size (adjustment) : 0.0);
  /* the list binds the rows now in view */
  app_test_settle (GTK_WIDGET (view));
}

static GtkColumnViewColumn *
get_column (GtkColumnView *view,
            guint          position)
{
  g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (gtk_column_view_get_columns (view), position);

  return column;
}

static void
test_million_rows (TestScratch   *scratch,
                   gconstpointer  data)
{
  const char *dir = scratch->dir;
  g_autofree char *path = create_project (dir);
  EquityWindow *window;
  EquityDatasetsPage *page;
  EquityTableView *view;
  EquityRowModel *model;
  GtkColumnView *column_view;
  GtkWidget *search;
  g_autoptr(EquityRow) first = NULL;
  g_autoptr(EquityRow) last = NULL;
  g_autofree char *count = equity_format_count (n_test_rows);
  g_autofree char *fifth = equity_format_count (n_test_rows / 5);
  g_autofree char *all_rows = g_strdup_printf ("%s rows", count);
  g_autofree char *last_id = g_strdup_printf ("%u", n_test_rows - 1);
  g_autofree char *sorted_status = g_strdup_printf ("%s rows · sorted by days_to_close, descending", count);
  g_autofree char *filtered_status = g_strdup_printf ("%s of %s rows · sorted by cost, ascending", fifth, count);

  app_test_reset_settings (1280, 800);
  window = g_object_ref (equity_window_new (GTK_APPLICATION (app)));
  g_assert_true (equity_window_open_project (window, path));
  app_test_show_window (GTK_WINDOW (window));

  page = _equity_window_get_datasets_page (window);
  view = EQUITY_TABLE_VIEW (equity_datasets_page_get_table_view (page));
  column_view = equity_table_view_get_column_view (view);
  test_await (model_ready, view, "the table's rows ordered");
  model = equity_table_view_get_model (view);

  /* every row, in file order, one column per dataset column */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, n_test_rows);
  g_assert_cmpuint (g_list_model_get_n_items (gtk_column_view_get_columns (column_view)), ==, 6);
  g_assert_cmpstr (equity_table_view_get_status (view), ==, all_rows);
  app_test_settle (GTK_WIDGET (column_view));
  g_assert_true (cells_contain (column_view, "0"));
  g_assert_true (cells_contain (column_view, "Burton Street"));
  g_assert_true (cells_contain (column_view, "2022-01-01"));
  /* an empty cost: a dim dash */
  g_assert_true (cells_contain (column_view, "—"));
  g_assert_cmpfloat (app_test_render_png (GTK_WIDGET (window), "datasets-1m"), >, MIN_VARIANCE);

  /* the last rows */
  scroll_to (column_view, TRUE);
  g_assert_true (cells_contain (column_view, last_id));
  app_test_render_png (GTK_WIDGET (window), "datasets-1m-end");

  /* sorted by days_to_close, descending: 89 first, then in file order */
  gtk_column_view_sort_by_column (column_view, get_column (column_view, 3), GTK_SORT_DESCENDING);
  g_assert_true (equity_row_model_is_busy (model));
  test_await (model_ready, view, "the table's rows ordered");
  g_assert_cmpint (equity_row_model_get_sort_column (model), ==, 3);
  g_assert_false (equity_row_model_get_ascending (model));
  first = g_list_model_get_item (G_LIST_MODEL (model), 0);
  g_assert_cmpstr (equity_row_get_value (first, 3), ==, "89");
  /* 31 i mod 90 = 89 first holds for i = 29 (31 × 29 = 899) */
  g_assert_cmpstr (equity_row_get_value (first, 0), ==, "29");
  last = g_list_model_get_item (G_LIST_MODEL (model), n_test_rows - 1);
  g_assert_cmpstr (equity_row_get_value (last, 3), ==, "0");
  scroll_to (column_view, FALSE);
  g_assert_true (cells_contain (column_view, "89"));
  g_assert_true (cells_contain (column_view, "29"));
  g_assert_false (cells_contain (column_view, "0"));
  g_assert_cmpstr (equity_table_view_get_status (view), ==, sorted_status);

  /* cost ascending: empty costs sort last */
  gtk_column_view_sort_by_column (column_view, get_column (column_view, 5), GTK_SORT_ASCENDING);
  test_await (model_ready, view, "the table's rows ordered");
  g_clear_object (&last);
  last = g_list_model_get_item (G_LIST_MODEL (model), n_test_rows - 1);
  g_assert_null (equity_row_get_value (last, 5));
  scroll_to (column_view, TRUE);
  g_assert_true (cells_contain (column_view, "—"));

  /* filtered to one neighborhood, still sorted */
  search = equity_datasets_page_get_search_entry (page);
  gtk_editable_set_text (GTK_EDITABLE (search), "montford");
  /* the search waits for typing to pause: its effect is awaited */
  await_filter (view, "montford");
  g_assert_cmpstr (equity_row_model_get_filter (model), ==, "montford");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, n_test_rows / 5);
  scroll_to (column_view, FALSE);
  g_assert_true (cells_contain (column_view, "Montford"));
  g_assert_false (cells_contain (column_view, "Emma"));
  g_assert_false (cells_contain (column_view, "Shiloh"));
  g_assert_cmpstr (equity_table_view_get_status (view), ==, filtered_status);

  /* the summaries follow the filter */
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (equity_datasets_page_get_summaries_button (page)), TRUE);
  g_assert_true (equity_table_view_get_show_summaries (view));
  test_await (summaries_ready, view, "the column summaries");
  g_assert_cmpuint (equity_table_view_get_n_summaries (view), ==, 6);
  g_assert_cmpfloat (app_test_render_png (GTK_WIDGET (window), "datasets-1m-filtered"), >, MIN_VARIANCE);

  /* a search that matches nothing says so */
  gtk_editable_set_text (GTK_EDITABLE (search), "100% \"nowhere\"");
  await_filter (view, "100% \"nowhere\"");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 0);
  app_test_render_png (GTK_WIDGET (window), "datasets-1m-no-match");

  gtk_editable_set_text (GTK_EDITABLE (search), "");
  await_filter (view, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, n_test_rows);

  app_test_destroy_window (GTK_WINDOW (window));
}

static gboolean
all_rows_shown (gpointer data)
{
  GtkColumnView *column_view = data;
  EquityTableView *view = EQUITY_TABLE_VIEW (gtk_widget_get_ancestor (GTK_WIDGET (column_view),
                                                                      EQUITY_TYPE_TABLE_VIEW));

  return g_list_model_get_n_items (G_LIST_MODEL (gtk_column_view_get_model (column_view)))
         == g_list_model_get_n_items (G_LIST_MODEL (equity_table_view_get_model (view)));
}

/* how many rows the column view was first given */
static void
shown_rows_changed_cb (GListModel *rows,
                       guint       position,
                       guint       removed,
                       guint       added,
                       guint      *first_rows)
{
  if (*first_rows == 0)
    *first_rows = g_list_model_get_n_items (rows);
}

/* the project opened in a window already on screen, as a person opens one */
static EquityWindow *
open_on_screen (const char       *path,
                EquityTableView **view)
{
  EquityWindow *window;

  app_test_reset_settings (1280, 800);
  window = g_object_ref (equity_window_new (GTK_APPLICATION (app)));
  app_test_show_window (GTK_WINDOW (window));
  g_assert_true (equity_window_open_project (window, path));
  *view = EQUITY_TABLE_VIEW (equity_datasets_page_get_table_view (_equity_window_get_datasets_page (window)));
  return window;
}

/* A dataset chosen in a window on screen: the column view gets the rows
 * that can show first (GTK 4.8 makes widgets for up to 200 rows given at
 * once) and every row once a frame with them was painted. */
static void
test_first_screenful (TestScratch   *scratch,
                      gconstpointer  data)
{
  const guint n_rows = 5000;
  g_autofree char *csv = app_test_write_requests_csv (scratch->dir, n_rows);
  g_autoptr(GFile) file = g_file_new_for_path (csv);
  g_autofree char *path = NULL;
  g_autoptr(EquityProject) project = test_create_project (scratch->dir, "Screenful.equity", &path);
  g_autoptr(EquityDataset) dataset = test_import_ok (project, file, NULL);
  g_autoptr(GPtrArray) cells = NULL;
  EquityWindow *window;
  EquityTableView *view;
  GtkColumnView *column_view;
  GListModel *shown;
  guint first_rows = 0;
  guint n_columns;

  equity_project_close (project);
  window = open_on_screen (path, &view);
  column_view = equity_table_view_get_column_view (view);
  shown = G_LIST_MODEL (gtk_column_view_get_model (column_view));
  g_signal_connect (shown, "items-changed", G_CALLBACK (shown_rows_changed_cb), &first_rows);
  test_await (model_ready, view, "the table's rows ordered");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (equity_table_view_get_model (view))), ==, n_rows);

  /* a screenful first, far fewer than the 200 GTK would make widgets for */
  g_assert_cmpuint (first_rows, >, 0);
  g_assert_cmpuint (first_rows, <, 200);

  /* then all of them, a few more each frame after the one that showed
   * the first */
  test_await (all_rows_shown, column_view, "every row given to the column view");
  g_assert_true (gtk_column_view_get_model (column_view) == GTK_SELECTION_MODEL (shown));
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, n_rows);
  g_signal_handlers_disconnect_by_data (shown, &first_rows);

  /* the first screenful covered every row on screen: the cells seen, row
   * by row (each row has one per column), were all among the first rows */
  n_columns = g_list_model_get_n_items (gtk_column_view_get_columns (column_view));
  cells = visible_cells (column_view);
  g_assert_cmpuint (n_columns, ==, 6);
  g_assert_cmpuint (cells->len, >=, 10 * n_columns);
  g_assert_cmpuint (cells->len, <=, first_rows * n_columns);
  g_assert_true (cells_contain (column_view, "0"));
  g_assert_cmpfloat (app_test_render_png (GTK_WIDGET (window), "datasets-first-screenful"), >, MIN_VARIANCE);

  app_test_destroy_window (GTK_WINDOW (window));
}

/* A dataset far wider than the window */
#define WIDE_COLUMNS 30
#define WIDE_ROWS 300

static char *
write_wide_csv (const char *dir)
{
  g_autoptr(GString) csv = g_string_new (NULL);
  char *path = g_build_filename (dir, "wide.csv", NULL);
  g_autoptr(GError) error = NULL;

  for (guint c = 1; c <= WIDE_COLUMNS; c++)
    g_string_append_printf (csv, "%scolumn_%02u", c > 1 ? "," : "", c);
  g_string_append_c (csv, '\n');
  /* each value names its column, so that a cell seen tells which it is */
  for (guint r = 0; r < WIDE_ROWS; r++)
    {
      for (guint c = 1; c <= WIDE_COLUMNS; c++)
        g_string_append_printf (csv, "%sc%02u row %u", c > 1 ? "," : "", c, r);
      g_string_append_c (csv, '\n');
    }
  g_file_set_contents (path, csv->str, (gssize) csv->len, &error);
  g_assert_no_error (error);
  return path;
}

typedef struct
{
  GtkColumnView *view;
  guint          rows;
  guint          columns;
} FirstShown;

/* how many rows, and in how many columns, the column view was first given */
static void
first_shown_cb (GListModel *rows,
                guint       position,
                guint       removed,
                guint       added,
                FirstShown *first)
{
  if (first->rows > 0)
    return;
  first->rows = g_list_model_get_n_items (rows);
  first->columns = g_list_model_get_n_items (gtk_column_view_get_columns (first->view));
}

static gboolean
all_columns_shown (gpointer data)
{
  return g_list_model_get_n_items (gtk_column_view_get_columns (data)) == WIDE_COLUMNS;
}

/* Columns right of the window's edge come the frame after the first: GTK
 * 4.8 makes a cell in every column of every row it is given. */
static void
test_first_columns (TestScratch   *scratch,
                    gconstpointer  data)
{
  g_autofree char *csv = write_wide_csv (scratch->dir);
  g_autoptr(GFile) file = g_file_new_for_path (csv);
  g_autofree char *path = NULL;
  g_autoptr(EquityProject) project = test_create_project (scratch->dir, "Wide.equity", &path);
  g_autoptr(EquityDataset) dataset = test_import_ok (project, file, NULL);
  g_autoptr(GPtrArray) cells = NULL;
  g_autoptr(GtkColumnViewColumn) last = NULL;
  FirstShown first = { NULL, 0, 0 };
  EquityWindow *window;
  EquityTableView *view;
  EquityRowModel *model;
  GtkAdjustment *hadjustment;
  GListModel *columns;
  int first_width = 0;

  g_assert_cmpuint (equity_dataset_get_n_columns (dataset), ==, WIDE_COLUMNS);
  equity_project_close (project);
  window = open_on_screen (path, &view);
  first.view = equity_table_view_get_column_view (view);
  columns = gtk_column_view_get_columns (first.view);
  g_signal_connect (gtk_column_view_get_model (first.view), "items-changed", G_CALLBACK (first_shown_cb), &first);
  test_await (model_ready, view, "the table's rows ordered");
  test_await (all_rows_shown, first.view, "every row given to the column view");
  test_await (all_columns_shown, first.view, "every column in the column view");
  g_signal_handlers_disconnect_by_data (gtk_column_view_get_model (first.view), &first);

  /* the first rows came in the columns that start inside the window: they
   * reach past its right edge, the next would have started beyond it */
  g_assert_cmpuint (first.rows, >, 0);
  g_assert_cmpuint (first.columns, >, 0);
  g_assert_cmpuint (first.columns, <, WIDE_COLUMNS);
  for (guint c = 0; c < first.columns; c++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, c);

      first_width += gtk_column_view_column_get_fixed_width (column);
    }
  g_assert_cmpint (first_width, >=, gtk_widget_get_width (GTK_WIDGET (window)));

  /* then every column, in the dataset's order */
  for (guint c = 0; c < WIDE_COLUMNS; c++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, c);
      g_autofree char *title = g_strdup_printf ("column_%02u", c + 1);

      g_assert_cmpstr (gtk_column_view_column_get_title (column), ==, title);
    }

  /* every cell on screen at the start was in the first columns */
  app_test_settle (GTK_WIDGET (first.view));
  cells = visible_cells (first.view);
  g_assert_cmpuint (cells->len, >, 0);
  for (guint i = 0; i < cells->len; i++)
    {
      const char *cell = g_ptr_array_index (cells, i);

      g_assert_true (cell[0] == 'c');
      g_assert_cmpuint (g_ascii_strtoull (cell + 1, NULL, 10), <=, first.columns);
    }
  g_assert_true (cells_contain (first.view, "c01 row 0"));

  /* the last column scrolls into view with its values */
  hadjustment = gtk_scrollable_get_hadjustment (GTK_SCROLLABLE (first.view));
  app_test_wait_frames (GTK_WIDGET (first.view), 2);
  gtk_adjustment_set_value (hadjustment, gtk_adjustment_get_upper (hadjustment) - gtk_adjustment_get_page_size (hadjustment));
  app_test_settle (GTK_WIDGET (first.view));
  g_assert_true (cells_contain (first.view, "c30 row 0"));
  g_assert_cmpfloat (app_test_render_png (GTK_WIDGET (window), "datasets-wide-end"), >, MIN_VARIANCE);

  /* and sorts by itself: a header of a late column means that column */
  model = equity_table_view_get_model (view);
  last = g_list_model_get_item (columns, WIDE_COLUMNS - 1);
  gtk_column_view_sort_by_column (first.view, last, GTK_SORT_DESCENDING);
  test_await (model_ready, view, "the table's rows ordered");
  g_assert_cmpint (equity_row_model_get_sort_column (model), ==, WIDE_COLUMNS - 1);
  {
    g_autoptr(EquityRow) top = g_list_model_get_item (G_LIST_MODEL (model), 0);

    /* "c30 row 99" is the largest of "c30 row 0" … "c30 row 299" as text */
    g_assert_cmpstr (equity_row_get_value (top, WIDE_COLUMNS - 1), ==, "c30 row 99");
  }

  app_test_destroy_window (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  app_test_init (&argc, &argv);
  if (g_getenv ("EQUITY_TEST_TABLE_ROWS") != NULL)
    n_test_rows = MAX (1000, atoi (g_getenv ("EQUITY_TEST_TABLE_ROWS")) / 10 * 10);

  app = app_test_register_app ();

  test_add_with_scratch ("/app/table/million-rows", test_million_rows);
  test_add_with_scratch ("/app/table/first-screenful", test_first_screenful);
  test_add_with_scratch ("/app/table/first-columns", test_first_columns);

  return app_test_run (&app);
}
