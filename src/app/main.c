/* main.c — entry point of the Asheville Equity application
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "equity-application.h"
#include "equity-startup-clock.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(EquityApplication) app = NULL;

  equity_startup_mark ("main() entered");
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  g_set_application_name (_("Asheville Equity"));

  app = equity_application_new ();

  return g_application_run (G_APPLICATION (app), argc, argv);
}
