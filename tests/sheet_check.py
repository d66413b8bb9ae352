# sheet_check.py — what the workbook checks (check-*.py) share: the CLI they
# run, given as their first argument, and the TAP report of their results.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import math
import subprocess
import sys

from openpyxl.utils import get_column_letter

CLI = sys.argv[1]

# LibreOffice (Carlito for Calibri 11) printed at most 113 characters of
# prose on a line of a 90-wide column, 1.26 a unit of width; a line of text
# takes one default row height, 15 pt.
MOST_CHARACTERS_PER_WIDTH = 113 / 90
LINE_HEIGHT = 15
# An indent level took no more than two units of width from a line (LibreOffice)
INDENT_WIDTH = 2


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
    at least are its characters over the most a line of its column holds (of
    all the columns it is merged across)."""
    merged = {(m.min_row, m.min_col): m for m in sheet.merged_cells.ranges}
    short = []
    for r in range(first_row, last_row + 1):
        height = sheet.row_dimensions[r].height or LINE_HEIGHT
        for cell in sheet[r]:
            if not isinstance(cell.value, str) or not cell.alignment.wrap_text:
                continue
            span = merged.get((r, cell.column))
            columns = range(span.min_col, span.max_col + 1) if span else [cell.column]
            width = sum(sheet.column_dimensions[get_column_letter(c)].width for c in columns)
            width -= (cell.alignment.indent or 0) * INDENT_WIDTH
            per_line = width * MOST_CHARACTERS_PER_WIDTH
            lines = sum(max(1, math.ceil(len(part) / per_line)) for part in cell.value.split("\n"))
            if height < lines * LINE_HEIGHT:
                short.append((r, cell.column_letter, lines, height))
    return short


def notes_span_the_table(sheet, header_row, n_columns):
    """The text above HEADER_ROW (1-based) that is not within the table's
    N_COLUMNS columns, merged across them and wrapped: a long note left in
    column A alone runs past the table, and printed one page wide the table
    shrinks to make room for it. Returns what is not (row, text)."""
    spans = {m.min_row: m for m in sheet.merged_cells.ranges}
    loose = []
    for r in range(2, header_row):
        cell = sheet.cell(row=r, column=1)
        if not isinstance(cell.value, str) or cell.font.sz and cell.font.sz > 11:
            continue
        span = spans.get(r)
        if not (span and span.min_col == 1 and span.max_col == n_columns and cell.alignment.wrap_text):
            loose.append((r, cell.value[:40]))
    return loose


def text_against_numbers(sheet):
    """The cells (row, column, text) whose text starts at the left edge right
    after a number that ends at the right edge of the cell before: printed,
    the two run together ("0.0012Yes"). Such text needs an indent."""
    crowded = []
    for row in sheet.iter_rows():
        for before, cell in zip(row, row[1:]):
            number = isinstance(before.value, (int, float)) and not isinstance(before.value, bool)
            if not number or before.alignment.horizontal not in (None, "general", "right"):
                continue
            if (isinstance(cell.value, str) and cell.value
                    and cell.alignment.horizontal in (None, "general", "left")
                    and not cell.alignment.indent):
                crowded.append((cell.row, cell.column_letter, cell.value[:20]))
    return crowded


def report(results):
    """Prints RESULTS, (passed, what) pairs, as TAP and exits with their verdict."""
    print(f"1..{len(results)}")
    for n, (ok, what) in enumerate(results, 1):
        print(f"{'ok' if ok else 'not ok'} {n} {what}")
    sys.exit(0 if all(ok for ok, _ in results) else 1)
