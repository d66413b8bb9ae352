/* equity-score-table.h — the ratio-to-score table of the Equity Indicators
 * method, stored in the project (editable, with its source)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "equity-project.h"

G_BEGIN_DECLS

/* Ratios from START (read to three decimals) score FIRST_SCORE, one point
 * less every STEP (0: the whole band scores FIRST_SCORE), until the next
 * band's start. Ratios below the first band score 100. */
typedef struct
{
  double start;
  int    first_score;
  double step;
} EquityScoreBand;

typedef struct _EquityScoreTable EquityScoreTable;

#define EQUITY_TYPE_SCORE_TABLE (equity_score_table_get_type ())
GType             equity_score_table_get_type     (void) G_GNUC_CONST;

/* the table printed in Oakland Equity Indicators 2018, Appendix B */
EquityScoreTable *equity_score_table_new_default  (void);
/* BANDS ascending by start */
EquityScoreTable *equity_score_table_new          (const EquityScoreBand *bands,
                                                   guint                  n_bands,
                                                   const char            *source);
EquityScoreTable *equity_score_table_ref          (EquityScoreTable      *self);
void              equity_score_table_unref        (EquityScoreTable      *self);
guint             equity_score_table_get_n_bands  (EquityScoreTable      *self);
const EquityScoreBand *equity_score_table_get_band (EquityScoreTable     *self,
                                                   guint                  index);
const char       *equity_score_table_get_source   (EquityScoreTable      *self);

/* FALSE, naming the band and what was expected, unless the first band
 * starts at 1.000, the bands ascend, scores lie in 1–100 and steps are 0
 * or more */
gboolean          equity_score_table_validate     (EquityScoreTable      *self,
                                                   GError               **error);
/* TRUE when the bands are the published table's (whatever the source
 * says); otherwise the table is shown as "edited" beside its source */
gboolean          equity_score_table_is_published (EquityScoreTable      *self);
/* A table from the CSV file PATH of start,first_score,step lines (a header
 * line allowed), checked as equity_score_table_validate() does; errors name
 * the file, line and column. */
EquityScoreTable *equity_score_table_new_from_csv (const char            *path,
                                                   const char            *source,
                                                   GError               **error);
/* "SOURCE" or "SOURCE (edited)", for notes beside a score */
char             *equity_score_table_dup_source_label (EquityScoreTable  *self);

/* the score 1–100 of an oriented RATIO; NAN for NAN */
double            equity_score_table_score        (EquityScoreTable      *self,
                                                   double                 ratio);
/* The percentage rule: the share of the good outcome rounded up, so a
 * measure framed negatively (HIGHER_IS_WORSE) scores 100 − PERCENTAGE
 * (Oakland: 51.6 % not accessible → 49); kept within 1–100. */
double            equity_score_percentage         (double                 percentage,
                                                   gboolean               higher_is_worse);

/* the project's table (the default when it has none stored) */
EquityScoreTable *equity_project_dup_score_table  (EquityProject         *project,
                                                   GError               **error);
gboolean          equity_project_set_score_table  (EquityProject         *project,
                                                   EquityScoreTable      *table,
                                                   GError               **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EquityScoreTable, equity_score_table_unref)

G_END_DECLS
