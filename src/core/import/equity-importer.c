/* equity-importer.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "equity-importer"

#include "config.h"

#include <inttypes.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "equity-cell-text.h"
#include "equity-error.h"
#include "equity-import-checks.h"
#include "equity-importer.h"
#include "equity-project-private.h"
#include "equity-record-source.h"
#include "equity-schema.h"
#include "equity-type-guess.h"

#define N_PREVIEW       100
#define MAX_WARNINGS    50
#define CHECK_EVERY     4096

struct _EquityImporter
{
  GObject              parent_instance;
  GFile               *file;
  char                *name;
  guint                skip_rows;
  gboolean             lenient_quotes;
  char                 delimiter;
  char                *encoding;
  char                *sheet;
  char                *layer;
  char                *source_label;

  EquityRecordSource  *source;
  GPtrArray           *columns;       /* EquityColumn */
  GArray              *guesses;       /* EquityTypeGuess, one per column */
  guint               *date_layouts;  /* per column, for the chosen type */
  GPtrArray           *preview;       /* GStrv */
  GPtrArray           *warnings;      /* char *, NULL-terminated */
  GPtrArray           *sentinels;     /* char *, NULL-terminated */
  guint64              n_rows;
  guint                n_ragged;
  gboolean             convert_sentinels;
  gboolean             analyzed;
};

G_DEFINE_FINAL_TYPE (EquityImporter, equity_importer, G_TYPE_OBJECT)

static void
clear_guesses (EquityImporter *self)
{
  if (self->guesses == NULL)
    return;
  for (guint i = 0; i < self->guesses->len; i++)
    equity_type_guess_clear (&g_array_index (self->guesses, EquityTypeGuess, i));
  g_clear_pointer (&self->guesses, g_array_unref);
}

static void
equity_importer_finalize (GObject *object)
{
  EquityImporter *self = EQUITY_IMPORTER (object);

  clear_guesses (self);
  g_clear_object (&self->file);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->encoding, g_free);
  g_clear_pointer (&self->sheet, g_free);
  g_clear_pointer (&self->layer, g_free);
  g_clear_pointer (&self->source_label, g_free);
  g_clear_pointer (&self->source, equity_record_source_free);
  g_clear_pointer (&self->columns, g_ptr_array_unref);
  g_clear_pointer (&self->date_layouts, g_free);
  g_clear_pointer (&self->preview, g_ptr_array_unref);
  g_clear_pointer (&self->warnings, g_ptr_array_unref);
  g_clear_pointer (&self->sentinels, g_ptr_array_unref);

  G_OBJECT_CLASS (equity_importer_parent_class)->finalize (object);
}

static void
equity_importer_class_init (EquityImporterClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = equity_importer_finalize;
}

static void
equity_importer_init (EquityImporter *self)
{
  self->convert_sentinels = TRUE;
  self->columns = g_ptr_array_new_with_free_func (g_object_unref);
  self->preview = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  self->warnings = g_ptr_array_new_with_free_func (g_free);
  self->sentinels = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (self->warnings, NULL);
  g_ptr_array_add (self->sentinels, NULL);
}

static char *
name_from_file (GFile *file)
{
  g_autofree char *basename = g_file_get_basename (file);
  char *dot = strrchr (basename, '.');

  if (dot != NULL && dot != basename)
    *dot = '\0';
  return g_steal_pointer (&basename);
}

EquityImporter *
equity_importer_new (GFile                     *file,
                     const EquityImportOptions *options)
{
  EquityImporter *self;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  self = g_object_new (EQUITY_TYPE_IMPORTER, NULL);
  self->file = g_object_ref (file);
  if (options != NULL)
    {
      self->name = g_strdup (options->name);
      self->skip_rows = options->skip_rows;
      self->lenient_quotes = options->lenient_quotes;
      self->delimiter = options->delimiter;
      self->encoding = g_strdup (options->encoding);
      self->sheet = g_strdup (options->sheet);
      self->layer = g_strdup (options->layer);
      self->source_label = g_strdup (options->source_label);
    }
  if (self->name == NULL)
    self->name = name_from_file (file);
  return self;
}

static void
add_warning (EquityImporter *self,
             char           *message)
{
  if (self->warnings->len > MAX_WARNINGS)
    {
      g_free (message);
      return;
    }
  g_ptr_array_insert (self->warnings, self->warnings->len - 1, message);
}

static EquityRecordSource *
open_source (EquityImporter  *self,
             GError         **error)
{
  if (equity_record_source_is_text (self->file))
    return equity_record_source_new_csv (self->file, self->skip_rows, self->delimiter,
                                         self->encoding, self->lenient_quotes, error);
  return equity_record_source_new_ogr (self->file, self->sheet ? self->sheet : self->layer, error);
}

/* ACS estimate/margin pairs: E_X/M_X, EP_X/MP_X, B01001_001E/B01001_001M,
 * "X Estimate"/"X Margin of Error", "Estimate!!X"/"Margin of Error!!X", X/X_moe. */
static char *
estimate_name_for_moe (const char *name)
{
  gsize len = strlen (name);

  if (g_str_has_prefix (name, "M_"))
    return g_strconcat ("E_", name + 2, NULL);
  if (g_str_has_prefix (name, "MP_"))
    return g_strconcat ("EP_", name + 3, NULL);
  if (len > 1 && name[len - 1] == 'M' && len > 4 && g_ascii_isdigit (name[len - 2]) && strchr (name, '_'))
    {
      char *estimate = g_strdup (name);
      estimate[len - 1] = 'E';
      return estimate;
    }
  if (g_str_has_prefix (name, "Margin of Error!!"))
    return g_strconcat ("Estimate!!", name + strlen ("Margin of Error!!"), NULL);
  if (g_str_has_suffix (name, " Margin of Error"))
    {
      g_autofree char *stem = g_strndup (name, len - strlen (" Margin of Error"));
      return g_strconcat (stem, " Estimate", NULL);
    }
  if (g_str_has_suffix (name, "_moe") || g_str_has_suffix (name, "_MOE"))
    return g_strndup (name, len - 4);
  return NULL;
}

