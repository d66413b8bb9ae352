/* equity-analysis-kinds.c — the table of the kinds of analysis
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each kind describes itself in its own file (equity-analysis-kind.h says
 * what that holds); this table only lists them, in the order the editor
 * offers them. Adding a kind is its file plus one line here.
 */

#define G_LOG_DOMAIN "equity-analysis"

#include "config.h"

#include "equity-analysis-kind.h"

#define EQUITY_ANALYSIS_KINDS(X) \
  X (group_rates) \
  X (area_rates) \
  X (group_exposure) \
  X (outcomes) \
  X (acs_proportion) \
  X (representation) \
  X (utilization) \
  X (dissimilarity) \
  X (index_of_disparity)

#define DECLARE_KIND(name) extern const EquityAnalysisKindInfo equity_analysis_kind_##name;
#define LIST_KIND(name) &equity_analysis_kind_##name,

EQUITY_ANALYSIS_KINDS (DECLARE_KIND)

static const EquityAnalysisKindInfo * const kinds[] = {
  EQUITY_ANALYSIS_KINDS (LIST_KIND)
};

/* events are placed in areas by key or by location (area-rates, group-exposure) */
const EquityModeInfo equity_analysis_area_modes[] = {
  { "area-column", N_("An area key in each row"), EQUITY_AREA_MODE_KEY },
  { "lat-column", N_("Latitude and longitude"), EQUITY_AREA_MODE_LATLON },
  { "location-column", N_("A “lat, lon” location"), EQUITY_AREA_MODE_LOCATION },
  { NULL }
};

guint
equity_analysis_fields_get_n_kinds (void)
{
  return G_N_ELEMENTS (kinds);
}

const EquityAnalysisKindInfo *
equity_analysis_fields_get_kind (guint index)
{
  g_return_val_if_fail (index < G_N_ELEMENTS (kinds), NULL);

  return kinds[index];
}

const EquityAnalysisKindInfo *
equity_analysis_fields_find_kind (const char *kind)
{
  for (guint i = 0; kind != NULL && i < G_N_ELEMENTS (kinds); i++)
    if (g_str_equal (kinds[i]->kind, kind))
      return kinds[i];

  return NULL;
}

gboolean
equity_analysis_kind_has_flags (const char *kind,
                                guint       flags)
{
  const EquityAnalysisKindInfo *info = equity_analysis_fields_find_kind (kind);

  return info != NULL && (info->flags & flags) == flags;
}

const char * const *
equity_analysis_list_kinds (void)
{
  static const char *names[G_N_ELEMENTS (kinds) + 1];
  static gsize initialized = 0;

  if (g_once_init_enter (&initialized))
    {
      for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
        names[i] = kinds[i]->kind;
      names[G_N_ELEMENTS (kinds)] = NULL;
      g_once_init_leave (&initialized, 1);
    }
  return names;
}
