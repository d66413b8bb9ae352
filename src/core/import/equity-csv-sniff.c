/* equity-csv-sniff.c — a CSV file's delimiter, told from its first records
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "equity-csv-reader"

#include "config.h"

#include "equity-csv-encoding.h"

#define SNIFF_BYTES  (64 * 1024)
#define SNIFF_LINES  512

/* Counts fields per record for one candidate, respecting quotes; blank
 * lines and a record cut off by the end of the sample do not count. Returns
 * the share (‰) of records with the most common count, put in *mode. */
static guint
sniff_candidate (const guchar *s,
                 gsize         n,
                 gboolean      complete,
                 guchar        delimiter,
                 guint        *mode)
{
  guint counts[SNIFF_LINES];
  guint n_counts = 0, fields = 1, best = 0;
  gboolean quoted = FALSE, blank = TRUE;

  for (gsize i = 0; i < n && n_counts < SNIFF_LINES; i++)
    {
      if (s[i] == '"')
        quoted = !quoted;
      else if (quoted)
        continue;
      else if (s[i] == '\n' || s[i] == '\r')
        {
          if (!blank)
            counts[n_counts++] = fields;
          fields = 1;
          blank = TRUE;
          continue;
        }
      else if (s[i] == delimiter)
        fields++;
      blank = FALSE;
    }
  if (complete && !blank && n_counts < SNIFF_LINES)
    counts[n_counts++] = fields;

  *mode = 0;
  for (guint i = 0; i < n_counts; i++)
    {
      guint same = 0;

      for (guint j = 0; j < n_counts; j++)
        same += counts[j] == counts[i];
      if (same > best || (same == best && counts[i] > *mode))
        {
          best = same;
          *mode = counts[i];
        }
    }
  return n_counts > 0 ? best * 1000 / n_counts : 0;
}

char
equity_csv_sniff_delimiter (const guchar *s,
                 gsize         n,
                 gboolean      complete,
                 guint         skip_rows)
{
  static const char candidates[] = { ',', '\t', ';', '|' };
  guint best_score = 0, best_mode = 0;
  gsize start = 0;
  char best = ',';

  /* preamble lines say nothing about the table's shape */
  for (guint i = 0; i < skip_rows && start < n; i++)
    {
      while (start < n && s[start] != '\n' && s[start] != '\r')
        start++;
      if (start + 1 < n && s[start] == '\r' && s[start + 1] == '\n')
        start++;
      start++;
    }
  if (start >= n)
    return best;
  if (n - start > SNIFF_BYTES)
    {
      n = start + SNIFF_BYTES;
      complete = FALSE;
    }

  /* The most consistent field count wins; a single column proves nothing,
   * and among equally consistent ones the wider table is the likelier. */
  for (guint i = 0; i < G_N_ELEMENTS (candidates); i++)
    {
      guint mode = 0;
      guint score = sniff_candidate (s + start, n - start, complete, candidates[i], &mode);

      if (mode > 1 && (score > best_score || (score == best_score && mode > best_mode)))
        {
          best = candidates[i];
          best_score = score;
          best_mode = mode;
        }
    }
  return best;
}
