/* equity-row-picker.h — a row that picks one value of a column from a
 * searchable list ("Asheville" for fips 3702140)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define EQUITY_TYPE_ROW_PICKER (equity_row_picker_get_type ())
G_DECLARE_FINAL_TYPE (EquityRowPicker, equity_row_picker, EQUITY, ROW_PICKER, AdwActionRow)

/* NONE_LABEL names the choice of no value ("All rows added up") */
GtkWidget  *equity_row_picker_new         (const char      *title,
                                           const char      *none_label);
/* CHOICES: a GPtrArray of EquityChoice, or NULL while they are read */
void        equity_row_picker_set_choices (EquityRowPicker *self,
                                           GPtrArray       *choices);
guint       equity_row_picker_get_n_choices (EquityRowPicker *self);
const char *equity_row_picker_get_value   (EquityRowPicker *self);
/* sets the value without emitting ::picked */
void        equity_row_picker_set_value   (EquityRowPicker *self,
                                           const char      *value);
/* what a click on a choice does: sets the value and emits ::picked */
void        equity_row_picker_pick        (EquityRowPicker *self,
                                           const char      *value);

G_END_DECLS
