/* app-test-util.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "app-test-util.h"
#include "equity-import-dialog.h"
#include "equity-window-private.h"

void
app_test_init (int    *argc,
               char ***argv)
{
  g_autoptr(GtkCssProvider) provider = gtk_css_provider_new ();

  gtk_test_init (argc, argv, NULL);
  adw_init ();

  /* What EquityApplication gets from its resource base path. */
  gtk_icon_theme_add_resource_path (gtk_icon_theme_get_for_display (gdk_display_get_default ()),
                                    "/org/asheville/Equity/icons");
  gtk_css_provider_load_from_resource (provider, "/org/asheville/Equity/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                              GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
}

void
app_test_drain (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static void
after_paint_cb (GdkFrameClock *clock,
                guint         *n_frames)
{
  if (*n_frames > 0)
    (*n_frames)--;
}

static gboolean
frames_done (gpointer data)
{
  return *(guint *) data == 0;
}

void
app_test_wait_frames (GtkWidget *widget,
                      guint      n_frames)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (widget);
  gulong handler;

  g_assert_nonnull (clock);
  handler = g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), &n_frames);
  /* keeps the clock running, as an animation does: a window with nothing
   * to redraw draws no frame otherwise */
  gdk_frame_clock_begin_updating (clock);
  gtk_widget_queue_draw (widget);
  test_await (frames_done, &n_frames, "frames laid out and drawn");
  gdk_frame_clock_end_updating (clock);
  g_signal_handler_disconnect (clock, handler);
}

static gboolean
is_mapped (gpointer data)
{
  return gtk_widget_get_mapped (data) && gtk_widget_get_width (data) > 0 && gtk_widget_get_height (data) > 0;
}

/* whether WIDGET or one of its mapped children is still sliding or fading
 * from one state to the next */
static gboolean
in_transition (GtkWidget *widget)
{
  if (!gtk_widget_get_mapped (widget))
    return FALSE;
  if ((GTK_IS_STACK (widget) && gtk_stack_get_transition_running (GTK_STACK (widget)))
      || (GTK_IS_REVEALER (widget)
          && gtk_revealer_get_child_revealed (GTK_REVEALER (widget)) != gtk_revealer_get_reveal_child (GTK_REVEALER (widget)))
      || (ADW_IS_LEAFLET (widget) && adw_leaflet_get_child_transition_running (ADW_LEAFLET (widget)))
      || (ADW_IS_SQUEEZER (widget) && adw_squeezer_get_transition_running (ADW_SQUEEZER (widget)))
      || (ADW_IS_FLAP (widget)
          && adw_flap_get_reveal_progress (ADW_FLAP (widget)) != (adw_flap_get_reveal_flap (ADW_FLAP (widget)) ? 1.0 : 0.0)))
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (in_transition (child))
      return TRUE;
  return FALSE;
}

static gboolean
at_rest (gpointer data)
{
  return !in_transition (data);
}

void
app_test_settle (GtkWidget *widget)
{
  app_test_drain ();
  test_await (is_mapped, widget, "the widget mapped with a size");
  test_await (at_rest, widget, "the stacks, revealers, leaflets and flaps at rest");
  /* two: what the first frame's layout queued (a list binding the rows now
   * in view, a label wrapping to its new width) is drawn in the second */
  app_test_wait_frames (widget, 2);
  app_test_drain ();
}

void
app_test_show_window (GtkWindow *window)
{
  gtk_window_present (window);
  /* generous: under ASan on a busy two-core machine a first map can take many seconds */
  app_test_settle (GTK_WIDGET (window));
}

typedef struct
{
  GType      type;
  GtkWindow *found;
} ToplevelSearch;

static gboolean
toplevel_shown (gpointer data)
{
  ToplevelSearch *search = data;

  search->found = app_test_find_toplevel (search->type);
  return search->found != NULL;
}

GtkWindow *
app_test_await_toplevel (GType type)
{
  ToplevelSearch search = { type, NULL };
  g_autofree char *what = g_strdup_printf ("a %s shown", g_type_name (type));

  test_await (toplevel_shown, &search, what);
  return search.found;
}

static gboolean
toplevel_gone (gpointer data)
{
  ToplevelSearch *search = data;

  return app_test_find_toplevel (search->type) == NULL;
}

