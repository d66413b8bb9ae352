/* analysis-test-util.h — a project in a scratch directory, datasets from text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Shared by test-analysis.c and test-analysis-kinds.c (header-only: each
 * test binary is one translation unit).
 */

#pragma once

#include <math.h>
#include <string.h>
#include <json-glib/json-glib.h>

#include "equity-core.h"
#include "equity-analysis.h"
#include "equity-stats.h"
#include "test-util.h"

static inline void
import_file (TestProject *fixture,
             const char  *path,
             const char  *name)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(EquityDataset) dataset = test_import_ok (fixture->project, file,
                                                     &(EquityImportOptions) { .name = name });
}

/* writes TEXT to NAME.EXTENSION in the scratch directory and imports it */
static inline void
import_text (TestProject *fixture,
             const char  *name,
             const char  *extension,
             const char  *text)
{
  test_import_text (fixture->project, fixture->dir, name, extension, text);
}

/* "stops": eight, in groups X, Y, none and Q, one of them in 2021; "people":
 * three places whose codes "021" and "21" a text filter must tell apart */
static inline void
import_small_stops (TestProject *fixture)
{
  import_text (fixture, "stops", "csv",
               "id,group,year\n1,X,2020\n2,X,2020\n3,X,2021\n4,Y,2020\n5,Y,2020\n6,Y,2020\n"
               "7,,2020\n8,Q,2020\n");
  import_text (fixture, "people", "csv",
               "code,x_pop,y_pop,z_pop\n021,100,200,50\n21,1,1,1\n9,1000,1000,1000\n");
}

static inline EquityResult *
run_spec (TestProject    *fixture,
          const char *spec,
          GError    **error)
{
  g_autoptr(EquityAnalysis) analysis = equity_analysis_new_from_data (spec, -1, "spec.ini", error);

  if (analysis == NULL)
    return NULL;
  return equity_analysis_run (analysis, fixture->project, NULL, NULL, NULL, error);
}

static inline EquityResult *
run_ok (TestProject    *fixture,
        const char *spec)
{
  g_autoptr(GError) error = NULL;
  EquityResult *result = run_spec (fixture, spec, &error);

  g_assert_no_error (error);
  g_assert_nonnull (result);
  return result;
}

/* the error message of a spec that must fail */
static inline char *
run_error (TestProject    *fixture,
           const char *spec)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EquityResult) result = run_spec (fixture, spec, &error);

  g_assert_null (result);
  g_assert_nonnull (error);
  return g_strdup (error->message);
}

/* the JSON of RESULT through a real parse, as a consumer reads it */
static inline JsonNode *
result_json (EquityResult *result)
{
  g_autoptr(JsonNode) node = equity_result_to_json (result);
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;

  json_generator_set_root (generator, node);
  text = json_generator_to_data (generator, NULL);
  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);
  return json_node_copy (json_parser_get_root (parser));
}

static inline void
assert_members (JsonObject         *object,
                const char * const *keys)
{
  for (guint i = 0; keys[i] != NULL; i++)
    if (!json_object_has_member (object, keys[i]))
      g_error ("JSON lacks the member “%s”", keys[i]);
}


static inline char *
sample_path (const char *file)
{
  /* the bundled sample data at <source>/data/samples, beside tests/ */
  return g_test_build_filename (G_TEST_DIST, "..", "data", "samples", file, NULL);
}

/* Imports NAME: a CSV "id,COLUMN" with, for each VALUE, COUNT pair that
 * follows FIRST_VALUE, COUNT rows of VALUE (ids 0, 1, … in order); ends
 * with NULL. */
static inline void
import_counts (TestProject *fixture,
               const char  *name,
               const char  *column,
               const char  *first_value,
               ...)
{
  g_autoptr(GString) csv = g_string_new (NULL);
  guint id = 0;
  va_list args;

  g_string_printf (csv, "id,%s\n", column);
  va_start (args, first_value);
  for (const char *value = first_value; value != NULL; value = va_arg (args, const char *))
    {
      guint count = va_arg (args, guint);

      for (guint i = 0; i < count; i++, id++)
        g_string_append_printf (csv, "%u,%s\n", id, value);
    }
  va_end (args);
  import_text (fixture, name, "csv", csv->str);
}

/* A figure of one row of a result: the double FIELD of the row named KEY
 * (NULL: the overall row), to RELATIVE closeness (0: exactly). */
typedef struct
{
  const char *key;
  const char *field;
  gsize       offset;
  double      expected;
  double      relative;
} RowFigure;

#define ROW_FIGURE(key, field, expected, relative) \
  { (key), #field, G_STRUCT_OFFSET (EquityResultRow, field), (expected), (relative) }

/* checks FIGURES, up to the first without a field; WHERE names the case */
static inline void
assert_row_figures (const char      *where,
                    EquityResult    *result,
                    const RowFigure *figures)
{
  for (guint i = 0; figures[i].field != NULL; i++)
    {
      const RowFigure *figure = &figures[i];
      const char *key = figure->key != NULL ? figure->key : "overall";
      EquityResultRow *row = figure->key != NULL ? equity_result_find_row (result, figure->key)
                                                 : equity_result_get_overall (result);
      double actual;

      if (row == NULL)
        g_error ("%s: no row “%s”", where, key);
      actual = G_STRUCT_MEMBER (double, row, figure->offset);
      if (!test_is_close (actual, figure->expected, figure->relative))
        g_error ("%s: %s->%s = %.17g, expected %.17g", where, key, figure->field, actual, figure->expected);
    }
}
