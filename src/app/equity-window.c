/* equity-window.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "equity-window"

#include "config.h"

#include <glib/gi18n.h>

#include "equity-action-plan-page.h"
#include "equity-assessments-page.h"
#include "equity-indicators-page.h"
#include "equity-startup-clock.h"
#include "equity-utils.h"
#include "equity-window-private.h"

G_DEFINE_FINAL_TYPE (EquityWindow, equity_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_PROJECT,
  PROP_LOADING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void cancel_loading          (EquityWindow *self);
static void equity_window_realize   (GtkWidget    *widget);
static void equity_window_unrealize (GtkWidget    *widget);

/* The main stack's pages: the start page, the project, or "loading". Into
 * and out of "loading" without the crossfade: a project that opens in a
 * moment shows in the frame after the one that said it was opening. */
static void
show_main_page (EquityWindow *self,
                const char   *name)
{
  const char *shown = gtk_stack_get_visible_child_name (self->main_stack);

  if (g_strcmp0 (shown, "loading") == 0 || g_strcmp0 (name, "loading") == 0)
    gtk_stack_set_visible_child_full (self->main_stack, name, GTK_STACK_TRANSITION_TYPE_NONE);
  else
    gtk_stack_set_visible_child_name (self->main_stack, name);
}

static void
equity_window_update_titles (EquityWindow *self)
{
  if (self->project != NULL)
    {
      g_autofree char *name = equity_project_dup_title (self->project);
      g_autofree char *title = NULL;
      g_autofree char *folder = equity_dup_display_folder (equity_project_get_path (self->project));

      if (equity_project_is_read_only (self->project))
        /* Translators: the window title of a project that cannot be changed, %s is its name */
        title = g_strdup_printf (_("%s — read-only"), name);
      else
        title = g_steal_pointer (&name);

      gtk_window_set_title (GTK_WINDOW (self), title);
      adw_window_title_set_title (self->sidebar_title, title);
      adw_window_title_set_subtitle (self->sidebar_title, folder);
      adw_view_switcher_title_set_title (self->switcher_title, title);
    }
  else
    {
      gtk_window_set_title (GTK_WINDOW (self), _("Asheville Equity"));
      adw_window_title_set_title (self->sidebar_title, "");
      adw_window_title_set_subtitle (self->sidebar_title, "");
      adw_view_switcher_title_set_title (self->switcher_title, "");
    }
}

/* After the catalog changed (import, rename, delete, reload), keep the
 * dataset that was shown if it still exists, else show the first one. */
static void
datasets_changed_cb (EquityWindow *self,
                     guint         position,
                     guint         removed,
                     guint         added,
                     GListModel   *model)
{
  g_assert (EQUITY_IS_WINDOW (self));

  if (self->select_after_reload != NULL)
    {
      EquityDataset *dataset = equity_project_find_dataset (self->project, self->select_after_reload);

      g_clear_pointer (&self->select_after_reload, g_free);
      if (dataset != NULL)
        self->selected_dataset_id = equity_dataset_get_id (dataset);
    }

  self->reselecting = TRUE;
  if (self->selected_dataset_id < 0
      || !equity_sidebar_select_dataset (self->sidebar, self->selected_dataset_id))
    equity_sidebar_select_first_dataset (self->sidebar);
  self->reselecting = FALSE;

  if (g_list_model_get_n_items (model) == 0)
    {
      self->selected_dataset_id = -1;
      equity_datasets_page_set_dataset (self->datasets_page, NULL);
    }
}

static void
sidebar_dataset_selected_cb (EquityWindow  *self,
                             EquityDataset *dataset,
                             EquitySidebar *sidebar)
{
  g_assert (EQUITY_IS_WINDOW (self));

  self->selected_dataset_id = equity_dataset_get_id (dataset);
  equity_datasets_page_set_dataset (self->datasets_page, dataset);

  /* A catalog change keeps the page the user is looking at. */
  if (self->reselecting)
    return;

  adw_view_stack_set_visible_child_name (self->view_stack, "datasets");
  adw_leaflet_set_visible_child (self->leaflet, self->content_box);
}

static void
sidebar_analysis_selected_cb (EquityWindow        *self,
                              EquitySavedAnalysis *analysis,
                              EquitySidebar       *sidebar)
{
  g_assert (EQUITY_IS_WINDOW (self));

  _equity_window_open_analysis (self, analysis);
}

