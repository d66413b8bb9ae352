/* equity-row-model.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "equity-row-model"

#include "config.h"

#include "equity-row-model.h"
#include "equity-worker.h"

/* pages kept in memory: enough for a few screens either side of the view */
#define MAX_PAGES 32

/* EquityRow */

struct _EquityRow
{
  GObject   parent_instance;

  guint     position;
  gint64    rowid;
  guint     n_values;
  char    **values;
};

G_DEFINE_FINAL_TYPE (EquityRow, equity_row, G_TYPE_OBJECT)

static void
equity_row_finalize (GObject *object)
{
  EquityRow *self = EQUITY_ROW (object);

  for (guint i = 0; i < self->n_values; i++)
    g_free (self->values[i]);
  g_free (self->values);

  G_OBJECT_CLASS (equity_row_parent_class)->finalize (object);
}

static void
equity_row_class_init (EquityRowClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = equity_row_finalize;
}

static void
equity_row_init (EquityRow *self)
{
}

guint
equity_row_get_position (EquityRow *self)
{
  g_return_val_if_fail (EQUITY_IS_ROW (self), 0);
  return self->position;
}

gint64
equity_row_get_rowid (EquityRow *self)
{
  g_return_val_if_fail (EQUITY_IS_ROW (self), 0);
  return self->rowid;
}

const char *
equity_row_get_value (EquityRow *self,
                      guint      column)
{
  g_return_val_if_fail (EQUITY_IS_ROW (self), NULL);
  return column < self->n_values ? self->values[column] : NULL;
}

/* EquityRowModel */

struct _EquityRowModel
{
  GObject           parent_instance;

  EquityProject    *project;
  EquityDataset    *dataset;
  int               sort_column;
  gboolean          ascending;
  char             *filter;

  EquityTableQuery *query;        /* the order shown; NULL until the first is ready */
  guint             n_items;
  GHashTable       *pages;        /* page index → GPtrArray of EquityRow */
  GQueue            lru;          /* page indexes, most recent first */

  GCancellable     *cancellable;  /* of the order being worked out */
  gboolean          busy;
  double            progress;
  GError           *error;
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (EquityRowModel, equity_row_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

enum {
  PROP_0,
  PROP_BUSY,
  PROP_PROGRESS,
  PROP_N_ITEMS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GType
equity_row_model_get_item_type (GListModel *model)
{
  return EQUITY_TYPE_ROW;
}

static guint
equity_row_model_get_n_items (GListModel *model)
{
  return EQUITY_ROW_MODEL (model)->n_items;
}

static GPtrArray *
load_page (EquityRowModel *self,
           guint           index)
{
  g_autoptr(EquityTablePage) page = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *rows = g_ptr_array_new_with_free_func (g_object_unref);

  page = equity_table_query_fetch (self->query, (guint64) index * EQUITY_TABLE_QUERY_PAGE_SIZE,
                                   EQUITY_TABLE_QUERY_PAGE_SIZE, &error);
  if (page == NULL)
    {
      /* The view shows empty rows; the page is tried again when it comes back. */
      g_debug ("Could not read rows: %s", error->message);
      if (self->error == NULL)
        self->error = g_steal_pointer (&error);
      return rows;
    }

  for (guint r = 0; r < page->n_rows; r++)
    {
      EquityRow *row = g_object_new (EQUITY_TYPE_ROW, NULL);

      row->position = index * EQUITY_TABLE_QUERY_PAGE_SIZE + r;
      row->rowid = page->rowids[r];
      row->n_values = page->n_columns;
      row->values = g_new (char *, MAX (page->n_columns, 1));
      /* the strings move from the page to the row */
      for (guint c = 0; c < page->n_columns; c++)
        row->values[c] = g_steal_pointer (&page->cells[(gsize) r * page->n_columns + c]);
      g_ptr_array_add (rows, row);
    }

  g_hash_table_insert (self->pages, GUINT_TO_POINTER (index), rows);
  g_queue_push_head (&self->lru, GUINT_TO_POINTER (index));
  while (g_queue_get_length (&self->lru) > MAX_PAGES)
    g_hash_table_remove (self->pages, g_queue_pop_tail (&self->lru));

  return rows;
}

static gpointer
equity_row_model_get_item (GListModel *model,
                           guint       position)
{
  EquityRowModel *self = EQUITY_ROW_MODEL (model);
  guint index = position / EQUITY_TABLE_QUERY_PAGE_SIZE;
  guint offset = position % EQUITY_TABLE_QUERY_PAGE_SIZE;
  GPtrArray *rows;
  EquityRow *row;

  if (self->query == NULL || position >= self->n_items)
    return NULL;

  rows = g_hash_table_lookup (self->pages, GUINT_TO_POINTER (index));
  if (rows != NULL)
    {
      if (g_queue_peek_head (&self->lru) != GUINT_TO_POINTER (index))
        {
          g_queue_remove (&self->lru, GUINT_TO_POINTER (index));
          g_queue_push_head (&self->lru, GUINT_TO_POINTER (index));
        }
    }
  else
    rows = load_page (self, index);

  if (offset < rows->len)
    return g_object_ref (g_ptr_array_index (rows, offset));

  /* the dataset changed under us, or could not be read: an empty row */
  row = g_object_new (EQUITY_TYPE_ROW, NULL);
  row->position = position;
  return row;
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = equity_row_model_get_item_type;
  iface->get_n_items = equity_row_model_get_n_items;
  iface->get_item = equity_row_model_get_item;
}

static void
equity_row_model_set_busy (EquityRowModel *self,
                           gboolean        busy)
{
  if (self->busy == busy)
    return;
  self->busy = busy;
  self->progress = busy ? -1.0 : 1.0;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROGRESS]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

/* The worker's progress, on the main context (never once the order it
 * belongs to was replaced: the relay checks that order's cancellable). */
static void
progress_cb (double   fraction,
             gpointer user_data)
{
  EquityRowModel *self = user_data;

  if (self->busy && fraction != self->progress)
    {
      self->progress = fraction;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROGRESS]);
    }
}

/* in the worker, without a project (the query reads with a connection of its
 * own): the query, once its order is worked out */
static gpointer
run_work (EquityProject       *no_project,
          gpointer             query,
          EquityProgressFunc   progress,
          gpointer             progress_data,
          GCancellable        *cancellable,
          GError             **error)
{
  if (!equity_table_query_run (query, progress, progress_data, cancellable, error))
    return NULL;
  return g_object_ref (query);
}

static void
run_done_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  EquityRowModel *self = EQUITY_ROW_MODEL (object);
  g_autoptr(EquityTableQuery) query = NULL;
  g_autoptr(GError) error = NULL;
  guint old_n_items;

