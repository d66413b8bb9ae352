/* equity-schema.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>

#include "equity-error.h"
#include "equity-schema.h"
#include "equity-schema-lens-seed.h"

/* Each entry upgrades version N to N+1. Never edit a released migration:
 * files in the field were made by it. Add a new one at the end instead. */
static const char *migrations[] = {
  /* 1: the dataset catalog */
  "CREATE TABLE datasets ("
  "  id INTEGER PRIMARY KEY,"
  "  name TEXT NOT NULL UNIQUE,"
  "  source TEXT,"
  "  format TEXT,"
  "  imported_at TEXT NOT NULL,"
  "  row_count INTEGER NOT NULL DEFAULT 0"
  ");"
  "CREATE TABLE dataset_columns ("
  "  dataset_id INTEGER NOT NULL REFERENCES datasets (id) ON DELETE CASCADE,"
  "  position INTEGER NOT NULL,"
  "  name TEXT NOT NULL,"
  "  type TEXT NOT NULL CHECK (type IN ('text','integer','real','date','geometry')),"
  "  role TEXT NOT NULL DEFAULT 'none',"
  "  moe_of TEXT,"
  "  n_nulls INTEGER NOT NULL DEFAULT 0,"
  "  PRIMARY KEY (dataset_id, position)"
  ");",

  /* 2: project metadata, saved analyses and the audit log */
  "CREATE TABLE metadata ("
  "  key TEXT PRIMARY KEY,"
  "  value TEXT"
  ");"
  "CREATE TABLE analyses ("
  "  id INTEGER PRIMARY KEY,"
  "  name TEXT NOT NULL UNIQUE,"
  "  kind TEXT NOT NULL,"
  "  spec TEXT NOT NULL,"
  "  created_at TEXT NOT NULL,"
  "  updated_at TEXT NOT NULL"
  ");"
  "CREATE TABLE audit_log ("
  "  id INTEGER PRIMARY KEY,"
  "  at TEXT NOT NULL,"
  "  actor TEXT NOT NULL,"
  "  action TEXT NOT NULL,"
  "  detail TEXT"
  ");",

  /* 3: saved analyses name datasets and columns by id ("#12"), not by name,
   * so renaming a dataset never breaks them; analysis_datasets says which
   * datasets each one reads, so a deletion can list them first. Specs saved
   * before (bound = 0) are bound when a writable project is opened. */
  "ALTER TABLE analyses ADD COLUMN bound INTEGER NOT NULL DEFAULT 0;"
  "CREATE TABLE analysis_datasets ("
  "  analysis_id INTEGER NOT NULL REFERENCES analyses (id) ON DELETE CASCADE,"
  "  dataset_id INTEGER NOT NULL,"
  "  PRIMARY KEY (analysis_id, dataset_id)"
  ") WITHOUT ROWID;",

  /* 4: equity indicators (docs/methods.md, "Equity indicators"). The measure
   * is a saved analysis by its stable id, run once per year with its events
   * limited by year_column (a position in its events dataset), or yearly
   * values typed or imported with their source. score_bands is the method's
   * ratio-to-score table, editable, its source in metadata "score-source";
   * it is seeded when a project is opened (equity-project-indicators.c). */
  "CREATE TABLE indicators ("
  "  id INTEGER PRIMARY KEY,"
  "  name TEXT NOT NULL UNIQUE,"
  "  theme TEXT NOT NULL DEFAULT '',"
  "  topic TEXT NOT NULL DEFAULT '',"
  "  direction TEXT NOT NULL CHECK (direction IN ('higher-is-worse','higher-is-better')),"
  "  kind TEXT NOT NULL CHECK (kind IN ('ratio','percentage')),"
  "  analysis_id INTEGER REFERENCES analyses (id) ON DELETE SET NULL,"
  "  year_column INTEGER,"
  "  years TEXT,"
  "  group_a TEXT,"
  "  group_b TEXT,"
  "  source TEXT,"
  "  per REAL NOT NULL DEFAULT 1000,"
  "  baseline_year INTEGER,"
  "  goal_year INTEGER,"
  "  goal_value REAL,"
  "  created_at TEXT NOT NULL,"
  "  updated_at TEXT NOT NULL"
  ");"
  "CREATE TABLE indicator_values ("
  "  indicator_id INTEGER NOT NULL REFERENCES indicators (id) ON DELETE CASCADE,"
  "  year INTEGER NOT NULL,"
  "  value REAL, low REAL, high REAL,"
  "  count_a REAL, population_a REAL, count_b REAL, population_b REAL,"
  "  rate_a REAL, rate_a_low REAL, rate_a_high REAL,"
  "  rate_b REAL, rate_b_low REAL, rate_b_high REAL,"
  "  target REAL,"
  "  PRIMARY KEY (indicator_id, year)"
  ") WITHOUT ROWID;"
  "CREATE TABLE score_bands ("
  "  start REAL PRIMARY KEY,"
  "  first_score INTEGER NOT NULL CHECK (first_score BETWEEN 1 AND 100),"
  "  step REAL NOT NULL CHECK (step >= 0)"
  ");"
  /* Oakland Equity Indicators 2018, Appendix B (p. 150), credited there to
   * the CUNY Institute for State and Local Governance
   * (../shared/FRAMEWORK-ANCHORS.md §1); below 1.000 scores 100 */
  "INSERT INTO score_bands (start, first_score, step) VALUES"
  "  (1.000, 100, 0), (1.005, 99, 0.005), (1.100, 80, 0.020), (1.500, 60, 0.025),"
  "  (2.000, 40, 0.150), (5.000, 20, 0.250), (10.000, 1, 0);"
  "INSERT OR REPLACE INTO metadata (key, value) VALUES ('score-source',"
  "  'Oakland Equity Indicators 2018, full report, Appendix B (p. 150): ratio-to-score conversion "
  "of the CUNY Institute for State and Local Governance');",

  /* 5: stored environmental scans: each run with its date, the measures it
   * ran (by stable id, with the spec of a generated one so it can be opened
   * again) and every comparison, so a later scan can say which gaps are new
   * and which have closed */
  "CREATE TABLE scans ("
  "  id INTEGER PRIMARY KEY,"
  "  run_at TEXT NOT NULL,"
  "  fdr REAL NOT NULL"
  ");"
  "CREATE TABLE scan_measures ("
  "  scan_id INTEGER NOT NULL REFERENCES scans (id) ON DELETE CASCADE,"
  "  measure_id TEXT NOT NULL,"
  "  name TEXT NOT NULL,"
  "  kind TEXT NOT NULL,"
  "  analysis TEXT,"
  "  spec TEXT,"
  "  PRIMARY KEY (scan_id, measure_id)"
  ") WITHOUT ROWID;"
  "CREATE TABLE scan_gaps ("
  "  scan_id INTEGER NOT NULL REFERENCES scans (id) ON DELETE CASCADE,"
  "  rank INTEGER NOT NULL,"
  "  measure_id TEXT NOT NULL,"
  "  grouping TEXT NOT NULL,"
  "  grp TEXT NOT NULL,"
  "  grp_label TEXT,"
  "  reference TEXT,"
  "  group_worse INTEGER NOT NULL,"
  "  ratio REAL, ratio_low REAL, ratio_high REAL,"
  "  difference REAL, p REAL, p_adjusted REAL,"
  "  significant INTEGER NOT NULL,"
  "  suppressed INTEGER NOT NULL DEFAULT 0,"
  "  PRIMARY KEY (scan_id, rank)"
  ") WITHOUT ROWID;",

  /* 6: equity-lens templates and assessments, the action plan, and a change
   * log of every edit to them. A template is stored as key-file text, one
   * row per version, so an assessment keeps the exact questions it started
   * with. Actions name indicators by id ("3,7"): indicators may live in a
   * later migration. The change log is append-only: triggers refuse to edit
   * or delete its rows, whoever asks. */
  "CREATE TABLE lens_templates ("
  "  id INTEGER PRIMARY KEY,"
  "  name TEXT NOT NULL,"
  "  version INTEGER NOT NULL,"
  "  spec TEXT NOT NULL,"
  "  created_at TEXT NOT NULL,"
  "  UNIQUE (name, version)"
  ");"
  "CREATE TABLE assessments ("
  "  id INTEGER PRIMARY KEY,"
  "  template_id INTEGER NOT NULL REFERENCES lens_templates (id),"
  "  title TEXT NOT NULL,"
  "  department TEXT NOT NULL DEFAULT '',"
  "  subject TEXT NOT NULL DEFAULT 'program'"
  "    CHECK (subject IN ('program','policy','budget-request')),"
  "  status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft','in-review','final')),"
  "  date TEXT NOT NULL"
  ");"
  "CREATE TABLE assessment_answers ("
  "  assessment_id INTEGER NOT NULL REFERENCES assessments (id) ON DELETE CASCADE,"
  "  question TEXT NOT NULL,"
  "  value TEXT NOT NULL,"
  "  cited_kind TEXT CHECK (cited_kind IN ('analysis','dataset')),"
  "  cited_id INTEGER,"
  "  updated_at TEXT NOT NULL,"
  "  PRIMARY KEY (assessment_id, question)"
  ") WITHOUT ROWID;"
  "CREATE TABLE plan_goals ("
  "  id INTEGER PRIMARY KEY,"
  "  position INTEGER NOT NULL,"
  "  title TEXT NOT NULL"
  ");"
  "CREATE TABLE plan_actions ("
  "  id INTEGER PRIMARY KEY,"
  "  goal_id INTEGER NOT NULL REFERENCES plan_goals (id),"
  "  position INTEGER NOT NULL,"
  "  title TEXT NOT NULL,"
  "  department TEXT NOT NULL DEFAULT '',"
  "  owner TEXT NOT NULL DEFAULT '',"
  "  indicators TEXT NOT NULL DEFAULT '',"
  "  due TEXT,"
  "  status TEXT NOT NULL DEFAULT 'not-started'"
  "    CHECK (status IN ('not-started','ongoing','done','dropped')),"
  "  priority TEXT NOT NULL DEFAULT 'medium' CHECK (priority IN ('high','medium','low')),"
  "  budget REAL,"
  "  spent REAL"
  ");"
  "CREATE TABLE plan_notes ("
  "  id INTEGER PRIMARY KEY,"
  "  action_id INTEGER NOT NULL REFERENCES plan_actions (id),"
  "  date TEXT NOT NULL,"
  "  text TEXT NOT NULL"
  ");"
  "CREATE TABLE change_log ("
  "  id INTEGER PRIMARY KEY,"
  "  at TEXT NOT NULL,"
  "  who TEXT NOT NULL,"
  "  item_kind TEXT NOT NULL,"
  "  item_id INTEGER NOT NULL,"
  "  field TEXT NOT NULL,"
  "  old_value TEXT,"
  "  new_value TEXT"
  ");"
  "CREATE TRIGGER change_log_no_update BEFORE UPDATE ON change_log"
  "  BEGIN SELECT RAISE (ABORT, 'the change log is never edited'); END;"
  "CREATE TRIGGER change_log_no_delete BEFORE DELETE ON change_log"
  "  BEGIN SELECT RAISE (ABORT, 'the change log is never edited'); END;"
  EQUITY_SCHEMA_LENS_SEED,
};

