/* equity-types.h — the core's forward types and the progress callback, so a
 * header can name them without including the module that defines them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _EquityAnalysis  EquityAnalysis;
typedef struct _EquityChart     EquityChart;
typedef struct _EquityColumn    EquityColumn;
typedef struct _EquityDataset   EquityDataset;
typedef struct _EquityImporter  EquityImporter;
typedef struct _EquityProject   EquityProject;
typedef struct _EquityResult    EquityResult;

/* Long work reports how far it got as a FRACTION 0..1. The synchronous calls
 * run it on their own thread; the *_async calls on the caller's main context. */
typedef void (*EquityProgressFunc) (double fraction, gpointer user_data);

G_END_DECLS
