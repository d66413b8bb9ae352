/* bench-window-peer.c — the window benchmark's peer: the least a GTK 4 +
 * libadwaita application does to show a window (an AdwApplicationWindow with
 * a header bar and a label), timed by the same code as the app
 * (src/app/equity-startup-clock.c): from the start of the process to the
 * first frame painted, printed as "first_frame_s=… loaded_s=…" (the same
 * moment: it has nothing to load), then it quits. What it takes is the
 * floor of the toolkit on this machine.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <adwaita.h>

#include "equity-startup-clock.h"

static void
first_frame_cb (GtkWidget *window,
                gpointer   user_data)
{
  double seconds = equity_startup_clock_seconds ();

  equity_startup_mark ("first frame painted");
  g_print ("first_frame_s=%.3f loaded_s=%.3f\n", seconds, seconds);
  g_application_quit (G_APPLICATION (user_data));
}

static void
activate_cb (GApplication *app)
{
  GtkWidget *window = adw_application_window_new (GTK_APPLICATION (app));
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *label = gtk_label_new ("Asheville Equity");

  gtk_window_set_title (GTK_WINDOW (window), "Asheville Equity");
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 720);
  gtk_box_append (GTK_BOX (box), adw_header_bar_new ());
  gtk_widget_set_vexpand (label, TRUE);
  gtk_box_append (GTK_BOX (box), label);
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), box);

  equity_startup_mark ("window built");
  equity_startup_on_next_frame (window, first_frame_cb, app);
  gtk_window_present (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(AdwApplication) app = NULL;

  equity_startup_mark ("main() entered");
  app = adw_application_new ("org.asheville.Equity.BenchWindowPeer",
                                                       G_APPLICATION_DEFAULT_FLAGS);

  g_signal_connect (app, "activate", G_CALLBACK (activate_cb), NULL);
  return g_application_run (G_APPLICATION (app), argc, argv);
}