void
app_test_await_no_toplevel (GType type)
{
  ToplevelSearch search = { type, NULL };
  g_autofree char *what = g_strdup_printf ("no %s left shown", g_type_name (type));

  test_await (toplevel_gone, &search, what);
}

gboolean
app_test_window_idle (gpointer window)
{
  return !equity_window_is_busy (window);
}

gboolean
app_test_import_dialog_ready (gpointer window)
{
  EquityImportDialog *dialog = _equity_window_get_import_dialog (window);

  return dialog != NULL && equity_import_dialog_is_ready (dialog);
}

static gboolean
held_only_by_caller (gpointer data)
{
  return g_atomic_int_get (&G_OBJECT (data)->ref_count) == 1;
}

void
app_test_await_finalize (gpointer object)
{
  /* what still holds it (an idle, a pending frame, a closing animation)
   * lets go when the main loop runs; a leak keeps it and fails here */
  test_await (held_only_by_caller, object, "the object let go by all but the test");
  g_assert_finalize_object (object);
}

void
app_test_destroy_window (GtkWindow *window)
{
  gtk_window_destroy (window);
  app_test_await_finalize (window);
}

double
app_test_render_png (GtkWidget  *widget,
                     const char *name)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree guchar *pixels = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *file_name = NULL;
  g_autofree char *path = NULL;
  GskRenderer *renderer;
  int width;
  int height;
  gsize stride;
  double sum = 0.0;
  double sum_sq = 0.0;
  double n;

  /* drawn as a person would see it: laid out, pending updates shown */
  app_test_settle (widget);
  width = gtk_widget_get_width (widget);
  height = gtk_widget_get_height (widget);
  g_assert_cmpint (width, >, 0);
  g_assert_cmpint (height, >, 0);

  /* A widget that waits for its next allocation (an animation is running)
   * draws nothing: give the frame clock a moment and try again. */
  for (guint attempt = 0; node == NULL && attempt < 100; attempt++)
    {
      g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();

      if (attempt > 0)
        app_test_wait_frames (widget, 1);
      gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
      node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
    }
  g_assert_nonnull (node);

  renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));
  g_assert_nonnull (renderer);
  texture = gsk_renderer_render_texture (renderer, node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  g_assert_nonnull (texture);

  dir = g_build_filename (g_getenv ("G_TEST_BUILDDIR") ? g_getenv ("G_TEST_BUILDDIR") : g_get_tmp_dir (),
                          "screenshots", NULL);
  g_mkdir_with_parents (dir, 0755);
  file_name = g_strconcat (name, ".png", NULL);
  path = g_build_filename (dir, file_name, NULL);
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("screenshot: %s", path);

  width = gdk_texture_get_width (texture);
  height = gdk_texture_get_height (texture);
  stride = (gsize) width * 4;
  pixels = g_malloc (stride * height);
  gdk_texture_download (texture, pixels, stride);

  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      {
        const guchar *p = pixels + y * stride + x * 4;
        /* cairo ARGB32 in memory order B, G, R, A */
        double lum = 0.0722 * p[0] + 0.7152 * p[1] + 0.2126 * p[2];

        sum += lum;
        sum_sq += lum * lum;
      }

  n = (double) width * height;
  return sum_sq / n - (sum / n) * (sum / n);
}


EquityApplication *
app_test_register_app (void)
{
  g_autoptr(GError) error = NULL;
  EquityApplication *app = equity_application_new ();

  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_HANDLES_OPEN | G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);
  return app;
}

GtkWindow *
app_test_find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return window;
    }

  return NULL;
}

void
app_test_reset_settings (int width,
                         int height)
{
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  g_autoptr(GSettingsSchema) schema = NULL;
  g_auto(GStrv) keys = NULL;

  g_object_get (settings, "settings-schema", &schema, NULL);
  keys = g_settings_schema_list_keys (schema);
  for (guint i = 0; keys[i] != NULL; i++)
    g_settings_reset (settings, keys[i]);
  g_settings_set_int (settings, "window-width", width);
  g_settings_set_int (settings, "window-height", height);
}

int
app_test_run (EquityApplication **app)
{
  int ret = g_test_run ();

  g_clear_object (app);
  return ret;
}

