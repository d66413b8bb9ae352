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

typedef struct
{
  const guint8 *data;
  gsize         length;
  gsize         offset;
  guint64       n_points;
  guint         depth;
} WkbReader;

static gboolean
wkb_read_u32 (WkbReader *reader,
              gboolean   little,
              guint32   *value)
{
  guint32 raw;

  if (reader->offset + 4 > reader->length)
    return FALSE;
  memcpy (&raw, reader->data + reader->offset, 4);
  reader->offset += 4;
  *value = little ? GUINT32_FROM_LE (raw) : GUINT32_FROM_BE (raw);
  return TRUE;
}

static gboolean
wkb_read_double (WkbReader *reader,
                 gboolean   little,
                 double    *value)
{
  guint64 raw;

  if (reader->offset + 8 > reader->length)
    return FALSE;
  memcpy (&raw, reader->data + reader->offset, 8);
  reader->offset += 8;
  raw = little ? GUINT64_FROM_LE (raw) : GUINT64_FROM_BE (raw);
  memcpy (value, &raw, 8);
  return TRUE;
}

/* Walks one geometry, counting its points; the type of the outermost one,
 * with its first coordinates and its parts, go to the caller. */
static gboolean
wkb_walk (WkbReader *reader,
          guint     *type_out,
          guint     *n_parts_out,
          double     first_point[2])
{
  guint32 type, n, n_rings, dims = 2;
  gboolean little;

  if (reader->offset + 1 > reader->length || ++reader->depth > 32)
    return FALSE;
  little = reader->data[reader->offset++] == 1;
  if (!wkb_read_u32 (reader, little, &type))
    return FALSE;

  /* EWKB flags, then ISO's Z (1000), M (2000) and ZM (3000) */
  if (type & 0x80000000)
    dims++;
  if (type & 0x40000000)
    dims++;
  if (type & 0x20000000)
    {
      guint32 srid;
      if (!wkb_read_u32 (reader, little, &srid))
        return FALSE;
    }
  type &= 0x0fffffff;
  dims += type / 1000 == 3 ? 2 : type / 1000 > 0 ? 1 : 0;
  type %= 1000;

  if (type_out != NULL)
    *type_out = type;

  switch (type)
    {
    case 1:
      for (guint d = 0; d < dims; d++)
        {
          double v;
          if (!wkb_read_double (reader, little, &v))
            return FALSE;
          if (first_point != NULL && d < 2)
            first_point[d] = v;
        }
      /* an empty point is written as NaN coordinates */
      if (first_point == NULL || !isnan (first_point[0]))
        reader->n_points++;
      return TRUE;

    case 2:
      if (!wkb_read_u32 (reader, little, &n) || (guint64) n * dims * 8 > reader->length - reader->offset)
        return FALSE;
      reader->offset += (gsize) n * dims * 8;
      reader->n_points += n;
      return TRUE;

    case 3:
      if (!wkb_read_u32 (reader, little, &n_rings))
        return FALSE;
      for (guint r = 0; r < n_rings; r++)
        {
          if (!wkb_read_u32 (reader, little, &n) || (guint64) n * dims * 8 > reader->length - reader->offset)
            return FALSE;
          reader->offset += (gsize) n * dims * 8;
          reader->n_points += n;
        }
      return TRUE;

    case 4: case 5: case 6: case 7:
      if (!wkb_read_u32 (reader, little, &n))
        return FALSE;
      if (n_parts_out != NULL)
        *n_parts_out = n;
      for (guint i = 0; i < n; i++)
        if (!wkb_walk (reader, NULL, NULL, NULL))
          return FALSE;
      return TRUE;

    default:
      return FALSE;
    }
}

char *
equity_describe_wkb (const guint8 *data,
                     gsize         length)
{
  static const char * const names[] = {
    NULL, "Point", "LineString", "Polygon", "MultiPoint", "MultiLineString",
    "MultiPolygon", "GeometryCollection",
  };
  WkbReader reader = { data, length, 0, 0, 0 };
  double first[2] = { NAN, NAN };
  guint type = 0;
  guint n_parts = 0;
  g_autofree char *points = NULL;
  g_autofree char *count = NULL;

  if (data == NULL || !wkb_walk (&reader, &type, &n_parts, first))
    return g_strdup (_("(unreadable geometry)"));

  if (type == 1)
    {
      if (isnan (first[0]))
        /* Translators: a geometry with no coordinates */
        return g_strdup (_("Point (empty)"));
      return g_strdup_printf ("Point (%.6g, %.6g)", first[0], first[1]);
    }

  count = g_strdup_printf ("%" G_GUINT64_FORMAT, reader.n_points);
  /* Translators: the number of points of a geometry, as in "Polygon (12 points)" */
  points = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s point", "%s points", reader.n_points), count);
  if (type >= 4)
    {
      /* Translators: a multi-part geometry, "MultiPolygon (3 parts, 240 points)" */
      g_autofree char *parts = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u part", "%u parts", n_parts),
                                                n_parts);
      return g_strdup_printf ("%s (%s, %s)", names[type], parts, points);
    }

  return g_strdup_printf ("%s (%s)", names[type], points);
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

