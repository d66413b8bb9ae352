/* equity-xlsx-book.c — an XLSX workbook's sheets, shared strings and date styles
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The parts are read from the zip archive as streams through minizip (zlib's
 * contrib reader: a few kilobytes beside zlib, where GDAL would load some
 * 140 libraries) and parsed with libxml2's pull reader (ECMA-376 part 1: the
 * workbook 18.2, shared strings 18.4, styles 18.8, relationships part 2).
 */

#define G_LOG_DOMAIN "equity-xlsx"

#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n-lib.h>
#include <libxml/xmlreader.h>
#include <minizip/unzip.h>

#include "equity-error.h"
#include "equity-xlsx.h"

/* A zip member open for reading: an archive handle of its own, positioned on
 * the member (minizip reads one member at a time per handle). *SIZE, when
 * given, is the member's uncompressed size. */
static unzFile
open_member (const char *path,
             const char *member,
             guint64    *size)
{
  unzFile zip = unzOpen64 (path);
  unz_file_info64 info;

  if (zip == NULL)
    return NULL;
  /* names are matched exactly, as the relationships spell them */
  if (unzLocateFile (zip, member, 1) != UNZ_OK ||
      unzGetCurrentFileInfo64 (zip, &info, NULL, 0, NULL, 0, NULL, 0) != UNZ_OK ||
      unzOpenCurrentFile (zip) != UNZ_OK)
    {
      unzClose (zip);
      return NULL;
    }
  if (size != NULL)
    *size = info.uncompressed_size;
  return zip;
}

int
equity_xlsx_part_read (void *part,
                       char *buffer,
                       int   length)
{
  int n = unzReadCurrentFile (part, buffer, (unsigned) length);

  /* damaged data: libxml2 stops with an error */
  return n < 0 ? -1 : n;
}

void
equity_xlsx_part_close (gpointer part)
{
  if (part != NULL)
    {
      unzCloseCurrentFile (part);
      unzClose (part);
    }
}

gpointer
equity_xlsx_book_open_part (EquityXlsxBook  *book,
                            guint            index,
                            guint64         *size,
                            GError         **error)
{
  const char *member = g_ptr_array_index (book->sheet_parts, index);
  unzFile file = open_member (book->path, member, size);

  if (file == NULL)
    {
      g_set_error (error, EQUITY_ERROR, EQUITY_ERROR_PARSE,
                   _("%s, sheet “%s”: the workbook is damaged (its part %s could not be read)"),
                   book->display_name, (char *) g_ptr_array_index (book->sheet_names, index), member);
      return NULL;
    }
  return file;
}

