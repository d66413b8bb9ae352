/* equity-project-scans.c — stored environmental scans
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "equity-project"

#include "config.h"

#include <math.h>
#include <glib/gi18n-lib.h>

#include "equity-project-private.h"
#include "equity-scan-record.h"
#include "equity-schema.h"

EquityScanMeasure *
equity_scan_measure_new (const char *id,
                         const char *name,
                         const char *kind,
                         const char *analysis,
                         const char *spec)
{
  EquityScanMeasure *measure = g_new0 (EquityScanMeasure, 1);

  measure->id = g_strdup (id);
  measure->name = g_strdup (name);
  measure->kind = g_strdup (kind);
  measure->analysis = g_strdup (analysis);
  measure->spec = g_strdup (spec);
  return measure;
}

void
equity_scan_measure_free (EquityScanMeasure *measure)
{
  if (measure == NULL)
    return;
  g_free (measure->id);
  g_free (measure->name);
  g_free (measure->kind);
  g_free (measure->analysis);
  g_free (measure->spec);
  g_free (measure);
}

EquityScanGap *
equity_scan_gap_new (void)
{
  EquityScanGap *gap = g_new0 (EquityScanGap, 1);

  gap->ratio = gap->ratio_low = gap->ratio_high = NAN;
  gap->difference = gap->p = gap->p_adjusted = NAN;
  return gap;
}

void
equity_scan_gap_free (EquityScanGap *gap)
{
  if (gap == NULL)
    return;
  g_free (gap->measure_id);
  g_free (gap->measure);
  g_free (gap->grouping);
  g_free (gap->group);
  g_free (gap->group_label);
  g_free (gap->reference);
  g_free (gap);
}

char *
equity_scan_gap_dup_key (const EquityScanGap *gap)
{
  /* the unit separator cannot occur in a name anyone typed */
  return g_strjoin ("\x1f", gap->measure_id, gap->grouping, gap->group, NULL);
}

const char *
equity_scan_gap_get_label (const EquityScanGap *gap)
{
  return gap->group_label != NULL ? gap->group_label : gap->group;
}

EquityScanRecord *
equity_scan_record_new (void)
{
  EquityScanRecord *record = g_new0 (EquityScanRecord, 1);

  record->fdr = 0.05;
  record->measures = g_ptr_array_new_with_free_func ((GDestroyNotify) equity_scan_measure_free);
  record->gaps = g_ptr_array_new_with_free_func ((GDestroyNotify) equity_scan_gap_free);
  return record;
}

void
equity_scan_record_free (EquityScanRecord *record)
{
  if (record == NULL)
    return;
  g_clear_pointer (&record->run_at, g_date_time_unref);
  g_ptr_array_unref (record->measures);
  g_ptr_array_unref (record->gaps);
  g_free (record);
}

const EquityScanMeasure *
equity_scan_record_find_measure (EquityScanRecord *record,
                                 const char       *measure_id)
{
  for (guint i = 0; i < record->measures->len; i++)
    {
      const EquityScanMeasure *measure = g_ptr_array_index (record->measures, i);
      if (g_strcmp0 (measure->id, measure_id) == 0)
        return measure;
    }
  return NULL;
}

static void
bind_double (sqlite3_stmt *stmt,
             int           index,
             double        value)
{
  if (isfinite (value))
    sqlite3_bind_double (stmt, index, value);
  else
    sqlite3_bind_null (stmt, index);
}

static double
column_double (sqlite3_stmt *stmt,
               int           index)
{
  return sqlite3_column_type (stmt, index) == SQLITE_NULL ? NAN : sqlite3_column_double (stmt, index);
}

static char *
column_text (sqlite3_stmt *stmt,
             int           index)
{
  return g_strdup ((const char *) sqlite3_column_text (stmt, index));
}

static gboolean
step_done (EquityProject  *self,
           sqlite3_stmt   *stmt,
           GError        **error)
{
  int rc = sqlite3_step (stmt);

  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      equity_schema_set_error (self->db, error, _("Could not store the scan"));
      return FALSE;
    }
  return TRUE;
}

static gboolean
save_rows (EquityProject     *self,
           EquityScanRecord  *record,
           GError           **error)
{
  sqlite3_stmt *stmt;
  gboolean ok = TRUE;

  stmt = _equity_project_prepare (self,
                                  "INSERT INTO scan_measures (scan_id, measure_id, name, kind, analysis, spec) "
                                  "VALUES (?1, ?2, ?3, ?4, ?5, ?6)", error);
  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; ok && i < record->measures->len; i++)
    {
      EquityScanMeasure *measure = g_ptr_array_index (record->measures, i);

      sqlite3_bind_int64 (stmt, 1, record->id);
      sqlite3_bind_text (stmt, 2, measure->id, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 3, measure->name, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 4, measure->kind, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 5, measure->analysis, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 6, measure->spec, -1, SQLITE_TRANSIENT);
      ok = step_done (self, stmt, error);
    }
  sqlite3_finalize (stmt);
  if (!ok)
    return FALSE;

  stmt = _equity_project_prepare (self,
                                  "INSERT INTO scan_gaps (scan_id, rank, measure_id, grouping, grp, grp_label, "
                                  "reference, group_worse, ratio, ratio_low, ratio_high, difference, p, "
                                  "p_adjusted, significant, suppressed) "
                                  "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16)",
                                  error);
  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; ok && i < record->gaps->len; i++)
    {
      EquityScanGap *gap = g_ptr_array_index (record->gaps, i);

      sqlite3_bind_int64 (stmt, 1, record->id);
      sqlite3_bind_int64 (stmt, 2, gap->rank);
      sqlite3_bind_text (stmt, 3, gap->measure_id, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 4, gap->grouping, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 5, gap->group, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 6, gap->group_label, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 7, gap->reference, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int (stmt, 8, gap->group_worse);
      bind_double (stmt, 9, gap->ratio);
      bind_double (stmt, 10, gap->ratio_low);
      bind_double (stmt, 11, gap->ratio_high);
      bind_double (stmt, 12, gap->difference);
      bind_double (stmt, 13, gap->p);
      bind_double (stmt, 14, gap->p_adjusted);
      sqlite3_bind_int (stmt, 15, gap->significant);
      sqlite3_bind_int (stmt, 16, gap->suppressed);
      ok = step_done (self, stmt, error);
    }
  sqlite3_finalize (stmt);
  return ok;
}