/* the name the change log records: the one in preferences, else (empty)
 * the core's default, the desktop user's real name */
static void
apply_log_name (EquityWindow *self)
{
  g_autofree char *name = g_strstrip (g_settings_get_string (self->settings, "log-name"));

  if (self->project != NULL)
    equity_project_set_actor (self->project, name[0] != '\0' ? name : NULL);
}

static void
equity_window_set_project (EquityWindow  *self,
                           EquityProject *project)
{
  g_autoptr(EquityProject) old = NULL;

  g_assert (EQUITY_IS_WINDOW (self));

  if (self->project == project)
    return;

  _equity_window_cancel_jobs (self);

  old = g_steal_pointer (&self->project);
  if (project != NULL)
    self->project = g_object_ref (project);
  self->selected_dataset_id = -1;
  g_clear_pointer (&self->select_after_reload, g_free);

  /* The sidebar's rows must follow the catalog before the window looks
   * at them, so the window connects to the model last. */
  equity_sidebar_set_project (self->sidebar, project);
  equity_datasets_page_set_project (self->datasets_page, project);
  /* the other pages let go of the old project now, and are given the new
   * one when shown */
  _equity_window_unbind_pages (self);
  apply_log_name (self);
  g_signal_group_set_target (self->datasets_signals,
                             project != NULL ? equity_project_get_datasets (project) : NULL);

  if (old != NULL)
    {
      g_autoptr(GError) error = NULL;

      if (!equity_project_close_checked (old, &error))
        {
          g_autofree char *name = equity_project_dup_title (old);
          /* Translators: the heading of an error dialog, %s is a project's name */
          g_autofree char *heading = g_strdup_printf (_("Could Not Finish Saving “%s”"), name);

          _equity_window_show_error (self, heading, error->message);
        }
    }

  if (project != NULL)
    {
      adw_view_stack_set_visible_child_name (self->view_stack, "datasets");
      _equity_window_bind_visible_page (self);
      equity_sidebar_select_first_dataset (self->sidebar);
      adw_leaflet_set_visible_child (self->leaflet, self->content_box);
      show_main_page (self, "project");
    }
  else
    show_main_page (self, "start");

  equity_window_update_titles (self);
  _equity_window_update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROJECT]);
}

void
_equity_window_select_dataset_by_name (EquityWindow *self,
                                       const char   *name)
{
  EquityDataset *dataset;

  g_assert (EQUITY_IS_WINDOW (self));

  if (self->project == NULL)
    return;

  dataset = equity_project_find_dataset (self->project, name);
  if (dataset == NULL)
    return;

  self->selected_dataset_id = equity_dataset_get_id (dataset);
  equity_sidebar_select_dataset (self->sidebar, self->selected_dataset_id);
}

static gboolean
equity_window_close_request (GtkWindow *window)
{
  EquityWindow *self = EQUITY_WINDOW (window);
  int width;
  int height;

  /* unsaved changes of the analysis shown are kept or dropped on request */
  if (_equity_window_ask_before_closing (self, TRUE))
    return TRUE;

  gtk_window_get_default_size (window, &width, &height);
  g_settings_delay (self->settings);
  g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (window));
  if (!gtk_window_is_maximized (window) && width > 0 && height > 0)
    {
      g_settings_set_int (self->settings, "window-width", width);
      g_settings_set_int (self->settings, "window-height", height);
    }
  g_settings_apply (self->settings);

  _equity_window_cancel_jobs (self);
  cancel_loading (self);
  /* an answer typed less than a moment ago is saved before the window goes */
  if (self->assessments_page != NULL)
    equity_assessments_page_flush (self->assessments_page);

  return GTK_WINDOW_CLASS (equity_window_parent_class)->close_request (window);
}

