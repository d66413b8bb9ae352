/* equity-sample.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "equity-sample"

#include "config.h"

#include <errno.h>
#include <string.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "equity-importer.h"
#include "equity-sample.h"
#include "equity-analysis.h"
#include "equity-scan.h"
#include "equity-worker.h"
#include "equity-sample-indicators.h"
#include "equity-assessment.h"
#include "equity-plan.h"
#include "equity-indicator.h"
#include "equity-error.h"

#define SAMPLES_URI "resource:///org/asheville/Equity/samples/"

typedef struct
{
  const char *file;
  const char *name;
  const char *source;
} SampleDataset;

static const SampleDataset sample_datasets[] = {
  { "apd_arrests_2020_2021.csv", "Asheville arrests 2020–2021",
    N_("City of Asheville open data, APD arrests (via nmpierson/asheville_crime_data)") },
  { "mcclatchy_census2020_nc_places_2020_rc_eth.csv", "NC places, 2020 Census race and ethnicity",
    N_("U.S. Census Bureau, 2020 P.L. 94-171 (compiled by McClatchy)") },
  { "census2020_pl_race_eth_buncombe_tract.csv", "Buncombe tracts, 2020 Census race and ethnicity",
    N_("U.S. Census Bureau, 2020 P.L. 94-171 (compiled by McClatchy)") },
  { "cdc_svi2020_buncombe_tract.csv", "Buncombe tracts, CDC social vulnerability 2020",
    N_("CDC/ATSDR Social Vulnerability Index 2020 (ACS 2016–2020)") },
  { "buncombe_tracts_cb2018_500k.geojson", "Buncombe tract boundaries (2010 tracts)",
    N_("U.S. Census Bureau, 2018 cartographic boundary file") },
  { "charlotte_npa_geography.geojson", "Charlotte neighborhood profile areas",
    N_("Charlotte–Mecklenburg Quality of Life Explorer") },
  { "charlotte_qol_r52_311_requests.csv", "Charlotte 311 requests by neighborhood",
    N_("Charlotte–Mecklenburg Quality of Life Explorer, metric 52") },
  { "charlotte_qol_d52_residents_hundreds.csv", "Charlotte residents by neighborhood (hundreds)",
    N_("Charlotte–Mecklenburg Quality of Life Explorer, metric 52 denominator") },
};

/* The saved analyses of the sample, as an analyst would write them
 * (../shared/CLI.md). Names of datasets are the English ones above. */
typedef struct
{
  const char *name;
  const char *kind;
  const char *spec;
} SampleAnalysis;

static const SampleAnalysis sample_analyses[] = {
  { N_("Arrests by race, 2020–2021"), EQUITY_KIND_GROUP_RATES,
    "[analysis]\n"
    "kind = group-rates\n"
    "per = 1000\n"
    "confidence = 0.95\n"
    "suppress-below = 11\n"
    "events = Asheville arrests 2020–2021\n"
    "group-column = subject_race\n"
    "population = NC places, 2020 Census race and ethnicity\n"
    "# the City of Asheville\n"
    "population-filter = fips=3702140\n"
    "reference = W\n"
    "units = arrests per 1,000 residents, 2020 and 2021 together\n"
    "source-note = Arrests: City of Asheville open data (APD), 2020–2021, both years over one year's population. "
    "Population: 2020 Census race alone (P.L. 94-171).\n"
    "\n"
    "[groups]\n"
    "W = rc_white\n"
    "B = rc_black\n"
    "A = rc_asian\n"
    "I = rc_am_indian\n" },

  { N_("Poverty by tract, Buncombe County"), EQUITY_KIND_ACS_PROPORTION,
    "[analysis]\n"
    "kind = acs-proportion\n"
    "dataset = Buncombe tracts, CDC social vulnerability 2020\n"
    "key-column = FIPS\n"
    "# people below 150% of the poverty line, of all residents (as the SVI computes it)\n"
    "numerator = E_POV150\n"
    "numerator-moe = M_POV150\n"
    "denominator = E_TOTPOP\n"
    "denominator-moe = M_TOTPOP\n"
    "map = Buncombe tract boundaries (2010 tracts)\n"
    "map-key = GEOID\n"
    "source-note = ACS 2016–2020 5-year estimates via CDC/ATSDR SVI 2020; margins of error at 90%. "
    "2020 tracts drawn on 2010 boundaries: tracts that were split show as no data.\n" },

  { N_("311 requests by neighborhood, Charlotte 2019"), EQUITY_KIND_AREA_RATES,
    "[analysis]\n"
    "kind = area-rates\n"
    "per = 100\n"
    "events = Charlotte 311 requests by neighborhood\n"
    "area-column = id\n"
    "# each row holds a neighborhood's count of requests\n"
    "count-column = y_2019\n"
    "population = Charlotte residents by neighborhood (hundreds)\n"
    "population-key = id\n"
    "population-column = y_2019\n"
    "population-scale = 100\n"
    "map = Charlotte neighborhood profile areas\n"
    "map-key = id\n"
    "units = 311 requests per 100 residents\n"
    "source-note = Charlotte–Mecklenburg Quality of Life Explorer, metric 52 (2019). "
    "Requests measure how often residents report, not how much service they need.\n" },
};

