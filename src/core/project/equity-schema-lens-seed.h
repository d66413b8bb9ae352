/* equity-schema-lens-seed.h — the default templates seeded by migration 6,
 * made from data/lens/equity-lens.ini and data/lens/budget-request.ini. Part
 * of a released migration: never edit it; a new default is a new version.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#define EQUITY_SCHEMA_LENS_SEED \
  "INSERT INTO lens_templates (name, version, spec, created_at) VALUES ('Equity lens', 1, '" \
  "# The default equity-lens template. Its six steps follow the Racial Equity\n" \
  "# Toolkit of the Government Alliance on Race and Equity (GARE, 2016 update);\n" \
  "# the questions are written for this project.\n" \
  "[template]\n" \
  "name = Equity lens\n" \
  "steps = 6\n" \
  "\n" \
  "[step 1]\n" \
  "title = Proposal and desired results\n" \
  "questions = proposal;outcomes;neighborhoods\n" \
  "\n" \
  "[question proposal]\n" \
  "text = What is being proposed (a program, a policy or a budget request), and what decision is to be made?\n" \
  "help = One or two sentences a resident would understand.\n" \
  "type = text\n" \
  "\n" \
  "[question outcomes]\n" \
  "text = Which results for residents matter most, and for whom?\n" \
  "type = text\n" \
  "\n" \
  "[question neighborhoods]\n" \
  "text = Which neighborhoods does it reach?\n" \
  "help = Tick every neighborhood the proposal changes, for better or worse.\n" \
  "type = checklist\n" \
  "options = Burton Street;East End/Valley Street;Emma;Haw Creek;Montford;Oakley;Shiloh;Southside;West Asheville;Downtown\n" \
  "\n" \
  "[step 2]\n" \
  "title = Data\n" \
  "questions = evidence;disparities;gaps\n" \
  "\n" \
  "[question evidence]\n" \
  "text = Which analysis or dataset of this project shows who is affected today?\n" \
  "type = citation\n" \
  "\n" \
  "[question disparities]\n" \
  "text = What do the data show about differences by race and by place?\n" \
  "type = text\n" \
  "\n" \
  "[question gaps]\n" \
  "text = Which data are missing, and how will they be gathered?\n" \
  "type = text\n" \
  "\n" \
  "[step 3]\n" \
  "title = Community engagement\n" \
  "questions = engaged;asked-first;widen\n" \
  "\n" \
  "[question engaged]\n" \
  "text = Who has been engaged so far, above all those most affected?\n" \
  "type = text\n" \
  "\n" \
  "[question asked-first]\n" \
  "text = Were the residents most affected asked before the decision was drafted?\n" \
  "type = yes-no\n" \
  "\n" \
  "[question widen]\n" \
  "text = How will engagement be widened before and after the decision?\n" \
  "type = text\n" \
  "\n" \
  "[step 4]\n" \
  "title = Analysis and strategies\n" \
  "questions = benefits;effect;strategies\n" \
  "\n" \
  "[question benefits]\n" \
  "text = Who benefits, and who bears the burdens or the costs?\n" \
  "type = text\n" \
  "\n" \
  "[question effect]\n" \
  "text = Overall, what will it do to the differences found in step 2?\n" \
  "type = choice\n" \
  "options = Widen them;No change expected;Narrow them;Not known yet\n" \
  "\n" \
  "[question strategies]\n" \
  "text = What would advance equity further or reduce harm?\n" \
  "type = text\n" \
  "\n" \
  "[step 5]\n" \
  "title = Implementation\n" \
  "questions = plan;resources;timeline\n" \
  "\n" \
  "[question plan]\n" \
  "text = How will it be carried out, and who leads the work?\n" \
  "type = text\n" \
  "\n" \
  "[question resources]\n" \
  "text = Are staff and money in place for the equity strategies of step 4?\n" \
  "type = yes-no\n" \
  "\n" \
  "[question timeline]\n" \
  "text = What is the timeline, with its milestones?\n" \
  "type = text\n" \
  "\n" \
  "[step 6]\n" \
  "title = Accountability and communication\n" \
  "questions = measures;reporting;explain\n" \
  "\n" \
  "[question measures]\n" \
  "text = Which analysis or dataset will show whether the results are reached?\n" \
  "type = citation\n" \
  "\n" \
  "[question reporting]\n" \
  "text = How often will results be reported?\n" \
  "type = choice\n" \
  "options = Every quarter;Twice a year;Every year\n" \
  "\n" \
  "[question explain]\n" \
  "text = How will results be explained to residents, and in which languages?\n" \
  "type = text\n" \
  "', strftime ('%Y-%m-%dT%H:%M:%SZ', 'now'));" \
  "INSERT INTO lens_templates (name, version, spec, created_at) VALUES ('Budget request equity check', 1, '" \
  "# A short check for budget requests, after the budget equity assessments\n" \
  "# cities such as Portland ask of every request: who it benefits, who it burdens.\n" \
  "[template]\n" \
  "name = Budget request equity check\n" \
  "steps = 3\n" \
  "\n" \
  "[step 1]\n" \
  "title = The request\n" \
  "questions = request;continues\n" \
  "\n" \
  "[question request]\n" \
  "text = What is requested, for how much, and for which service?\n" \
  "type = text\n" \
  "\n" \
  "[question continues]\n" \
  "text = Does it continue a service that exists today?\n" \
  "type = yes-no\n" \
  "\n" \
  "[step 2]\n" \
  "title = Benefits and burdens\n" \
  "questions = who-benefits;who-burdened;evidence\n" \
  "\n" \
  "[question who-benefits]\n" \
  "text = Which residents benefit, by race and by neighborhood?\n" \
  "type = text\n" \
  "\n" \
  "[question who-burdened]\n" \
  "text = Which residents bear a burden or lose a service?\n" \
  "type = text\n" \
  "\n" \
  "[question evidence]\n" \
  "text = Which analysis or dataset supports these answers?\n" \
  "type = citation\n" \
  "\n" \
  "[step 3]\n" \
  "title = Tracking\n" \
  "questions = measure\n" \
  "\n" \
  "[question measure]\n" \
  "text = How will you know the money reached the residents it was meant for?\n" \
  "type = text\n" \
  "', strftime ('%Y-%m-%dT%H:%M:%SZ', 'now'));"
