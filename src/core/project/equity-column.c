/* equity-column.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "equity-column.h"

struct _EquityColumn
{
  GObject           parent_instance;
  char             *name;
  char             *moe_of;
  EquityColumnType  type;
  EquityColumnRole  role;
  guint             position;
  guint64           n_nulls;
};

G_DEFINE_FINAL_TYPE (EquityColumn, equity_column, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_NAME,
  PROP_COLUMN_TYPE,
  PROP_ROLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char *type_names[] = { "text", "integer", "real", "date", "geometry" };
static const char *role_names[] = {
  "none", "key", "latitude", "longitude", "location", "group", "count", "amount",
  "duration", "date", "population", "moe", "identifier", "geometry",
  "time",
};

G_STATIC_ASSERT (G_N_ELEMENTS (type_names) == EQUITY_N_COLUMN_TYPES);
G_STATIC_ASSERT (G_N_ELEMENTS (role_names) == EQUITY_N_COLUMN_ROLES);

const char *
equity_column_type_to_string (EquityColumnType type)
{
  g_return_val_if_fail (type < EQUITY_N_COLUMN_TYPES, "text");
  return type_names[type];
}

gboolean
equity_column_type_from_string (const char       *text,
                                EquityColumnType *type)
{
  for (guint i = 0; text != NULL && i < G_N_ELEMENTS (type_names); i++)
    {
      if (g_str_equal (text, type_names[i]))
        {
          *type = i;
          return TRUE;
        }
    }
  return FALSE;
}

const char *
equity_column_type_to_label (EquityColumnType type)
{
  switch (type)
    {
    case EQUITY_COLUMN_TYPE_TEXT:     return _("Text");
    case EQUITY_COLUMN_TYPE_INTEGER:  return _("Integer");
    case EQUITY_COLUMN_TYPE_REAL:     return _("Number");
    case EQUITY_COLUMN_TYPE_DATE:     return _("Date");
    case EQUITY_COLUMN_TYPE_GEOMETRY: return _("Geometry");
    default:                          return _("Text");
    }
}

const char *
equity_column_role_to_string (EquityColumnRole role)
{
  g_return_val_if_fail (role < EQUITY_N_COLUMN_ROLES, "none");
  return role_names[role];
}

gboolean
equity_column_role_from_string (const char       *text,
                                EquityColumnRole *role)
{
  for (guint i = 0; text != NULL && i < G_N_ELEMENTS (role_names); i++)
    {
      if (g_str_equal (text, role_names[i]))
        {
          *role = i;
          return TRUE;
        }
    }
  return FALSE;
}

const char *
equity_column_role_to_label (EquityColumnRole role)
{
  switch (role)
    {
    case EQUITY_COLUMN_ROLE_NONE:       return _("No role");
    case EQUITY_COLUMN_ROLE_KEY:        return _("Geography key");
    case EQUITY_COLUMN_ROLE_LATITUDE:   return _("Latitude");
    case EQUITY_COLUMN_ROLE_LONGITUDE:  return _("Longitude");
    case EQUITY_COLUMN_ROLE_LOCATION:   return _("Location (lat, lon)");
    case EQUITY_COLUMN_ROLE_GROUP:      return _("Group");
    case EQUITY_COLUMN_ROLE_COUNT:      return _("Count");
    case EQUITY_COLUMN_ROLE_AMOUNT:     return _("Amount");
    case EQUITY_COLUMN_ROLE_DURATION:   return _("Duration");
    case EQUITY_COLUMN_ROLE_DATE:       return _("Date");
    case EQUITY_COLUMN_ROLE_POPULATION: return _("Population");
    case EQUITY_COLUMN_ROLE_MOE:        return _("Margin of error");
    case EQUITY_COLUMN_ROLE_IDENTIFIER: return _("Record identifier");
    case EQUITY_COLUMN_ROLE_GEOMETRY:   return _("Geometry");
    case EQUITY_COLUMN_ROLE_TIME:       return _("Time of day");
    default:                            return _("No role");
    }
}

static void
equity_column_finalize (GObject *object)
{
  EquityColumn *self = EQUITY_COLUMN (object);

  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->moe_of, g_free);

  G_OBJECT_CLASS (equity_column_parent_class)->finalize (object);
}

static void
equity_column_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  EquityColumn *self = EQUITY_COLUMN (object);

  switch (prop_id)
    {
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_COLUMN_TYPE:
      g_value_set_uint (value, self->type);
      break;
    case PROP_ROLE:
      g_value_set_uint (value, self->role);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
equity_column_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  EquityColumn *self = EQUITY_COLUMN (object);

  switch (prop_id)
    {
    case PROP_NAME:
      equity_column_set_name (self, g_value_get_string (value));
      break;
    case PROP_COLUMN_TYPE:
      equity_column_set_column_type (self, g_value_get_uint (value));
      break;
    case PROP_ROLE:
      equity_column_set_role (self, g_value_get_uint (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
equity_column_class_init (EquityColumnClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = equity_column_finalize;
  object_class->get_property = equity_column_get_property;
  object_class->set_property = equity_column_set_property;

  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_COLUMN_TYPE] =
    g_param_spec_uint ("column-type", NULL, NULL, 0, EQUITY_N_COLUMN_TYPES - 1, 0,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ROLE] =
    g_param_spec_uint ("role", NULL, NULL, 0, EQUITY_N_COLUMN_ROLES - 1, 0,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
equity_column_init (EquityColumn *self)
{
}

EquityColumn *
equity_column_new (const char       *name,
                   EquityColumnType  type,
                   EquityColumnRole  role)
{
  EquityColumn *self = g_object_new (EQUITY_TYPE_COLUMN, NULL);

  self->name = g_strdup (name ? name : "");
  self->type = type;
  self->role = role;
  return self;
}

EquityColumn *
equity_column_copy (EquityColumn *self)
{
  EquityColumn *copy;

  g_return_val_if_fail (EQUITY_IS_COLUMN (self), NULL);

  copy = equity_column_new (self->name, self->type, self->role);
  copy->moe_of = g_strdup (self->moe_of);
  copy->position = self->position;
  copy->n_nulls = self->n_nulls;
  return copy;
}

const char *
equity_column_get_name (EquityColumn *self)
{
  g_return_val_if_fail (EQUITY_IS_COLUMN (self), NULL);
  return self->name;
}

void
equity_column_set_name (EquityColumn *self,
                        const char   *name)
{
  g_return_if_fail (EQUITY_IS_COLUMN (self));

  if (g_strcmp0 (self->name, name) == 0)
    return;
  g_free (self->name);
  self->name = g_strdup (name ? name : "");
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
}

EquityColumnType
equity_column_get_column_type (EquityColumn *self)
{
  g_return_val_if_fail (EQUITY_IS_COLUMN (self), EQUITY_COLUMN_TYPE_TEXT);
  return self->type;
}

void
equity_column_set_column_type (EquityColumn     *self,
                               EquityColumnType  type)
{
  g_return_if_fail (EQUITY_IS_COLUMN (self));
  g_return_if_fail (type < EQUITY_N_COLUMN_TYPES);

  if (self->type == type)
    return;
  self->type = type;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COLUMN_TYPE]);
}

EquityColumnRole
equity_column_get_role (EquityColumn *self)
{
  g_return_val_if_fail (EQUITY_IS_COLUMN (self), EQUITY_COLUMN_ROLE_NONE);
  return self->role;
}

void
equity_column_set_role (EquityColumn     *self,
                        EquityColumnRole  role)
{
  g_return_if_fail (EQUITY_IS_COLUMN (self));
  g_return_if_fail (role < EQUITY_N_COLUMN_ROLES);

  if (self->role == role)
    return;
  self->role = role;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ROLE]);
}

const char *
equity_column_get_moe_of (EquityColumn *self)
{
  g_return_val_if_fail (EQUITY_IS_COLUMN (self), NULL);
  return self->moe_of;
}

void
equity_column_set_moe_of (EquityColumn *self,
                          const char   *estimate)
{
  g_return_if_fail (EQUITY_IS_COLUMN (self));

  g_free (self->moe_of);
  self->moe_of = g_strdup (estimate);
}

guint
equity_column_get_position (EquityColumn *self)
{
  g_return_val_if_fail (EQUITY_IS_COLUMN (self), 0);
  return self->position;
}

void
equity_column_set_position (EquityColumn *self,
                            guint         position)
{
  g_return_if_fail (EQUITY_IS_COLUMN (self));
  self->position = position;
}

guint64
equity_column_get_n_nulls (EquityColumn *self)
{
  g_return_val_if_fail (EQUITY_IS_COLUMN (self), 0);
  return self->n_nulls;
}

void
equity_column_set_n_nulls (EquityColumn *self,
                           guint64       n_nulls)
{
  g_return_if_fail (EQUITY_IS_COLUMN (self));
  self->n_nulls = n_nulls;
}
