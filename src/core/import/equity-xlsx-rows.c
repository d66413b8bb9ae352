/* equity-xlsx-rows.c — the rows of one XLSX sheet, parsed as the XML streams in
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A sheet is <sheetData> holding <row r="5"> elements, each holding cells
 * <c r="C5" t="s" s="3"><v>12</v></c>. Rows and cells with no data are left
 * out of the file, so the r attributes say where each one is; a cell without
 * r follows the one before it. The cell's t attribute says what <v> holds: an
 * index into the shared strings (s), a boolean (b), an error (e), a formula's
 * text (str), text inside the cell itself (inlineStr: <is><t>…</t></is>),
 * else a number, which its style may show as a date (ECMA-376 part 1, 18.3.1.4).
 */

#define G_LOG_DOMAIN "equity-xlsx"

#include "config.h"

#include <inttypes.h>
#include <stdlib.h>
#include <string.h>
#include <glib/gi18n-lib.h>
#include <libxml/xmlreader.h>

#include "equity-error.h"
#include "equity-xlsx.h"

/* the widest sheet Excel makes: XFD, 16,384 columns */
#define MAX_COLUMNS 16384

struct _EquityXlsxRows
{
  const EquityXlsxBook *book;
  char                 *sheet_name;
  xmlTextReaderPtr      reader;
  const xmlChar        *name_row, *name_c, *name_v, *name_is, *name_t, *name_rph;
  const xmlChar        *name_r, *name_type, *name_style;
  /* the current row: values NUL-terminated in BUFFER (offset 0 holds the
   * empty string every absent cell points at) */
  GString              *buffer;
  GArray               *offsets;     /* gsize per column */
  GArray               *lengths;     /* gsize per column */
  guint                 width;
  guint64               row;
  guint                 column;      /* of the last cell read, from 0 */
  GString              *value;       /* the cell being read, as in the file */
  char                 *xml_error;   /* libxml2's first complaint */
  gboolean              done;
};

static void
on_xml_error (void        *data,
              xmlErrorPtr  error)
{
  EquityXlsxRows *self = data;

  if (self->xml_error == NULL && error != NULL && error->message != NULL)
    self->xml_error = g_strchomp (g_strdup (error->message));
}

static void
ignore_message (void       *data,
                const char *format,
                ...)
{
}