typedef struct
{
  EquityProgressFunc progress;
  gpointer           progress_data;
  guint              step;
} SampleProgress;

static void
step_progress (double   fraction,
               gpointer user_data)
{
  SampleProgress *state = user_data;
  /* two passes per file */
  double total = 2.0 * G_N_ELEMENTS (sample_datasets);

  if (state->progress != NULL)
    state->progress ((state->step + fraction) / total, state->progress_data);
}

static void
remove_extracted (const char *dir)
{
  for (guint i = 0; i < G_N_ELEMENTS (sample_datasets); i++)
    {
      g_autofree char *path = g_build_filename (dir, sample_datasets[i].file, NULL);
      g_unlink (path);
    }
  g_rmdir (dir);
}

/* GDAL reads paths, not resources: the files are copied out first. */
static char *
extract_samples (GCancellable  *cancellable,
                 GError       **error)
{
  g_autofree char *dir = g_dir_make_tmp ("equity-sample-XXXXXX", error);

  if (dir == NULL)
    return NULL;

  for (guint i = 0; i < G_N_ELEMENTS (sample_datasets); i++)
    {
      g_autofree char *uri = g_strconcat (SAMPLES_URI, sample_datasets[i].file, NULL);
      g_autofree char *path = g_build_filename (dir, sample_datasets[i].file, NULL);
      g_autoptr(GFile) source = g_file_new_for_uri (uri);
      g_autoptr(GFile) target = g_file_new_for_path (path);

      if (!g_file_copy (source, target, G_FILE_COPY_NONE, cancellable, NULL, NULL, error))
        {
          remove_extracted (dir);
          return NULL;
        }
    }
  return g_steal_pointer (&dir);
}

static gboolean
import_samples (EquityProject       *project,
                const char          *dir,
                SampleProgress      *state,
                GCancellable        *cancellable,
                GError             **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (sample_datasets); i++)
    {
      const SampleDataset *sample = &sample_datasets[i];
      g_autofree char *path = g_build_filename (dir, sample->file, NULL);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(EquityImporter) importer = NULL;
      g_autoptr(EquityDataset) dataset = NULL;
      EquityImportOptions options = { 0 };

      /* analyses name the datasets, so these names are never translated */
      options.name = sample->name;
      options.source_label = _(sample->source);
      importer = equity_importer_new (file, &options);

      if (!equity_importer_analyze (importer, step_progress, state, cancellable, error))
        return FALSE;
      state->step++;
      dataset = equity_importer_run (importer, project, step_progress, state, cancellable, error);
      if (dataset == NULL)
        return FALSE;
      state->step++;
    }
  return TRUE;
}

