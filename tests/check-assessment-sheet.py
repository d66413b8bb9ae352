#!/usr/bin/python3
# check-assessment-sheet.py CLI — an assessment's sheet in the council-packet
# workbook read back by an independent reader (openpyxl, from Debian) against
# the CLI's own `assessments --json` of the same project. Prints TAP.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import json
import os
import shutil
import tempfile

import openpyxl

from sheet_check import cli, report, rows_too_short

FORMULA = "=SUM(A1:A9) <b>not markup</b>"



def reader_text(answer):
    """The answer as the sheet should say it, worked out from the JSON."""
    value = (answer["value"] or "").strip()
    if not value:
        return "Not answered"
    if answer["type"] == "yes-no":
        return "Yes" if value == "yes" else "No"
    if answer["type"] == "checklist":
        return ", ".join(value.split("\n"))
    if answer["type"] == "citation":
        kind = "Dataset" if answer["cited"]["kind"] == "dataset" else "Analysis"
        return f"{kind}: {answer['cited']['name']}"
    return value


work = tempfile.mkdtemp(prefix="equity-assessment-sheet-")
results = []
try:
    sample = os.path.join(work, "sample.equity")
    cli("sample", sample)
    cli("assessments", sample, "--id", "1", "--answer", f"plan={FORMULA}")
    out = os.path.join(work, "packet.xlsx")
    cli("export", sample, out, "--assessment", "1")
    assessment = json.loads(cli("assessments", sample, "--json").stdout)[0]
    book = openpyxl.load_workbook(out)

    # 1: its own sheet, before Methods
    names = [n for n in book.sheetnames if n.startswith("Assessment - ")]
    results.append((len(names) == 1 and "Summer hours at ci" in names[0]
                    and book.sheetnames.index(names[0]) < book.sheetnames.index("Methods"),
                    f"one assessment sheet before Methods ({names})"))
    sheet = book[names[0]]
    rows = list(sheet.iter_rows(values_only=True))

    # 2: title, department, status and how many are answered, as the JSON says
    answered = sum(step["answered"] for step in assessment["steps"])
    total = sum(step["questions"] for step in assessment["steps"])
    results.append((rows[0][0] == assessment["title"] and assessment["department"] in rows[1][0]
                    and assessment["date"] in rows[1][0] and rows[2][0].startswith("Status: Draft")
                    and f"{answered} of {total} questions answered" in rows[2][0],
                    f"heading lines: {rows[2][0]}"))

    # 3: one row per question of the template; the JSON lists the answered
    # ones, so every other row must say "Not answered"
    header = rows.index(("Step", "Question", "Answer", "Cited analysis or dataset", "Step complete"))
    body = rows[header + 1:]
    by_text = {answer["text"]: answer for answer in assessment["answers"]}
    titles = {f"{step['step']}. {step['title']}": step for step in assessment["steps"]}
    same = len(body) == total and all(row[1] in by_text for row in body if row[2] != "Not answered")
    for row in body:
        answer = by_text.get(row[1])
        step = titles.get(row[0])
        expected = reader_text(answer) if answer else "Not answered"
        cited = answer["cited"]["name"] if answer and answer["cited"] else None
        same = same and step is not None and row[2] == expected and (row[3] or None) == cited \
            and abs(row[4] - step["answered"] / step["questions"]) < 1e-12 \
            and (answer is None or answer["step"] == step["step"])
    shown = sum(1 for row in body if row[2] != "Not answered")
    results.append((same and shown == answered, f"{len(body)} question rows, {shown} answered, match the JSON"))

    # 4: an answer that looks like a formula is text, and so is every answer cell
    cells = [sheet.cell(row=header + 2 + i, column=3) for i in range(len(body))]
    formula_cell = [c for c in cells if c.value == FORMULA]
    results.append((len(formula_cell) == 1 and all(c.data_type == "s" for c in cells),
                    "answers are strings, a leading '=' included"))

    # 5: each row is tall enough for its wrapped question and answer
    short = rows_too_short(sheet, header + 2, header + 1 + len(body))
    results.append((not short, f"rows fit their wrapped text {short}"))

    # 6: without --assessment, no sheet; a bad id is refused in words
    plain = os.path.join(work, "plain.xlsx")
    cli("export", sample, plain)
    results.append((not any(n.startswith("Assessment") for n in openpyxl.load_workbook(plain).sheetnames),
                    "no --assessment, no assessment sheet"))
    bad = cli("export", sample, os.path.join(work, "bad.xlsx"), "--assessment", "pools", ok=False)
    missing = cli("export", sample, os.path.join(work, "missing.xlsx"), "--assessment", "42", ok=False)
    results.append((bad.returncode != 0 and "--assessment" in bad.stderr and missing.returncode != 0
                    and not os.path.exists(os.path.join(work, "missing.xlsx")),
                    "a bad or unknown id is refused and writes nothing"))
finally:
    shutil.rmtree(work, ignore_errors=True)

report(results)