EquityXlsxRows *
equity_xlsx_rows_new (const EquityXlsxBook *book,
                      const char           *sheet_name,
                      EquityXlsxRead        read,
                      void                 *data)
{
  EquityXlsxRows *self = g_new0 (EquityXlsxRows, 1);

  self->book = book;
  self->sheet_name = g_strdup (sheet_name);
  /* a damaged file's bytes are reported through the error, not on stderr
   * (libxml2 prints encoding faults there; this thread's setting only) */
  xmlSetGenericErrorFunc (NULL, ignore_message);
  /* no network, no entity expansion: a workbook is untrusted input */
  self->reader = xmlReaderForIO (read, NULL, data, NULL, NULL,
                                 XML_PARSE_NONET | XML_PARSE_COMPACT | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
  if (self->reader != NULL)
    {
      xmlTextReaderSetStructuredErrorHandler (self->reader, on_xml_error, self);
      /* interned once: the reader's names are compared by pointer */
      self->name_row = xmlTextReaderConstString (self->reader, BAD_CAST "row");
      self->name_c = xmlTextReaderConstString (self->reader, BAD_CAST "c");
      self->name_v = xmlTextReaderConstString (self->reader, BAD_CAST "v");
      self->name_is = xmlTextReaderConstString (self->reader, BAD_CAST "is");
      self->name_t = xmlTextReaderConstString (self->reader, BAD_CAST "t");
      self->name_rph = xmlTextReaderConstString (self->reader, BAD_CAST "rPh");
      self->name_r = xmlTextReaderConstString (self->reader, BAD_CAST "r");
      self->name_type = self->name_t;
      self->name_style = xmlTextReaderConstString (self->reader, BAD_CAST "s");
    }
  self->buffer = g_string_sized_new (256);
  self->offsets = g_array_new (FALSE, TRUE, sizeof (gsize));
  self->lengths = g_array_new (FALSE, TRUE, sizeof (gsize));
  self->value = g_string_sized_new (64);
  return self;
}

void
equity_xlsx_rows_free (EquityXlsxRows *self)
{
  if (self == NULL)
    return;
  g_clear_pointer (&self->reader, xmlFreeTextReader);
  g_string_free (self->buffer, TRUE);
  g_array_unref (self->offsets);
  g_array_unref (self->lengths);
  g_string_free (self->value, TRUE);
  g_free (self->xml_error);
  g_free (self->sheet_name);
  g_free (self);
}

guint64
equity_xlsx_rows_number (EquityXlsxRows *self)
{
  return self->row;
}

guint64
equity_xlsx_rows_bytes_parsed (EquityXlsxRows *self)
{
  long consumed = self->reader != NULL ? xmlTextReaderByteConsumed (self->reader) : 0;

  return consumed > 0 ? (guint64) consumed : 0;
}

guint
equity_xlsx_rows_width (EquityXlsxRows *self)
{
  return self->width;
}

const char *
equity_xlsx_rows_cell (EquityXlsxRows *self,
                       guint           column,
                       gsize          *length)
{
  gsize offset = 0, size = 0;

  if (column < self->width)
    {
      offset = g_array_index (self->offsets, gsize, column);
      size = g_array_index (self->lengths, gsize, column);
    }
  if (length != NULL)
    *length = size;
  return self->buffer->str + offset;
}

char *
equity_xlsx_column_name (guint column)
{
  char letters[8];
  int at = sizeof letters - 1;

  letters[at] = '\0';
  for (guint n = column + 1; n > 0 && at > 0; n = (n - 1) / 26)
    letters[--at] = 'A' + (n - 1) % 26;
  return g_strdup (letters + at);
}

static void
set_cell_error (EquityXlsxRows  *self,
                GError         **error,
                const char      *what)
{
  g_autofree char *letters = equity_xlsx_column_name (self->column);

  /* TRANSLATORS: "budget.xlsx, sheet “2016”, cell C5: …" */
  g_set_error (error, EQUITY_ERROR, EQUITY_ERROR_PARSE, _("%s, sheet “%s”, cell %s%" PRIu64 " (row %" PRIu64 ", column %s): %s"),
               self->book->display_name, self->sheet_name, letters, self->row, self->row, letters, what);
}

static gboolean
parse_unsigned (const char *text,
                guint64     max,
                guint64    *value)
{
  char *end = NULL;
  guint64 parsed;

  if (text == NULL || !g_ascii_isdigit (text[0]))
    return FALSE;
  parsed = g_ascii_strtoull (text, &end, 10);
  if (*end != '\0' || parsed > max)
    return FALSE;
  *value = parsed;
  return TRUE;
}

/* Sets self->column from a reference like "C5"; FALSE when it is not one */
static gboolean
parse_reference (EquityXlsxRows *self,
                 const char     *reference)
{
  guint column = 0;
  const char *p = reference;

  for (; *p >= 'A' && *p <= 'Z'; p++)
    {
      column = column * 26 + (guint) (*p - 'A' + 1);
      if (column > MAX_COLUMNS)
        return FALSE;
    }
  if (p == reference || !g_ascii_isdigit (*p))
    return FALSE;
  self->column = column - 1;
  return TRUE;
}

static void
store_cell (EquityXlsxRows *self,
            const char     *text,
            gsize           length)
{
  gsize offset = self->buffer->len, zero = 0;

  if (self->column >= self->width)
    {
      g_array_set_size (self->offsets, self->column + 1);
      g_array_set_size (self->lengths, self->column + 1);
      for (guint i = self->width; i < self->column; i++)
        {
          g_array_index (self->offsets, gsize, i) = zero;
          g_array_index (self->lengths, gsize, i) = zero;
        }
      self->width = self->column + 1;
    }
  g_string_append_len (self->buffer, text, length);
  g_string_append_c (self->buffer, '\0');
  g_array_index (self->offsets, gsize, self->column) = offset;
  g_array_index (self->lengths, gsize, self->column) = length;
}

/* The cell's value as the importer reads it, from its type T, style S and
 * the text of <v> or <is> in self->value */
static gboolean
convert_cell (EquityXlsxRows  *self,
              const char      *type,
              guint64          style,
              GError         **error)
{
  const EquityXlsxBook *book = self->book;
  GString *value = self->value;

  if (type != NULL && g_str_equal (type, "s"))
    {
      guint64 index;
      const char *text;

      if (!parse_unsigned (value->str, G_MAXUINT32, &index) ||
          book->string_offsets == NULL || index >= book->string_offsets->len)
        {
          g_autofree char *what = g_strdup_printf (_("the workbook has no shared text number “%s”"), value->str);
          set_cell_error (self, error, what);
          return FALSE;
        }
      text = book->strings->str + g_array_index (book->string_offsets, guint32, index);
      store_cell (self, text, strlen (text));
      return TRUE;
    }

  /* a number its style shows as a date or a time */
  if ((type == NULL || g_str_equal (type, "n")) && value->len > 0 &&
      book->style_kinds != NULL && style < book->style_kinds->len &&
      book->style_kinds->data[style] != EQUITY_XLSX_NUMBER)
    {
      char *end = NULL;
      double serial = g_ascii_strtod (value->str, &end);

      if (end != value->str && *end == '\0')
        {
          g_autoptr(GString) text = g_string_new (NULL);

          equity_xlsx_format_serial (text, serial, book->style_kinds->data[style], book->date1904);
          store_cell (self, text->str, text->len);
          return TRUE;
        }
    }
  /* a number written with 17 digits to keep the exact binary value
   * (58.658000000000001) reads as Excel shows it, when that is the same value */
  if ((type == NULL || g_str_equal (type, "n")) && value->len > 16)
    {
      char *end = NULL;
      double number = g_ascii_strtod (value->str, &end);
      char shorter[G_ASCII_DTOSTR_BUF_SIZE];

      if (end != value->str && *end == '\0' &&
          g_ascii_formatd (shorter, sizeof shorter, "%.15g", number) != NULL &&
          g_ascii_strtod (shorter, NULL) == number)
        {
          store_cell (self, shorter, strlen (shorter));
          return TRUE;
        }
    }
  /* numbers, booleans (1/0), errors (#N/A) and text as written */
  store_cell (self, value->str, value->len);
  return TRUE;
}

static gboolean
read_cell (EquityXlsxRows  *self,
           GError         **error)
{
  xmlTextReaderPtr reader = self->reader;
  g_autofree char *type = NULL;
  guint64 style = G_MAXUINT64;
  gboolean has_reference = FALSE, in_value = FALSE, in_text = FALSE;
  int depth = xmlTextReaderDepth (reader), ret;
  guint rph_depth = 0;

  while (xmlTextReaderMoveToNextAttribute (reader) == 1)
    {
      const xmlChar *name = xmlTextReaderConstLocalName (reader);
      const char *text = (const char *) xmlTextReaderConstValue (reader);

      if (name == self->name_r)
        {
          if (!parse_reference (self, text))
            {
              g_autofree char *what = g_strdup_printf (_("“%s” is not a cell reference"), text);
              set_cell_error (self, error, what);
              return FALSE;
            }
          has_reference = TRUE;
        }
      else if (name == self->name_type)
        type = g_strdup (text);
      else if (name == self->name_style && !parse_unsigned (text, G_MAXUINT32, &style))
        style = G_MAXUINT64;
    }
  xmlTextReaderMoveToElement (reader);
  if (!has_reference)
    self->column++;   /* after the one before; from G_MAXUINT, the first */
  if (self->column >= MAX_COLUMNS)
    {
      set_cell_error (self, error, _("the row has more columns than a sheet can hold"));
      return FALSE;
    }

  g_string_truncate (self->value, 0);
  if (xmlTextReaderIsEmptyElement (reader))
    return TRUE;

  /* the text of <v>, or of <is>'s <t> elements without phonetic runs */
  while ((ret = xmlTextReaderRead (reader)) == 1)
    {
      int node = xmlTextReaderNodeType (reader);

      if (node == XML_READER_TYPE_END_ELEMENT && xmlTextReaderDepth (reader) == depth)
        break;
      if (node == XML_READER_TYPE_ELEMENT && !xmlTextReaderIsEmptyElement (reader))
        {
          const xmlChar *name = xmlTextReaderConstLocalName (reader);

          if (name == self->name_v)
            in_value = TRUE;
          else if (name == self->name_t)
            in_text = TRUE;
          else if (name == self->name_rph)
            rph_depth++;
        }
      else if (node == XML_READER_TYPE_END_ELEMENT)
        {
          const xmlChar *name = xmlTextReaderConstLocalName (reader);

          if (name == self->name_v)
            in_value = FALSE;
          else if (name == self->name_t)
            in_text = FALSE;
          else if (name == self->name_rph && rph_depth > 0)
            rph_depth--;
        }
      else if ((node == XML_READER_TYPE_TEXT || node == XML_READER_TYPE_CDATA ||
                node == XML_READER_TYPE_SIGNIFICANT_WHITESPACE || node == XML_READER_TYPE_WHITESPACE) &&
               (in_value || (in_text && rph_depth == 0)))
        g_string_append (self->value, (const char *) xmlTextReaderConstValue (reader));
    }
  if (ret != 1)
    return TRUE;   /* the caller reports the damage */
  if (self->value->len == 0)
    return TRUE;
  return convert_cell (self, type, style, error);
}

static void
start_row (EquityXlsxRows *self)
{
  guint64 number = 0;
  g_autofree char *r = (char *) xmlTextReaderGetAttribute (self->reader, BAD_CAST "r");

  self->row = parse_unsigned (r, G_MAXUINT32, &number) && number > 0 ? number : self->row + 1;
  g_string_truncate (self->buffer, 0);
  g_string_append_c (self->buffer, '\0');
  self->width = 0;
  self->column = G_MAXUINT;
}

gboolean
equity_xlsx_rows_next (EquityXlsxRows  *self,
                       GError         **error)
{
  gboolean in_row = FALSE;
  int ret;

  if (self->reader == NULL)
    {
      g_set_error (error, EQUITY_ERROR, EQUITY_ERROR_PARSE, _("%s, sheet “%s”: the sheet could not be read"),
                   self->book->display_name, self->sheet_name);
      return FALSE;
    }
  if (self->done)
    return FALSE;

  while ((ret = xmlTextReaderRead (self->reader)) == 1)
    {
      int node = xmlTextReaderNodeType (self->reader);
      const xmlChar *name;

      if (node != XML_READER_TYPE_ELEMENT && node != XML_READER_TYPE_END_ELEMENT)
        continue;
      name = xmlTextReaderConstLocalName (self->reader);
      if (node == XML_READER_TYPE_ELEMENT && name == self->name_row)
        {
          start_row (self);
          if (xmlTextReaderIsEmptyElement (self->reader))
            continue;
          in_row = TRUE;
        }
      else if (node == XML_READER_TYPE_ELEMENT && name == self->name_c && in_row)
        {
          if (!read_cell (self, error))
            return FALSE;
        }
      else if (node == XML_READER_TYPE_END_ELEMENT && name == self->name_row && in_row)
        return TRUE;
    }

  self->done = TRUE;
  if (ret < 0 || in_row)
    {
      g_autofree char *what = g_strdup_printf (_("the sheet’s XML is damaged (%s)"),
                                               self->xml_error ? self->xml_error : _("it ends early"));

      if (self->row == 0)
        g_set_error (error, EQUITY_ERROR, EQUITY_ERROR_PARSE, _("%s, sheet “%s”: %s"),
                     self->book->display_name, self->sheet_name, what);
      else
        {
          if (self->column == G_MAXUINT)
            self->column = 0;
          set_cell_error (self, error, what);
        }
      return FALSE;
    }
  return FALSE;
}
