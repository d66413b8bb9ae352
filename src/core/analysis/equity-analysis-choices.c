/* equity-analysis-choices.c — the values a spec can take from a dataset's rows
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "equity-analysis"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "equity-analysis-choices.h"
#include "equity-analysis-private.h"
#include "equity-error.h"
#include "equity-worker.h"

void
equity_choice_free (EquityChoice *choice)
{
  if (choice == NULL)
    return;
  g_free (choice->value);
  g_free (choice->label);
  g_free (choice);
}

static int
compare_by_label (gconstpointer a,
                  gconstpointer b)
{
  const EquityChoice *x = *(EquityChoice * const *) a;
  const EquityChoice *y = *(EquityChoice * const *) b;
  g_autofree char *kx = g_utf8_collate_key (x->label != NULL ? x->label : x->value, -1);
  g_autofree char *ky = g_utf8_collate_key (y->label != NULL ? y->label : y->value, -1);
  int order = strcmp (kx, ky);

  return order != 0 ? order : g_strcmp0 (x->value, y->value);
}

static void
add_choice_cb (const char *key,
               guint64     n_rows,
               const char *label,
               gpointer    user_data)
{
  GPtrArray *choices = user_data;
  EquityChoice *choice = g_new0 (EquityChoice, 1);

  choice->value = g_strdup (key);
  choice->n_rows = n_rows;
  if (label != NULL)
    {
      choice->label = g_strstrip (g_strdup (label));
      if (choice->label[0] == '\0')
        g_clear_pointer (&choice->label, g_free);
    }
  g_ptr_array_add (choices, choice);
}

GPtrArray *
equity_analysis_list_choices (EquityProject      *project,
                              EquityDataset      *dataset,
                              EquityColumn       *column,
                              EquityColumn       *label_column,
                              EquityChoiceOrder   order,
                              guint               limit,
                              GCancellable       *cancellable,
                              GError            **error)
{
  g_autoptr(GPtrArray) choices = g_ptr_array_new_with_free_func ((GDestroyNotify) equity_choice_free);

  g_return_val_if_fail (EQUITY_IS_PROJECT (project), NULL);
  g_return_val_if_fail (EQUITY_IS_DATASET (dataset), NULL);
  g_return_val_if_fail (EQUITY_IS_COLUMN (column), NULL);
  g_return_val_if_fail (!label_column || EQUITY_IS_COLUMN (label_column), NULL);

  if (equity_column_get_column_type (column) == EQUITY_COLUMN_TYPE_GEOMETRY)
    {
      g_set_error (error, EQUITY_ERROR, EQUITY_ERROR_INVALID,
                   _("Column “%s” holds shapes, not values to choose from"),
                   equity_column_get_name (column));
      return NULL;
    }

  if (label_column == column
      || (label_column != NULL && equity_column_get_column_type (label_column) == EQUITY_COLUMN_TYPE_GEOMETRY))
    label_column = NULL;
  if (!equity_dataset_read_distinct (project, dataset, column, label_column, cancellable,
                                     add_choice_cb, choices, error))
    return NULL;

  if (order == EQUITY_CHOICE_ORDER_LABEL)
    g_ptr_array_sort (choices, compare_by_label);
  if (limit > 0 && choices->len > limit)
    g_ptr_array_set_size (choices, limit);

  return g_steal_pointer (&choices);
}

EquityColumn *
equity_analysis_guess_label_column (EquityProject  *project,
                                    EquityDataset  *dataset,
                                    EquityColumn   *key,
                                    GError        **error)
{
  g_autoptr(GPtrArray) candidates = g_ptr_array_new ();
  g_autofree guint64 *counts = NULL;
  EquityColumn *best = NULL;
  guint64 best_count = 1;

  g_return_val_if_fail (EQUITY_IS_PROJECT (project), NULL);
  g_return_val_if_fail (EQUITY_IS_DATASET (dataset), NULL);

  for (guint i = 0; i < equity_dataset_get_n_columns (dataset); i++)
    {
      EquityColumn *column = equity_dataset_get_column (dataset, i);

      if (column == key || equity_column_get_column_type (column) != EQUITY_COLUMN_TYPE_TEXT)
        continue;
      g_ptr_array_add (candidates, column);
    }
  if (candidates->len == 0)
    return NULL;

  counts = g_new0 (guint64, candidates->len);
  if (!equity_dataset_count_distinct (project, dataset, (EquityColumn * const *) candidates->pdata,
                                      candidates->len, counts, error))
    return NULL;
  for (guint i = 0; i < candidates->len; i++)
    {
      /* a column that names every row alike ("Buncombe") names none */
      if (counts[i] > best_count)
        {
          best_count = counts[i];
          best = g_ptr_array_index (candidates, i);
        }
    }
  return best;
}

typedef struct
{
  char              *dataset;
  char              *column;
  gboolean           with_labels;
  EquityChoiceOrder  order;
  guint              limit;
} ChoicesData;

static void
choices_data_free (gpointer data)
{
  ChoicesData *choices = data;

  g_free (choices->dataset);
  g_free (choices->column);
  g_free (choices);
}

static gpointer
choices_work (EquityProject       *project,
              gpointer             work_data,
              EquityProgressFunc   progress,
              gpointer             progress_data,
              GCancellable        *cancellable,
              GError             **error)
{
  ChoicesData *data = work_data;
  EquityColumn *label_column = NULL;
  EquityDataset *dataset;
  EquityColumn *column;

  dataset = equity_project_find_dataset (project, data->dataset);
  column = dataset != NULL ? equity_dataset_find_column (dataset, data->column) : NULL;
  if (column == NULL)
    {
      g_set_error (error, EQUITY_ERROR, EQUITY_ERROR_NOT_FOUND,
                   _("Dataset “%s” has no column “%s”"), data->dataset, data->column);
      return NULL;
    }

  if (data->with_labels)
    label_column = equity_analysis_guess_label_column (project, dataset, column, NULL);

  return equity_analysis_list_choices (project, dataset, column, label_column, data->order,
                                       data->limit, cancellable, error);
}

void
equity_analysis_list_choices_async (const char          *project_path,
                                   const char          *dataset,
                                   const char          *column,
                                   gboolean             with_labels,
                                   EquityChoiceOrder    order,
                                   guint                limit,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  static const EquityWorkerKind kind = {
    "[equity] choices", choices_work, choices_data_free, (GDestroyNotify) g_ptr_array_unref, TRUE
  };
  ChoicesData *data;

  g_return_if_fail (project_path != NULL && dataset != NULL && column != NULL);

  data = g_new0 (ChoicesData, 1);
  data->dataset = g_strdup (dataset);
  data->column = g_strdup (column);
  data->with_labels = with_labels;
  data->order = order;
  data->limit = limit;

  equity_worker_run (&kind, NULL, equity_analysis_list_choices_async, project_path, data,
                     cancellable, NULL, NULL, callback, user_data);
}

GPtrArray *
equity_analysis_list_choices_finish (GAsyncResult  *result,
                                    GError       **error)
{
  return equity_worker_finish (result, NULL, equity_analysis_list_choices_async, error);
}