static gboolean
save_analyses (EquityProject  *project,
               GError        **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (sample_analyses); i++)
    {
      const SampleAnalysis *sample = &sample_analyses[i];
      g_autofree char *spec = g_strdup_printf ("[analysis]\nname = %s\n%s", _(sample->name),
                                               sample->spec + strlen ("[analysis]\n"));

      g_autoptr(EquityAnalysis) analysis = equity_analysis_new_from_data (spec, -1, _(sample->name), error);

      if (analysis == NULL || !equity_analysis_save (analysis, project, error))
        return FALSE;
    }
  /* the first saved analysis is the arrests by race */
  return _equity_sample_add_indicators (project, _(sample_analyses[0].name), error);
}

/* The sample opens with one stored scan, so the Scan page and the workbook's
 * Scan sheet have something to show, and a later scan has one to compare with. */
static gboolean
store_scan (EquityProject  *project,
            GCancellable   *cancellable,
            GError        **error)
{
  g_autoptr(EquityScan) scan = equity_scan_run (project, NULL, NULL, cancellable, error);

  return scan != NULL && equity_scan_save (scan, project, error);
}

/* A parks assessment left half done (as most are, mid-year), citing the
 * sample's poverty analysis, and a short action plan tied to the sample's
 * analyses. Due dates count from today so that exactly one action is late. */
typedef struct
{
  guint       goal;          /* 1-based */
  const char *title;
  const char *department;
  const char *owner;
  int         due_in_months;
  const char *status;
  const char *priority;
  const char *budget;
  const char *spent;
  gboolean    tracks_arrests;  /* linked to the indicator on the arrests analysis */
  gboolean    tracks_crime;    /* linked to the violent crime gap */
} SampleAction;

static const char *sample_goals[] = {
  N_("Every neighborhood can reach a city pool in summer"),
  N_("Enforcement and services that reach every resident alike"),
};

static const SampleAction sample_actions[] = {
  { 1, N_("Keep the Walton Street and Malvern Hills pools open until 8 pm on weekdays"),
    N_("Parks and Recreation"), "J. Alvarez", 3, "ongoing", "high", "42000", "12500" },
  { 1, N_("Free swim lessons for children in tracts where more than 30% live in poverty"),
    N_("Parks and Recreation"), "T. Greene", -2, "not-started", "high", "18000", NULL },
  { 1, N_("Post pool hours at the bus stops of the routes that serve public housing"),
    N_("Transit"), "M. Okafor", -1, "done", "low", "1500", "1320" },
  { 2, N_("Publish arrest rates by race every quarter, with their intervals"),
    N_("Police Department"), "S. Patel", 6, "ongoing", "medium", NULL, NULL, TRUE },
  { 2, N_("Walk the neighborhoods with the most violent crime with their residents; fix the lighting "
          "and the 311 requests they name within a week"),
    N_("Public Works"), "L. Brooks", 9, "not-started", "medium", NULL, NULL, FALSE, TRUE },
};

/* the id of the sample indicator named NAME (as _equity_sample_add_indicators names it) */
static char *
dup_indicator_id (EquityProject  *project,
                  const char     *name,
                  GError        **error)
{
  g_autoptr(GPtrArray) indicators = equity_project_list_indicators (project, error);

  for (guint i = 0; indicators != NULL && i < indicators->len; i++)
    if (g_strcmp0 (equity_indicator_get_name (g_ptr_array_index (indicators, i)), name) == 0)
      return g_strdup_printf ("%" G_GINT64_FORMAT, equity_indicator_get_id (g_ptr_array_index (indicators, i)));
  if (indicators != NULL)
    g_set_error (error, EQUITY_ERROR, EQUITY_ERROR_NOT_FOUND, _("The sample project has no indicator “%s”"), name);
  return NULL;
}

