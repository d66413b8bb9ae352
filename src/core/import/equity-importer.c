/* equity-importer.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "equity-importer"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "equity-error.h"
#include "equity-importer.h"
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
  return equity_record_source_new_csv (self->file, self->skip_rows, self->delimiter,
                                       self->encoding, error);
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
      GHashTableIter iter;
      gpointer key;

      type = equity_type_guess_result (guess, self->convert_sentinels, &self->date_layouts[i], &ambiguous);
      equity_column_set_column_type (column, type);
      equity_column_set_role (column, equity_type_guess_suggest_role (guess, equity_column_get_name (column), type));
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
          g_set_error (error, EQUITY_ERROR, EQUITY_ERROR_PARSE,
                       _("%s:%" G_GUINT64_FORMAT ":%u: this row has %u fields but the header has %u; "
                         "field %u holds “%.40s”. Fix the row or choose another header row."),
                       source->display_name, source->funcs->line (source), i + 1,
                       n_fields, n_columns, i + 1, value);
          return FALSE;
        }
    }

  if (report)
    {
      self->n_ragged++;
      if (self->n_ragged <= 10)
        add_warning (self, g_strdup_printf (_("Line %" G_GUINT64_FORMAT ": %u fields where the header has %u; "
                                              "missing cells are left empty"),
                                            source->funcs->line (source), n_fields, n_columns));
    }
  return TRUE;
}

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

  if (!read_header (self, cancellable, error))
    return FALSE;

  self->guesses = g_array_sized_new (FALSE, TRUE, sizeof (EquityTypeGuess), self->columns->len);
  g_array_set_size (self->guesses, self->columns->len);
  for (guint i = 0; i < self->columns->len; i++)
    equity_type_guess_init (&g_array_index (self->guesses, EquityTypeGuess, i));

  while (source->funcs->next (source, cancellable, &local_error))
    {
      guint n_fields = MIN (source->funcs->n_fields (source), self->columns->len);

      if (!check_row_width (self, TRUE, error))
        return FALSE;

      for (guint i = 0; i < n_fields; i++)
        {
          gsize length = 0;
          const char *value = source->funcs->field (source, i, &length);
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
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

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
  EquityColumnType type = equity_column_get_column_type (column);
  char date[32];
  gint64 integer;
  double number;
  int param = index + 1;

  if (length == 0 || (self->convert_sentinels && equity_value_is_sentinel (value)))
    {
      (*n_nulls)++;
      sqlite3_bind_null (insert, param);
      return TRUE;
    }

  switch (type)
    {
    case EQUITY_COLUMN_TYPE_INTEGER:
      if (equity_parse_integer (value, &integer))
        {
          sqlite3_bind_int64 (insert, param, integer);
          return TRUE;
        }
      break;

    case EQUITY_COLUMN_TYPE_REAL:
      if (equity_parse_number (value, &number))
        {
          sqlite3_bind_double (insert, param, number);
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
            sqlite3_bind_text (insert, param, date, -1, SQLITE_TRANSIENT);
            return TRUE;
          }
      }
      break;

    case EQUITY_COLUMN_TYPE_TEXT:
    case EQUITY_COLUMN_TYPE_GEOMETRY:
    default:
      sqlite3_bind_text (insert, param, value, length, SQLITE_STATIC);
      return TRUE;
    }

  g_set_error (error, EQUITY_ERROR, EQUITY_ERROR_PARSE,
               _("%s:%" G_GUINT64_FORMAT ":%u: “%.40s” is not %s, but column “%s” was set to that type"),
               self->source->display_name, self->source->funcs->line (self->source), index + 1, value,
               type == EQUITY_COLUMN_TYPE_INTEGER ? _("a whole number") :
               type == EQUITY_COLUMN_TYPE_REAL ? _("a number") : _("a date"),
               equity_column_get_name (column));
  return FALSE;
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

  if (!source->funcs->rewind (source, error))
    goto out;
  if (source->header_in_data && !source->funcs->next (source, cancellable, error))
    goto out;

  while (source->funcs->next (source, cancellable, &local_error))
    {
      guint n_fields = MIN (source->funcs->n_fields (source), n_columns);

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

  for (guint i = 0; i < n_columns; i++)
    equity_column_set_n_nulls (equity_dataset_get_column (dataset, i), n_nulls[i]);
  ok = equity_project_finish_dataset (project, dataset, n_rows, error);

out:
  sqlite3_finalize (insert);
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
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  if (!equity_project_reload_catalog (project, error))
    return NULL;
  if (progress != NULL)
    progress (1.0, progress_data);

  return g_object_ref (equity_project_find_dataset (project, self->name));
}
