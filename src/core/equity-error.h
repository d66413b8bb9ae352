/* equity-error.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define EQUITY_ERROR (equity_error_quark ())

typedef enum
{
  EQUITY_ERROR_FAILED,
  EQUITY_ERROR_NOT_A_PROJECT,     /* the file is not an Asheville Equity project */
  EQUITY_ERROR_TOO_NEW,           /* written by a newer version of the program */
  EQUITY_ERROR_CORRUPT,           /* damaged project file */
  EQUITY_ERROR_EXISTS,            /* a file or dataset of that name exists */
  EQUITY_ERROR_NOT_FOUND,         /* no such dataset, column or analysis */
  EQUITY_ERROR_PARSE,             /* malformed input: message names file, line and column */
  EQUITY_ERROR_ENCODING,          /* text that cannot be decoded */
  EQUITY_ERROR_INVALID,           /* an argument or spec that makes no sense */
  EQUITY_ERROR_UNSUPPORTED,       /* a format we cannot read here */
  EQUITY_ERROR_READ_ONLY,         /* the project file or its folder cannot be written */
  EQUITY_ERROR_BUSY,              /* another program is writing to the project */
  EQUITY_ERROR_DISK_FULL,         /* no room left for the project file */
  EQUITY_ERROR_IN_USE,            /* a dataset that saved analyses read */
} EquityError;

GQuark equity_error_quark (void);

G_END_DECLS
