/* fuzz-check.h — what every fuzz target checks alike: a hash of all a
 * parser read (two passes must give the same one) and the shape of its
 * errors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "equity-error.h"

/* FNV-1a, 64 bits: the offset basis, then one step per value */
#define FUZZ_HASH_START G_GUINT64_CONSTANT (14695981039346656037)

static inline guint64
fuzz_hash (guint64 hash,
           guint64 value)
{
  return (hash ^ value) * G_GUINT64_CONSTANT (1099511628211);
}

/* the LENGTH bytes of one field or cell, then a mark past any byte's value
 * that ends it, so that "ab" "c" and "a" "bc" hash apart */
static inline guint64
fuzz_hash_field (guint64     hash,
                 const char *field,
                 gsize       length)
{
  for (gsize k = 0; k < length; k++)
    hash = fuzz_hash (hash, (guchar) field[k]);
  return fuzz_hash (hash, 0x100);
}

/* An error, when there is one, is an EQUITY_ERROR whose message starts with
 * PREFIX (the file, and where in it) and is valid UTF-8; TRUE when there is
 * one, for the target's own further checks. */
static inline gboolean
fuzz_check_error (const GError *error,
                  const char   *prefix)
{
  if (error == NULL)
    return FALSE;
  g_assert_true (error->domain == EQUITY_ERROR);
  g_assert_true (g_str_has_prefix (error->message, prefix));
  g_assert_true (g_utf8_validate (error->message, -1, NULL));
  return TRUE;
}
