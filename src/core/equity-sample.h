/* equity-sample.h — the bundled sample project
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "equity-project.h"

G_BEGIN_DECLS

/* Creates the sample project at PATH from the real public data compiled into
 * the program (data/samples/), with its saved analyses. Fails if PATH exists.
 * PROGRESS, if given, is called with a fraction 0..1. */
typedef void (*EquityProgressFunc) (double fraction, gpointer user_data);

EquityProject *equity_sample_create (const char         *path,
                                     EquityProgressFunc  progress,
                                     gpointer            progress_data,
                                     GCancellable       *cancellable,
                                     GError            **error);

G_END_DECLS