/* the id of the sample indicator that follows the first sample analysis */
static char *
dup_arrests_indicator_id (EquityProject  *project,
                          GError        **error)
{
  g_autoptr(GPtrArray) indicators = equity_project_list_indicators (project, error);
  gint64 analysis_id = equity_project_get_analysis_id (project, _(sample_analyses[0].name), error);

  for (guint i = 0; indicators != NULL && analysis_id != 0 && i < indicators->len; i++)
    if (equity_indicator_get_analysis_id (g_ptr_array_index (indicators, i)) == analysis_id)
      return g_strdup_printf ("%" G_GINT64_FORMAT, equity_indicator_get_id (g_ptr_array_index (indicators, i)));
  if (error != NULL && *error == NULL)
    g_set_error (error, EQUITY_ERROR, EQUITY_ERROR_NOT_FOUND, _("The sample project has no indicator on arrests"));
  return NULL;
}

static gboolean
add_sample_plan (EquityProject  *project,
                 GError        **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *arrests_indicator = dup_arrests_indicator_id (project, error);
  g_autofree char *crime_indicator = NULL;
  gint64 goal_ids[G_N_ELEMENTS (sample_goals)];

  if (arrests_indicator == NULL)
    return FALSE;
  /* the name as equity-sample-indicators.c gives it */
  crime_indicator = dup_indicator_id (project, _("Violent crime, neighborhoods most vs least minority (Charlotte)"),
                                      error);
  if (crime_indicator == NULL)
    return FALSE;

  for (guint g = 0; g < G_N_ELEMENTS (sample_goals); g++)
    if ((goal_ids[g] = equity_plan_add_goal (project, _(sample_goals[g]), error)) == 0)
      return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (sample_actions); i++)
    {
      const SampleAction *sample = &sample_actions[i];
      g_autoptr(GDateTime) due = g_date_time_add_months (now, sample->due_in_months);
      g_autofree char *due_text = g_date_time_format (due, "%Y-%m-%d");
      gint64 id = equity_plan_add_action (project, goal_ids[sample->goal - 1], _(sample->title), error);

      if (id == 0 ||
          !equity_plan_set_action_field (project, id, "department", _(sample->department), error) ||
          !equity_plan_set_action_field (project, id, "owner", sample->owner, error) ||
          !equity_plan_set_action_field (project, id, "due", due_text, error) ||
          !equity_plan_set_action_field (project, id, "status", sample->status, error) ||
          !equity_plan_set_action_field (project, id, "priority", sample->priority, error) ||
          (sample->budget && !equity_plan_set_action_field (project, id, "budget", sample->budget, error)) ||
          (sample->spent && !equity_plan_set_action_field (project, id, "spent", sample->spent, error)) ||
          (sample->tracks_arrests &&
           !equity_plan_set_action_field (project, id, "indicators", arrests_indicator, error)) ||
          (sample->tracks_crime &&
           !equity_plan_set_action_field (project, id, "indicators", crime_indicator, error)))
        return FALSE;
      if (i == 0)
        {
          g_autoptr(GDateTime) quarter = g_date_time_add_months (now, -1);
          g_autofree char *date = g_date_time_format (quarter, "%Y-%m-%d");

          if (!equity_plan_add_progress_note (project, id, date,
                                              _("Both pools open until 8 pm since June; evening visits up by a "
                                                "third, lifeguards hired from the neighborhood."), error))
            return FALSE;
        }
    }
  return TRUE;
}

