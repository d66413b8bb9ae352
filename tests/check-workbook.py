#!/usr/bin/python3
# check-workbook.py CLI — the council-packet workbook read back by an
# independent reader (openpyxl, from Debian), cell by cell against the CLI's
# own `analyze --json`, with suppression, formula injection and atomic
# writing checked. Prints TAP.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import json
import os
import shutil
import subprocess
import sys
import tempfile

import openpyxl

from sheet_check import cli, notes_span_the_table, rows_too_short, text_against_numbers

tests = []


def test(function):
    tests.append(function)
    return function



def write(path, text):
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)


def checksum(path):
    with open(path, "rb") as f:
        return hash(f.read())


work = tempfile.mkdtemp(prefix="equity-workbook-")
sample = os.path.join(work, "sample.equity")
cli("sample", sample)

# A small table whose counts need hiding: X has 3 stops (hidden), and a lone
# hidden row would come back from the total, so the next smallest (Z, 25)
# is hidden too; Y (40) and @SUM(A1) (30) stay. Text that looks like a
# formula (a group, the units) must stay text.
small = os.path.join(work, "small.equity")
stops = "id,group\n" + "".join(
    f"{i},{g}\n" for i, g in enumerate(["X"] * 3 + ["Y"] * 40 + ["Z"] * 25 + ["@SUM(A1)"] * 30))
write(os.path.join(work, "stops.csv"), stops)
write(os.path.join(work, "people.csv"),
      "place,x_pop,y_pop,z_pop,f_pop\nTown,1000,2000,1500,800\n")
cli("import", small, os.path.join(work, "stops.csv"), "--name", "stops")
cli("import", small, os.path.join(work, "people.csv"), "--name", "people")
write(os.path.join(work, "small.ini"),
      "[analysis]\nname = Stops: by group [draft]?\nkind = group-rates\nevents = stops\n"
      "group-column = group\npopulation = people\npopulation-filter = *\nreference = Y\n"
      'suppress-below = 11\nunits = =HYPERLINK("http://x","y")\n'
      "[groups]\nX = x_pop\nY = y_pop\nZ = z_pop\n@SUM(A1) = f_pop\n")
cli("analyze", small, os.path.join(work, "small.ini"), "--save")


def row_by_name(sheet, header_row, name):
    for row in sheet.iter_rows(min_row=header_row + 1):
        if row[0].value is not None and str(row[0].value).startswith(name):
            return row
    raise AssertionError(f"no row {name!r} on {sheet.title}")


def header_row_of(sheet):
    for row in sheet.iter_rows():
        if row[0].value in ("Group", "Area", "Row"):
            return row[0].row
    raise AssertionError(f"no table on {sheet.title}")


def headers(sheet, header_row):
    return [c.value for c in sheet[header_row]]


@test
def sample_cells_match_analyze_json():
    out = os.path.join(work, "packet.xlsx")
    cli("export", sample, out, "--title", "Equity review", "--prepared-by", "Maya Lopez")
    book = openpyxl.load_workbook(out)
    assert book.sheetnames[0] == "Cover", book.sheetnames
    assert book.active.title == "Cover"
    assert book.properties.title == "Equity review"
    assert book.properties.creator == "Maya Lopez"
    for name in ("Methods", "Sources", "Notes"):
        assert name in book.sheetnames, book.sheetnames
    for title in book.sheetnames:
        assert len(title) <= 31 and not any(c in title for c in "[]:*?/\\"), title

    expected = json.loads(cli("analyze", sample, "Arrests by race, 2020–2021", "--json").stdout)
    sheet = book["Arrests by race, 2020–2021"]
    assert sheet.tables, "the table is a real Excel table"
    top = header_row_of(sheet)
    names = headers(sheet, top)
    for group in expected["groups"]:
        row = row_by_name(sheet, top, {"W": "White", "B": "Black", "A": "Asian", "I": "American Indian"}[group["group"]])
        cells = dict(zip(names, (c.value for c in row)))
        assert cells["Count"] == group["count"], (cells, group)
        assert abs(cells["Rate per 1,000"] - group["rate"]) < 1e-9
        assert abs(cells["Rate per 1,000: lower 95% limit"] - group["rate_low"]) < 1e-9
        assert abs(cells["Rate per 1,000: upper 95% limit"] - group["rate_high"]) < 1e-9
        assert abs(cells["Ratio to White"] - group["ratio"]) < 1e-9
        assert row[names.index("Count")].number_format == "#,##0"
    black = dict(zip(names, (c.value for c in row_by_name(sheet, top, "Black"))))
    assert black["Compared with reference"] == "higher"
    # the cover says each analysis's headline, and links to its sheet
    cover = book["Cover"]
    links = [c.hyperlink.location for row in cover.iter_rows() for c in row if c.hyperlink]
    assert "'Arrests by race, 2020–2021'!A1" in links, links
    sentences = [c.value for row in cover.iter_rows() for c in row if isinstance(c.value, str)]
    assert any(s.startswith("Black: 3.11 times") for s in sentences), sentences