static void
link_margins_of_error (EquityImporter *self)
{
  for (guint i = 0; i < self->columns->len; i++)
    {
      EquityColumn *column = g_ptr_array_index (self->columns, i);
      g_autofree char *estimate = estimate_name_for_moe (equity_column_get_name (column));

      if (estimate == NULL)
        continue;
      for (guint j = 0; j < self->columns->len; j++)
        {
          EquityColumn *other = g_ptr_array_index (self->columns, j);
          const char *other_name = equity_column_get_name (other);

          if (j != i && (g_str_equal (other_name, estimate) ||
                         /* "X Margin of Error" may pair with plain "X" */
                         (g_str_has_suffix (estimate, " Estimate") &&
                          strncmp (other_name, estimate, strlen (estimate) - strlen (" Estimate")) == 0 &&
                          other_name[strlen (estimate) - strlen (" Estimate")] == '\0')))
            {
              equity_column_set_role (column, EQUITY_COLUMN_ROLE_MOE);
              equity_column_set_moe_of (column, other_name);
              break;
            }
        }
    }
}

static void
settle_types (EquityImporter *self)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  g_clear_pointer (&self->date_layouts, g_free);
  self->date_layouts = g_new0 (guint, self->columns->len);
  g_ptr_array_set_size (self->sentinels, 0);

  for (guint i = 0; i < self->columns->len; i++)
    {
      EquityColumn *column = g_ptr_array_index (self->columns, i);
      EquityTypeGuess *guess = &g_array_index (self->guesses, EquityTypeGuess, i);
      gboolean ambiguous = FALSE;
      EquityColumnType type;
      EquityColumnRole role;
      GHashTableIter iter;
      gpointer key;

      if (self->source->funcs->field_type (self->source, i) >= 0)
        type = self->source->funcs->field_type (self->source, i);
      else
        type = equity_type_guess_result (guess, self->convert_sentinels, &self->date_layouts[i], &ambiguous);
      role = equity_type_guess_suggest_role (guess, equity_column_get_name (column), type);
      /* A geography key is a code, not a quantity (DESIGN.md: FIPS codes are
       * text): 37021000100 is never summed, and it reads the same as written. */
      if (role == EQUITY_COLUMN_ROLE_KEY && type == EQUITY_COLUMN_TYPE_INTEGER &&
          self->source->funcs->field_type (self->source, i) < 0)
        type = EQUITY_COLUMN_TYPE_TEXT;
      /* Census codes and labels that happen to be numbers (STATEFP 37, tract
       * NAME 9.01) stay text, like COUNTYFP 021 does by its leading zero. */
      if ((type == EQUITY_COLUMN_TYPE_INTEGER || type == EQUITY_COLUMN_TYPE_REAL) &&
          self->source->funcs->field_type (self->source, i) < 0 &&
          equity_type_guess_name_is_code (equity_column_get_name (column)))
        {
          type = EQUITY_COLUMN_TYPE_TEXT;
          role = equity_type_guess_suggest_role (guess, equity_column_get_name (column), type);
        }
      equity_column_set_column_type (column, type);
      equity_column_set_role (column, role);
      equity_column_set_n_nulls (column, guess->n_empty + (self->convert_sentinels ? guess->n_sentinels : 0));
      if (ambiguous)
        add_warning (self, g_strdup_printf (_("Dates in column “%s” could be day/month or month/day; "
                                              "they are kept as written"),
                                            equity_column_get_name (column)));

      g_hash_table_iter_init (&iter, guess->sentinels_seen);
      while (g_hash_table_iter_next (&iter, &key, NULL))
        if (!g_hash_table_contains (seen, key))
          {
            g_hash_table_add (seen, key);
            g_ptr_array_add (self->sentinels, g_strdup (key));
          }
    }
  g_ptr_array_add (self->sentinels, NULL);
  link_margins_of_error (self);
}

static gboolean
read_header (EquityImporter  *self,
             GCancellable    *cancellable,
             GError         **error)
{
  EquityRecordSource *source = self->source;
  g_autoptr(GError) local_error = NULL;

  if (!source->header_in_data)
    {
      for (guint i = 0; i < source->names->len; i++)
        g_ptr_array_add (self->columns,
                         equity_column_new (g_ptr_array_index (source->names, i),
                                            EQUITY_COLUMN_TYPE_TEXT, EQUITY_COLUMN_ROLE_NONE));
      return TRUE;
    }

  if (!source->funcs->next (source, cancellable, &local_error))
    {
      if (local_error != NULL)
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        g_set_error (error, EQUITY_ERROR, EQUITY_ERROR_PARSE,
                     _("%s:%u:1: the file is empty; expected a header row with column names"),
                     source->display_name, self->skip_rows + 1);
      return FALSE;
    }

  for (guint i = 0; i < source->funcs->n_fields (source); i++)
    {
      g_autofree char *name = g_strstrip (g_strdup (source->funcs->field (source, i, NULL)));
      g_ptr_array_add (self->columns, equity_column_new (name, EQUITY_COLUMN_TYPE_TEXT, EQUITY_COLUMN_ROLE_NONE));
    }
  return TRUE;
}

/* Every column gets a name of its own; the warnings keep the header as written. */
static void
name_columns (EquityImporter *self)
{
  g_autoptr(GPtrArray) renamed = g_ptr_array_new_with_free_func (g_free);

  equity_import_name_columns (self->columns, renamed);
  for (guint i = 0; i < renamed->len; i++)
    add_warning (self, g_strdup (g_ptr_array_index (renamed, i)));
}

/* A quote that belongs to the text is the usual cause of a quote error:
 * say how to keep it. */
static void
explain_quote_error (EquityImporter *self,
                     GError         *error)
{
  g_autofree char *message = NULL;

  if (self->lenient_quotes || !g_error_matches (error, EQUITY_ERROR, EQUITY_ERROR_PARSE) ||
      strstr (error->message, "quote") == NULL || strstr (error->message, "unterminated") != NULL)
    return;
  message = g_strdup_printf (_("%s. If the quote belongs to the text, import with lenient quotes."),
                             error->message);
  g_free (error->message);
  error->message = g_steal_pointer (&message);
}