  query = g_task_propagate_pointer (G_TASK (result), &error);
  if (query == NULL)
    {
      /* a newer order replaced this one, or the model went away */
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      g_clear_error (&self->error);
      self->error = g_steal_pointer (&error);
      equity_row_model_set_busy (self, FALSE);
      return;
    }

  if (g_task_get_cancellable (G_TASK (result)) != self->cancellable)
    return;

  g_clear_error (&self->error);
  g_set_object (&self->query, query);
  g_hash_table_remove_all (self->pages);
  g_queue_clear (&self->lru);
  old_n_items = self->n_items;
  self->n_items = (guint) MIN (equity_table_query_get_n_rows (query), (guint64) G_MAXUINT);

  equity_row_model_set_busy (self, FALSE);
  g_list_model_items_changed (G_LIST_MODEL (self), 0, old_n_items, self->n_items);
  if (old_n_items != self->n_items)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
}

static void
equity_row_model_requery (EquityRowModel *self)
{
  static const EquityWorkerKind kind = {
    "[equity] table query", run_work, g_object_unref, g_object_unref, FALSE, FALSE
  };

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  equity_worker_run (&kind, self, equity_row_model_requery, NULL,
                     equity_table_query_new (self->project, self->dataset, self->sort_column,
                                             self->ascending, self->filter),
                     self->cancellable, progress_cb, self, run_done_cb, NULL);

  equity_row_model_set_busy (self, TRUE);
}

