/* equity-analysis.c — an analysis spec (a GKeyFile, ../shared/CLI.md) and its run
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "equity-analysis"

#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "equity-error.h"
#include "equity-analysis-private.h"
#include "equity-analysis-fields.h"
#include "equity-suppression.h"

struct _EquityAnalysis
{
  GObject   parent_instance;
  GKeyFile *spec;
  char     *source_name;
};

G_DEFINE_FINAL_TYPE (EquityAnalysis, equity_analysis, G_TYPE_OBJECT)

static void
equity_analysis_finalize (GObject *object)
{
  EquityAnalysis *self = EQUITY_ANALYSIS (object);

  g_clear_pointer (&self->spec, g_key_file_unref);
  g_clear_pointer (&self->source_name, g_free);

  G_OBJECT_CLASS (equity_analysis_parent_class)->finalize (object);
}

static void
equity_analysis_class_init (EquityAnalysisClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = equity_analysis_finalize;
}

static void
equity_analysis_init (EquityAnalysis *self)
{
  self->spec = g_key_file_new ();
  self->source_name = g_strdup ("spec");
}

const char *
equity_analysis_kind_to_label (const char *kind)
{
  const EquityAnalysisKindInfo *info = equity_analysis_fields_find_kind (kind);

  return info != NULL ? _(info->label) : NULL;
}

EquityAnalysis *
equity_analysis_new (const char *kind)
{
  EquityAnalysis *self = g_object_new (EQUITY_TYPE_ANALYSIS, NULL);

  if (kind != NULL)
    equity_analysis_set_string (self, "kind", kind);
  return self;
}

/* TEXT for a message: control characters and invalid UTF-8 escaped, so a
 * file's bytes can never drive the terminal that shows the error. */
static char *
quote_line (const char *text,
            gsize       length)
{
  g_autofree char *valid = g_utf8_make_valid (text, length);
  GString *quoted = g_string_new (NULL);

  for (const char *p = valid; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_iscntrl (c))
        g_string_append_printf (quoted, "\\x%02X", c);
      else
        g_string_append_unichar (quoted, c);
    }
  return g_string_free (quoted, FALSE);
}

/* GLib says a key file is malformed but not where: find the first line a
 * key file cannot hold, and say what it should be, with its number. */
static void
set_syntax_error (const char  *data,
                  gsize        length,
                  const char  *source_name,
                  GError     **error)
{
  const char *line = data, *end = data + length;
  gboolean seen_group = FALSE;

  for (guint number = 1; line < end; number++)
    {
      const char *newline = memchr (line, '\n', end - line);
      gsize n = (newline != NULL ? newline : end) - line;
      g_autofree char *text = g_strstrip (g_strndup (line, n));
      g_autofree char *quoted = quote_line (text, strlen (text));

      if (!g_utf8_validate (line, n, NULL))
        {
          g_set_error (error, EQUITY_ERROR, EQUITY_ERROR_PARSE,
                       _("%s:%u: the line is not UTF-8 text: “%s”"), source_name, number, quoted);
          return;
        }
      if (text[0] == '[' && text[strlen (text) - 1] == ']')
        seen_group = TRUE;
      else if (text[0] == '[')
        {
          g_set_error (error, EQUITY_ERROR, EQUITY_ERROR_PARSE,
                       _("%s:%u: “%s” opens a group name without closing it with ]"),
                       source_name, number, quoted);
          return;
        }
      else if (text[0] != '\0' && text[0] != '#' && !seen_group)
        {
          g_set_error (error, EQUITY_ERROR, EQUITY_ERROR_PARSE,
                       _("%s:%u: “%s” comes before the first group (a spec starts with [analysis])"),
                       source_name, number, quoted);
          return;
        }
      else if (text[0] != '\0' && text[0] != '#' && (strchr (text, '=') == NULL || text[0] == '='))
        {
          g_set_error (error, EQUITY_ERROR, EQUITY_ERROR_PARSE,
                       _("%s:%u: “%s” is not “key = value” (comments start with # on a line of their own)"),
                       source_name, number, quoted);
          return;
        }
      line += n + 1;
    }
  g_set_error (error, EQUITY_ERROR, EQUITY_ERROR_PARSE,
               _("%s: not a spec file (a spec starts with [analysis], then name = and kind =)"), source_name);
}

