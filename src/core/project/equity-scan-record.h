/* equity-scan-record.h — an environmental scan as the project stores it:
 * its date, the measures it ran and every comparison it made
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * src/core/scan/ fills these; the project saves and reads them back
 * (equity-project-scans.c), so a later scan can be compared with them.
 */

#pragma once

#include "equity-project.h"

G_BEGIN_DECLS

/* One measure the scan ran. ID is stable across scans: "analysis:12" for
 * saved analysis 12, "column:3/5:7/2" for count column 5 of dataset 3 over
 * population column 2 of dataset 7. */
typedef struct
{
  char *id;
  char *name;      /* what a reader calls it */
  char *kind;      /* the analysis kind it ran as */
  char *analysis;  /* the saved analysis's name, or NULL for a generated measure */
  char *spec;      /* a generated measure's spec (key-file text), else NULL */
} EquityScanMeasure;

/* how a gap stands against the previous stored scan */
typedef enum
{
  EQUITY_SCAN_CHANGE_NONE,       /* no previous scan, or not significant */
  EQUITY_SCAN_CHANGE_NEW,        /* significant now, not before */
  EQUITY_SCAN_CHANGE_CONTINUING, /* significant now and before */
  EQUITY_SCAN_CHANGE_CLOSED,     /* significant before, not now */
} EquityScanChange;

/* One comparison: a group against the reference group, or an area against
 * the rest of the areas. RATIO is oriented so that above 1 means the group
 * named worse off (GROUP_WORSE: GROUP, else REFERENCE) has the higher rate. */
typedef struct
{
  char     *measure_id;
  char     *measure;      /* the measure's name */
  char     *grouping;     /* "subject_race", "areas: id" */
  char     *group;        /* the value as stored ("B", "37021000100") */
  char     *group_label;  /* what a reader sees ("Black"), or NULL for GROUP */
  char     *reference;    /* what it is compared with ("White", "the other areas") */
  gboolean  group_worse;
  double    ratio;
  double    ratio_low;
  double    ratio_high;
  double    difference;   /* higher rate − lower rate, per the measure's `per` */
  double    p;
  double    p_adjusted;   /* Benjamini–Hochberg over every comparison of the scan */
  gboolean  significant;  /* p_adjusted below the scan's FDR */
  gboolean  suppressed;   /* a count behind it is withheld from publication
                           * (equity_result_row_is_hidden()): the workbook
                           * shows its figures as [c] */
  guint     rank;         /* 1 = first */
  EquityScanChange change;
} EquityScanGap;

typedef struct
{
  gint64     id;          /* 0 until stored */
  GDateTime *run_at;
  double     fdr;
  GPtrArray *measures;    /* EquityScanMeasure */
  GPtrArray *gaps;        /* EquityScanGap, in rank order */
} EquityScanRecord;

EquityScanMeasure *equity_scan_measure_new   (const char *id,
                                              const char *name,
                                              const char *kind,
                                              const char *analysis,
                                              const char *spec);
void               equity_scan_measure_free  (EquityScanMeasure *measure);
EquityScanGap     *equity_scan_gap_new       (void);
void               equity_scan_gap_free      (EquityScanGap     *gap);
/* the key that names the same comparison in two scans */
char              *equity_scan_gap_dup_key   (const EquityScanGap *gap);
const char        *equity_scan_gap_get_label (const EquityScanGap *gap);

EquityScanRecord  *equity_scan_record_new    (void);
void               equity_scan_record_free   (EquityScanRecord  *record);
const EquityScanMeasure *equity_scan_record_find_measure (EquityScanRecord *record,
                                                          const char       *measure_id);

/* Stores RECORD (its id is set); the gaps keep their rank. */
gboolean           equity_project_save_scan  (EquityProject     *self,
                                              EquityScanRecord  *record,
                                              GError           **error);
/* The stored scans, latest first, at most MAX (0: all). */
GPtrArray         *equity_project_load_scans (EquityProject     *self,
                                              guint              max,
                                              GError           **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EquityScanRecord, equity_scan_record_free)

G_END_DECLS
