#!/usr/bin/python3
# check-plan-sheet.py CLI — the workbook's Action plan sheet read back by an
# independent reader (openpyxl, from Debian) against the CLI's own
# `actions --json` and `indicators --json` of the same project; `--no-plan`
# leaves the sheet out; typed text that looks like a formula stays text.
# Prints TAP.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import json
import os
import shutil
import sqlite3
import tempfile

import openpyxl

from sheet_check import cli, report, rows_too_short

STATUS_WORDS = {"not-started": "Not started", "ongoing": "Ongoing", "done": "Done", "dropped": "Dropped"}
INDICATOR_WORDS = {"on-track": "On track", "off-track": "Off track", "no-data": "No data"}



work = tempfile.mkdtemp(prefix="equity-plan-sheet-")
results = []
try:
    sample = os.path.join(work, "sample.equity")
    cli("sample", sample)
    # a title a spreadsheet would run, typed into the plan
    cli("actions", sample, "--id", "2.2", "--set", "title==HYPERLINK(\"http://x\",\"y\")")
    out = os.path.join(work, "packet.xlsx")
    cli("export", sample, out)
    actions = json.loads(cli("actions", sample, "--json").stdout)
    indicators = json.loads(cli("indicators", sample, "--json").stdout)
    status_of = {i["name"]: i["status"] for i in indicators}
    # the indicators' ids, which the JSON leaves out, read from the file itself
    with sqlite3.connect(f"file:{sample}?mode=ro", uri=True) as db:
        name_of = dict(db.execute("SELECT id, name FROM indicators"))
    book = openpyxl.load_workbook(out)

    # 1: the sheet is there, listed on the cover
    cover = [c.value for c in book["Cover"]["A"]]
    results.append(("Action plan" in book.sheetnames and "Action plan" in cover,
                    "the Action plan sheet exists and the cover lists it"))

    sheet = book["Action plan"]
    rows = list(sheet.iter_rows(values_only=True))
    header = next(i for i, r in enumerate(rows) if r[0] == "Goal")
    body = rows[header + 1:]

    # 2: one row per action, in plan order, each cell as the CLI says
    def text(value):
        return value if value is not None else ""

    def linked(action):
        return "; ".join(f"{name_of[i]} ({INDICATOR_WORDS[status_of[name_of[i]]]})" for i in action["indicators"])

    same = len(body) == len(actions) == 5
    for row, a in zip(body, actions):
        expected = (a["goal"], a["id"], a["title"], a["department"], a["owner"], a["due"],
                    STATUS_WORDS[a["status"]], a["priority"], a["budget"], a["spent"], linked(a) or None,
                    "overdue" if a["overdue"] else "no", "off track" if a["off_track"] else "no")
        got = tuple(row[:13])
        if tuple(text(v) if isinstance(v, str) or v is None else v for v in got) != \
           tuple(text(v) if isinstance(v, str) or v is None else v for v in expected):
            print(f"# {got} != {expected}")
            same = False
    results.append((same, "each action's cells match actions --json"))

    # 3: the highlights of the sample: 1.2 overdue, 2.1 off track through its indicator
    by_number = {r[1]: r for r in body}
    results.append((by_number["1.2"][11] == "overdue" and by_number["2.1"][12] == "off track"
                    and "(Off track)" in by_number["2.1"][10], "1.2 overdue, 2.1 off track, in words"))

    # 4: the latest progress note, dated
    results.append((str(by_number["1.1"][13]).startswith("20") and ": " in by_number["1.1"][13],
                    "the latest progress note with its date"))

    # 5: a typed title that looks like a formula is a string cell
    cell = sheet.cell(row=header + 1 + 5, column=3)
    results.append((cell.data_type == "s" and cell.value.startswith("=HYPERLINK"),
                    "formula-looking text stays text"))

    # 6: each row is tall enough for its wrapped text (1.2's action takes
    # two lines of its column), so nothing prints over the next row
    first, last = header + 2, header + 1 + len(body)
    short = rows_too_short(sheet, first, last)
    taller = [r for r in range(first, last + 1) if (sheet.row_dimensions[r].height or 15) > 15]
    results.append((not short and len(taller) == len(body), f"rows fit their wrapped text {short}"))

    # 7: --no-plan leaves it out
    other = os.path.join(work, "no-plan.xlsx")
    cli("export", sample, other, "--no-plan")
    results.append(("Action plan" not in openpyxl.load_workbook(other).sheetnames, "--no-plan"))
finally:
    shutil.rmtree(work, ignore_errors=True)

report(results)
