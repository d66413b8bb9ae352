/* equity-change-log.h — the project's change log, exported
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "equity-project.h"

G_BEGIN_DECLS

/* Writes the whole change log to PATH as RFC 4180 CSV with a header row
 * (at, who, item_kind, item_id, field, old_value, new_value), values as
 * stored; PATH is replaced only once the whole file is written. */
gboolean equity_change_log_export_csv (EquityProject  *project,
                                       const char     *path,
                                       GError        **error);
/* the same text, for a caller that prints it; ITEM_KIND ("assessment",
 * "action", …) and ITEM_ID narrow it to one item (NULL and 0: all) */
char    *equity_change_log_to_csv     (EquityProject  *project,
                                       const char     *item_kind,
                                       gint64          item_id,
                                       GError        **error);
/* the entries of one item (or of every item of ITEM_KIND when ITEM_ID is
 * 0; NULL and 0: all) written to PATH the same way */
gboolean equity_change_log_export_item_csv (EquityProject  *project,
                                            const char     *item_kind,
                                            gint64          item_id,
                                            const char     *path,
                                            GError        **error);
/* Adds "field_label" to each row of CHANGES (equity_project_list_changes()):
 * how the history shows its field. An assessment's answer is named by its
 * question's text (equity_assessment_dup_field_label(), each assessment's
 * template version read once); any other field, and the answers of an
 * assessment that can no longer be read (deleted), by the stored field. The
 * CSV keeps the stored field: it is data, for scripts. */
void     equity_change_log_label_fields (EquityProject  *project,
                                         GPtrArray      *changes);

G_END_DECLS