static gboolean
add_sample_assessment (EquityProject  *project,
                       GError        **error)
{
  /* choices are the template's own words, so they are not translated */
  struct { const char *question; const char *value; gboolean translate; } answers[] = {
    { "proposal", N_("Longer summer hours at the city’s two outdoor pools, paid by moving money from "
                     "the golf course budget."), TRUE },
    { "outcomes", N_("Children in neighborhoods without air conditioning get a safe place to cool off "
                     "and learn to swim."), TRUE },
    { "neighborhoods", "Burton Street\nSouthside\nEast End/Valley Street", FALSE },
    { "evidence", N_("Poverty by tract, Buncombe County"), TRUE },
    { "disparities", N_("Tracts near the Walton Street pool have the county’s highest poverty rates, "
                        "several with estimates of low reliability."), TRUE },
    { "gaps", N_("Pool entries are not counted by the resident’s neighborhood; the front desk will "
                 "start asking for a ZIP code."), TRUE },
    { "engaged", N_("The Southside and Burton Street community centers; two evening meetings."), TRUE },
    { "asked-first", "yes", FALSE },
  };
  gint64 id = equity_assessment_create (project, "Equity lens", _("Summer hours at city pools"),
                                        _("Parks and Recreation"), "program", NULL, error);

  if (id == 0)
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (answers); i++)
    if (!equity_assessment_answer (project, id, answers[i].question,
                                   answers[i].translate ? _(answers[i].value) : answers[i].value, error))
      return FALSE;
  return TRUE;
}

EquityProject *
equity_sample_create (const char          *path,
                      EquityProgressFunc   progress,
                      gpointer             progress_data,
                      GCancellable        *cancellable,
                      GError             **error)
{
  g_autoptr(EquityProject) project = NULL;
  g_autofree char *dir = NULL;
  SampleProgress state = { progress, progress_data, 0 };
  gboolean ok;

  g_return_val_if_fail (path != NULL, NULL);

  project = equity_project_create (path, error);
  if (project == NULL)
    return NULL;

  dir = extract_samples (cancellable, error);
  ok = dir != NULL &&
       import_samples (project, dir, &state, cancellable, error) &&
       save_analyses (project, error) &&
       add_sample_assessment (project, error) &&
       add_sample_plan (project, error) &&
       store_scan (project, cancellable, error);
  if (dir != NULL)
    remove_extracted (dir);

  if (!ok)
    {
      /* A half-made sample is of no use to anyone: leave no file behind. */
      equity_project_close (project);
      equity_project_remove_files (path);
      return NULL;
    }

  return g_steal_pointer (&project);
}

/* in the worker: the sample at PATH; returns PATH itself on success */
static gpointer
sample_work (EquityProject       *no_project,
             gpointer             path,
             EquityProgressFunc   progress,
             gpointer             progress_data,
             GCancellable        *cancellable,
             GError             **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *partial = g_strconcat (path, ".part", NULL);
  g_autoptr(EquityProject) project = NULL;

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int errsv = errno;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errsv),
                   _("Could not create the folder “%s”: %s"), dir, g_strerror (errsv));
      return NULL;
    }

  /* Built under another name and renamed when complete, so an interrupted
   * run never leaves a half-made sample behind. */
  equity_project_remove_files (partial);
  project = equity_sample_create (partial, progress, progress_data, cancellable, error);
  /* Renamed only when the file alone is the whole sample. */
  if (project == NULL || !equity_project_close_checked (project, error))
    {
      equity_project_remove_files (partial);
      return NULL;
    }

  if (g_rename (partial, path) != 0)
    {
      int errsv = errno;
      equity_project_remove_files (partial);
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errsv),
                   _("Could not save the sample project as “%s”: %s"), (char *) path, g_strerror (errsv));
      return NULL;
    }
  return path;
}

void
equity_sample_create_async (const char          *path,
                            GCancellable        *cancellable,
                            EquityProgressFunc   progress,
                            gpointer             progress_data,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  /* a sample already renamed into place stays, cancelled or not */
  static const EquityWorkerKind kind = { "[equity] sample", sample_work, g_free, NULL, TRUE };

  g_return_if_fail (path != NULL);

  equity_worker_run (&kind, NULL, equity_sample_create_async, NULL, g_strdup (path), cancellable,
                     progress, progress_data, callback, user_data);
}

gboolean
equity_sample_create_finish (GAsyncResult  *result,
                             GError       **error)
{
  return equity_worker_finish (result, NULL, equity_sample_create_async, error) != NULL;
}
