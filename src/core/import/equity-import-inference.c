/* equity-import-inference.c — each column's type and role, worked out from what was read
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "equity-importer"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "equity-importer-private.h"

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

void
_equity_importer_settle_types (EquityImporter *self)
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
        _equity_importer_add_warning (self,
                                      g_strdup_printf (_("Dates in column “%s” could be day/month or "
                                                         "month/day; they are kept as written"),
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
