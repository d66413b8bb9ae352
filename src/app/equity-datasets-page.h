/* equity-datasets-page.h — the catalog entry of the selected dataset
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "equity-core.h"

G_BEGIN_DECLS

#define EQUITY_TYPE_DATASETS_PAGE (equity_datasets_page_get_type ())
G_DECLARE_FINAL_TYPE (EquityDatasetsPage, equity_datasets_page, EQUITY, DATASETS_PAGE, AdwBin)

GtkWidget     *equity_datasets_page_new         (void);
EquityProject *equity_datasets_page_get_project (EquityDatasetsPage *self);
void           equity_datasets_page_set_project (EquityDatasetsPage *self,
                                                 EquityProject      *project);
EquityDataset *equity_datasets_page_get_dataset (EquityDatasetsPage *self);
void           equity_datasets_page_set_dataset (EquityDatasetsPage *self,
                                                 EquityDataset      *dataset);


/* for tests */
GtkWidget     *equity_datasets_page_get_table_view   (EquityDatasetsPage *self);
GtkWidget     *equity_datasets_page_get_search_entry (EquityDatasetsPage *self);
GtkWidget     *equity_datasets_page_get_summaries_button (EquityDatasetsPage *self);

G_END_DECLS
