/* equity-core.h — everything the GUI and the CLI use from the core
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "equity-types.h"
#include "equity-error.h"
#include "equity-column.h"
#include "equity-dataset.h"
#include "equity-dataset-reader.h"
#include "equity-project.h"
#include "equity-dataset-geometry.h"
#include "equity-saved-analysis.h"
#include "equity-csv-reader.h"
#include "equity-importer.h"
#include "equity-sample.h"
#include "equity-geometry.h"
#include "equity-area-set.h"
#include "equity-format.h"
#include "equity-result.h"
#include "equity-result-columns.h"
#include "equity-analysis.h"
#include "equity-analysis-fields.h"
#include "equity-analysis-async.h"
#include "equity-analysis-choices.h"
#include "equity-chart.h"
#include "equity-suppression.h"
#include "equity-workbook.h"
#include "equity-table-query.h"
#include "equity-row-model.h"
#include "equity-enum-types.h"
#include "equity-project-items.h"
#include "equity-lens-template.h"
#include "equity-assessment.h"
#include "equity-change-log.h"
#include "equity-plan.h"
