/* equity-cell-text.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "equity-cell-text"

#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "equity-cell-text.h"
#include "equity-geometry.h"

/* longer text is cut for display */
#define MAX_CELL_BYTES 400

char *
equity_format_real (double value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];
  static const char * const formats[] = { "%.15g", "%.16g", "%.17g" };

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_ascii_formatd (buffer, sizeof buffer, formats[i], value);
      if (g_ascii_strtod (buffer, NULL) == value)
        break;
    }

  return g_strdup (buffer);
}

/* every point of GEOMETRY and its parts */
static guint64
count_points (const EquityGeometry *geometry)
{
  guint64 n = 0;

  for (guint i = 0; i < equity_geometry_get_n_parts (geometry); i++)
    n += count_points (equity_geometry_get_part (geometry, i));
  for (guint i = 0; i < equity_geometry_get_n_rings (geometry); i++)
    {
      guint n_ring;

      equity_geometry_get_ring (geometry, i, &n_ring);
      n += n_ring;
    }
  return n;
}

char *
equity_describe_wkb (const guint8 *data,
                     gsize         length)
{
  g_autoptr(EquityGeometry) geometry = NULL;
  EquityGeometryType type;
  g_autofree char *points = NULL;
  g_autofree char *count = NULL;
  guint64 n_points;

  geometry = data != NULL ? equity_geometry_new_from_wkb (data, length, NULL) : NULL;
  if (geometry == NULL)
    return g_strdup (_("(unreadable geometry)"));

  type = equity_geometry_get_geometry_type (geometry);
  if (type == EQUITY_GEOMETRY_POINT)
    {
      const double *point;
      guint n;

      if (equity_geometry_get_n_rings (geometry) == 0)
        /* Translators: a geometry with no coordinates */
        return g_strdup (_("Point (empty)"));
      point = equity_geometry_get_ring (geometry, 0, &n);
      return g_strdup_printf ("Point (%.6g, %.6g)", point[0], point[1]);
    }

  n_points = count_points (geometry);
  count = g_strdup_printf ("%" G_GUINT64_FORMAT, n_points);
  /* Translators: the number of points of a geometry, as in "Polygon (12 points)" */
  points = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s point", "%s points", n_points), count);
  if (type >= EQUITY_GEOMETRY_MULTI_POINT)
    {
      guint n_parts = equity_geometry_get_n_parts (geometry);
      /* Translators: a multi-part geometry, "MultiPolygon (3 parts, 240 points)" */
      g_autofree char *parts = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u part", "%u parts", n_parts),
                                                n_parts);
      return g_strdup_printf ("%s (%s, %s)", equity_geometry_type_to_string (type), parts, points);
    }

  return g_strdup_printf ("%s (%s)", equity_geometry_type_to_string (type), points);
}

char *
equity_cell_text (sqlite3_stmt *stmt,
                  int           index)
{
  switch (sqlite3_column_type (stmt, index))
    {
    case SQLITE_NULL:
      return NULL;

    case SQLITE_INTEGER:
      return g_strdup_printf ("%" G_GINT64_FORMAT, (gint64) sqlite3_column_int64 (stmt, index));

    case SQLITE_FLOAT:
      return equity_format_real (sqlite3_column_double (stmt, index));

    case SQLITE_BLOB:
      return equity_describe_wkb (sqlite3_column_blob (stmt, index), sqlite3_column_bytes (stmt, index));

    case SQLITE_TEXT:
    default:
      {
        const char *text = (const char *) sqlite3_column_text (stmt, index);
        gsize length = sqlite3_column_bytes (stmt, index);
        const char *end;

        if (length <= MAX_CELL_BYTES)
          return g_strndup (text, length);
        /* cut at a character boundary */
        g_utf8_validate (text, MAX_CELL_BYTES, &end);
        {
          g_autofree char *head = g_strndup (text, end - text);
          return g_strconcat (head, "…", NULL);
        }
      }
    }
}

