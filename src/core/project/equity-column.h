/* equity-column.h — one column of a dataset: name, type and role
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum
{
  EQUITY_COLUMN_TYPE_TEXT,
  EQUITY_COLUMN_TYPE_INTEGER,
  EQUITY_COLUMN_TYPE_REAL,
  EQUITY_COLUMN_TYPE_DATE,
  EQUITY_COLUMN_TYPE_GEOMETRY,
} EquityColumnType;

typedef enum
{
  EQUITY_COLUMN_ROLE_NONE,
  EQUITY_COLUMN_ROLE_KEY,          /* geography key: tract GEOID, neighborhood name */
  EQUITY_COLUMN_ROLE_LATITUDE,
  EQUITY_COLUMN_ROLE_LONGITUDE,
  EQUITY_COLUMN_ROLE_LOCATION,     /* "lat, lon" in one text field */
  EQUITY_COLUMN_ROLE_GROUP,        /* race, ethnicity, gender, MWBE status */
  EQUITY_COLUMN_ROLE_COUNT,
  EQUITY_COLUMN_ROLE_AMOUNT,
  EQUITY_COLUMN_ROLE_DURATION,
  EQUITY_COLUMN_ROLE_DATE,
  EQUITY_COLUMN_ROLE_POPULATION,
  EQUITY_COLUMN_ROLE_MOE,          /* margin of error of the column named by moe-of */
  EQUITY_COLUMN_ROLE_IDENTIFIER,   /* a record id: never summed */
  EQUITY_COLUMN_ROLE_GEOMETRY,
  EQUITY_COLUMN_ROLE_TIME,         /* a time of day (1416 for 14:16): never averaged */
} EquityColumnRole;

#define EQUITY_N_COLUMN_TYPES (EQUITY_COLUMN_TYPE_GEOMETRY + 1)
#define EQUITY_N_COLUMN_ROLES (EQUITY_COLUMN_ROLE_TIME + 1)

const char *equity_column_type_to_string  (EquityColumnType  type);
gboolean    equity_column_type_from_string (const char       *text,
                                            EquityColumnType *type);
const char *equity_column_type_to_label   (EquityColumnType  type);
const char *equity_column_role_to_string  (EquityColumnRole  role);
gboolean    equity_column_role_from_string (const char       *text,
                                            EquityColumnRole *role);
const char *equity_column_role_to_label   (EquityColumnRole  role);

#define EQUITY_TYPE_COLUMN (equity_column_get_type ())
G_DECLARE_FINAL_TYPE (EquityColumn, equity_column, EQUITY, COLUMN, GObject)

EquityColumn     *equity_column_new          (const char       *name,
                                              EquityColumnType  type,
                                              EquityColumnRole  role);
EquityColumn     *equity_column_copy         (EquityColumn     *self);
const char       *equity_column_get_name     (EquityColumn     *self);
void              equity_column_set_name     (EquityColumn     *self,
                                              const char       *name);
EquityColumnType  equity_column_get_column_type (EquityColumn  *self);
void              equity_column_set_column_type (EquityColumn  *self,
                                                 EquityColumnType type);
EquityColumnRole  equity_column_get_role     (EquityColumn     *self);
void              equity_column_set_role     (EquityColumn     *self,
                                              EquityColumnRole  role);
/* for a margin-of-error column: the name of its estimate column, else NULL */
const char       *equity_column_get_moe_of   (EquityColumn     *self);
void              equity_column_set_moe_of   (EquityColumn     *self,
                                              const char       *estimate);
/* position in the dataset (0-based); the storage column is "c<position>" */
guint             equity_column_get_position (EquityColumn     *self);
void              equity_column_set_position (EquityColumn     *self,
                                              guint             position);
/* statistics filled by the importer: empty cells and cells turned into NULL */
guint64           equity_column_get_n_nulls  (EquityColumn     *self);
void              equity_column_set_n_nulls  (EquityColumn     *self,
                                              guint64           n_nulls);

G_END_DECLS