EquityAnalysis *
equity_analysis_new_from_data (const char  *data,
                               gssize       length,
                               const char  *source_name,
                               GError     **error)
{
  g_autoptr(GKeyFile) spec = g_key_file_new ();
  g_autoptr(EquityAnalysis) self = NULL;
  gsize size;

  g_return_val_if_fail (data != NULL, NULL);

  size = length < 0 ? strlen (data) : (gsize) length;
  if (source_name == NULL)
    source_name = "spec";
  if (!g_key_file_load_from_data (spec, data, size, G_KEY_FILE_KEEP_COMMENTS, NULL))
    {
      set_syntax_error (data, size, source_name, error);
      return NULL;
    }
  if (!g_key_file_has_group (spec, EQUITY_ANALYSIS_GROUP))
    {
      g_set_error (error, EQUITY_ERROR, EQUITY_ERROR_PARSE,
                   _("%s: no [analysis] group (a spec starts with [analysis], then name = and kind =)"),
                   source_name);
      return NULL;
    }

  self = g_object_new (EQUITY_TYPE_ANALYSIS, NULL);
  g_key_file_unref (self->spec);
  self->spec = g_key_file_ref (spec);
  g_free (self->source_name);
  self->source_name = g_strdup (source_name);
  return g_steal_pointer (&self);
}

