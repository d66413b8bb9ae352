# sheet_check.py — what the workbook checks (check-*.py) share: the CLI they
# run, given as their first argument, and the TAP report of their results.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import math
import subprocess
import sys

CLI = sys.argv[1]

# LibreOffice (Carlito for Calibri 11) printed at most 113 characters of
# prose on a line of a 90-wide column, 1.26 a unit of width; a line of text
# takes one default row height, 15 pt.
MOST_CHARACTERS_PER_WIDTH = 113 / 90
LINE_HEIGHT = 15


def cli(*args, ok=True):
    """Runs the CLI; unless OK is false, a failure stops the check."""
    run = subprocess.run([CLI, *args], capture_output=True, text=True)
    if ok and run.returncode != 0:
        raise AssertionError(f"{args[0]} failed: {run.stderr}")
    return run


def rows_too_short(sheet, first_row, last_row):
    """The rows FIRST_ROW..LAST_ROW (1-based) too short for a wrapped cell's
    text, as (row, column, lines, height): a row keeps its stored height when
    opened, so such text prints over the row beneath. The lines a cell needs
    at least are its characters over the most a line of its column holds."""
    short = []
    for r in range(first_row, last_row + 1):
        height = sheet.row_dimensions[r].height or LINE_HEIGHT
        for cell in sheet[r]:
            if not isinstance(cell.value, str) or not cell.alignment.wrap_text:
                continue
            per_line = sheet.column_dimensions[cell.column_letter].width * MOST_CHARACTERS_PER_WIDTH
            lines = sum(max(1, math.ceil(len(part) / per_line)) for part in cell.value.split("\n"))
            if height < lines * LINE_HEIGHT:
                short.append((r, cell.column_letter, lines, height))
    return short


def report(results):
    """Prints RESULTS, (passed, what) pairs, as TAP and exits with their verdict."""
    print(f"1..{len(results)}")
    for n, (ok, what) in enumerate(results, 1):
        print(f"{'ok' if ok else 'not ok'} {n} {what}")
    sys.exit(0 if all(ok for ok, _ in results) else 1)
