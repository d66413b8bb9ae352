/* csv-test-util.h — helpers shared by test-csv-reader.c and test-csv-syntax.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "equity-csv-reader.h"
#include "equity-error.h"
#include "test-util.h"

G_BEGIN_DECLS

#define N_CHUNK_BOUNDARIES 3
extern const gsize chunk_boundaries[N_CHUNK_BOUNDARIES];

EquityCsvReader *open_path (const char             *path,
                            const EquityCsvOptions *options,
                            GError                **error);
EquityCsvReader *open_bytes (const char             *data,
                             gssize                  length,
                             const EquityCsvOptions *options,
                             GError                **error);
GPtrArray *read_records_full (EquityCsvReader *reader,
                              GArray          *lines,
                              GError         **error);
GPtrArray *read_records (EquityCsvReader *reader,
                         GError         **error);
GPtrArray *read_all_bytes_full (const char             *data,
                                gssize                  length,
                                const EquityCsvOptions *options,
                                GArray                 *lines);
GPtrArray *read_all_bytes (const char             *data,
                           gssize                  length,
                           const EquityCsvOptions *options);
void assert_lines (GArray        *lines,
                   const guint64 *expected,
                   guint          n_expected);
void assert_records (GPtrArray  *records,
                     const char *expected);
void assert_objects (GPtrArray *records,
                     JsonArray *objects);
JsonNode *load_json (const char *path);
void assert_parse_error (EquityCsvReader *reader,
                         const char      *message);
GPtrArray *list_dir (const char *path,
                     const char *suffix);
GByteArray *to_utf16 (const char *utf8,
                      gboolean    big_endian,
                      gboolean    bom);
/* Opens PATH and reads every record, failing the test on an error;
 * READER_OUT (may be NULL) keeps the reader. */
GPtrArray *read_path (const char              *path,
                      const EquityCsvOptions  *options,
                      EquityCsvReader        **reader_out);
/* a reader of TEXT with the default options, or the test fails */
EquityCsvReader *open_text (const char *text);
/* tests/data/csv/CORPUS/FOLDER/NAME.EXTENSION */
char *corpus_file (const char *corpus,
                   const char *folder,
                   const char *name,
                   const char *extension);

G_END_DECLS