EquityAnalysis *
equity_analysis_new_from_file (const char  *path,
                               GError     **error)
{
  g_autofree char *data = NULL;
  g_autoptr(GError) local_error = NULL;
  gsize length;

  g_return_val_if_fail (path != NULL, NULL);

  if (!g_file_get_contents (path, &data, &length, &local_error))
    {
      if (g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        g_set_error (error, EQUITY_ERROR, EQUITY_ERROR_NOT_FOUND, _("%s: no such file"), path);
      else
        g_set_error (error, EQUITY_ERROR, EQUITY_ERROR_FAILED, "%s: %s", path, local_error->message);
      return NULL;
    }
  return equity_analysis_new_from_data (data, length, path, error);
}

char *
equity_analysis_to_data (EquityAnalysis *self,
                         gsize          *length)
{
  g_return_val_if_fail (EQUITY_IS_ANALYSIS (self), NULL);
  return g_key_file_to_data (self->spec, length, NULL);
}

const char *
equity_analysis_get_source_name (EquityAnalysis *self)
{
  g_return_val_if_fail (EQUITY_IS_ANALYSIS (self), NULL);
  return self->source_name;
}

char *
equity_analysis_dup_string (EquityAnalysis *self,
                            const char     *key)
{
  g_autofree char *value = NULL;

  g_return_val_if_fail (EQUITY_IS_ANALYSIS (self), NULL);
  g_return_val_if_fail (key != NULL, NULL);

  value = g_key_file_get_string (self->spec, EQUITY_ANALYSIS_GROUP, key, NULL);
  if (value == NULL)
    return NULL;
  g_strstrip (value);
  return g_steal_pointer (&value);
}

char *
equity_analysis_dup_name (EquityAnalysis *self)
{
  return equity_analysis_dup_string (self, "name");
}

char *
equity_analysis_dup_kind (EquityAnalysis *self)
{
  return equity_analysis_dup_string (self, "kind");
}

void
equity_analysis_set_string (EquityAnalysis *self,
                            const char     *key,
                            const char     *value)
{
  g_return_if_fail (EQUITY_IS_ANALYSIS (self));
  g_return_if_fail (key != NULL);

  if (value == NULL)
    g_key_file_remove_key (self->spec, EQUITY_ANALYSIS_GROUP, key, NULL);
  else
    g_key_file_set_string (self->spec, EQUITY_ANALYSIS_GROUP, key, value);
}

gboolean
equity_analysis_has_key (EquityAnalysis *self,
                         const char     *key)
{
  g_return_val_if_fail (EQUITY_IS_ANALYSIS (self), FALSE);
  return g_key_file_has_key (self->spec, EQUITY_ANALYSIS_GROUP, key, NULL);
}

/* a number as people write them in a key file: "1000", "0.95", " 11 " */
static gboolean
parse_double (const char *text,
              double     *value)
{
  g_autofree char *copy = g_strstrip (g_strdup (text));
  char *end = NULL;

  if (copy[0] == '\0')
    return FALSE;
  *value = g_ascii_strtod (copy, &end);
  return end != NULL && *end == '\0' && isfinite (*value);
}

double
equity_analysis_get_double (EquityAnalysis *self,
                            const char     *key)
{
  g_autofree char *text = equity_analysis_dup_string (self, key);
  double value;

  if (text == NULL || !parse_double (text, &value))
    return NAN;
  return value;
}

void
equity_analysis_set_double (EquityAnalysis *self,
                            const char     *key,
                            double          value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  g_return_if_fail (EQUITY_IS_ANALYSIS (self));

  if (!isfinite (value))
    {
      equity_analysis_set_string (self, key, NULL);
      return;
    }
  /* whole numbers as integers, so the file reads "per = 1000" */
  if (value == floor (value) && fabs (value) < 1e15)
    g_snprintf (buffer, sizeof buffer, "%.0f", value);
  else
    g_ascii_dtostr (buffer, sizeof buffer, value);
  equity_analysis_set_string (self, key, buffer);
}

static gboolean
get_setting (EquityAnalysis  *self,
             const char      *key,
             double           fallback,
             double           minimum,
             double           maximum,
             gboolean         open_minimum,
             double          *value,
             GError         **error)
{
  g_autofree char *text = equity_analysis_dup_string (self, key);

  *value = fallback;
  if (text == NULL)
    return TRUE;
  if (!parse_double (text, value))
    {
      g_set_error (error, EQUITY_ERROR, EQUITY_ERROR_INVALID,
                   _("%s: [analysis] %s: “%s” is not a number"), self->source_name, key, text);
      return FALSE;
    }
  if ((open_minimum ? *value <= minimum : *value < minimum) || *value > maximum)
    {
      g_set_error (error, EQUITY_ERROR, EQUITY_ERROR_INVALID,
                   _("%s: [analysis] %s: %s is out of range (%g to %g)"),
                   self->source_name, key, text, minimum, maximum);
      return FALSE;
    }
  return TRUE;
}

gboolean
equity_analysis_get_settings (EquityAnalysis  *self,
                              double          *per,
                              double          *confidence,
                              guint           *suppress_below,
                              GError         **error)
{
  double suppress;

  g_return_val_if_fail (EQUITY_IS_ANALYSIS (self), FALSE);

  if (!get_setting (self, "per", 1000.0, 0.0, 1e12, TRUE, per, error)
      || !get_setting (self, "confidence", 0.95, 0.5, 0.9999, FALSE, confidence, error)
      || !get_setting (self, "suppress-below", 11.0, 0.0, 1e9, FALSE, &suppress, error))
    return FALSE;
  if (suppress != floor (suppress))
    {
      g_set_error (error, EQUITY_ERROR, EQUITY_ERROR_INVALID,
                   _("%s: [analysis] suppress-below: %g is not a whole number"),
                   self->source_name, suppress);
      return FALSE;
    }
  *suppress_below = (guint) suppress;
  return TRUE;
}

void
equity_analysis_set_group (EquityAnalysis *self,
                           const char     *value,
                           const char     *column)
{
  g_return_if_fail (EQUITY_IS_ANALYSIS (self));
  g_return_if_fail (value != NULL && column != NULL);

  g_key_file_set_string (self->spec, EQUITY_GROUPS_GROUP, value, column);
}

void
equity_analysis_remove_group (EquityAnalysis *self,
                              const char     *value)
{
  g_return_if_fail (EQUITY_IS_ANALYSIS (self));
  g_return_if_fail (value != NULL);

  g_key_file_remove_key (self->spec, EQUITY_GROUPS_GROUP, value, NULL);
  g_key_file_remove_key (self->spec, EQUITY_GROUP_MOES_GROUP, value, NULL);
}

char **
equity_analysis_dup_groups (EquityAnalysis *self)
{
  char **keys;

  g_return_val_if_fail (EQUITY_IS_ANALYSIS (self), NULL);

  keys = g_key_file_get_keys (self->spec, EQUITY_GROUPS_GROUP, NULL, NULL);
  return keys != NULL ? keys : g_new0 (char *, 1);
}

char *
equity_analysis_dup_group_column (EquityAnalysis *self,
                                  const char     *value)
{
  g_autofree char *column = NULL;

  g_return_val_if_fail (EQUITY_IS_ANALYSIS (self), NULL);

  column = g_key_file_get_string (self->spec, EQUITY_GROUPS_GROUP, value, NULL);
  if (column == NULL)
    return NULL;
  g_strstrip (column);
  return g_steal_pointer (&column);
}

char *
_equity_analysis_spec_value (EquityAnalysis *self,
                             const char     *group,
                             const char     *key)
{
  return _equity_analysis_key_file_value (self->spec, group, key);
}

static const EquityAnalysisKindInfo *
prepare_context (EquityAnalysis         *self,
                 EquityProject          *project,
                 EquityAnalysisContext  *context,
                 GError                **error)
{
  g_autofree char *kind_name = equity_analysis_dup_kind (self);
  g_autofree char *name = equity_analysis_dup_name (self);
  g_autofree char *known = g_strjoinv (", ", (char **) equity_analysis_list_kinds ());
  const EquityAnalysisKindInfo *kind;

  context->analysis = self;
  context->project = project;

  if (kind_name == NULL || kind_name[0] == '\0')
    {
      g_set_error (error, EQUITY_ERROR, EQUITY_ERROR_INVALID,
                   _("%s: [analysis] kind: missing (one of %s)"), self->source_name, known);
      return NULL;
    }
  kind = equity_analysis_fields_find_kind (kind_name);
  if (kind == NULL)
    {
      g_set_error (error, EQUITY_ERROR, EQUITY_ERROR_INVALID,
                   _("%s: [analysis] kind: unknown kind “%s” (one of %s)"), self->source_name, kind_name, known);
      return NULL;
    }
  if (name == NULL || name[0] == '\0')
    {
      g_set_error (error, EQUITY_ERROR, EQUITY_ERROR_INVALID,
                   _("%s: [analysis] name: missing (the name the analysis is saved and shown under)"),
                   self->source_name);
      return NULL;
    }
  if (!equity_analysis_get_settings (self, &context->per, &context->confidence,
                                     &context->suppress_below, error))
    return NULL;
  return kind;
}

gboolean
equity_analysis_validate (EquityAnalysis  *self,
                          EquityProject   *project,
                          GError         **error)
{
  EquityAnalysisContext context = { 0 };
  const EquityAnalysisKindInfo *kind;

  g_return_val_if_fail (EQUITY_IS_ANALYSIS (self), FALSE);
  g_return_val_if_fail (EQUITY_IS_PROJECT (project), FALSE);

  kind = prepare_context (self, project, &context, error);
  if (kind == NULL)
    return FALSE;
  return kind->validate (&context, error);
}

EquityResult *
equity_analysis_run (EquityAnalysis     *self,
                     EquityProject      *project,
                     EquityProgressFunc  progress,
                     gpointer            progress_data,
                     GCancellable       *cancellable,
                     GError            **error)
{
  EquityAnalysisContext context = { 0 };
  const EquityAnalysisKindInfo *kind;
  EquityResult *result;

  g_return_val_if_fail (EQUITY_IS_ANALYSIS (self), NULL);
  g_return_val_if_fail (EQUITY_IS_PROJECT (project), NULL);

  kind = prepare_context (self, project, &context, error);
  if (kind == NULL || !kind->validate (&context, error))
    return NULL;

  context.progress = progress;
  context.progress_data = progress_data;
  context.cancellable = cancellable;

  if (_equity_analysis_cancelled (&context, error))
    return NULL;
  _equity_analysis_progress (&context, 0.0);
  result = kind->run (&context, error);
  if (result != NULL)
    {
      /* a small count is withheld with whatever would let it be worked out */
      equity_suppression_apply (result, context.suppress_below);
      g_autofree char *source_note = equity_analysis_dup_string (self, "source-note");
      g_autofree char *units = equity_analysis_dup_string (self, "units");

      /* the analyst's own wording for the chart wins over the generated one */
      if (source_note != NULL && *source_note != '\0')
        equity_result_set_source_note (result, source_note);
      if (units != NULL && *units != '\0')
        equity_result_set_units (result, units);
      _equity_analysis_progress (&context, 1.0);
    }
  return result;
}