@test
def indicators_sheet_matches_indicators_json():
    out = os.path.join(work, "indicators.xlsx")
    cli("export", sample, out)
    book = openpyxl.load_workbook(out)
    assert "Indicators" in book.sheetnames, book.sheetnames
    expected = json.loads(cli("indicators", sample, "--json").stdout)
    status_label = {"on-track": "On track", "off-track": "Off track", "no-data": "No data"}
    sheet = book["Indicators"]
    rows = list(sheet.iter_rows(values_only=True))
    top = next(i for i, row in enumerate(rows) if row[0] == "Theme" and row[1] == "Topic")
    names = list(rows[top])
    cells = {}
    for row in rows[top + 1:]:
        if row[0] is None:
            break
        cells[(row[2], row[3])] = dict(zip(names, row))
    n = 0
    for indicator in expected:
        for year in indicator["years"]:
            got = cells[(indicator["name"], year["year"])]
            n += 1
            assert got["Theme"] == indicator["theme"] and got["Topic"] == indicator["topic"]
            assert got["Score"] == year["score"], (got, year)
            assert got["Change"] == year["change"], (got, year)
            assert abs(got["Value"] - year["value"]) < 1e-9
            assert got["Status"] == status_label[indicator["status"]]
            assert (got["Baseline"] == "baseline") == (year["year"] == indicator["baseline_year"])
            if year["ratio"] is not None:
                # the rates behind the score are on the sheet, and their quotient is the ratio
                a, b = got["Rate A"], got["Rate B"]
                ratio = a / b if indicator["direction"] == "higher-is-worse" else b / a
                assert abs(ratio - year["ratio"]) < 1e-9, (got, year)
            if year["target"] is None:
                assert got["Target"] == "[x]"
            else:
                assert abs(got["Target"] - year["target"]) < 1e-9
    assert n == len(cells), (n, len(cells))
    # the city score: mean over themes of the mean over topics of the indicators' scores
    means = next(i for i, row in enumerate(rows) if row[0] == "Level")
    years = [y for y in rows[means][2:] if y is not None]
    city = next(row for row in rows[means + 1:] if row[0] == "City")
    for column, y in enumerate(years):
        themes = {}
        for indicator in expected:
            for year in indicator["years"]:
                if year["year"] == y and year["score"] is not None:
                    themes.setdefault(indicator["theme"], {}).setdefault(indicator["topic"], []).append(year["score"])
        theme_means = [sum(sum(t) / len(t) for t in topics.values()) / len(topics) for topics in themes.values()]
        assert abs(city[2 + column] - sum(theme_means) / len(theme_means)) < 1e-9, (y, city)
    # a project without indicators has no such sheet
    small_out = os.path.join(work, "small-no-indicators.xlsx")
    cli("export", small, small_out)
    assert "Indicators" not in openpyxl.load_workbook(small_out).sheetnames