static void
equity_row_model_dispose (GObject *object)
{
  EquityRowModel *self = EQUITY_ROW_MODEL (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_hash_table_remove_all (self->pages);
  g_queue_clear (&self->lru);
  g_clear_object (&self->query);

  G_OBJECT_CLASS (equity_row_model_parent_class)->dispose (object);
}

static void
equity_row_model_finalize (GObject *object)
{
  EquityRowModel *self = EQUITY_ROW_MODEL (object);

  g_clear_pointer (&self->pages, g_hash_table_unref);
  g_clear_object (&self->project);
  g_clear_object (&self->dataset);
  g_clear_pointer (&self->filter, g_free);
  g_clear_error (&self->error);

  G_OBJECT_CLASS (equity_row_model_parent_class)->finalize (object);
}

static void
equity_row_model_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  EquityRowModel *self = EQUITY_ROW_MODEL (object);

  switch (prop_id)
    {
    case PROP_BUSY:
      g_value_set_boolean (value, self->busy);
      break;

    case PROP_PROGRESS:
      g_value_set_double (value, self->progress);
      break;

    case PROP_N_ITEMS:
      g_value_set_uint (value, self->n_items);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
equity_row_model_class_init (EquityRowModelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = equity_row_model_dispose;
  object_class->finalize = equity_row_model_finalize;
  object_class->get_property = equity_row_model_get_property;

  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PROGRESS] =
    g_param_spec_double ("progress", NULL, NULL, -1.0, 1.0, 0.0,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_ITEMS] =
    g_param_spec_uint ("n-items", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
equity_row_model_init (EquityRowModel *self)
{
  self->sort_column = -1;
  self->ascending = TRUE;
  self->pages = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_ptr_array_unref);
  g_queue_init (&self->lru);
}

EquityRowModel *
equity_row_model_new (EquityProject *project,
                      EquityDataset *dataset)
{
  EquityRowModel *self;

  g_return_val_if_fail (EQUITY_IS_PROJECT (project), NULL);
  g_return_val_if_fail (EQUITY_IS_DATASET (dataset), NULL);

  self = g_object_new (EQUITY_TYPE_ROW_MODEL, NULL);
  self->project = g_object_ref (project);
  self->dataset = g_object_ref (dataset);
  equity_row_model_requery (self);

  return self;
}

EquityDataset *
equity_row_model_get_dataset (EquityRowModel *self)
{
  g_return_val_if_fail (EQUITY_IS_ROW_MODEL (self), NULL);
  return self->dataset;
}

void
equity_row_model_set_sort (EquityRowModel *self,
                           int             column,
                           gboolean        ascending)
{
  g_return_if_fail (EQUITY_IS_ROW_MODEL (self));
  g_return_if_fail (column < (int) equity_dataset_get_n_columns (self->dataset));

  column = MAX (column, -1);
  ascending = !!ascending;
  if (self->sort_column == column && (column < 0 || self->ascending == ascending))
    return;

  self->sort_column = column;
  self->ascending = ascending;
  equity_row_model_requery (self);
}

int
equity_row_model_get_sort_column (EquityRowModel *self)
{
  g_return_val_if_fail (EQUITY_IS_ROW_MODEL (self), -1);
  return self->sort_column;
}

gboolean
equity_row_model_get_ascending (EquityRowModel *self)
{
  g_return_val_if_fail (EQUITY_IS_ROW_MODEL (self), TRUE);
  return self->ascending;
}

void
equity_row_model_set_filter (EquityRowModel *self,
                             const char     *filter)
{
  g_autofree char *stripped = NULL;

  g_return_if_fail (EQUITY_IS_ROW_MODEL (self));

  stripped = g_strstrip (g_strdup (filter != NULL ? filter : ""));
  if (g_strcmp0 (self->filter != NULL ? self->filter : "", stripped) == 0)
    return;

  g_free (self->filter);
  self->filter = stripped[0] != '\0' ? g_steal_pointer (&stripped) : NULL;
  equity_row_model_requery (self);
}

const char *
equity_row_model_get_filter (EquityRowModel *self)
{
  g_return_val_if_fail (EQUITY_IS_ROW_MODEL (self), NULL);
  return self->filter;
}

gboolean
equity_row_model_is_busy (EquityRowModel *self)
{
  g_return_val_if_fail (EQUITY_IS_ROW_MODEL (self), FALSE);
  return self->busy;
}

double
equity_row_model_get_progress (EquityRowModel *self)
{
  g_return_val_if_fail (EQUITY_IS_ROW_MODEL (self), 0.0);
  return self->progress;
}

const GError *
equity_row_model_get_error (EquityRowModel *self)
{
  g_return_val_if_fail (EQUITY_IS_ROW_MODEL (self), NULL);
  return self->error;
}

/* in the worker: the summaries of the query's rows */
static gpointer
summarize_work (EquityProject       *no_project,
                gpointer             query,
                EquityProgressFunc   progress,
                gpointer             progress_data,
                GCancellable        *cancellable,
                GError             **error)
{
  return equity_table_query_summarize (query, cancellable, error);
}

void
equity_row_model_summarize_async (EquityRowModel      *self,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  static const EquityWorkerKind kind = {
    "[equity] column summaries", summarize_work, g_object_unref, (GDestroyNotify) g_ptr_array_unref,
    FALSE, FALSE
  };

  g_return_if_fail (EQUITY_IS_ROW_MODEL (self));

  equity_worker_run (&kind, self, equity_row_model_summarize_async, NULL,
                     equity_table_query_new (self->project, self->dataset, -1, TRUE, self->filter),
                     cancellable, NULL, NULL, callback, user_data);
}

GPtrArray *
equity_row_model_summarize_finish (EquityRowModel  *self,
                                   GAsyncResult    *result,
                                   GError         **error)
{
  g_return_val_if_fail (EQUITY_IS_ROW_MODEL (self), NULL);
  return equity_worker_finish (result, self, equity_row_model_summarize_async, error);
}
