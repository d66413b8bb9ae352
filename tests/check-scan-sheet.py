#!/usr/bin/python3
# check-scan-sheet.py CLI — the workbook's Scan sheet read back by an
# independent reader (openpyxl, from Debian) against the CLI's own
# `scan --json` of the same project. Prints TAP.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import json
import math
import os
import shutil
import sqlite3
import tempfile

import openpyxl

from sheet_check import cli, notes_span_the_table, report, text_against_numbers




work = tempfile.mkdtemp(prefix="equity-scan-sheet-")
results = []
try:
    sample = os.path.join(work, "sample.equity")
    cli("sample", sample)
    out = os.path.join(work, "packet.xlsx")
    cli("export", sample, out)
    gaps = json.loads(cli("scan", sample, "--json").stdout)
    book = openpyxl.load_workbook(out)

    # 1: the sheet exists, before Methods, and the cover links to it
    ok = "Scan" in book.sheetnames and book.sheetnames.index("Scan") < book.sheetnames.index("Methods")
    cover = [c.value for c in book["Cover"]["A"]]
    results.append((ok and "Scan" in cover, "the Scan sheet follows the analyses and the cover lists it"))

    sheet = book["Scan"]
    rows = list(sheet.iter_rows(values_only=True))
    header = next(i for i, r in enumerate(rows) if r[0] == "Rank")
    body = rows[header + 1:]
    significant = sum(1 for g in gaps if g["significant"])

    # 2: the false-discovery statement says how many of how many, at 5%
    statement = rows[1][0]
    results.append((f"{significant} of {len(gaps)} comparisons" in statement and "5%" in statement
                    and "Benjamini–Hochberg" in statement, "the FDR statement"))

    # 3: one row per comparison, in rank order, with the scan's figures
    def close(a, b):
        return (a is None and b is None) or (a is not None and b is not None and
                                             math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-300))
    same = len(body) == len(gaps)
    withheld = 0
    for row, gap in zip(body, gaps):
        if gap["suppressed"]:
            # a small count behind it: every figure withheld, the words kept
            withheld += 1
            same = same and row[0] == gap["rank"] and all(cell == "[c]" for cell in row[6:12]) \
                and row[12] == ("Yes" if gap["significant"] else "No")
            continue
        ratio = row[6] if isinstance(row[6], float) or isinstance(row[6], int) else None
        low = row[7] if isinstance(row[7], (float, int)) else None
        high = row[8] if isinstance(row[8], (float, int)) else None
        same = same and row[0] == gap["rank"] and row[1] == gap["measure"] and row[2] == gap["grouping"] \
            and row[3] == gap["group_label"] and close(ratio, gap["ratio"]) and close(low, gap["ratio_low"]) \
            and close(high, gap["ratio_high"]) and close(row[10], gap["p"]) \
            and close(row[11], gap["p_adjusted"]) and row[12] == ("Yes" if gap["significant"] else "No")
    results.append((same, "every ranked gap with ratio, interval, p, adjusted p and significance"))
    # the sample's Charlotte areas with 1-10 requests are there to be withheld
    results.append((withheld > 0, f"comparisons on small counts are withheld as [c] ({withheld})"))

    # 4: printed one page wide, the notes wrap within the table's 14 columns,
    # and a tiny p (the sample has some below 1e-200) is shown short enough
    # for its column rather than in all its digits over the cells beside it
    loose = notes_span_the_table(sheet, header + 1, 14)
    tiny = [sheet.cell(row=header + 2 + i, column=11) for i, g in enumerate(gaps)
            if not g["suppressed"] and g["p"] is not None and 0 < g["p"] < 1e-4]
    results.append((not loose and tiny and all("E+00" in c.number_format for c in tiny)
                    and sheet.cell(row=header + 2, column=11).alignment.vertical == "top",
                    f"notes across the table {loose}, {len(tiny)} tiny p in scientific notation"))
    # a right-aligned rank or adjusted p ran into the text beside it in print
    crowded = text_against_numbers(sheet)
    results.append((not crowded, f"text stands off the numbers left of it {crowded[:3]}"))

    # 5: a project without a stored scan has no Scan sheet
    empty = os.path.join(work, "empty.equity")
    shutil.copy(sample, empty)
    with sqlite3.connect(empty) as db:
        db.executescript("DELETE FROM scan_gaps; DELETE FROM scan_measures; DELETE FROM scans;")
    cli("export", empty, os.path.join(work, "empty.xlsx"))
    results.append(("Scan" not in openpyxl.load_workbook(os.path.join(work, "empty.xlsx")).sheetnames,
                    "no stored scan, no Scan sheet"))
finally:
    shutil.rmtree(work, ignore_errors=True)

report(results)
