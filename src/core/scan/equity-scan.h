/* equity-scan.h — the environmental scan: every suitable measure of a
 * project against every grouping it has, the gaps ranked with a stated
 * false-discovery control
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "equity-project.h"
#include "equity-scan-funnel.h"
#include "equity-scan-record.h"
#include "equity-types.h"

G_BEGIN_DECLS

/* the false-discovery rate the scan controls (Benjamini–Hochberg) */
#define EQUITY_SCAN_FDR 0.05

/* Two-sided p of equal rates for counts A and B over populations POP_A and
 * POP_B: the exact conditional binomial test. NAN when a count is not whole. */
double  equity_scan_poisson_p      (double        a,
                                    double        pop_a,
                                    double        b,
                                    double        pop_b);
/* Two-sided p of a ratio of 1, from the ratio and its log-symmetric
 * interval at CONFIDENCE (a Wald test on the log ratio) */
double  equity_scan_wald_p         (double        ratio,
                                    double        low,
                                    double        high,
                                    double        confidence);
/* Benjamini–Hochberg adjusted p-values of the N values of P */
void    equity_scan_adjust_bh      (const double *p,
                                    double       *adjusted,
                                    guint         n);
/* Adjusts every gap's p, marks those below FDR significant, sorts GAPS by
 * the scan's rule (significant first, then larger ratio, then smaller
 * adjusted p) and numbers them from 1. */
void    equity_scan_rank           (GPtrArray    *gaps,
                                    double        fdr);
/* Marks CURRENT's gaps new or continuing against PREVIOUS (may be NULL);
 * returns PREVIOUS's significant gaps that CURRENT no longer finds. */
GPtrArray *equity_scan_compare     (EquityScanRecord *current,
                                    EquityScanRecord *previous);

#define EQUITY_TYPE_SCAN (equity_scan_get_type ())
G_DECLARE_FINAL_TYPE (EquityScan, equity_scan, EQUITY, SCAN, GObject)

/* Finds the measures, runs each, ranks every comparison and compares the
 * result with the latest stored scan. Reads the project only. */
EquityScan       *equity_scan_run          (EquityProject       *project,
                                            EquityProgressFunc   progress,
                                            gpointer             progress_data,
                                            GCancellable        *cancellable,
                                            GError             **error);
/* the same in a worker with its own connection; SAVE stores the scan too */
void              equity_scan_run_async    (const char          *project_path,
                                            gboolean             save,
                                            GCancellable        *cancellable,
                                            EquityProgressFunc   progress,
                                            gpointer             progress_data,
                                            GAsyncReadyCallback  callback,
                                            gpointer             user_data);
EquityScan       *equity_scan_run_finish   (GAsyncResult        *result,
                                            GError             **error);
/* The latest stored scan compared with the one before it; NULL without
 * error when none is stored. It has no funnels. */
EquityScan       *equity_scan_load_latest  (EquityProject       *project,
                                            GError             **error);

EquityScanRecord *equity_scan_get_record   (EquityScan          *self);
/* the significant gaps of the previous stored scan this one no longer finds */
GPtrArray        *equity_scan_get_closed   (EquityScan          *self);
/* EquityFunnel, one per area measure */
GPtrArray        *equity_scan_get_funnels  (EquityScan          *self);
/* "measure: why it could not run", one per measure left out */
const char * const *equity_scan_get_problems (EquityScan        *self);
gboolean          equity_scan_has_previous (EquityScan          *self);
/* "12 of 340 comparisons are significant after controlling the false
 * discovery rate at 5% (Benjamini–Hochberg)." */
char             *equity_scan_dup_fdr_note (EquityScan          *self);
/* Stores the scan in PROJECT. */
gboolean          equity_scan_save         (EquityScan          *self,
                                            EquityProject       *project,
                                            GError             **error);

/* the JSON of `scan --json`: one object per comparison, in rank order,
 * with the keys of ../shared/CLI.md and "measure_id", "group_label",
 * "reference", "worse_off", "difference", "fdr" and "change" beside them */
JsonNode         *equity_scan_to_json      (EquityScan          *self);

/* "new", "closed", "continuing" or NULL, as a reader sees it */
const char       *equity_scan_change_to_label (EquityScanChange  change);
/* "new", "closed", "continuing" or NULL, as JSON spells it */
const char       *equity_scan_change_to_string (EquityScanChange change);

G_END_DECLS
