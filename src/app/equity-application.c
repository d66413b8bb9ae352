/* equity-application.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "equity-application"

#include "config.h"

#include <glib/gi18n.h>

#include "equity-application.h"
#include "equity-preferences-window.h"
#include "equity-startup-clock.h"
#include "equity-utils.h"
#include "equity-window.h"

struct _EquityApplication
{
  AdwApplication  parent_instance;

  GSettings      *settings;
  gboolean        open_sample;
  /* the start-up report: when the first window painted its first frame,
   * in equity_startup_clock_seconds(); negative until then */
  double          first_frame_seconds;
};

G_DEFINE_FINAL_TYPE (EquityApplication, equity_application, ADW_TYPE_APPLICATION)

static const GOptionEntry option_entries[] = {
  { "sample", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Open the sample project, creating it if needed"), NULL },
  { NULL }
};

static void
apply_color_scheme (EquityApplication *self)
{
  AdwStyleManager *manager = adw_style_manager_get_default ();
  int scheme = g_settings_get_enum (self->settings, "color-scheme");

  switch (scheme)
    {
    case 1:
      adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_FORCE_LIGHT);
      break;

    case 2:
      adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_FORCE_DARK);
      break;

    default:
      adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_DEFAULT);
      break;
    }
}

static void
color_scheme_changed_cb (EquityApplication *self)
{
  apply_color_scheme (self);
}

/* A window that shows no project, or a new one. */
static EquityWindow *
equity_application_get_empty_window (EquityApplication *self)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    if (EQUITY_IS_WINDOW (l->data) && equity_window_get_project (l->data) == NULL)
      return l->data;

  return equity_window_new (GTK_APPLICATION (self));
}

/* The window the app.* actions act on. */
static EquityWindow *
equity_application_get_current_window (EquityApplication *self)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  /* The active window may be a dialog such as the preferences. */
  while (window != NULL && !EQUITY_IS_WINDOW (window))
    window = gtk_window_get_transient_for (window);

  if (window != NULL)
    return EQUITY_WINDOW (window);

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    if (EQUITY_IS_WINDOW (l->data))
      return l->data;

  return equity_window_new (GTK_APPLICATION (self));
}

/* The window the application's actions act on, presented. */
static EquityWindow *
present_current_window (EquityApplication *self)
{
  EquityWindow *window = equity_application_get_current_window (self);

  gtk_window_present (GTK_WINDOW (window));
  return window;
}

static void
new_action (GSimpleAction *action,
            GVariant      *param,
            gpointer       user_data)
{
  equity_window_choose_new_project (present_current_window (user_data));
}

static void
open_action (GSimpleAction *action,
             GVariant      *param,
             gpointer       user_data)
{
  equity_window_choose_project (present_current_window (user_data));
}

static void
open_sample_action (GSimpleAction *action,
                    GVariant      *param,
                    gpointer       user_data)
{
  equity_window_open_sample (present_current_window (user_data));
}

static void
preferences_action (GSimpleAction *action,
                    GVariant      *param,
                    gpointer       user_data)
{
  EquityWindow *window = equity_application_get_current_window (user_data);
  GtkWidget *preferences = equity_preferences_window_new (GTK_WINDOW (window));

  gtk_window_present (GTK_WINDOW (preferences));
}