@test
def sheets_print_readably():
    # The Indicators sheet printed one page wide: the notes wrap within the table's 19 columns
    # (in column A alone the longest ran past the table, and the page shrank
    # the table to a third to fit them), and every row is tall enough for
    # the indicator names wrapped in it (cut off at the next column they hid
    # which group an indicator compares)
    out = os.path.join(work, "indicators.xlsx")
    if not os.path.exists(out):
        cli("export", sample, out)
    book = openpyxl.load_workbook(out)
    sheet = book["Indicators"]
    header = next(r for r in range(1, sheet.max_row + 1)
                  if sheet.cell(row=r, column=1).value == "Theme" and sheet.cell(row=r, column=2).value == "Topic")
    assert sheet.max_column == 19 and sheet.cell(row=header, column=19).value == "Status", sheet.max_column
    loose = notes_span_the_table(sheet, header, 19)
    assert not loose, loose
    short = rows_too_short(sheet, 1, sheet.max_row)
    assert not short, short
    # printed, a right-aligned number ran into the text right of it
    # ("9.21Off track"): no sheet of the packet has text flush against one
    crowded = {s.title: text_against_numbers(s)[:3] for s in book.worksheets}
    assert not any(crowded.values()), crowded
    names = [sheet.cell(row=r, column=3) for r in range(header + 1, sheet.max_row + 1)
             if isinstance(sheet.cell(row=r, column=3).value, str)]
    longest = max(names, key=lambda c: len(c.value))
    assert longest.alignment.wrap_text and (sheet.row_dimensions[longest.row].height or 15) >= 30, longest.value
    # the same on the closing sheets: the sample's census-proportion method
    # is longer than a line of the Methods sheet's widest column
    for name, column in (("Methods", 2), ("Sources", 2), ("Notes", 3)):
        sheet = book[name]
        cells = [sheet.cell(row=r, column=column) for r in range(4, sheet.max_row + 1)
                 if isinstance(sheet.cell(row=r, column=column).value, str)]
        assert cells and all(c.alignment.wrap_text for c in cells), name
        short = rows_too_short(sheet, 1, sheet.max_row)
        assert not short, (name, short)
    methods = book["Methods"]
    proportion = next(r for r in range(1, methods.max_row + 1)
                      if str(methods.cell(row=r, column=2).value).startswith("Census survey proportion"))
    assert (methods.row_dimensions[proportion].height or 15) >= 30


@test
def indicators_sheet_names_an_edited_score_table():
    # a copy of the sample with an edited table: the note names its source as
    # typed with "(edited)", and the scores are those `indicators --json` gives
    edited = os.path.join(work, "edited-table.equity")
    shutil.copyfile(sample, edited)
    bands = os.path.join(work, "bands.csv")
    write(bands, "start,first_score,step\n1.000,100,0\n1.5,90,0.1\n2.2,50,0\n")
    cli("score-table", edited, "--set", bands, "--source", "=Asheville local table")
    out = os.path.join(work, "edited-table.xlsx")
    cli("export", edited, out)
    sheet = openpyxl.load_workbook(out)["Indicators"]
    notes = [row[0] for row in sheet.iter_rows(values_only=True) if isinstance(row[0], str)]
    assert any("=Asheville local table (edited)" in note for note in notes), notes
    assert not any("Oakland" in note for note in notes), notes
    expected = json.loads(cli("indicators", edited, "--json").stdout)
    # hand-computed from the table above: 1.63 → 90 − floor(0.13/0.1) = 89, ≥ 2.2 → 50
    checked = set()
    for indicator in expected:
        for year in indicator["years"]:
            ratio = year["ratio"]
            if ratio is None or year["score"] is None:
                continue
            r = round(ratio, 3)
            want = 100 if r < 1.5 else 90 - int((r - 1.5) / 0.1 + 1e-9) if r < 2.2 else 50
            assert year["score"] == want, (indicator["name"], year)
            checked.add(want)
    assert len(checked) >= 2, checked   # more than one band of the edited table met
    cli("score-table", edited, "--default")
    out = os.path.join(work, "published-table.xlsx")
    cli("export", edited, out)
    notes = [row[0] for row in openpyxl.load_workbook(out)["Indicators"].iter_rows(values_only=True)
             if isinstance(row[0], str)]
    assert any("Oakland Equity Indicators 2018" in note and "(edited)" not in note for note in notes), notes


@test
def small_counts_hidden_with_secondary_suppression():
    out = os.path.join(work, "small.xlsx")
    cli("export", small, out)
    book = openpyxl.load_workbook(out)
    sheet = book["Stops  by group  draft"]  # []:? are not allowed in sheet names
    top = header_row_of(sheet)
    names = headers(sheet, top)
    x = dict(zip(names, (c.value for c in row_by_name(sheet, top, "X"))))
    y = dict(zip(names, (c.value for c in row_by_name(sheet, top, "Y"))))
    z = dict(zip(names, (c.value for c in row_by_name(sheet, top, "Z"))))
    for hidden in (x, z):
        for column, value in hidden.items():
            if column not in ("Group", "Residents", "Share of residents", "Marker"):
                assert value == "[c]", (column, hidden)
        assert hidden["Marker"] == "[c]"
    assert y["Count"] == 40 and y["Marker"] is None  # an empty marker: shown as computed
    assert y["Ratio to Y: lower 95% limit"] == "[x]"  # the reference has no interval
    # nothing shown lets X's 3 come back: no number on the sheet is 3, and
    # the shown counts do not add up to a total minus a small number
    numbers = [c.value for row in sheet.iter_rows() for c in row if isinstance(c.value, (int, float))]
    assert 3 not in numbers and 25 not in numbers
    assert any("[c]: counts from 1 to 10" in str(c.value) for c in sheet["A"])


