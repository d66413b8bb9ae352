/* equity-dataset.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "equity-dataset.h"

struct _EquityDataset
{
  GObject    parent_instance;
  gint64     id;
  char      *name;
  char      *table_name;
  char      *bbox_table_name;
  char      *source;
  char      *format;
  GDateTime *imported_at;
  guint64    n_rows;
  GPtrArray *columns;
};

G_DEFINE_FINAL_TYPE (EquityDataset, equity_dataset, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_NAME,
  PROP_N_ROWS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
equity_dataset_finalize (GObject *object)
{
  EquityDataset *self = EQUITY_DATASET (object);

  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->table_name, g_free);
  g_clear_pointer (&self->bbox_table_name, g_free);
  g_clear_pointer (&self->source, g_free);
  g_clear_pointer (&self->format, g_free);
  g_clear_pointer (&self->imported_at, g_date_time_unref);
  g_clear_pointer (&self->columns, g_ptr_array_unref);

  G_OBJECT_CLASS (equity_dataset_parent_class)->finalize (object);
}

static void
equity_dataset_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  EquityDataset *self = EQUITY_DATASET (object);

  switch (prop_id)
    {
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_N_ROWS:
      g_value_set_uint64 (value, self->n_rows);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
equity_dataset_class_init (EquityDatasetClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = equity_dataset_finalize;
  object_class->get_property = equity_dataset_get_property;

  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_ROWS] =
    g_param_spec_uint64 ("n-rows", NULL, NULL, 0, G_MAXUINT64, 0,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
equity_dataset_init (EquityDataset *self)
{
  self->columns = g_ptr_array_new_with_free_func (g_object_unref);
}

EquityDataset *
equity_dataset_new (gint64      id,
                    const char *name)
{
  EquityDataset *self = g_object_new (EQUITY_TYPE_DATASET, NULL);

  self->id = id;
  self->name = g_strdup (name);
  /* The table name derives from the id alone, so no user text reaches SQL. */
  self->table_name = g_strdup_printf ("\"ds_%" G_GINT64_FORMAT "\"", id);
  return self;
}

gint64
equity_dataset_get_id (EquityDataset *self)
{
  g_return_val_if_fail (EQUITY_IS_DATASET (self), 0);
  return self->id;
}

const char *
equity_dataset_get_name (EquityDataset *self)
{
  g_return_val_if_fail (EQUITY_IS_DATASET (self), NULL);
  return self->name;
}

void
equity_dataset_set_name (EquityDataset *self,
                         const char    *name)
{
  g_return_if_fail (EQUITY_IS_DATASET (self));

  if (g_strcmp0 (self->name, name) == 0)
    return;
  g_free (self->name);
  self->name = g_strdup (name);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
}

const char *
equity_dataset_get_table_name (EquityDataset *self)
{
  g_return_val_if_fail (EQUITY_IS_DATASET (self), NULL);
  return self->table_name;
}

const char *
equity_dataset_get_bbox_table_name (EquityDataset *self)
{
  g_return_val_if_fail (EQUITY_IS_DATASET (self), NULL);

  if (equity_dataset_get_geometry_column (self) == NULL)
    return NULL;
  if (self->bbox_table_name == NULL)
    self->bbox_table_name = g_strdup_printf ("\"ds_%" G_GINT64_FORMAT "_bbox\"", self->id);
  return self->bbox_table_name;
}

EquityColumn *
equity_dataset_get_geometry_column (EquityDataset *self)
{
  g_return_val_if_fail (EQUITY_IS_DATASET (self), NULL);

  for (guint i = 0; i < self->columns->len; i++)
    {
      EquityColumn *column = g_ptr_array_index (self->columns, i);

      if (equity_column_get_column_type (column) == EQUITY_COLUMN_TYPE_GEOMETRY)
        return column;
    }
  return NULL;
}

const char *
equity_dataset_get_source (EquityDataset *self)
{
  g_return_val_if_fail (EQUITY_IS_DATASET (self), NULL);
  return self->source;
}

void
equity_dataset_set_source (EquityDataset *self,
                           const char    *source)
{
  g_return_if_fail (EQUITY_IS_DATASET (self));
  g_free (self->source);
  self->source = g_strdup (source);
}

const char *
equity_dataset_get_format (EquityDataset *self)
{
  g_return_val_if_fail (EQUITY_IS_DATASET (self), NULL);
  return self->format;
}

void
equity_dataset_set_format (EquityDataset *self,
                           const char    *format)
{
  g_return_if_fail (EQUITY_IS_DATASET (self));
  g_free (self->format);
  self->format = g_strdup (format);
}

GDateTime *
equity_dataset_get_imported_at (EquityDataset *self)
{
  g_return_val_if_fail (EQUITY_IS_DATASET (self), NULL);
  return self->imported_at;
}

void
equity_dataset_set_imported_at (EquityDataset *self,
                                GDateTime     *imported_at)
{
  g_return_if_fail (EQUITY_IS_DATASET (self));
  g_clear_pointer (&self->imported_at, g_date_time_unref);
  self->imported_at = imported_at ? g_date_time_ref (imported_at) : NULL;
}

guint64
equity_dataset_get_n_rows (EquityDataset *self)
{
  g_return_val_if_fail (EQUITY_IS_DATASET (self), 0);
  return self->n_rows;
}

void
equity_dataset_set_n_rows (EquityDataset *self,
                           guint64        n_rows)
{
  g_return_if_fail (EQUITY_IS_DATASET (self));

  if (self->n_rows == n_rows)
    return;
  self->n_rows = n_rows;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ROWS]);
}

GPtrArray *
equity_dataset_get_columns (EquityDataset *self)
{
  g_return_val_if_fail (EQUITY_IS_DATASET (self), NULL);
  return self->columns;
}

void
equity_dataset_add_column (EquityDataset *self,
                           EquityColumn  *column)
{
  g_return_if_fail (EQUITY_IS_DATASET (self));
  g_return_if_fail (EQUITY_IS_COLUMN (column));

  equity_column_set_position (column, self->columns->len);
  g_ptr_array_add (self->columns, g_object_ref (column));
}

guint
equity_dataset_get_n_columns (EquityDataset *self)
{
  g_return_val_if_fail (EQUITY_IS_DATASET (self), 0);
  return self->columns->len;
}

EquityColumn *
equity_dataset_get_column (EquityDataset *self,
                           guint          position)
{
  g_return_val_if_fail (EQUITY_IS_DATASET (self), NULL);
  g_return_val_if_fail (position < self->columns->len, NULL);
  return g_ptr_array_index (self->columns, position);
}

EquityColumn *
equity_dataset_find_column (EquityDataset *self,
                            const char    *name)
{
  g_return_val_if_fail (EQUITY_IS_DATASET (self), NULL);

  for (guint i = 0; i < self->columns->len; i++)
    {
      EquityColumn *column = g_ptr_array_index (self->columns, i);

      if (g_strcmp0 (equity_column_get_name (column), name) == 0)
        return column;
    }
  return NULL;
}