static void
about_action (GSimpleAction *action,
              GVariant      *param,
              gpointer       user_data)
{
  EquityApplication *self = user_data;
  static const char *developers[] = { "Asheville Equity developers", NULL };
  static const char *data_sources[] = {
    N_("City of Asheville open data"),
    N_("U.S. Census Bureau"),
    N_("CDC/ATSDR Social Vulnerability Index"),
    N_("Charlotte-Mecklenburg Quality of Life Explorer"),
    NULL
  };
  const char *translated[G_N_ELEMENTS (data_sources)];
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  GtkWidget *about;

  for (guint i = 0; i < G_N_ELEMENTS (data_sources); i++)
    translated[i] = data_sources[i] != NULL ? _(data_sources[i]) : NULL;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", parent,
                        "application-icon", APPLICATION_ID,
                        "application-name", _("Asheville Equity"),
                        "developer-name", _("Asheville Equity developers"),
                        "version", PACKAGE_VERSION,
                        "comments", _("Find out who gets which city services, where: rates by neighborhood and group, with the uncertainty of every estimate, ready for council packets."),
                        "developers", developers,
                        "copyright", _("© 2026 Asheville Equity developers"),
                        "license-type", GTK_LICENSE_GPL_3_0,
                        /* Translators: replace with your names, one per line */
                        "translator-credits", _("translator-credits"),
                        NULL);
  adw_about_window_add_credit_section (ADW_ABOUT_WINDOW (about), _("Data"), translated);
  gtk_window_present (GTK_WINDOW (about));
}

static void
quit_action (GSimpleAction *action,
             GVariant      *param,
             gpointer       user_data)
{
  EquityApplication *self = user_data;
  GList *windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (self)));

  /* Closing each window saves its size and stops its imports. */
  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (l->data);
  g_list_free (windows);

  g_application_quit (G_APPLICATION (self));
}

static const GActionEntry app_actions[] = {
  { "new", new_action },
  { "open", open_action },
  { "open-sample", open_sample_action },
  { "preferences", preferences_action },
  { "about", about_action },
  { "quit", quit_action },
};

static int
equity_application_handle_local_options (GApplication *app,
                                         GVariantDict *options)
{
  EquityApplication *self = EQUITY_APPLICATION (app);
  g_autoptr(GError) error = NULL;

  if (!g_variant_dict_contains (options, "sample"))
    return -1;

  if (!g_application_register (app, NULL, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  /* A running instance opens the sample in its own window. */
  if (g_application_get_is_remote (app))
    {
      g_action_group_activate_action (G_ACTION_GROUP (app), "open-sample", NULL);
      return 0;
    }

  self->open_sample = TRUE;
  return -1;
}

static void
equity_application_startup (GApplication *app)
{
  EquityApplication *self = EQUITY_APPLICATION (app);
  static const struct {
    const char *action;
    const char *accels[2];
  } accels[] = {
    { "plan.add-action", { "<Control><Shift>a", NULL } },
    { "plan.focus-search", { "<Control>k", NULL } },
    { "app.new", { "<Control>n", NULL } },
    { "app.open", { "<Control>o", NULL } },
    { "app.preferences", { "<Control>comma", NULL } },
    { "app.quit", { "<Control>q", NULL } },
    { "win.show-help-overlay", { "<Control>question", NULL } },
  };

  G_APPLICATION_CLASS (equity_application_parent_class)->startup (app);

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions,
                                   G_N_ELEMENTS (app_actions), self);
  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (self),
                                           accels[i].action, accels[i].accels);

  self->settings = g_settings_new (APPLICATION_ID);
  g_signal_connect_object (self->settings, "changed::color-scheme",
                           G_CALLBACK (color_scheme_changed_cb), self,
                           G_CONNECT_SWAPPED);
  apply_color_scheme (self);
}

/* The start-up report (EQUITY_STARTUP_REPORT): once the first window has
 * painted its first frame, and a frame with the project it was asked to
 * open, print both moments and quit. */

static void
report_and_quit (EquityApplication *self,
                 GtkWidget         *window,
                 double             loaded_seconds)
{
  equity_startup_save_picture (window, "loaded");
  g_print ("first_frame_s=%.3f loaded_s=%.3f\n", self->first_frame_seconds, loaded_seconds);
  g_action_group_activate_action (G_ACTION_GROUP (self), "quit", NULL);
}

static void
loaded_frame_cb (GtkWidget *window,
                 gpointer   user_data)
{
  equity_startup_mark ("first frame with the project painted");
  report_and_quit (EQUITY_APPLICATION (user_data), window, equity_startup_clock_seconds ());
}