def unquote_sheet(location):
    # Excel's 'Sheet'!A1: the name in apostrophes, an apostrophe in it doubled
    assert location.startswith("'") and location.endswith("'!A1"), location
    inner = location[1:-len("'!A1")]
    assert "'" not in inner.replace("''", ""), f"a lone apostrophe in {location!r}"
    return inner.replace("''", "'")


@test
def cover_links_every_sheet():
    # the sample with its assessment (renamed with an apostrophe, which the
    # link must double), the action plan, the indicators, the scan and a data
    # sheet: the cover links each sheet once, in the workbook's order, each
    # with a line on what it holds
    project = os.path.join(work, "cover.equity")
    shutil.copy(sample, project)
    assessment = json.loads(cli("assessments", project, "--json").stdout)[0]
    cli("assessments", project, "--id", str(assessment["id"]), "--set", "title=Parks' pool hours")
    out = os.path.join(work, "cover.xlsx")
    cli("export", project, out, "--assessment", str(assessment["id"]),
        "--include-data", "Charlotte 311 requests by neighborhood")
    book = openpyxl.load_workbook(out)
    cover = book["Cover"]
    linked = [(c, unquote_sheet(c.hyperlink.location)) for row in cover.iter_rows() for c in row if c.hyperlink]
    targets = [name for _, name in linked]
    for name in targets:
        assert name in book.sheetnames, (name, book.sheetnames)
    assert targets == book.sheetnames[1:], (targets, book.sheetnames)
    for name in ("Indicators", "Scan", "Action plan", "Assessment - Parks' pool hours",
                 "Data - Charlotte 311 requests b"):
        assert name in targets, (name, targets)
    quoted = [c.hyperlink.location for c, name in linked if "'" in name]
    assert quoted == ["'Assessment - Parks'' pool hours'!A1"], quoted
    for cell, name in linked:
        assert cell.value, f"the link to {name!r} shows no text"
        description = cover.cell(row=cell.row, column=cell.column + 1).value
        assert isinstance(description, str) and len(description) > 10, (name, description)
    plan = [c for c, name in linked if name == "Action plan"][0]
    assert "overdue and off track" in cover.cell(row=plan.row, column=2).value
    cover_fits_the_printed_page(cover, linked)


def column_pixels(sheet, letter):
    # ECMA-376 Part 1, 18.3.1.13: a width stored in characters of the
    # default font's digit (Calibri 11: 7 px) is this many pixels at 96 dpi
    width = sheet.column_dimensions[letter].width
    return int((256 * width + int(128 / 7)) / 256 * 7)


def cover_fits_the_printed_page(cover, linked):
    # the descriptions wrap within their column, the two columns fit a
    # landscape letter page (11 in) between its margins, and the scan's
    # sentence, longer than a printed line (LibreOffice printed 113 of its
    # characters on the first), is given a row of at least two 15 pt lines
    assert cover.page_setup.orientation == "landscape" and cover.page_setup.paperSize == 1
    printable = (11 - cover.page_margins.left - cover.page_margins.right) * 96
    used = column_pixels(cover, "A") + column_pixels(cover, "B")
    assert used <= printable, (used, printable)
    for cell, name in linked:
        description = cover.cell(row=cell.row, column=cell.column + 1)
        assert description.alignment.wrap_text, f"the description of {name!r} does not wrap"
        assert description.alignment.vertical == "top" and cell.alignment.vertical == "top", name
    scan = [c for c, name in linked if name == "Scan"][0]
    assert len(cover.cell(row=scan.row, column=2).value) > 113
    assert (cover.row_dimensions[scan.row].height or 0) >= 2 * 15, cover.row_dimensions[scan.row].height
    methods = [c for c, name in linked if name == "Methods"][0]
    assert cover.row_dimensions[methods.row].height is None, "a one-line description keeps its row's height"


