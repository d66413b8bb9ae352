/* gen-csv.c — writes the benchmark's CSV: a city 311 service-request export
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   gen-csv [--rows N] [--seed S] OUT.csv
 *
 * Eight columns that exercise every path of the importer's type inference:
 *
 *   request_id   integer, increasing with gaps
 *   opened       date, MM/DD/YYYY (some days above 12, so the layout is clear)
 *   request_type text from a short list, several quoted because of a comma
 *   description  free text, always quoted for its comma, now and then a doubled quote
 *   tract        a six-digit census tract code with leading zeros ("001100")
 *   latitude     real, around Asheville
 *   longitude    real, around Asheville
 *   days_open    integer, empty for open requests, "N/A" now and then
 *
 * The output depends only on N and S (a fixed pseudo-random sequence, no
 * floating-point formatting of the random state), so every machine and every
 * run measures the same bytes.
 */

#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define DEFAULT_ROWS 1000000
#define DEFAULT_SEED 311

static uint64_t rng_state;

/* splitmix64: tiny, good enough for test data, and the same everywhere */
static uint64_t
next_random (void)
{
  uint64_t z = (rng_state += UINT64_C (0x9E3779B97F4A7C15));

  z = (z ^ (z >> 30)) * UINT64_C (0xBF58476D1CE4E5B9);
  z = (z ^ (z >> 27)) * UINT64_C (0x94D049BB133111EB);
  return z ^ (z >> 31);
}

/* uniform in [0, n) */
static unsigned
pick (unsigned n)
{
  return (unsigned) (next_random () % n);
}

static const char * const request_types[] = {
  "Pothole",
  "\"Streets, Sidewalks\"",
  "Graffiti",
  "\"Trash, Missed Pickup\"",
  "Noise Complaint",
  "\"Parks, Greenways\"",
  "Streetlight Out",
  "\"Water, Sewer Leak\"",
  "Abandoned Vehicle",
  "Illegal Dumping",
  "\"Code Enforcement, Housing\"",
  "Tree Down",
};

static const char * const problems[] = {
  "pothole", "broken sign", "overflowing bin", "loud music", "leaking hydrant",
  "downed limb", "dark streetlight", "blocked drain", "parked car", "tagging",
};

static const char * const streets[] = {
  "Haywood Rd", "Patton Ave", "Merrimon Ave", "Biltmore Ave", "Tunnel Rd",
  "Hendersonville Rd", "Broadway St", "Charlotte St", "Lexington Ave", "Depot St",
};

/* empty most of the time; one note has a doubled quote */
static const char * const notes[] = {
  ", near bus stop", ", 2nd report", ", see photo", ", by \"\"Welcome\"\" sign",
  "", "", "", "", "", "", "", "",
};

static const int days_in_month[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };

#define N_ELEMENTS(array) (sizeof (array) / sizeof ((array)[0]))

static void
write_row (FILE     *out,
           uint64_t  id)
{
  /* Every draw in its own statement: the order in which a call's arguments
   * are evaluated is unspecified, and the file must not depend on it. */
  unsigned year = 2019 + pick (5);
  unsigned month = 1 + pick (12);
  unsigned day = 1 + pick ((unsigned) days_in_month[month - 1]);
  const char *type = request_types[pick (N_ELEMENTS (request_types))];
  const char *problem = problems[pick (N_ELEMENTS (problems))];
  unsigned number = 1 + pick (999);
  const char *street = streets[pick (N_ELEMENTS (streets))];
  const char *note = notes[pick (N_ELEMENTS (notes))];
  unsigned tract = 100 * (1 + pick (36));
  /* Asheville: 35.52..35.67 N, 82.47..82.64 W, at 1e-5 degree resolution */
  unsigned lat = 3552000 + pick (15000);
  unsigned lon = 8247000 + pick (17000);
  unsigned status = pick (100);

  fprintf (out, "%" PRIu64 ",%02u/%02u/%04u,%s,\"%s, %u %s%s\",%06u,%u.%05u,-%u.%05u,",
           id, month, day, year, type, problem, number, street, note, tract,
           lat / 100000, lat % 100000, lon / 100000, lon % 100000);

  /* most requests are closed; a few are open (empty) or unknown (N/A) */
  if (status < 90)
    fprintf (out, "%u\n", pick (120));
  else if (status < 98)
    fputc ('\n', out);
  else
    fputs ("N/A\n", out);
}

int
main (int    argc,
      char **argv)
{
  unsigned long long rows = DEFAULT_ROWS;
  unsigned long long seed = DEFAULT_SEED;
  const char *path = NULL;
  static char buffer[1 << 20];
  uint64_t id = 1000000;
  FILE *out;

  for (int i = 1; i < argc; i++)
    {
      if (strcmp (argv[i], "--rows") == 0 && i + 1 < argc)
        rows = strtoull (argv[++i], NULL, 10);
      else if (strcmp (argv[i], "--seed") == 0 && i + 1 < argc)
        seed = strtoull (argv[++i], NULL, 10);
      else if (argv[i][0] != '-' && path == NULL)
        path = argv[i];
      else
        {
          fprintf (stderr, "usage: %s [--rows N] [--seed S] OUT.csv\n", argv[0]);
          return 2;
        }
    }
  if (path == NULL)
    {
      fprintf (stderr, "usage: %s [--rows N] [--seed S] OUT.csv\n", argv[0]);
      return 2;
    }

  out = fopen (path, "w");
  if (out == NULL)
    {
      fprintf (stderr, "%s: %s\n", path, strerror (errno));
      return 1;
    }
  setvbuf (out, buffer, _IOFBF, sizeof buffer);
  rng_state = seed;

  fputs ("request_id,opened,request_type,description,tract,latitude,longitude,days_open\n", out);
  for (unsigned long long row = 0; row < rows; row++)
    {
      /* ids increase with gaps, as in an export filtered by department */
      id += 1 + pick (3);
      write_row (out, id);
    }

  if (fclose (out) != 0)
    {
      fprintf (stderr, "%s: %s\n", path, strerror (errno));
      return 1;
    }
  return 0;
}