int
equity_schema_latest_version (void)
{
  return G_N_ELEMENTS (migrations);
}

char *
equity_schema_dup_file_name (sqlite3 *db)
{
  const char *path = sqlite3_db_filename (db, "main");

  if (path == NULL || *path == '\0')
    return g_strdup (_("the project"));
  return g_path_get_basename (path);
}

gboolean
equity_schema_error_is_disk_full (sqlite3 *db)
{
  int code = sqlite3_extended_errcode (db);
  int system_errno = sqlite3_system_errno (db);

  if ((code & 0xff) == SQLITE_FULL)
    return TRUE;
  /* a write the file system refused for room: SQLite reports an I/O error */
  return (code & 0xff) == SQLITE_IOERR &&
         (system_errno == ENOSPC || system_errno == EFBIG || system_errno == EDQUOT);
}

/* "WHAT: PROBLEM", or PROBLEM alone without WHAT */
static void
set_error_literal (GError     **error,
                   int          code,
                   const char  *what,
                   const char  *problem)
{
  if (what != NULL)
    g_set_error (error, EQUITY_ERROR, code, "%s: %s", what, problem);
  else
    {
      /* standing alone, the problem starts the sentence */
      gunichar first = g_utf8_get_char (problem);
      const char *rest = g_utf8_next_char (problem);
      char start[8] = { 0 };

      g_unichar_to_utf8 (g_unichar_totitle (first), start);
      g_set_error (error, EQUITY_ERROR, code, "%s%s", start, rest);
    }
}