/* An empty line in a table of several columns holds no value: skip it. In a
 * one-column file it is a real empty value and stays. */
static inline gboolean
is_blank_line (EquityRecordSource *source,
               guint               n_columns)
{
  gsize length = 0;

  if (n_columns < 2 || source->funcs->n_fields (source) != 1)
    return FALSE;
  source->funcs->field (source, 0, &length);
  return length == 0;
}

/* A row longer than the header loses nothing only if its extra cells are empty. */
static gboolean
check_row_width (EquityImporter  *self,
                 gboolean         report,
                 GError         **error)
{
  EquityRecordSource *source = self->source;
  guint n_fields = source->funcs->n_fields (source);
  guint n_columns = self->columns->len;

  if (n_fields == n_columns)
    return TRUE;

  for (guint i = n_columns; i < n_fields; i++)
    {
      gsize length = 0;
      const char *value = source->funcs->field (source, i, &length);

      if (length > 0)
        {
          g_autofree char *shown = equity_text_for_message (value, length, 40);

          g_set_error (error, EQUITY_ERROR, EQUITY_ERROR_PARSE,
                       _("%s:%" PRIu64 ":%u: this row has %u fields but the header has %u; "
                         "field %u holds “%s”. Fix the row or choose another header line."),
                       source->display_name, source->funcs->line (source), i + 1,
                       n_fields, n_columns, i + 1, shown);
          return FALSE;
        }
    }

  if (report)
    {
      self->n_ragged++;
      if (self->n_ragged <= 10)
        add_warning (self, g_strdup_printf (_("Line %" PRIu64 ": %u fields where the header has %u; "
                                              "missing cells are left empty"),
                                            source->funcs->line (source), n_fields, n_columns));
    }
  return TRUE;
}

static gboolean analyze_chunks (EquityImporter      *self,
                                EquityProgressFunc   progress,
                                gpointer             progress_data,
                                GCancellable        *cancellable,
                                GError             **error);

