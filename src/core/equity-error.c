/* equity-error.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "equity-error.h"

G_DEFINE_QUARK (equity-error-quark, equity_error)