static void
collect_labels (GtkWidget *widget,
                GString   *text)
{
  if (!gtk_widget_get_visible (widget))
    return;
  if (GTK_IS_LABEL (widget))
    g_string_append_printf (text, "%s|", gtk_label_get_label (GTK_LABEL (widget)));
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_labels (child, text);
}

char *
app_test_dup_labels (GtkWidget *widget)
{
  GString *text = g_string_new (NULL);

  collect_labels (widget, text);
  return g_string_free (text, FALSE);
}

GtkWidget *
app_test_find_widget (GtkWidget          *root,
                      AppTestWidgetMatch  match,
                      gconstpointer       data)
{
  if (match (root, data))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = app_test_find_widget (child, match, data);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
is_of_type (GtkWidget     *widget,
            gconstpointer  type)
{
  return G_TYPE_CHECK_INSTANCE_TYPE (widget, GPOINTER_TO_SIZE (type));
}

GtkWidget *
app_test_find_of_type (GtkWidget *root,
                       GType      type)
{
  return app_test_find_widget (root, is_of_type, GSIZE_TO_POINTER (type));
}

static gboolean
fires (GtkWidget     *widget,
       gconstpointer  action)
{
  return GTK_IS_ACTIONABLE (widget)
         && g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), action) == 0;
}

GtkWidget *
app_test_find_actionable (GtkWidget  *root,
                          const char *action)
{
  return app_test_find_widget (root, fires, action);
}

static gboolean
is_labelled (GtkWidget     *widget,
             gconstpointer  label)
{
  return GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0;
}

GtkWidget *
app_test_find_button (GtkWidget  *root,
                      const char *label)
{
  return app_test_find_widget (root, is_labelled, label);
}

static gboolean
starts_with (GtkWidget     *widget,
             gconstpointer  prefix)
{
  return GTK_IS_LABEL (widget) && g_str_has_prefix (gtk_label_get_label (GTK_LABEL (widget)), prefix);
}

GtkWidget *
app_test_find_label (GtkWidget  *root,
                     const char *prefix)
{
  return app_test_find_widget (root, starts_with, prefix);
}

guint
app_test_count_children (GtkWidget *widget)
{
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n++;
  return n;
}

GtkWindow *
app_test_open_change_log (GtkWidget   *widget,
                          const char  *action,
                          GtkWidget  **list)
{
  GtkWindow *log;

  g_assert_true (gtk_widget_activate_action (widget, action, NULL));
  log = app_test_await_toplevel (ADW_TYPE_WINDOW);
  g_assert_nonnull (log);
  app_test_show_window (log);
  *list = g_object_get_data (G_OBJECT (log), "log-list");
  g_assert_nonnull (*list);
  return log;
}

GPtrArray *
app_test_list_changes (const char *path,
                       const char *kind,
                       gint64      id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EquityProject) project = equity_project_open (path, &error);
  GPtrArray *changes;

  g_assert_no_error (error);
  changes = equity_project_list_changes (project, kind, id, &error);
  g_assert_no_error (error);
  equity_project_close (project);
  return changes;
}

char *
app_test_write_requests_csv (const char *dir,
                             guint       n_rows)
{
  static const char *neighborhoods[] = { "Burton Street", "East End", "Emma", "Montford", "Shiloh" };
  static const char *categories[] = { "Pothole", "Streetlight", "Sidewalk", "Graffiti" };
  g_autoptr(GString) csv = g_string_sized_new ((gsize) n_rows * 64);
  g_autoptr(GFile) file = NULL;

  g_string_append (csv, "request_id,neighborhood,category,days_to_close,opened,cost\n");
  for (guint i = 0; i < n_rows; i++)
    {
      g_string_append_printf (csv, "%u,%s,%s,%u,2022-%02u-%02u,", i,
                              neighborhoods[i % G_N_ELEMENTS (neighborhoods)],
                              categories[(i / 7) % G_N_ELEMENTS (categories)],
                              (i * 31) % 90, 1 + i % 12, 1 + i % 28);
      if (i % 13 != 0)
        g_string_append_printf (csv, "%u.%02u", 10 + (i * 7919) % 5000, i % 100);
      g_string_append_c (csv, '\n');
    }
  file = test_write_file (dir, "service_requests.csv", csv->str);
  return g_file_get_path (file);
}
