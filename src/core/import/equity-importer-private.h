/* equity-importer-private.h — what the importer's files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "equity-importer.h"
#include "equity-record-source.h"
#include "equity-type-guess.h"

G_BEGIN_DECLS

#define EQUITY_IMPORT_N_PREVIEW   100
#define EQUITY_IMPORT_CHECK_EVERY 4096

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

/* equity-importer.c: MESSAGE is taken; only the first few are kept */
void     _equity_importer_add_warning   (EquityImporter *self,
                                         char           *message);

/* equity-import-inference.c: each column's type and role from its guess,
 * and the margins of error paired with their estimates */
void     _equity_importer_settle_types  (EquityImporter *self);

G_END_DECLS