static xmlTextReaderPtr
member_reader (unzFile file)
{
  return xmlReaderForIO (equity_xlsx_part_read, NULL, file, NULL, NULL,
                         XML_PARSE_NONET | XML_PARSE_COMPACT | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
}

static gboolean
is_element (xmlTextReaderPtr  reader,
            const char       *name)
{
  return xmlTextReaderNodeType (reader) == XML_READER_TYPE_ELEMENT &&
         g_str_equal ((const char *) xmlTextReaderConstLocalName (reader), name);
}

static gboolean
is_end (xmlTextReaderPtr  reader,
        const char       *name)
{
  return xmlTextReaderNodeType (reader) == XML_READER_TYPE_END_ELEMENT &&
         g_str_equal ((const char *) xmlTextReaderConstLocalName (reader), name);
}

/* the attribute whose local name is NAME, whatever its prefix (r:id) */
static char *
attribute (xmlTextReaderPtr  reader,
           const char       *name)
{
  char *value = NULL;

  while (value == NULL && xmlTextReaderMoveToNextAttribute (reader) == 1)
    if (g_str_equal ((const char *) xmlTextReaderConstLocalName (reader), name))
      value = g_strdup ((const char *) xmlTextReaderConstValue (reader));
  xmlTextReaderMoveToElement (reader);
  return value;
}

static gboolean
damaged (EquityXlsxBook  *book,
         const char      *member,
         GError         **error)
{
  g_set_error (error, EQUITY_ERROR, EQUITY_ERROR_PARSE, _("%s: the workbook is damaged (its part %s could not be read)"),
               book->display_name, member);
  return FALSE;
}

/* Relationship id → part, from xl/_rels/workbook.xml.rels; also the shared
 * strings' and the styles' parts */
static GHashTable *
read_relationships (EquityXlsxBook  *book,
                    char           **strings_part,
                    char           **styles_part,
                    GError         **error)
{
  static const char member[] = "xl/_rels/workbook.xml.rels";
  g_autoptr(GHashTable) parts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  unzFile file = open_member (book->path, member, NULL);
  xmlTextReaderPtr reader;
  int ret = -1;

  if (file == NULL)
    return g_steal_pointer (&parts);
  reader = member_reader (file);
  while (reader != NULL && (ret = xmlTextReaderRead (reader)) == 1)
    if (is_element (reader, "Relationship"))
      {
        g_autofree char *id = attribute (reader, "Id");
        g_autofree char *target = attribute (reader, "Target");
        g_autofree char *type = attribute (reader, "Type");
        char *part;

        if (id == NULL || target == NULL)
          continue;
        /* targets are relative to xl/, or absolute from the archive's root */
        part = target[0] == '/' ? g_strdup (target + 1) : g_strconcat ("xl/", target, NULL);
        if (type != NULL && g_str_has_suffix (type, "/sharedStrings"))
          {
            g_free (*strings_part);
            *strings_part = g_strdup (part);
          }
        else if (type != NULL && g_str_has_suffix (type, "/styles"))
          {
            g_free (*styles_part);
            *styles_part = g_strdup (part);
          }
        g_hash_table_insert (parts, g_steal_pointer (&id), part);
      }
  g_clear_pointer (&reader, xmlFreeTextReader);
  equity_xlsx_part_close (file);
  if (ret < 0)
    {
      damaged (book, member, error);
      return NULL;
    }
  return g_steal_pointer (&parts);
}

static gboolean
read_workbook (EquityXlsxBook  *book,
               GHashTable      *parts,
               gboolean        *unsupported,
               GError         **error)
{
  static const char member[] = "xl/workbook.xml";
  unzFile file = open_member (book->path, member, NULL);
  xmlTextReaderPtr reader;
  int ret = -1;

  if (file == NULL)
    {
      /* not laid out as Excel lays a workbook out: GDAL may know better */
      *unsupported = TRUE;
      g_set_error (error, EQUITY_ERROR, EQUITY_ERROR_UNSUPPORTED, _("%s: the workbook has no %s"),
                   book->display_name, member);
      return FALSE;
    }
  reader = member_reader (file);
  while (reader != NULL && (ret = xmlTextReaderRead (reader)) == 1)
    if (is_element (reader, "workbookPr"))
      {
        g_autofree char *date1904 = attribute (reader, "date1904");

        book->date1904 = date1904 != NULL && (g_str_equal (date1904, "1") || g_str_equal (date1904, "true"));
      }
    else if (is_element (reader, "sheet"))
      {
        g_autofree char *name = attribute (reader, "name");
        g_autofree char *id = attribute (reader, "id");
        const char *part = id != NULL ? g_hash_table_lookup (parts, id) : NULL;

        if (name == NULL || part == NULL)
          {
            *unsupported = TRUE;
            ret = -1;
            break;
          }
        g_ptr_array_add (book->sheet_names, g_steal_pointer (&name));
        g_ptr_array_add (book->sheet_parts, g_strdup (part));
      }
  g_clear_pointer (&reader, xmlFreeTextReader);
  equity_xlsx_part_close (file);
  if (ret < 0)
    return damaged (book, member, error);
  if (book->sheet_names->len == 0)
    {
      g_set_error (error, EQUITY_ERROR, EQUITY_ERROR_UNSUPPORTED, _("%s: the workbook holds no sheet that can be read"),
                   book->display_name);
      return FALSE;
    }
  return TRUE;
}

/* Each <si> as one NUL-terminated string: its <t> text, without the
 * phonetic guides (<rPh>) some East Asian workbooks carry */
static gboolean
read_shared_strings (EquityXlsxBook  *book,
                     const char      *member,
                     GError         **error)
{
  unzFile file = open_member (book->path, member, NULL);
  xmlTextReaderPtr reader;
  gboolean in_text = FALSE;
  guint rph_depth = 0;
  gsize start = 0;
  int ret = -1;

  book->strings = g_string_new (NULL);
  book->string_offsets = g_array_new (FALSE, FALSE, sizeof (guint32));
  if (file == NULL)
    return TRUE;   /* a workbook with numbers only has none */
  reader = member_reader (file);
  while (reader != NULL && (ret = xmlTextReaderRead (reader)) == 1)
    {
      int node = xmlTextReaderNodeType (reader);

      if (is_element (reader, "si"))
        start = book->strings->len;
      else if (is_element (reader, "rPh") && !xmlTextReaderIsEmptyElement (reader))
        rph_depth++;
      else if (is_end (reader, "rPh") && rph_depth > 0)
        rph_depth--;
      else if (is_element (reader, "t"))
        in_text = !xmlTextReaderIsEmptyElement (reader);
      else if (is_end (reader, "t"))
        in_text = FALSE;
      else if (in_text && rph_depth == 0 &&
               (node == XML_READER_TYPE_TEXT || node == XML_READER_TYPE_CDATA ||
                node == XML_READER_TYPE_SIGNIFICANT_WHITESPACE || node == XML_READER_TYPE_WHITESPACE))
        g_string_append (book->strings, (const char *) xmlTextReaderConstValue (reader));
      else if (is_end (reader, "si") || (is_element (reader, "si") && xmlTextReaderIsEmptyElement (reader)))
        {
          guint32 offset = start;

          /* offsets are 32-bit: 4 GB of text is far beyond any real workbook */
          if (book->strings->len >= G_MAXUINT32)
            {
              ret = -1;
              break;
            }
          g_string_append_c (book->strings, '\0');
          g_array_append_val (book->string_offsets, offset);
        }
    }
  g_clear_pointer (&reader, xmlFreeTextReader);
  equity_xlsx_part_close (file);
  return ret == 0 || damaged (book, member, error);
}

/* Which cell styles (the <xf> of <cellXfs>, in order) show dates or times:
 * by their number format, built in (ids 14–22) or the workbook's own */
static gboolean
read_styles (EquityXlsxBook  *book,
             const char      *member,
             GError         **error)
{
  g_autoptr(GHashTable) custom = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  unzFile file = open_member (book->path, member, NULL);
  xmlTextReaderPtr reader;
  gboolean in_cell_xfs = FALSE;
  int ret = -1;

  book->style_kinds = g_byte_array_new ();
  if (file == NULL)
    return TRUE;
  reader = member_reader (file);
  while (reader != NULL && (ret = xmlTextReaderRead (reader)) == 1)
    if (is_element (reader, "numFmt"))
      {
        g_autofree char *id = attribute (reader, "numFmtId");
        g_autofree char *code = attribute (reader, "formatCode");

        if (id != NULL && code != NULL)
          g_hash_table_insert (custom, g_steal_pointer (&id), GUINT_TO_POINTER (equity_xlsx_format_kind (code)));
      }
    else if (is_element (reader, "cellXfs"))
      in_cell_xfs = !xmlTextReaderIsEmptyElement (reader);
    else if (is_end (reader, "cellXfs"))
      in_cell_xfs = FALSE;
    else if (in_cell_xfs && is_element (reader, "xf"))
      {
        g_autofree char *id = attribute (reader, "numFmtId");
        guint64 number = id != NULL ? g_ascii_strtoull (id, NULL, 10) : 0;
        guint8 kind = EQUITY_XLSX_NUMBER;

        if (number >= 14 && number <= 17)
          kind = EQUITY_XLSX_DATE;
        else if (number >= 18 && number <= 21)
          kind = EQUITY_XLSX_TIME;
        else if (number == 22)
          kind = EQUITY_XLSX_DATETIME;
        else if (id != NULL)
          kind = GPOINTER_TO_UINT (g_hash_table_lookup (custom, id));
        g_byte_array_append (book->style_kinds, &kind, 1);
      }
  g_clear_pointer (&reader, xmlFreeTextReader);
  equity_xlsx_part_close (file);
  return ret == 0 || damaged (book, member, error);
}

EquityXlsxValueKind
equity_xlsx_format_kind (const char *code)
{
  gboolean date = FALSE, time = FALSE;

  for (const char *p = code; *p != '\0'; p++)
    {
      char c = g_ascii_tolower (*p);

      if (c == '"')
        {
          /* literal text */
          while (p[1] != '\0' && p[1] != '"')
            p++;
          if (p[1] == '"')
            p++;
        }
      else if (c == '\\' && p[1] != '\0')
        p++;
      else if (c == '[')
        {
          /* [h], [mm], [ss] are elapsed times; [Red], [$-409] say nothing */
          char next = g_ascii_tolower (p[1]);

          time |= next == 'h' || next == 'm' || next == 's';
          while (p[1] != '\0' && p[1] != ']')
            p++;
        }
      else if (c == 'y' || c == 'd')
        date = TRUE;
      else if (c == 'h' || c == 's')
        time = TRUE;
    }
  if (date && time)
    return EQUITY_XLSX_DATETIME;
  if (date)
    return EQUITY_XLSX_DATE;
  return time ? EQUITY_XLSX_TIME : EQUITY_XLSX_NUMBER;
}

/* Days from 1970-01-01 to a civil date, inverted (Gregorian calendar; the
 * 400-year era arithmetic of Hinnant's "chrono-compatible low-level date
 * algorithms", restated). */
static void
civil_from_days (gint64  days,
                 int    *year,
                 int    *month,
                 int    *day)
{
  gint64 z = days + 719468;
  gint64 era = (z >= 0 ? z : z - 146096) / 146097;
  gint64 doe = z - era * 146097;
  gint64 yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  gint64 doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  gint64 mp = (5 * doy + 2) / 153;

  *day = (int) (doy - (153 * mp + 2) / 5 + 1);
  *month = (int) (mp < 10 ? mp + 3 : mp - 9);
  *year = (int) (yoe + era * 400 + (*month <= 2));
}

void
equity_xlsx_format_serial (GString             *out,
                           double               serial,
                           EquityXlsxValueKind  kind,
                           gboolean             date1904)
{
  /* serial 25569 is 1970-01-01 in the 1900 system (whose day 0 falls on
   * 1899-12-30, Excel keeping Lotus 1-2-3's leap day in 1900); the 1904
   * system starts 1,462 days later */
  /* Excel counts a 29 February 1900 that never was: before it (serial 60)
   * its serials are a day ahead of the calendar's */
  double seconds = (serial + (date1904 ? 1462 : (serial < 60 ? 1 : 0)) - 25569.0) * 86400.0;
  gint64 whole, days, in_day;
  int year, month, day;

  /* beyond ±10,000 years is not a date */
  if (!(fabs (serial) < 365.0 * 10000))
    return;
  /* 0.5 ms off a whole second is the binary fraction's rounding */
  if (fabs (seconds - round (seconds)) < 1e-3)
    seconds = round (seconds);
  whole = (gint64) floor (seconds);
  days = whole >= 0 ? whole / 86400 : -((-whole + 86399) / 86400);
  in_day = whole - days * 86400;
  civil_from_days (days, &year, &month, &day);

  if (kind == EQUITY_XLSX_TIME)
    g_string_append_printf (out, "%02d:%02d:%02d", (int) (in_day / 3600), (int) (in_day / 60 % 60),
                            (int) (in_day % 60));
  else if (kind == EQUITY_XLSX_DATETIME)
    g_string_append_printf (out, "%04d-%02d-%02dT%02d:%02d:%02d", year, month, day, (int) (in_day / 3600),
                            (int) (in_day / 60 % 60), (int) (in_day % 60));
  else
    g_string_append_printf (out, "%04d-%02d-%02d", year, month, day);
}

EquityXlsxBook *
equity_xlsx_book_open (const char  *path,
                       const char  *display_name,
                       gboolean    *unsupported,
                       GError     **error)
{
  g_autoptr(EquityXlsxBook) book = g_new0 (EquityXlsxBook, 1);
  g_autoptr(GHashTable) parts = NULL;
  g_autofree char *strings_part = g_strdup ("xl/sharedStrings.xml");
  g_autofree char *styles_part = g_strdup ("xl/styles.xml");

  *unsupported = FALSE;
  book->path = g_strdup (path);
  book->display_name = g_strdup (display_name);
  book->sheet_names = g_ptr_array_new_with_free_func (g_free);
  book->sheet_parts = g_ptr_array_new_with_free_func (g_free);

  parts = read_relationships (book, &strings_part, &styles_part, error);
  if (parts == NULL ||
      !read_workbook (book, parts, unsupported, error) ||
      !read_shared_strings (book, strings_part, error) ||
      !read_styles (book, styles_part, error))
    return NULL;
  return g_steal_pointer (&book);
}

void
equity_xlsx_book_free (EquityXlsxBook *book)
{
  if (book == NULL)
    return;
  g_free (book->path);
  g_free (book->display_name);
  g_clear_pointer (&book->sheet_names, g_ptr_array_unref);
  g_clear_pointer (&book->sheet_parts, g_ptr_array_unref);
  if (book->strings != NULL)
    g_string_free (book->strings, TRUE);
  g_clear_pointer (&book->string_offsets, g_array_unref);
  g_clear_pointer (&book->style_kinds, g_byte_array_unref);
  g_free (book);
}

int
equity_xlsx_book_find_sheet (EquityXlsxBook  *book,
                             const char      *name,
                             GError         **error)
{
  g_autoptr(GString) list = g_string_new (NULL);

  if (name == NULL)
    return 0;
  /* the exact name first; then ignoring case, as people type sheet names */
  for (guint i = 0; i < book->sheet_names->len; i++)
    if (g_str_equal (g_ptr_array_index (book->sheet_names, i), name))
      return i;
  for (guint i = 0; i < book->sheet_names->len; i++)
    if (g_ascii_strcasecmp (g_ptr_array_index (book->sheet_names, i), name) == 0)
      return i;
  for (guint i = 0; i < book->sheet_names->len; i++)
    g_string_append_printf (list, "%s“%s”", i ? ", " : "", (char *) g_ptr_array_index (book->sheet_names, i));
  g_set_error (error, EQUITY_ERROR, EQUITY_ERROR_NOT_FOUND, _("%s: there is no sheet named “%s”; the sheets are %s"),
               book->display_name, name, list->str);
  return -1;
}