gboolean
equity_importer_analyze (EquityImporter      *self,
                         EquityProgressFunc   progress,
                         gpointer             progress_data,
                         GCancellable        *cancellable,
                         GError             **error)
{
  EquityRecordSource *source;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (EQUITY_IS_IMPORTER (self), FALSE);
  g_return_val_if_fail (!self->analyzed, FALSE);

  self->source = open_source (self, error);
  if (self->source == NULL)
    return FALSE;
  source = self->source;

  for (guint i = 0; source->warnings != NULL && i < source->warnings->len; i++)
    add_warning (self, g_strdup (g_ptr_array_index (source->warnings, i)));
  if (!read_header (self, cancellable, error) ||
      !equity_import_check_n_columns (source->display_name, self->columns->len, error))
    return FALSE;
  name_columns (self);

  self->guesses = g_array_sized_new (FALSE, TRUE, sizeof (EquityTypeGuess), self->columns->len);
  g_array_set_size (self->guesses, self->columns->len);
  for (guint i = 0; i < self->columns->len; i++)
    {
      EquityTypeGuess *guess = &g_array_index (self->guesses, EquityTypeGuess, i);

      equity_type_guess_init (guess);
      equity_type_guess_set_name (guess, equity_column_get_name (g_ptr_array_index (self->columns, i)));
    }

  /* A CSV file is parsed on a second thread while this one guesses. */
  if (equity_record_source_is_text (self->file))
    {
      if (!analyze_chunks (self, progress, progress_data, cancellable, error))
        return FALSE;
      goto analyzed;
    }

  while (source->funcs->next (source, cancellable, &local_error))
    {
      guint n_fields = MIN (source->funcs->n_fields (source), self->columns->len);

      if (is_blank_line (source, self->columns->len))
        continue;
      if (!check_row_width (self, TRUE, error))
        return FALSE;

      for (guint i = 0; i < n_fields; i++)
        {
          gsize length = 0;
          const char *value = source->funcs->field (source, i, &length);

          /* typed cells and geometries are not guessed at (WKB is binary) */
          if (source->funcs->field_type (source, i) >= 0 && length > 0)
            g_array_index (self->guesses, EquityTypeGuess, i).n_values++;
          else
            equity_type_guess_add (&g_array_index (self->guesses, EquityTypeGuess, i), value, length);
        }
      for (guint i = n_fields; i < self->columns->len; i++)
        equity_type_guess_add (&g_array_index (self->guesses, EquityTypeGuess, i), "", 0);

      if (self->preview->len < N_PREVIEW)
        {
          char **row = g_new0 (char *, self->columns->len + 1);
          for (guint i = 0; i < self->columns->len; i++)
            {
              gsize length = 0;
              const char *value = i < n_fields ? source->funcs->field (source, i, &length) : NULL;

              if (length > 0 && source->funcs->field_type (source, i) == EQUITY_COLUMN_TYPE_GEOMETRY)
                row[i] = g_strdup (_("(geometry)"));
              else
                row[i] = length > 0 ? g_strdup (value) : g_strdup ("");
            }
          g_ptr_array_add (self->preview, row);
        }

      self->n_rows++;
      if (self->n_rows % CHECK_EVERY == 0 && progress != NULL)
        progress (source->funcs->fraction (source), progress_data);
    }

  if (local_error != NULL)
    {
      explain_quote_error (self, local_error);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

analyzed:
  if (self->n_ragged > 10)
    add_warning (self, g_strdup_printf (ngettext ("%u row in all has fewer fields than the header",
                                                  "%u rows in all have fewer fields than the header",
                                                  self->n_ragged), self->n_ragged));

  settle_types (self);
  self->analyzed = TRUE;
  if (progress != NULL)
    progress (1.0, progress_data);
  return TRUE;
}

GFile *
equity_importer_get_file (EquityImporter *self)
{
  g_return_val_if_fail (EQUITY_IS_IMPORTER (self), NULL);
  return self->file;
}

const char *
equity_importer_get_format (EquityImporter *self)
{
  g_return_val_if_fail (EQUITY_IS_IMPORTER (self), NULL);
  return self->source ? self->source->format : NULL;
}

char *
equity_importer_describe (EquityImporter *self)
{
  g_return_val_if_fail (EQUITY_IS_IMPORTER (self), NULL);
  return self->source ? self->source->funcs->describe (self->source) : g_strdup ("");
}

const char *
equity_importer_get_name (EquityImporter *self)
{
  g_return_val_if_fail (EQUITY_IS_IMPORTER (self), NULL);
  return self->name;
}

void
equity_importer_set_name (EquityImporter *self,
                          const char     *name)
{
  g_return_if_fail (EQUITY_IS_IMPORTER (self));
  g_free (self->name);
  self->name = g_strdup (name);
}

guint64
equity_importer_get_n_rows (EquityImporter *self)
{
  g_return_val_if_fail (EQUITY_IS_IMPORTER (self), 0);
  return self->n_rows;
}

GPtrArray *
equity_importer_get_columns (EquityImporter *self)
{
  g_return_val_if_fail (EQUITY_IS_IMPORTER (self), NULL);
  return self->columns;
}

GPtrArray *
equity_importer_get_preview (EquityImporter *self)
{
  g_return_val_if_fail (EQUITY_IS_IMPORTER (self), NULL);
  return self->preview;
}

const char * const *
equity_importer_get_sentinels (EquityImporter *self)
{
  g_return_val_if_fail (EQUITY_IS_IMPORTER (self), NULL);
  return (const char * const *) self->sentinels->pdata;
}

void
equity_importer_set_convert_sentinels (EquityImporter *self,
                                       gboolean        convert)
{
  g_return_if_fail (EQUITY_IS_IMPORTER (self));

  convert = !!convert;
  if (self->convert_sentinels == convert)
    return;
  self->convert_sentinels = convert;
  /* Types and roles depend on it: work them out again (user edits are reset). */
  if (self->analyzed)
    settle_types (self);
}

const char * const *
equity_importer_get_warnings (EquityImporter *self)
{
  g_return_val_if_fail (EQUITY_IS_IMPORTER (self), NULL);
  return (const char * const *) self->warnings->pdata;
}

/* A value as it goes into the table, worked out from the text of a cell */
typedef enum
{
  CELL_NULL,
  CELL_INTEGER,
  CELL_REAL,
  CELL_TEXT,
  CELL_BLOB,
} CellKind;

typedef struct
{
  CellKind kind;
  gsize    length;        /* of data */
  union
  {
    gint64      integer;
    double      real;
    const char *data;     /* text or blob */
    gsize       offset;   /* the same, while a chunk's bytes may still move */
  } v;
} Cell;

/* Turns VALUE, the text of field INDEX, into what the column stores. DATE
 * receives a rewritten date, which CELL then points to; text and blobs point
 * into VALUE. */
static gboolean
convert_value (EquityImporter    *self,
               guint              index,
               EquityColumnType   type,
               const char        *value,
               gsize              length,
               Cell              *cell,
               char               date[32],
               guint64           *n_nulls,
               GError           **error)
{
  g_autofree char *shown = NULL;
  g_autofree char *shown_name = NULL;

  if (length == 0 ||
      (type != EQUITY_COLUMN_TYPE_GEOMETRY && self->convert_sentinels && equity_value_is_sentinel (value)))
    {
      (*n_nulls)++;
      cell->kind = CELL_NULL;
      return TRUE;
    }

  switch (type)
    {
    case EQUITY_COLUMN_TYPE_INTEGER:
      if (equity_parse_integer (value, &cell->v.integer))
        {
          cell->kind = CELL_INTEGER;
          return TRUE;
        }
      break;

    case EQUITY_COLUMN_TYPE_REAL:
      if (equity_parse_number (value, &cell->v.real))
        {
          cell->kind = CELL_REAL;
          return TRUE;
        }
      break;

    case EQUITY_COLUMN_TYPE_DATE:
      {
        guint layout = self->date_layouts[index];

        /* A user-chosen date type has no layout yet: take the first that fits. */
        for (guint l = 1; layout == 0 && l < EQUITY_DATE_ALL; l <<= 1)
          if (equity_parse_date (value, l, NULL))
            layout = self->date_layouts[index] = l;
        if (layout != 0 && equity_parse_date (value, layout, date))
          {
            cell->kind = CELL_TEXT;
            cell->v.data = date;
            cell->length = strlen (date);
            return TRUE;
          }
      }
      break;

    case EQUITY_COLUMN_TYPE_GEOMETRY:
      cell->kind = CELL_BLOB;
      cell->v.data = value;
      cell->length = length;
      return TRUE;

    case EQUITY_COLUMN_TYPE_TEXT:
    default:
      cell->kind = CELL_TEXT;
      cell->v.data = value;
      cell->length = length;
      return TRUE;
    }

  shown = equity_text_for_message (value, length, 40);
  shown_name = equity_text_for_message (equity_column_get_name (g_ptr_array_index (self->columns, index)), -1, 60);
  g_set_error (error, EQUITY_ERROR, EQUITY_ERROR_PARSE,
               _("%s:%" PRIu64 ":%u: “%s” is not %s, but column “%s” was set to that type"),
               self->source->display_name, self->source->funcs->line (self->source), index + 1, shown,
               type == EQUITY_COLUMN_TYPE_INTEGER ? _("a whole number") :
               type == EQUITY_COLUMN_TYPE_REAL ? _("a number") : _("a date"),
               shown_name);
  return FALSE;
}

static int
bind_cell (sqlite3_stmt            *insert,
           int                      param,
           const Cell              *cell,
           sqlite3_destructor_type  lifetime)
{
  switch (cell->kind)
    {
    case CELL_INTEGER:
      return sqlite3_bind_int64 (insert, param, cell->v.integer);
    case CELL_REAL:
      return sqlite3_bind_double (insert, param, cell->v.real);
    case CELL_TEXT:
      return sqlite3_bind_text64 (insert, param, cell->v.data, cell->length, lifetime, SQLITE_UTF8);
    case CELL_BLOB:
      return sqlite3_bind_blob64 (insert, param, cell->v.data, cell->length, lifetime);
    case CELL_NULL:
    default:
      return sqlite3_bind_null (insert, param);
    }
}

static gboolean
bind_value (EquityImporter  *self,
            sqlite3_stmt    *insert,
            guint            index,
            EquityColumn    *column,
            const char      *value,
            gsize            length,
            guint64         *n_nulls,
            GError         **error)
{
  char date[32];
  Cell cell;

  if (!convert_value (self, index, equity_column_get_column_type (column), value, length,
                      &cell, date, n_nulls, error))
    return FALSE;

  /* The source's text stays until the next row; a rewritten date is gone
   * once we return, so SQLite keeps its own copy of that. */
  if (bind_cell (insert, index + 1, &cell,
                 cell.kind == CELL_TEXT && cell.v.data == date ? SQLITE_TRANSIENT : SQLITE_STATIC) != SQLITE_OK)
    {
      equity_schema_set_error (sqlite3_db_handle (insert), error, _("Could not store a row"));
      return FALSE;
    }
  return TRUE;
}

/* Reading a CSV file is split between two threads: a reader thread parses
 * rows into chunks (and, when writing, converts them) while the calling
 * thread guesses types from, or inserts, the chunk before. The calling
 * thread alone touches SQLite and the importer's results. N_CHUNKS chunks of
 * about CELLS_PER_CHUNK cells are in flight, so memory does not grow with
 * the file. Each INSERT carries ROWS_PER_INSERT rows: one statement run per
 * row costs SQLite more than storing the row. */
#define CELLS_PER_CHUNK   16384
#define N_CHUNKS          4
#define ROWS_PER_INSERT   32

typedef struct
{
  Cell     *cells;        /* n_rows × n_columns */
  char     *bytes;        /* the cells' text and blobs, each NUL-terminated */
  gsize     n_bytes;
  gsize     bytes_cap;
  guint     n_rows;
  double    fraction;     /* of the source read once the chunk was full */
  GError   *error;        /* reading stopped on this error */
  gboolean  last;         /* the reader sends nothing after this one */
} Chunk;

typedef struct
{
  EquityImporter   *self;
  /* when writing, the column types to convert to; NULL when analyzing */
  EquityColumnType *types;
  guint64          *n_nulls;
  guint             n_columns;
  guint             rows_per_chunk;
  GCancellable     *cancellable;
  GAsyncQueue      *empty;    /* Chunk: for the reader to fill */
  GAsyncQueue      *full;     /* Chunk: for the calling thread */
  GThread          *reader;   /* NULL: chunks are filled in turn on demand */
  int               stop;     /* atomic: the calling thread gave up */
} Pipeline;

static guint
rows_per_chunk (guint n_columns)
{
  return MAX (CELLS_PER_CHUNK / MAX (n_columns, 1), 1);
}

/* Keeps a copy of CELL's text: the source reuses its buffer for the next row. */
static void
chunk_keep_data (Chunk *chunk,
                 Cell  *cell)
{
  if (chunk->n_bytes + cell->length + 1 > chunk->bytes_cap)
    {
      chunk->bytes_cap = MAX (chunk->bytes_cap * 2, chunk->n_bytes + cell->length + 1);
      chunk->bytes = g_realloc (chunk->bytes, chunk->bytes_cap);
    }
  memcpy (chunk->bytes + chunk->n_bytes, cell->v.data, cell->length);
  chunk->bytes[chunk->n_bytes + cell->length] = '\0';
  /* an offset until the bytes stop moving: see fill_chunk() */
  cell->v.offset = chunk->n_bytes;
  chunk->n_bytes += cell->length + 1;
}

/* Runs on the reader thread, if there is one. */
static void
fill_chunk (Pipeline *pipeline,
            Chunk    *chunk)
{
  EquityImporter *self = pipeline->self;
  EquityRecordSource *source = self->source;
  guint n_columns = pipeline->n_columns;
  gboolean analyzing = pipeline->types == NULL;
  char date[32];

  chunk->n_rows = 0;
  chunk->n_bytes = 0;
  chunk->last = FALSE;

  while (chunk->n_rows < pipeline->rows_per_chunk && !chunk->last)
    {
      Cell *row = chunk->cells + (gsize) chunk->n_rows * n_columns;
      guint n_fields;

      if (!source->funcs->next (source, pipeline->cancellable, &chunk->error))
        {
          /* as the loop in equity_importer_analyze() does for its errors */
          if (analyzing && chunk->error != NULL)
            explain_quote_error (self, chunk->error);
          chunk->last = TRUE;
          break;
        }
      if (is_blank_line (source, n_columns))
        continue;
      if (!check_row_width (self, analyzing, &chunk->error))
        {
          chunk->last = TRUE;
          break;
        }

      n_fields = MIN (source->funcs->n_fields (source), n_columns);
      for (guint i = 0; i < n_fields; i++)
        {
          Cell *cell = &row[i];
          gsize length = 0;
          const char *value = source->funcs->field (source, i, &length);

          if (analyzing)
            {
              cell->kind = CELL_TEXT;
              cell->v.data = value;
              cell->length = length;
            }
          else if (!convert_value (self, i, pipeline->types[i], value, length, cell, date,
                                   &pipeline->n_nulls[i], &chunk->error))
            {
              chunk->last = TRUE;
              break;
            }
          if (cell->kind == CELL_TEXT || cell->kind == CELL_BLOB)
            chunk_keep_data (chunk, cell);
        }
      if (chunk->last)
        break;

      for (guint i = n_fields; i < n_columns; i++)
        {
          if (analyzing)
            {
              row[i].kind = CELL_TEXT;
              row[i].v.data = "";
              row[i].length = 0;
              chunk_keep_data (chunk, &row[i]);
            }
          else
            {
              pipeline->n_nulls[i]++;
              row[i].kind = CELL_NULL;
            }
        }
      chunk->n_rows++;
    }

  /* The bytes stay where they are now: offsets become pointers. */
  for (gsize i = 0; i < (gsize) chunk->n_rows * n_columns; i++)
    if (chunk->cells[i].kind == CELL_TEXT || chunk->cells[i].kind == CELL_BLOB)
      chunk->cells[i].v.data = chunk->bytes + chunk->cells[i].v.offset;
  chunk->fraction = source->funcs->fraction (source);
}

static gpointer
read_chunks (gpointer data)
{
  Pipeline *pipeline = data;
  gboolean last = FALSE;

  while (!last)
    {
      Chunk *chunk = g_async_queue_pop (pipeline->empty);

      if (g_atomic_int_get (&pipeline->stop))
        {
          chunk->n_rows = 0;
          chunk->last = TRUE;
        }
      else
        fill_chunk (pipeline, chunk);
      last = chunk->last;
      g_async_queue_push (pipeline->full, chunk);
    }
  return NULL;
}

/* TYPES: see Pipeline. */
static void
pipeline_start (Pipeline         *pipeline,
                EquityImporter   *self,
                EquityColumnType *types,
                guint64          *n_nulls,
                guint             rows_per_insert,
                GCancellable     *cancellable)
{
  guint n_columns = self->columns->len;

  pipeline->self = self;
  pipeline->types = types;
  pipeline->n_nulls = n_nulls;
  pipeline->n_columns = n_columns;
  pipeline->rows_per_chunk = rows_per_chunk (n_columns);
  /* whole INSERTs in a chunk, if a chunk holds one */
  if (rows_per_insert > 1 && pipeline->rows_per_chunk > rows_per_insert)
    pipeline->rows_per_chunk -= pipeline->rows_per_chunk % rows_per_insert;
  pipeline->cancellable = cancellable;
  pipeline->empty = g_async_queue_new ();
  pipeline->full = g_async_queue_new ();
  pipeline->stop = FALSE;

  for (guint i = 0; i < N_CHUNKS; i++)
    {
      Chunk *chunk = g_new0 (Chunk, 1);

      chunk->cells = g_new (Cell, (gsize) pipeline->rows_per_chunk * n_columns);
      g_async_queue_push (pipeline->empty, chunk);
    }

  /* GDAL keeps per-thread state, so only the CSV reader moves to another
   * thread. Without one (or if it cannot start) chunks are filled in turn. */
  pipeline->reader = NULL;
  if (equity_record_source_is_text (self->file))
    pipeline->reader = g_thread_try_new ("equity-import", read_chunks, pipeline, NULL);
}

/* The next chunk, in the source's order */
static Chunk *
pipeline_take (Pipeline *pipeline)
{
  Chunk *chunk;

  if (pipeline->reader != NULL)
    return g_async_queue_pop (pipeline->full);

  chunk = g_async_queue_pop (pipeline->empty);
  fill_chunk (pipeline, chunk);
  return chunk;
}

/* Hands CHUNK back for reuse. Returns whether to take another: after the
 * last one, no; after a failure (OK false), only to drain the reader, which
 * stops at its next chunk and sends that one as the last. */
static gboolean
pipeline_give_back (Pipeline *pipeline,
                    Chunk    *chunk,
                    gboolean  ok)
{
  gboolean last = chunk->last;

  g_clear_error (&chunk->error);
  g_async_queue_push (pipeline->empty, chunk);
  if (!ok)
    g_atomic_int_set (&pipeline->stop, TRUE);
  return !last && (ok || pipeline->reader != NULL);
}

static void
pipeline_finish (Pipeline *pipeline)
{
  Chunk *chunk;

  g_clear_pointer (&pipeline->reader, g_thread_join);
  /* with the reader gone, every chunk is back in the empty queue */
  while ((chunk = g_async_queue_try_pop (pipeline->empty)) != NULL)
    {
      g_clear_error (&chunk->error);
      g_free (chunk->cells);
      g_free (chunk->bytes);
      g_free (chunk);
    }
  g_clear_pointer (&pipeline->empty, g_async_queue_unref);
  g_clear_pointer (&pipeline->full, g_async_queue_unref);
}

/* The analyze() loop for a CSV file, with the parsing on the reader thread. */
static gboolean
analyze_chunks (EquityImporter      *self,
                EquityProgressFunc   progress,
                gpointer             progress_data,
                GCancellable        *cancellable,
                GError             **error)
{
  guint n_columns = self->columns->len;
  EquityTypeGuess *guesses = &g_array_index (self->guesses, EquityTypeGuess, 0);
  g_autoptr(GError) local_error = NULL;
  Pipeline pipeline;
  gboolean more = TRUE;
  gboolean ok = TRUE;

  pipeline_start (&pipeline, self, NULL, NULL, 0, cancellable);

  while (more)
    {
      Chunk *chunk = pipeline_take (&pipeline);

      if (ok && chunk->error != NULL)
        {
          ok = FALSE;
          local_error = g_steal_pointer (&chunk->error);
        }

      for (guint r = 0; ok && r < chunk->n_rows; r++)
        {
          const Cell *row = chunk->cells + (gsize) r * n_columns;

          for (guint i = 0; i < n_columns; i++)
            equity_type_guess_add (&guesses[i], row[i].v.data, row[i].length);

          if (self->preview->len < N_PREVIEW)
            {
              char **preview = g_new0 (char *, n_columns + 1);

              for (guint i = 0; i < n_columns; i++)
                preview[i] = g_strdup (row[i].v.data);
              g_ptr_array_add (self->preview, preview);
            }

          self->n_rows++;
          if (self->n_rows % CHECK_EVERY == 0 && progress != NULL)
            progress (chunk->fraction, progress_data);
        }

      more = pipeline_give_back (&pipeline, chunk, ok);
    }
  pipeline_finish (&pipeline);

  if (!ok)
    g_propagate_error (error, g_steal_pointer (&local_error));
  return ok;
}

/* Runs on the calling thread: binds the chunk's rows, ROWS_PER_INSERT at a
 * time through INSERT_MANY, the rest one by one through INSERT_ONE. */
static gboolean
store_chunk (sqlite3_stmt  *insert_many,
             guint          rows_per_insert,
             sqlite3_stmt  *insert_one,
             const Chunk   *chunk,
             guint          n_columns,
             GError       **error)
{
  guint row = 0;

  while (row < chunk->n_rows)
    {
      gboolean many = insert_many != NULL && chunk->n_rows - row >= rows_per_insert;
      sqlite3_stmt *insert = many ? insert_many : insert_one;
      guint n_rows = many ? rows_per_insert : 1;
      const Cell *cells = chunk->cells + (gsize) row * n_columns;
      int rc = SQLITE_OK;

      /* the chunk outlives the statement's run: no copies */
      for (guint i = 0; i < n_rows * n_columns && rc == SQLITE_OK; i++)
        rc = bind_cell (insert, i + 1, &cells[i], SQLITE_STATIC);
      if (rc == SQLITE_OK)
        rc = sqlite3_step (insert);
      sqlite3_reset (insert);
      if (rc != SQLITE_DONE)
        {
          equity_schema_set_error (sqlite3_db_handle (insert), error, _("Could not store a row"));
          return FALSE;
        }
      row += n_rows;
    }
  return TRUE;
}

/* The write_rows() loop for a table with no side table to keep in step with
 * each row: the source's rows in chunks, stored in multi-row INSERTs. */
static gboolean
write_batches (EquityImporter      *self,
               EquityDataset       *dataset,
               sqlite3_stmt        *insert_one,
               guint64             *n_nulls,
               guint64             *n_rows,
               EquityProgressFunc   progress,
               gpointer             progress_data,
               GCancellable        *cancellable,
               GError             **error)
{
  sqlite3 *db = sqlite3_db_handle (insert_one);
  guint n_columns = self->columns->len;
  guint max_params = sqlite3_limit (db, SQLITE_LIMIT_VARIABLE_NUMBER, -1);
  /* as many rows as the statement may have parameters for, and a chunk holds */
  guint rows_per_insert = MIN (MIN (ROWS_PER_INSERT, max_params / MAX (n_columns, 1)),
                               rows_per_chunk (n_columns));
  g_autofree EquityColumnType *types = g_new (EquityColumnType, n_columns);
  g_autoptr(GError) local_error = NULL;
  sqlite3_stmt *insert_many = NULL;
  Pipeline pipeline;
  gboolean more = TRUE;
  gboolean ok = TRUE;

  if (rows_per_insert > 1)
    {
      g_autoptr(GString) sql = g_string_new (NULL);

      g_string_append_printf (sql, "INSERT INTO %s VALUES ", equity_dataset_get_table_name (dataset));
      for (guint r = 0; r < rows_per_insert; r++)
        {
          g_string_append (sql, r ? ", (" : "(");
          for (guint i = 0; i < n_columns; i++)
            g_string_append (sql, i ? ", ?" : "?");
          g_string_append_c (sql, ')');
        }
      if (sqlite3_prepare_v3 (db, sql->str, -1, SQLITE_PREPARE_PERSISTENT, &insert_many, NULL) != SQLITE_OK)
        {
          equity_schema_set_error (db, error, _("Could not prepare the import"));
          return FALSE;
        }
    }

  for (guint i = 0; i < n_columns; i++)
    types[i] = equity_column_get_column_type (g_ptr_array_index (self->columns, i));

  pipeline_start (&pipeline, self, types, n_nulls, rows_per_insert, cancellable);

  while (more)
    {
      Chunk *chunk = pipeline_take (&pipeline);
      guint64 before = *n_rows;

      if (ok && chunk->error != NULL)
        {
          ok = FALSE;
          local_error = g_steal_pointer (&chunk->error);
        }
      else if (ok)
        {
          ok = store_chunk (insert_many, rows_per_insert, insert_one, chunk, n_columns, &local_error);
          *n_rows += chunk->n_rows;
          if (ok && g_cancellable_set_error_if_cancelled (cancellable, &local_error))
            ok = FALSE;
          if (ok && progress != NULL && *n_rows / CHECK_EVERY != before / CHECK_EVERY)
            progress (chunk->fraction, progress_data);
        }

      more = pipeline_give_back (&pipeline, chunk, ok);
    }
  pipeline_finish (&pipeline);
  sqlite3_finalize (insert_many);

  if (!ok)
    g_propagate_error (error, g_steal_pointer (&local_error));
  return ok;
}

static gboolean
write_rows (EquityImporter      *self,
            EquityProject       *project,
            EquityDataset       *dataset,
            EquityProgressFunc   progress,
            gpointer             progress_data,
            GCancellable        *cancellable,
            GError             **error)
{
  EquityRecordSource *source = self->source;
  sqlite3 *db = equity_project_get_db (project);
  g_autoptr(GString) sql = g_string_new (NULL);
  g_autoptr(GError) local_error = NULL;
  g_autofree guint64 *n_nulls = g_new0 (guint64, self->columns->len);
  sqlite3_stmt *insert = NULL;
  sqlite3_stmt *insert_bbox = NULL;
  guint n_columns = self->columns->len;
  guint64 n_rows = 0;
  gboolean ok = FALSE;

  g_string_append_printf (sql, "INSERT INTO %s VALUES (", equity_dataset_get_table_name (dataset));
  for (guint i = 0; i < n_columns; i++)
    g_string_append (sql, i ? ", ?" : "?");
  g_string_append (sql, ")");

  if (sqlite3_prepare_v3 (db, sql->str, -1, SQLITE_PREPARE_PERSISTENT, &insert, NULL) != SQLITE_OK)
    {
      equity_schema_set_error (db, error, _("Could not prepare the import"));
      return FALSE;
    }

  if (equity_dataset_get_bbox_table_name (dataset) != NULL)
    {
      g_autofree char *create = NULL;
      g_autofree char *fill = NULL;

      /* bounding boxes in an R*Tree: the spatial join's prefilter */
      create = g_strdup_printf ("CREATE VIRTUAL TABLE %s USING rtree (id, min_x, max_x, min_y, max_y)",
                                equity_dataset_get_bbox_table_name (dataset));
      fill = g_strdup_printf ("INSERT INTO %s VALUES (?1, ?2, ?3, ?4, ?5)",
                              equity_dataset_get_bbox_table_name (dataset));
      if (!equity_project_exec (project, create, error))
        goto out;
      if (sqlite3_prepare_v2 (db, fill, -1, &insert_bbox, NULL) != SQLITE_OK)
        {
          equity_schema_set_error (db, error, _("Could not prepare the import"));
          goto out;
        }
    }

  if (!source->funcs->rewind (source, error))
    goto out;
  if (source->header_in_data && !source->funcs->next (source, cancellable, error))
    goto out;

  /* Without a side table to keep in step with each row, rows go in batches
   * (write_batches()); a layer with geometries is stored row by row. */
  if (insert_bbox == NULL)
    {
      if (!write_batches (self, dataset, insert, n_nulls, &n_rows, progress, progress_data,
                          cancellable, error))
        goto out;
      goto stored;
    }

  while (source->funcs->next (source, cancellable, &local_error))
    {
      guint n_fields = MIN (source->funcs->n_fields (source), n_columns);

      if (is_blank_line (source, n_columns))
        continue;
      if (!check_row_width (self, FALSE, error))
        goto out;

      for (guint i = 0; i < n_fields; i++)
        {
          gsize length = 0;
          const char *value = source->funcs->field (source, i, &length);

          if (!bind_value (self, insert, i, g_ptr_array_index (self->columns, i),
                           value, length, &n_nulls[i], error))
            goto out;
        }
      for (guint i = n_fields; i < n_columns; i++)
        {
          n_nulls[i]++;
          sqlite3_bind_null (insert, i + 1);
        }

      if (sqlite3_step (insert) != SQLITE_DONE)
        {
          equity_schema_set_error (db, error, _("Could not store a row"));
          goto out;
        }
      sqlite3_reset (insert);

      if (insert_bbox != NULL)
        {
          double extent[4];

          if (source->funcs->bbox (source, extent))
            {
              sqlite3_bind_int64 (insert_bbox, 1, sqlite3_last_insert_rowid (db));
              for (guint i = 0; i < 4; i++)
                sqlite3_bind_double (insert_bbox, i + 2, extent[i]);
              if (sqlite3_step (insert_bbox) != SQLITE_DONE)
                {
                  equity_schema_set_error (db, error, _("Could not store a row"));
                  goto out;
                }
              sqlite3_reset (insert_bbox);
            }
        }

      if (++n_rows % CHECK_EVERY == 0)
        {
          if (g_cancellable_set_error_if_cancelled (cancellable, error))
            goto out;
          if (progress != NULL)
            progress (source->funcs->fraction (source), progress_data);
        }
    }

  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      goto out;
    }

stored:
  for (guint i = 0; i < n_columns; i++)
    equity_column_set_n_nulls (equity_dataset_get_column (dataset, i), n_nulls[i]);
  ok = equity_project_finish_dataset (project, dataset, n_rows, error);

out:
  sqlite3_finalize (insert);
  sqlite3_finalize (insert_bbox);
  return ok;
}