static void
loading_changed_cb (GtkWidget         *window,
                    GParamSpec        *pspec,
                    EquityApplication *self)
{
  /* before the first frame, that frame shows the project */
  if (self->first_frame_seconds < 0 || equity_window_is_loading (EQUITY_WINDOW (window)))
    return;

  g_signal_handlers_disconnect_by_func (window, loading_changed_cb, self);
  equity_startup_on_next_frame (window, loaded_frame_cb, self);
}

static void
first_frame_cb (GtkWidget *window,
                gpointer   user_data)
{
  EquityApplication *self = EQUITY_APPLICATION (user_data);

  self->first_frame_seconds = equity_startup_clock_seconds ();
  equity_startup_mark ("first frame painted");
  equity_startup_save_picture (window, "first-frame");

  if (!equity_window_is_loading (EQUITY_WINDOW (window)))
    {
      g_signal_handlers_disconnect_by_func (window, loading_changed_cb, self);
      report_and_quit (self, window, self->first_frame_seconds);
    }
}

static void
watch_startup (EquityApplication *self,
               EquityWindow      *window)
{
  self->first_frame_seconds = -1;
  equity_startup_on_next_frame (GTK_WIDGET (window), first_frame_cb, self);
  g_signal_connect (window, "notify::loading", G_CALLBACK (loading_changed_cb), self);
}

static void
equity_application_activate (GApplication *app)
{
  EquityApplication *self = EQUITY_APPLICATION (app);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));
  gboolean first = window == NULL;

  if (window == NULL)
    {
      window = GTK_WINDOW (equity_window_new (GTK_APPLICATION (app)));
      equity_startup_mark ("window built");
      if (equity_startup_report_enabled ())
        watch_startup (self, EQUITY_WINDOW (window));
    }

  gtk_window_present (window);

  if (self->open_sample)
    {
      self->open_sample = FALSE;
      equity_window_open_sample (EQUITY_WINDOW (window));
    }
  else if (first && g_settings_get_boolean (self->settings, "restore-last-project"))
    {
      g_autofree char *last = g_settings_get_string (self->settings, "last-project");

      if (last[0] != '\0' && g_file_test (last, G_FILE_TEST_IS_REGULAR))
        equity_window_load_project (EQUITY_WINDOW (window), last);
    }
}

static void
equity_application_open (GApplication  *app,
                         GFile        **files,
                         int            n_files,
                         const char    *hint)
{
  EquityApplication *self = EQUITY_APPLICATION (app);

  for (int i = 0; i < n_files; i++)
    {
      g_autofree char *path = g_file_get_path (files[i]);
      EquityWindow *window;

      if (path == NULL)
        continue;

      window = equity_application_get_empty_window (self);
      gtk_window_present (GTK_WINDOW (window));

      equity_window_load_project (window, path);
    }
}

static void
equity_application_dispose (GObject *object)
{
  EquityApplication *self = (EquityApplication *)object;

  g_clear_object (&self->settings);

  G_OBJECT_CLASS (equity_application_parent_class)->dispose (object);
}

static void
equity_application_class_init (EquityApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = equity_application_dispose;
  app_class->handle_local_options = equity_application_handle_local_options;
  app_class->startup = equity_application_startup;
  app_class->activate = equity_application_activate;
  app_class->open = equity_application_open;
}

static void
equity_application_init (EquityApplication *self)
{
  g_application_add_main_option_entries (G_APPLICATION (self), option_entries);
  g_application_set_option_context_parameter_string (G_APPLICATION (self), _("[PROJECT…]"));
}

EquityApplication *
equity_application_new (void)
{
  return g_object_new (EQUITY_TYPE_APPLICATION,
                       "application-id", APPLICATION_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", "/org/asheville/Equity",
                       NULL);
}

GSettings *
equity_application_get_settings (EquityApplication *self)
{
  g_return_val_if_fail (EQUITY_IS_APPLICATION (self), NULL);

  return self->settings;
}
