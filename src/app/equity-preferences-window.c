/* equity-preferences-window.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "equity-preferences-window"

#include "config.h"

#include <math.h>

#include "equity-preferences-window.h"

struct _EquityPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  /* Template widgets */
  AdwComboRow          *color_scheme_row;
  GtkSwitch            *restore_switch;
  GtkSpinButton        *suppress_spin;
  AdwComboRow          *confidence_row;
  AdwComboRow          *rates_row;
  AdwEntryRow          *log_name_row;

  /* Owned references */
  GSettings            *settings;
};

G_DEFINE_FINAL_TYPE (EquityPreferencesWindow, equity_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

/* The order of the rows in the combo models of the template. */
static const char * const color_schemes[] = { "default", "light", "dark" };

static gboolean
color_scheme_get_mapping (GValue   *value,
                          GVariant *variant,
                          gpointer  user_data)
{
  const char *scheme = g_variant_get_string (variant, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (color_schemes); i++)
    if (g_str_equal (scheme, color_schemes[i]))
      {
        g_value_set_uint (value, i);
        return TRUE;
      }

  g_value_set_uint (value, 0);
  return TRUE;
}

static GVariant *
color_scheme_set_mapping (const GValue       *value,
                          const GVariantType *expected_type,
                          gpointer            user_data)
{
  guint i = g_value_get_uint (value);

  return g_variant_new_string (color_schemes[i < G_N_ELEMENTS (color_schemes) ? i : 0]);
}

/* A combo row whose positions stand for numbers: what a setting of TYPE
 * (double or int32) holds is shown at the position of its value, or of the
 * nearest one when NEAREST, else at FALLBACK. */
typedef struct
{
  const GVariantType *type;
  const double       *values;
  guint               n_values;
  guint               fallback;
  gboolean            nearest;
} NumberChoices;

static const double confidence_levels[] = { 0.90, 0.95, 0.99 };
static const double rate_bases[] = { 100, 1000, 10000, 100000 };
static const NumberChoices confidence_choices = {
  G_VARIANT_TYPE_DOUBLE, confidence_levels, G_N_ELEMENTS (confidence_levels), 1, TRUE
};
static const NumberChoices rate_choices = {
  G_VARIANT_TYPE_INT32, rate_bases, G_N_ELEMENTS (rate_bases), 1, FALSE
};

static gboolean
number_get_mapping (GValue   *value,
                    GVariant *variant,
                    gpointer  user_data)
{
  const NumberChoices *choices = user_data;
  double number = g_variant_is_of_type (variant, G_VARIANT_TYPE_DOUBLE)
                  ? g_variant_get_double (variant) : g_variant_get_int32 (variant);
  guint best = choices->fallback;

  for (guint i = 0; i < choices->n_values; i++)
    if (choices->nearest ? fabs (number - choices->values[i]) < fabs (number - choices->values[best])
                         : number == choices->values[i])
      best = i;

  g_value_set_uint (value, best);
  return TRUE;
}

static GVariant *
number_set_mapping (const GValue       *value,
                    const GVariantType *expected_type,
                    gpointer            user_data)
{
  const NumberChoices *choices = user_data;
  guint i = g_value_get_uint (value);
  double number = choices->values[i < choices->n_values ? i : choices->fallback];

  if (g_variant_type_equal (choices->type, G_VARIANT_TYPE_DOUBLE))
    return g_variant_new_double (number);
  return g_variant_new_int32 ((gint32) number);
}

static void
equity_preferences_window_dispose (GObject *object)
{
  EquityPreferencesWindow *self = (EquityPreferencesWindow *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), EQUITY_TYPE_PREFERENCES_WINDOW);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (equity_preferences_window_parent_class)->dispose (object);
}

static void
equity_preferences_window_class_init (EquityPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = equity_preferences_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/asheville/Equity/ui/equity-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, EquityPreferencesWindow, color_scheme_row);
  gtk_widget_class_bind_template_child (widget_class, EquityPreferencesWindow, restore_switch);
  gtk_widget_class_bind_template_child (widget_class, EquityPreferencesWindow, suppress_spin);
  gtk_widget_class_bind_template_child (widget_class, EquityPreferencesWindow, confidence_row);
  gtk_widget_class_bind_template_child (widget_class, EquityPreferencesWindow, rates_row);
  gtk_widget_class_bind_template_child (widget_class, EquityPreferencesWindow, log_name_row);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "window.close", NULL);
}

static void
equity_preferences_window_init (EquityPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (APPLICATION_ID);

  g_settings_bind_with_mapping (self->settings, "color-scheme",
                                self->color_scheme_row, "selected",
                                G_SETTINGS_BIND_DEFAULT,
                                color_scheme_get_mapping, color_scheme_set_mapping,
                                NULL, NULL);
  g_settings_bind (self->settings, "restore-last-project",
                   self->restore_switch, "active",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "suppress-below",
                   gtk_spin_button_get_adjustment (self->suppress_spin), "value",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind_with_mapping (self->settings, "confidence",
                                self->confidence_row, "selected",
                                G_SETTINGS_BIND_DEFAULT,
                                number_get_mapping, number_set_mapping,
                                (gpointer) &confidence_choices, NULL);
  g_settings_bind_with_mapping (self->settings, "rates-per",
                                self->rates_row, "selected",
                                G_SETTINGS_BIND_DEFAULT,
                                number_get_mapping, number_set_mapping,
                                (gpointer) &rate_choices, NULL);
  /* the row's text is the setting itself; the window applies it to the project */
  g_settings_bind (self->settings, "log-name", self->log_name_row, "text", G_SETTINGS_BIND_DEFAULT);
}

GtkWidget *
equity_preferences_window_new (GtkWindow *transient_for)
{
  return g_object_new (EQUITY_TYPE_PREFERENCES_WINDOW,
                       "transient-for", transient_for,
                       NULL);
}
