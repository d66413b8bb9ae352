/* gen-xlsx.c — the import benchmark's CSV as an Excel workbook
 *
 *   gen-xlsx IN.csv OUT.xlsx
 *
 * Writes every record of gen-csv's output (request_id, opened, request_type,
 * description, tract, latitude, longitude, days_open) on one sheet with
 * libxlsxwriter in constant-memory mode: numbers as number cells, the opened
 * date (MM/DD/YYYY) as a date cell shown mm/dd/yyyy, the rest as text (the
 * tract keeps its leading zeros). Constant-memory mode writes text inline
 * in each cell, as streaming writers do.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <xlsxwriter.h>

#define MAX_FIELDS 16
#define MAX_LINE 4096

/* Splits LINE (a gen-csv record: quotes only around fields with commas) in
 * place; returns the number of fields. */
static int
split_record (char  *line,
              char **fields)
{
  int n = 0;
  char *p = line;

  while (n < MAX_FIELDS)
    {
      if (*p == '"')
        {
          char *out = ++p;

          fields[n++] = out;
          for (;;)
            {
              if (*p == '"' && p[1] == '"')
                {
                  *out++ = '"';
                  p += 2;
                }
              else if (*p == '"' || *p == '\0')
                break;
              else
                *out++ = *p++;
            }
          if (*p == '"')
            p++;
          *out = '\0';   /* at most where the closing quote was */
        }
      else
        {
          fields[n++] = p;
          p += strcspn (p, ",\r\n");
        }
      if (*p != ',')
        {
          *p = '\0';
          break;
        }
      *p++ = '\0';
    }
  return n;
}

int
main (int   argc,
      char *argv[])
{
  static char line[MAX_LINE];
  lxw_workbook_options options = { .constant_memory = LXW_TRUE };
  lxw_workbook *workbook;
  lxw_worksheet *sheet;
  lxw_format *date_format;
  FILE *in;
  lxw_row_t row = 0;

  if (argc != 3)
    {
      fprintf (stderr, "usage: gen-xlsx IN.csv OUT.xlsx\n");
      return 2;
    }
  in = fopen (argv[1], "r");
  if (in == NULL)
    {
      perror (argv[1]);
      return 1;
    }
  workbook = workbook_new_opt (argv[2], &options);
  sheet = workbook_add_worksheet (workbook, "Requests");
  date_format = workbook_add_format (workbook);
  format_set_num_format (date_format, "mm/dd/yyyy");

  while (fgets (line, sizeof line, in) != NULL)
    {
      char *fields[MAX_FIELDS];
      int n = split_record (line, fields);

      for (int col = 0; col < n; col++)
        {
          char *end = NULL;
          double number = strtod (fields[col], &end);
          int month, day, year;

          if (row == 0 || col == 4 || fields[col][0] == '\0')
            worksheet_write_string (sheet, row, col, fields[col], NULL);
          else if (col == 1 && sscanf (fields[col], "%d/%d/%d", &month, &day, &year) == 3)
            {
              lxw_datetime date = { year, month, day, 0, 0, 0 };

              worksheet_write_datetime (sheet, row, col, &date, date_format);
            }
          else if (end != fields[col] && *end == '\0')
            worksheet_write_number (sheet, row, col, number, NULL);
          else
            worksheet_write_string (sheet, row, col, fields[col], NULL);
        }
      row++;
    }
  fclose (in);
  if (workbook_close (workbook) != LXW_NO_ERROR)
    {
      fprintf (stderr, "gen-xlsx: could not write %s\n", argv[2]);
      return 1;
    }
  return 0;
}