static void
equity_window_dispose (GObject *object)
{
  EquityWindow *self = (EquityWindow *)object;

  _equity_window_cancel_jobs (self);
  if (self->loading != NULL)
    g_cancellable_cancel (self->loading);
  g_clear_object (&self->loading);
  g_clear_pointer (&self->loading_path, g_free);
  g_clear_object (&self->opened);

  if (self->datasets_signals != NULL)
    g_signal_group_set_target (self->datasets_signals, NULL);

  /* libadwaita 1.2 switchers keep a plain pointer to their stack: let go
   * of it before the stack goes away. */
  if (self->switcher_bar != NULL)
    {
      adw_view_switcher_bar_set_stack (self->switcher_bar, NULL);
      adw_view_switcher_title_set_stack (self->switcher_title, NULL);
    }

  /* an edit still waiting for its save is written while the project is open */
  if (self->action_plan_page != NULL)
    equity_action_plan_page_set_project (self->action_plan_page, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), EQUITY_TYPE_WINDOW);
  /* the pages built later went with their slots */
  self->explore_page = NULL;
  self->scan_page = NULL;
  self->indicators_page = NULL;
  self->assessments_page = NULL;
  self->action_plan_page = NULL;

  if (self->project != NULL)
    equity_project_close (self->project);
  g_clear_object (&self->project);
  g_clear_object (&self->datasets_signals);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->select_after_reload, g_free);

  G_OBJECT_CLASS (equity_window_parent_class)->dispose (object);
}

