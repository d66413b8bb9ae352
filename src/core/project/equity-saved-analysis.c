/* equity-saved-analysis.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "equity-saved-analysis.h"

struct _EquitySavedAnalysis
{
  GObject    parent_instance;
  char      *name;
  char      *kind;
  GDateTime *updated_at;
};

G_DEFINE_FINAL_TYPE (EquitySavedAnalysis, equity_saved_analysis, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_NAME,
  PROP_KIND,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
equity_saved_analysis_finalize (GObject *object)
{
  EquitySavedAnalysis *self = EQUITY_SAVED_ANALYSIS (object);

  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->kind, g_free);
  g_clear_pointer (&self->updated_at, g_date_time_unref);

  G_OBJECT_CLASS (equity_saved_analysis_parent_class)->finalize (object);
}

static void
equity_saved_analysis_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  EquitySavedAnalysis *self = EQUITY_SAVED_ANALYSIS (object);

  switch (prop_id)
    {
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_KIND:
      g_value_set_string (value, self->kind);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
equity_saved_analysis_class_init (EquitySavedAnalysisClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = equity_saved_analysis_finalize;
  object_class->get_property = equity_saved_analysis_get_property;

  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_KIND] =
    g_param_spec_string ("kind", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
equity_saved_analysis_init (EquitySavedAnalysis *self)
{
}

EquitySavedAnalysis *
equity_saved_analysis_new (const char *name,
                           const char *kind,
                           GDateTime  *updated_at)
{
  EquitySavedAnalysis *self = g_object_new (EQUITY_TYPE_SAVED_ANALYSIS, NULL);

  self->name = g_strdup (name);
  self->kind = g_strdup (kind);
  self->updated_at = updated_at ? g_date_time_ref (updated_at) : NULL;
  return self;
}

const char *
equity_saved_analysis_get_name (EquitySavedAnalysis *self)
{
  g_return_val_if_fail (EQUITY_IS_SAVED_ANALYSIS (self), NULL);
  return self->name;
}

const char *
equity_saved_analysis_get_kind (EquitySavedAnalysis *self)
{
  g_return_val_if_fail (EQUITY_IS_SAVED_ANALYSIS (self), NULL);
  return self->kind;
}

GDateTime *
equity_saved_analysis_get_updated_at (EquitySavedAnalysis *self)
{
  g_return_val_if_fail (EQUITY_IS_SAVED_ANALYSIS (self), NULL);
  return self->updated_at;
}
