/* equity-analysis-kinds.h — the names of the kinds of analysis, as spec
 * files, saved projects and JSON write them; the one place they are spelled
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#define EQUITY_KIND_GROUP_RATES        "group-rates"
#define EQUITY_KIND_AREA_RATES         "area-rates"
#define EQUITY_KIND_GROUP_EXPOSURE     "group-exposure"
#define EQUITY_KIND_OUTCOMES           "outcomes"
#define EQUITY_KIND_ACS_PROPORTION     "acs-proportion"
#define EQUITY_KIND_REPRESENTATION     "representation"
#define EQUITY_KIND_UTILIZATION        "utilization"
#define EQUITY_KIND_DISSIMILARITY      "dissimilarity"
#define EQUITY_KIND_INDEX_OF_DISPARITY "index-of-disparity"
