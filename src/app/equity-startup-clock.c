/* equity-startup-clock.c — how long the window took to appear
 *
 * The clock starts when the kernel created the process, before the dynamic
 * linker loaded GTK, so it counts what main() cannot see. The kernel gives
 * that moment in /proc/self/stat (field 22, "starttime", in clock ticks
 * since boot, proc(5)), on the same clock as CLOCK_BOOTTIME. A tick is
 * 10 ms on Linux (USER_HZ = 100), so a figure may read up to 10 ms long.
 *
 * Also compiled into bench/bench-window-peer, so the peer is timed by the
 * same code.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* RUSAGE_THREAD */
#define _GNU_SOURCE
#include "config.h"

#include <stdio.h>
#include <string.h>
#include <time.h>
#include <sys/resource.h>
#include <unistd.h>

#include "equity-startup-clock.h"

gboolean
equity_startup_report_enabled (void)
{
  static int enabled = -1;

  if (enabled < 0)
    enabled = g_getenv (EQUITY_STARTUP_REPORT_ENV) != NULL;
  return enabled;
}

/* seconds since boot when the process started, or a negative number */
static double
process_start_seconds (void)
{
  static double start = -2;
  g_autofree char *stat = NULL;
  const char *fields;
  unsigned long long ticks;

  if (start > -2)
    return start;

  start = -1;
  if (!g_file_get_contents ("/proc/self/stat", &stat, NULL, NULL))
    return start;

  /* the command name (field 2) may hold spaces and parentheses: the fields
   * after it start after the last ')', with field 3 */
  fields = strrchr (stat, ')');
  if (fields == NULL
      || sscanf (fields + 1, " %*c %*d %*d %*d %*d %*d %*u %*u %*u %*u %*u %*u %*u"
                             " %*d %*d %*d %*d %*d %*d %llu", &ticks) != 1)
    return start;

  start = (double) ticks / (double) sysconf (_SC_CLK_TCK);
  return start;
}

double
equity_startup_clock_seconds (void)
{
  struct timespec now;
  double start = process_start_seconds ();

  if (start < 0 || clock_gettime (CLOCK_BOOTTIME, &now) != 0)
    return -1;

  return (double) now.tv_sec + (double) now.tv_nsec / 1e9 - start;
}

/* with the time on this thread's CPU beside it: on a busy machine the wall
 * clock says little about where the time went */
void
equity_startup_mark (const char *what)
{
  struct rusage usage;

  if (!equity_startup_report_enabled () || getrusage (RUSAGE_THREAD, &usage) != 0)
    return;

  g_printerr ("startup: %.3f s (main thread CPU %.3f s) %s\n", equity_startup_clock_seconds (),
              (double) (usage.ru_utime.tv_sec + usage.ru_stime.tv_sec)
              + (double) (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6,
              what);
}

void
equity_startup_save_picture (GtkWidget  *window,
                             const char *name)
{
  const char *dir = g_getenv (EQUITY_STARTUP_PICTURES_ENV);
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GtkSnapshot) snapshot = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *file_name = NULL;
  g_autofree char *path = NULL;
  int width = gtk_widget_get_width (window);
  int height = gtk_widget_get_height (window);

  if (dir == NULL || width <= 0 || height <= 0)
    return;

  paintable = gtk_widget_paintable_new (window);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  if (node == NULL)
    return;

  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (window)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  file_name = g_strconcat (name, ".png", NULL);
  path = g_build_filename (dir, file_name, NULL);
  if (!gdk_texture_save_to_png (texture, path))
    g_printerr ("could not save %s\n", path);
}

typedef struct
{
  GtkWidget           *window;
  EquityFirstFrameFunc func;
  gpointer             user_data;
  gulong               realize_id;
  gulong               paint_id;
  GdkFrameClock       *clock;
} FirstFrame;

static void
first_frame_free (FirstFrame *first)
{
  if (first->paint_id != 0)
    g_signal_handler_disconnect (first->clock, first->paint_id);
  if (first->realize_id != 0)
    g_signal_handler_disconnect (first->window, first->realize_id);
  g_clear_object (&first->clock);
  g_clear_object (&first->window);
  g_free (first);
}

static void
after_paint_cb (GdkFrameClock *clock,
                FirstFrame    *first)
{
  g_autoptr(GtkWidget) window = NULL;
  EquityFirstFrameFunc func = first->func;
  gpointer user_data = first->user_data;

  /* a frame of an unmapped window paints nothing */
  if (!gtk_widget_get_mapped (first->window))
    return;

  /* FUNC may close the window: let go of it first */
  window = g_object_ref (first->window);
  first_frame_free (first);
  func (window, user_data);
}

static void
watch_frame_clock (FirstFrame *first)
{
  first->clock = g_object_ref (gtk_widget_get_frame_clock (first->window));
  first->paint_id = g_signal_connect (first->clock, "after-paint",
                                      G_CALLBACK (after_paint_cb), first);
}

static void
realize_cb (GtkWidget  *window,
            FirstFrame *first)
{
  g_signal_handler_disconnect (window, first->realize_id);
  first->realize_id = 0;
  watch_frame_clock (first);
}

void
equity_startup_on_next_frame (GtkWidget           *window,
                              EquityFirstFrameFunc func,
                              gpointer             user_data)
{
  FirstFrame *first;

  g_return_if_fail (GTK_IS_WINDOW (window));

  first = g_new0 (FirstFrame, 1);
  first->window = g_object_ref (window);
  first->func = func;
  first->user_data = user_data;
  if (gtk_widget_get_realized (window))
    {
      watch_frame_clock (first);
      gtk_widget_queue_draw (window);
    }
  else
    first->realize_id = g_signal_connect (window, "realize", G_CALLBACK (realize_cb), first);
}
