/* equity-sample.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "equity-sample"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "equity-importer.h"
#include "equity-sample.h"

#define SAMPLES_URI "resource:///org/asheville/Equity/samples/"

typedef struct
{
  const char *file;
  const char *name;
  const char *source;
} SampleDataset;

static const SampleDataset sample_datasets[] = {
  { "apd_arrests_2020_2021.csv", N_("Asheville arrests 2020–2021"),
    N_("City of Asheville open data, APD arrests (via nmpierson/asheville_crime_data)") },
  { "mcclatchy_census2020_nc_places_2020_rc_eth.csv", N_("NC places, 2020 Census race and ethnicity"),
    N_("U.S. Census Bureau, 2020 P.L. 94-171 (compiled by McClatchy)") },
  { "census2020_pl_race_eth_buncombe_tract.csv", N_("Buncombe tracts, 2020 Census race and ethnicity"),
    N_("U.S. Census Bureau, 2020 P.L. 94-171 (compiled by McClatchy)") },
  { "cdc_svi2020_buncombe_tract.csv", N_("Buncombe tracts, CDC social vulnerability 2020"),
    N_("CDC/ATSDR Social Vulnerability Index 2020 (ACS 2016–2020)") },
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
remove_project_files (const char *path)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);

  g_unlink (path);
  g_unlink (wal);
  g_unlink (shm);
}

EquityProject *
equity_sample_create (const char          *path,
                      EquityProgressFunc   progress,
                      gpointer             progress_data,
                      GCancellable        *cancellable,
                      GError             **error)
{
  g_autoptr(EquityProject) project = NULL;
  SampleProgress state = { progress, progress_data, 0 };

  g_return_val_if_fail (path != NULL, NULL);

  project = equity_project_create (path, error);
  if (project == NULL)
    return NULL;

  for (guint i = 0; i < G_N_ELEMENTS (sample_datasets); i++)
    {
      const SampleDataset *sample = &sample_datasets[i];
      g_autofree char *uri = g_strconcat (SAMPLES_URI, sample->file, NULL);
      g_autoptr(GFile) file = g_file_new_for_uri (uri);
      g_autoptr(EquityImporter) importer = NULL;
      g_autoptr(EquityDataset) dataset = NULL;
      EquityImportOptions options = { 0 };

      options.name = _(sample->name);
      options.source_label = _(sample->source);
      importer = equity_importer_new (file, &options);

      if (!equity_importer_analyze (importer, step_progress, &state, cancellable, error))
        goto failed;
      state.step++;
      dataset = equity_importer_run (importer, project, step_progress, &state, cancellable, error);
      if (dataset == NULL)
        goto failed;
      state.step++;
    }

  return g_steal_pointer (&project);

failed:
  /* A half-made sample is of no use to anyone: leave no file behind. */
  equity_project_close (project);
  remove_project_files (path);
  return NULL;
}