gboolean
equity_project_save_scan (EquityProject     *self,
                          EquityScanRecord  *record,
                          GError           **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *run_at = NULL;
  g_autofree char *detail = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (EQUITY_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (record != NULL, FALSE);

  if (record->run_at == NULL)
    record->run_at = g_date_time_new_now_utc ();
  run_at = g_date_time_format (record->run_at, "%Y-%m-%dT%H:%M:%SZ");

  if (!equity_project_begin (self, error))
    return FALSE;
  stmt = _equity_project_prepare (self, "INSERT INTO scans (run_at, fdr) VALUES (?1, ?2)", &local_error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_text (stmt, 1, run_at, -1, SQLITE_TRANSIENT);
  sqlite3_bind_double (stmt, 2, record->fdr);
  if (!step_done (self, stmt, &local_error))
    {
      sqlite3_finalize (stmt);
      goto failed;
    }
  sqlite3_finalize (stmt);
  record->id = sqlite3_last_insert_rowid (self->db);

  detail = g_strdup_printf ("%u comparisons", record->gaps->len);
  if (!save_rows (self, record, &local_error)
      || !equity_project_log (self, "save-scan", detail, &local_error)
      || !equity_project_commit (self, &local_error))
    goto failed;
  return TRUE;

failed:
  record->id = 0;
  equity_project_rollback (self);
  g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}

static gboolean
load_rows (EquityProject     *self,
           EquityScanRecord  *record,
           GError           **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = _equity_project_prepare (self,
                                  "SELECT measure_id, name, kind, analysis, spec FROM scan_measures "
                                  "WHERE scan_id = ?1 ORDER BY measure_id", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, record->id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (record->measures,
                     equity_scan_measure_new ((const char *) sqlite3_column_text (stmt, 0),
                                              (const char *) sqlite3_column_text (stmt, 1),
                                              (const char *) sqlite3_column_text (stmt, 2),
                                              (const char *) sqlite3_column_text (stmt, 3),
                                              (const char *) sqlite3_column_text (stmt, 4)));
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    goto failed;

  stmt = _equity_project_prepare (self,
                                  "SELECT rank, measure_id, grouping, grp, grp_label, reference, group_worse, "
                                  "ratio, ratio_low, ratio_high, difference, p, p_adjusted, significant, suppressed "
                                  "FROM scan_gaps WHERE scan_id = ?1 ORDER BY rank", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, record->id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      EquityScanGap *gap = equity_scan_gap_new ();
      const EquityScanMeasure *measure;

      gap->rank = sqlite3_column_int (stmt, 0);
      gap->measure_id = column_text (stmt, 1);
      gap->grouping = column_text (stmt, 2);
      gap->group = column_text (stmt, 3);
      gap->group_label = column_text (stmt, 4);
      gap->reference = column_text (stmt, 5);
      gap->group_worse = sqlite3_column_int (stmt, 6);
      gap->ratio = column_double (stmt, 7);
      gap->ratio_low = column_double (stmt, 8);
      gap->ratio_high = column_double (stmt, 9);
      gap->difference = column_double (stmt, 10);
      gap->p = column_double (stmt, 11);
      gap->p_adjusted = column_double (stmt, 12);
      gap->significant = sqlite3_column_int (stmt, 13);
      gap->suppressed = sqlite3_column_int (stmt, 14);
      measure = equity_scan_record_find_measure (record, gap->measure_id);
      gap->measure = g_strdup (measure != NULL ? measure->name : gap->measure_id);
      g_ptr_array_add (record->gaps, gap);
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    goto failed;
  return TRUE;

failed:
  equity_schema_set_error (self->db, error, _("Could not read the stored scans"));
  return FALSE;
}

GPtrArray *
equity_project_load_scans (EquityProject  *self,
                           guint           max,
                           GError        **error)
{
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func ((GDestroyNotify) equity_scan_record_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (EQUITY_IS_PROJECT (self), NULL);

  stmt = _equity_project_prepare (self, "SELECT id, run_at, fdr FROM scans ORDER BY id DESC LIMIT ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, max > 0 ? (gint64) max : -1);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      EquityScanRecord *record = equity_scan_record_new ();

      record->id = sqlite3_column_int64 (stmt, 0);
      record->run_at = _equity_project_parse_time ((const char *) sqlite3_column_text (stmt, 1));
      record->fdr = sqlite3_column_double (stmt, 2);
      g_ptr_array_add (records, record);
    }
  if (!_equity_project_rows_done (self, stmt, rc, _("Could not read the stored scans"), error))
    return NULL;

  for (guint i = 0; i < records->len; i++)
    if (!load_rows (self, g_ptr_array_index (records, i), error))
      return NULL;
  return g_steal_pointer (&records);
}