static void
equity_window_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  EquityWindow *self = EQUITY_WINDOW (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      g_value_set_object (value, self->project);
      break;

    case PROP_LOADING:
      g_value_set_boolean (value, equity_window_is_loading (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
equity_window_class_init (EquityWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = equity_window_dispose;
  object_class->get_property = equity_window_get_property;
  widget_class->realize = equity_window_realize;
  widget_class->unrealize = equity_window_unrealize;
  window_class->close_request = equity_window_close_request;

  properties[PROP_PROJECT] =
    g_param_spec_object ("project", NULL, NULL,
                         EQUITY_TYPE_PROJECT,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL,
                          FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* Types used by the template */
  g_type_ensure (EQUITY_TYPE_START_PAGE);
  g_type_ensure (EQUITY_TYPE_SIDEBAR);
  g_type_ensure (EQUITY_TYPE_DATASETS_PAGE);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/asheville/Equity/ui/equity-window.ui");
  gtk_widget_class_bind_template_child (widget_class, EquityWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, EquityWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, EquityWindow, start_page);
  gtk_widget_class_bind_template_child (widget_class, EquityWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, EquityWindow, sidebar_box);
  gtk_widget_class_bind_template_child (widget_class, EquityWindow, content_box);
  gtk_widget_class_bind_template_child (widget_class, EquityWindow, sidebar_title);
  gtk_widget_class_bind_template_child (widget_class, EquityWindow, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, EquityWindow, sidebar);
  gtk_widget_class_bind_template_child (widget_class, EquityWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, EquityWindow, switcher_bar);
  gtk_widget_class_bind_template_child (widget_class, EquityWindow, datasets_page);
  gtk_widget_class_bind_template_child (widget_class, EquityWindow, explore_slot);
  gtk_widget_class_bind_template_child (widget_class, EquityWindow, scan_slot);
  gtk_widget_class_bind_template_child (widget_class, EquityWindow, indicators_slot);
  gtk_widget_class_bind_template_child (widget_class, EquityWindow, action_plan_slot);
  gtk_widget_class_bind_template_child (widget_class, EquityWindow, assessments_slot);
  gtk_widget_class_bind_template_child (widget_class, EquityWindow, job_revealer);
  gtk_widget_class_bind_template_child (widget_class, EquityWindow, job_spinner);
  gtk_widget_class_bind_template_child (widget_class, EquityWindow, job_label);
  gtk_widget_class_bind_template_child (widget_class, EquityWindow, job_progress);
  gtk_widget_class_bind_template_child (widget_class, EquityWindow, job_percent);
  gtk_widget_class_bind_template_child (widget_class, EquityWindow, loading_page);
  gtk_widget_class_bind_template_child (widget_class, EquityWindow, loading_spinner);

  _equity_window_class_add_actions (widget_class);
  _equity_window_class_add_explore_actions (widget_class);
  /* the Indicators page's actions (indicators.*), reached through the group
   * the window inserts, like explore.* */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_N, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "indicators.new", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_A, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "assessments.new", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK,
                                       "assessments.export-pdf", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_h, GDK_CONTROL_MASK,
                                       "assessments.history", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_t, GDK_CONTROL_MASK,
                                       "assessments.templates", NULL);
}

static void
equity_window_init (EquityWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->selected_dataset_id = -1;
  g_queue_init (&self->pending_imports);

  self->settings = g_settings_new (APPLICATION_ID);
  g_signal_connect_object (self->settings, "changed::log-name",
                           G_CALLBACK (apply_log_name), self, G_CONNECT_SWAPPED);
  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

  self->datasets_signals = g_signal_group_new (G_TYPE_LIST_MODEL);
  g_signal_group_connect_object (self->datasets_signals, "items-changed",
                                 G_CALLBACK (datasets_changed_cb), self,
                                 G_CONNECT_SWAPPED | G_CONNECT_AFTER);

  g_signal_connect_object (self->sidebar, "dataset-selected",
                           G_CALLBACK (sidebar_dataset_selected_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->sidebar, "analysis-selected",
                           G_CALLBACK (sidebar_analysis_selected_cb), self,
                           G_CONNECT_SWAPPED);

  /* before the pages hear that they are shown */
  _equity_window_init_pages (self);
  _equity_window_init_actions (self);
  equity_window_update_titles (self);
  _equity_window_update_actions (self);
}

EquityWindow *
equity_window_new (GtkApplication *application)
{
  return g_object_new (EQUITY_TYPE_WINDOW,
                       "application", application,
                       NULL);
}

EquityProject *
equity_window_get_project (EquityWindow *self)
{
  g_return_val_if_fail (EQUITY_IS_WINDOW (self), NULL);

  return self->project;
}

gboolean
equity_window_open_project (EquityWindow *self,
                            const char   *path)
{
  g_return_val_if_fail (EQUITY_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  /* Another project replaces this one only once the analysis shown was
   * saved or its changes dropped on purpose. */
  if (self->project != NULL && !g_str_equal (equity_project_get_path (self->project), path)
      && _equity_window_ask_before_opening (self, path))
    return TRUE;
  return _equity_window_open_project_now (self, path);
}

/* What opening PROJECT ends with, in the window or in a worker */
static void
take_project (EquityWindow  *self,
              EquityProject *project)
{
  equity_window_set_project (self, project);
  equity_recent_projects_add (self->settings, equity_project_get_path (project));
  g_settings_set_string (self->settings, "last-project", equity_project_get_path (project));
}

static void
show_open_error (EquityWindow *self,
                 const char   *path,
                 const GError *error)
{
  g_autofree char *name = g_path_get_basename (path);
  /* Translators: the heading of an error dialog, %s is a file name */
  g_autofree char *heading = g_strdup_printf (_("Could Not Open “%s”"), name);

  _equity_window_show_error (self, heading, error->message);
}

static void
end_loading (EquityWindow *self)
{
  g_clear_object (&self->opened);
  g_clear_object (&self->loading);
  g_clear_pointer (&self->loading_path, g_free);
  gtk_spinner_stop (self->loading_spinner);
  show_main_page (self, self->project != NULL ? "project" : "start");
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

static void
cancel_loading (EquityWindow *self)
{
  if (self->loading == NULL)
    return;

  g_cancellable_cancel (self->loading);
  end_loading (self);
}

static void
show_opened_project (EquityWindow *self)
{
  g_autoptr(EquityProject) project = g_steal_pointer (&self->opened);

  g_clear_pointer (&self->loading_path, g_free);
  take_project (self, project);
  end_loading (self);
  equity_startup_mark ("project opened");
}

/* The window's first frame shows it opening, the project the frame after:
 * filling the pages with a project takes about as long as that first frame
 * (bench/README.md), and a window that appears at once, then fills, feels
 * quicker than one that appears full a moment later. */
static void
first_frame_painted_cb (EquityWindow *self)
{
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    return;

  g_clear_signal_handler (&self->first_frame_id, gtk_widget_get_frame_clock (GTK_WIDGET (self)));
  self->first_frame_painted = TRUE;
  if (self->opened != NULL)
    show_opened_project (self);
}

static void
equity_window_realize (GtkWidget *widget)
{
  EquityWindow *self = EQUITY_WINDOW (widget);

  GTK_WIDGET_CLASS (equity_window_parent_class)->realize (widget);

  if (!self->first_frame_painted && self->first_frame_id == 0)
    {
      /* last, so that whoever else watches for the first frame (the
       * start-up report) sees the frame that was painted: still opening */
      self->first_frame_id = g_signal_connect_object (gtk_widget_get_frame_clock (widget), "after-paint",
                                                      G_CALLBACK (first_frame_painted_cb), self,
                                                      G_CONNECT_SWAPPED | G_CONNECT_AFTER);
    }
}

static void
equity_window_unrealize (GtkWidget *widget)
{
  EquityWindow *self = EQUITY_WINDOW (widget);

  /* the frame clock goes with the surface */
  g_clear_signal_handler (&self->first_frame_id, gtk_widget_get_frame_clock (widget));

  GTK_WIDGET_CLASS (equity_window_parent_class)->unrealize (widget);
}

static void
project_loaded_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(EquityWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(EquityProject) project = equity_project_open_finish (result, &error);
  g_autofree char *path = NULL;

  /* cancelled, or another project asked for since */
  if (self->loading == NULL || g_task_get_cancellable (G_TASK (result)) != self->loading)
    return;

  if (project != NULL)
    {
      self->opened = g_steal_pointer (&project);
      /* a window on screen that has not painted yet shows it the frame after */
      if (!gtk_widget_get_mapped (GTK_WIDGET (self)) || self->first_frame_painted)
        show_opened_project (self);
      return;
    }

  path = g_steal_pointer (&self->loading_path);
  end_loading (self);
  show_open_error (self, path, error);
}

void
equity_window_load_project (EquityWindow *self,
                            const char   *path)
{
  g_autofree char *name = NULL;
  g_autofree char *markup = NULL;

  g_return_if_fail (EQUITY_IS_WINDOW (self));
  g_return_if_fail (path != NULL);

  /* a project shown may have unsaved changes to ask about first */
  if (self->project != NULL)
    {
      equity_window_open_project (self, path);
      return;
    }

  cancel_loading (self);
  self->loading = g_cancellable_new ();
  self->loading_path = g_strdup (path);

  name = g_path_get_basename (path);
  markup = g_markup_escape_text (name, -1);
  adw_status_page_set_description (self->loading_page, markup);
  gtk_spinner_start (self->loading_spinner);
  show_main_page (self, "loading");
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);

  equity_project_open_async (path, self->loading, project_loaded_cb, g_object_ref (self));
}

gboolean
_equity_window_open_project_now (EquityWindow *self,
                                 const char   *path)
{
  g_autoptr(EquityProject) project = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) bind_error = NULL;

  g_return_val_if_fail (EQUITY_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  cancel_loading (self);
  if (self->project != NULL && g_str_equal (equity_project_get_path (self->project), path))
    {
      gtk_window_present (GTK_WINDOW (self));
      return TRUE;
    }

  project = equity_project_open (path, &error);
  if (project == NULL)
    {
      show_open_error (self, path, error);
      return FALSE;
    }

  /* Analyses saved before datasets were named by id are bound now, so a
   * rename cannot break them; a read-only project cannot be changed anyway. */
  if (!equity_analysis_bind_saved (project, &bind_error))
    g_debug ("Saved analyses still name their datasets: %s", bind_error->message);

  take_project (self, project);
  return TRUE;
}

void
equity_window_close_project (EquityWindow *self)
{
  g_return_if_fail (EQUITY_IS_WINDOW (self));

  if (self->project == NULL)
    return;

  equity_window_set_project (self, NULL);
  g_settings_set_string (self->settings, "last-project", "");
}

gboolean
equity_window_is_busy (EquityWindow *self)
{
  g_return_val_if_fail (EQUITY_IS_WINDOW (self), FALSE);

  return self->job != NULL;
}

gboolean
equity_window_is_loading (EquityWindow *self)
{
  g_return_val_if_fail (EQUITY_IS_WINDOW (self), FALSE);

  return self->loading != NULL || self->creating_sample;
}

void
_equity_window_set_creating_sample (EquityWindow *self,
                                    gboolean      creating)
{
  g_assert (EQUITY_IS_WINDOW (self));

  self->creating_sample = creating;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

AdwViewStack *
_equity_window_get_view_stack (EquityWindow *self)
{
  return self->view_stack;
}

EquitySidebar *
_equity_window_get_sidebar (EquityWindow *self)
{
  return self->sidebar;
}

EquityDatasetsPage *
_equity_window_get_datasets_page (EquityWindow *self)
{
  return self->datasets_page;
}

gboolean
_equity_window_shows_start_page (EquityWindow *self)
{
  return g_strcmp0 (gtk_stack_get_visible_child_name (self->main_stack), "start") == 0;
}

EquityImportDialog *
_equity_window_get_import_dialog (EquityWindow *self)
{
  return self->import_dialog;
}