EquityDataset *
equity_importer_run (EquityImporter      *self,
                     EquityProject       *project,
                     EquityProgressFunc   progress,
                     gpointer             progress_data,
                     GCancellable        *cancellable,
                     GError             **error)
{
  g_autoptr(EquityDataset) dataset = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *source_path = NULL;

  g_return_val_if_fail (EQUITY_IS_IMPORTER (self), NULL);
  g_return_val_if_fail (EQUITY_IS_PROJECT (project), NULL);
  g_return_val_if_fail (self->analyzed, NULL);

  source_path = g_strdup (self->source_label);
  if (source_path == NULL)
    source_path = g_file_get_path (self->file);
  if (source_path == NULL)
    source_path = g_file_get_uri (self->file);

  if (!equity_project_begin (project, error))
    return NULL;

  dataset = equity_project_create_dataset (project, self->name, source_path, self->source->format,
                                           self->columns, &local_error);
  if (dataset == NULL ||
      !write_rows (self, project, dataset, progress, progress_data, cancellable, &local_error) ||
      !equity_project_commit (project, &local_error))
    {
      /* Nothing of the import stays: the catalog and the table go together. */
      equity_project_rollback (project);
      if (g_error_matches (local_error, EQUITY_ERROR, EQUITY_ERROR_DISK_FULL))
        {
          g_autofree char *project_name = g_path_get_basename (equity_project_get_path (project));

          g_set_error (error, EQUITY_ERROR, EQUITY_ERROR_DISK_FULL,
                       _("Nothing was imported: the disk that holds “%s” is full. The project is "
                         "as it was; free some space and try again."), project_name);
          return NULL;
        }
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  if (!equity_project_reload_catalog (project, error))
    return NULL;
  if (progress != NULL)
    progress (1.0, progress_data);

  return g_object_ref (equity_project_find_dataset (project, self->name));
}

/* The GUI's preview: a cell as equity_importer_run() would store it. */
char *
equity_importer_dup_preview_value (EquityImporter *self,
                                   guint           row,
                                   guint           column,
                                   gboolean       *fits)
{
  GPtrArray *preview;
  const char *value;
  guint64 n_nulls = 0;
  char date[32];
  Cell cell;

  g_return_val_if_fail (EQUITY_IS_IMPORTER (self), NULL);
  g_return_val_if_fail (self->analyzed, NULL);
  g_return_val_if_fail (row < self->preview->len && column < self->columns->len, NULL);

  if (fits != NULL)
    *fits = TRUE;

  preview = self->preview;
  value = ((char **) g_ptr_array_index (preview, row))[column];
  if (value == NULL)
    return NULL;

  if (!convert_value (self, column, equity_column_get_column_type (g_ptr_array_index (self->columns, column)),
                      value, strlen (value), &cell, date, &n_nulls, NULL))
    {
      /* kept as written: the import would stop on it */
      if (fits != NULL)
        *fits = FALSE;
      return g_strdup (value);
    }

  switch (cell.kind)
    {
    case CELL_NULL:
      return NULL;
    case CELL_INTEGER:
      return g_strdup_printf ("%" G_GINT64_FORMAT, cell.v.integer);
    case CELL_REAL:
      return equity_format_real (cell.v.real);
    case CELL_TEXT:
    case CELL_BLOB:
    default:
      return g_strndup (cell.v.data, cell.length);
    }
}