void
equity_schema_set_error (sqlite3     *db,
                         GError     **error,
                         const char  *what)
{
  g_autofree char *name = equity_schema_dup_file_name (db);
  g_autofree char *problem = NULL;
  int code = sqlite3_extended_errcode (db);
  int error_code = EQUITY_ERROR_FAILED;

  /* SQLite's own words ("database is locked") mean nothing to an analyst:
   * say what happened to which file, and what to do about it. */
  if (equity_schema_error_is_disk_full (db))
    {
      error_code = EQUITY_ERROR_DISK_FULL;
      problem = g_strdup_printf (_("the disk that holds “%s” is full. Nothing was changed; "
                                   "free some space and try again."), name);
    }
  else switch (code & 0xff)
    {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      error_code = EQUITY_ERROR_BUSY;
      problem = g_strdup_printf (_("another program is writing to “%s”. Nothing was changed; "
                                   "try again when it has finished."), name);
      break;
    case SQLITE_READONLY:
      error_code = EQUITY_ERROR_READ_ONLY;
      problem = g_strdup_printf (_("“%s” is read-only, so it cannot be changed"), name);
      break;
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      error_code = EQUITY_ERROR_CORRUPT;
      problem = g_strdup_printf (_("“%s” is damaged"), name);
      break;
    case SQLITE_IOERR:
      problem = g_strdup_printf (_("“%s” could not be read or written (%s)"), name,
                                 g_strerror (sqlite3_system_errno (db)));
      break;
    default:
      problem = g_strdup_printf (_("“%s”: %s"), name, sqlite3_errmsg (db));
    }

  set_error_literal (error, error_code, what, problem);
}

gboolean
equity_schema_migrate (sqlite3  *db,
                       int       from,
                       int       to,
                       GError  **error)
{
  g_autofree char *set_version = NULL;

  g_return_val_if_fail (db != NULL, FALSE);
  g_return_val_if_fail (from >= 0 && from <= to, FALSE);
  g_return_val_if_fail (to <= equity_schema_latest_version (), FALSE);

  for (int version = from; version < to; version++)
    {
      if (sqlite3_exec (db, migrations[version], NULL, NULL, NULL) != SQLITE_OK)
        {
          g_autofree char *what = g_strdup_printf (_("Could not upgrade the project to version %d"),
                                                   version + 1);
          equity_schema_set_error (db, error, what);
          return FALSE;
        }
    }

  set_version = g_strdup_printf ("PRAGMA user_version = %d", to);
  if (sqlite3_exec (db, set_version, NULL, NULL, NULL) != SQLITE_OK)
    {
      equity_schema_set_error (db, error, _("Could not record the project version"));
      return FALSE;
    }

  return TRUE;
}