@test
def text_never_becomes_a_formula():
    book = openpyxl.load_workbook(os.path.join(work, "small.xlsx"))
    sheet = book["Stops  by group  draft"]
    cells = [c for row in sheet.iter_rows() for c in row
             if isinstance(c.value, str) and (c.value.startswith("=HYPER") or c.value.startswith("@SUM"))]
    assert len(cells) == 2, "the units and the group that look like formulas are on the sheet"
    assert all(c.data_type == "s" for c in cells), [(c.coordinate, c.data_type) for c in cells]


@test
def data_sheet_holds_the_rows():
    out = os.path.join(work, "data.xlsx")
    cli("export", small, out, "--include-data", "stops")
    book = openpyxl.load_workbook(out)
    data = book["Data - stops"]
    assert [c.value for c in data[1]] == ["id", "group"]
    links = [c.hyperlink.location for row in book["Cover"].iter_rows() for c in row if c.hyperlink]
    assert "'Data - stops'!A1" in links, links
    assert data.max_row == 1 + 98
    assert data["A2"].value == 0 and isinstance(data["A2"].value, int)


@test
def big_data_sheets_stream():
    # past 100,000 data rows the workbook streams its rows to disk
    # (libxlsxwriter's constant memory): every row is still there, and the
    # analysis tables become filtered ranges with the same header
    project = os.path.join(work, "big.equity")
    rows = 120000
    with open(os.path.join(work, "big.csv"), "w") as f:
        f.write("id,group,amount\n")
        for i in range(rows):
            f.write(f"{i},{'XYZ'[i % 3]},{i % 97}.5\n")
    cli("import", project, os.path.join(work, "big.csv"), "--name", "big")
    cli("import", project, os.path.join(work, "people.csv"), "--name", "people")
    write(os.path.join(work, "big.ini"),
          "[analysis]\nname = Big\nkind = group-rates\nevents = big\ngroup-column = group\n"
          "population = people\npopulation-filter = *\n[groups]\nX = x_pop\nY = y_pop\nZ = z_pop\n")
    cli("analyze", project, os.path.join(work, "big.ini"), "--save")
    out = os.path.join(work, "big.xlsx")
    cli("export", project, out, "--include-data", "big")
    book = openpyxl.load_workbook(out, read_only=True)
    data = book["Data - big"]
    count = 0
    last = None
    for row in data.iter_rows(min_row=2, values_only=True):
        count += 1
        last = row
    assert count == rows, count
    assert last == (rows - 1, "XYZ"[(rows - 1) % 3], ((rows - 1) % 97) + 0.5), last
    book.close()
    sheet = openpyxl.load_workbook(out)["Big"]
    top = header_row_of(sheet)
    assert "Rate per 1,000" in headers(sheet, top)
    assert sheet.auto_filter.ref is not None and sheet.auto_filter.ref.startswith(f"A{top}")


@test
def failure_leaves_the_old_file():
    out = os.path.join(work, "keep.xlsx")
    write(out, "an older workbook")
    before = checksum(out)
    run = cli("export", small, out, "--analysis", "No such analysis", ok=False)
    assert run.returncode != 0 and "No such analysis" in run.stderr, run.stderr
    assert checksum(out) == before
    assert not [f for f in os.listdir(work) if f.startswith(".equity-workbook-")]


@test
def unwritable_folder_says_so():
    # a "folder" that is a file cannot take the workbook, whoever runs this
    blocker = os.path.join(work, "not-a-folder")
    write(blocker, "")
    run = cli("export", small, os.path.join(blocker, "x.xlsx"), ok=False)
    assert run.returncode != 0 and "could not be written" in run.stderr, run.stderr
    assert "not-a-folder" in run.stderr


@test
def libreoffice_converts_it():
    soffice = shutil.which("soffice")
    assert soffice, "LibreOffice is installed by build-aux/setup.sh"
    profile = os.path.join(work, "lo-profile")
    run = subprocess.run([soffice, "--headless", f"-env:UserInstallation=file://{profile}",
                          "--convert-to", "pdf", "--outdir", work, os.path.join(work, "packet.xlsx")],
                         capture_output=True, text=True, timeout=240)
    assert run.returncode == 0, run.stderr
    assert os.path.getsize(os.path.join(work, "packet.pdf")) > 10000


failed = 0
print(f"1..{len(tests)}")
for number, function in enumerate(tests, 1):
    try:
        function()
        print(f"ok {number} {function.__name__}")
    except Exception as error:  # a failed assertion or a reader's error alike
        failed += 1
        print(f"not ok {number} {function.__name__}: {error!r}")
shutil.rmtree(work, ignore_errors=True)
sys.exit(1 if failed else 0)
