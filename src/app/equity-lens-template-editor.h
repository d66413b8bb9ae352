/* equity-lens-template-editor.h — the project's assessment templates in a
 * window: their versions, and one opened to edit its steps and questions,
 * saved as the next version through the core's checks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "equity-core.h"

G_BEGIN_DECLS

#define EQUITY_TYPE_LENS_TEMPLATE_EDITOR (equity_lens_template_editor_get_type ())
G_DECLARE_FINAL_TYPE (EquityLensTemplateEditor, equity_lens_template_editor, EQUITY, LENS_TEMPLATE_EDITOR, AdwWindow)

EquityLensTemplateEditor *equity_lens_template_editor_new (GtkWindow     *parent,
                                                           EquityProject *project);
/* opens template NAME (its newest version) for editing; FALSE when none */
gboolean    equity_lens_template_editor_open          (EquityLensTemplateEditor *self,
                                                       const char               *name);
/* what the editor holds, for tests: the template being edited, rebuilt
 * from the draft, and whether it differs from what was opened */
gboolean    equity_lens_template_editor_is_modified   (EquityLensTemplateEditor *self);
/* the inline message of the last refused save, or NULL */
const char *equity_lens_template_editor_get_error     (EquityLensTemplateEditor *self);
/* the list page's rows (AdwActionRow), one per template, for tests */
GtkWidget  *equity_lens_template_editor_get_list_row  (EquityLensTemplateEditor *self,
                                                       const char               *name);

G_END_DECLS
