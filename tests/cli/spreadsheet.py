"""spreadsheet.py - checks for tests/cli/spreadsheet.sh, run by a python3
with openpyxl.

    spreadsheet.py cells CSV XLSX calc|gnumeric
        Every field of CSV is in its own cell of XLSX (as LibreOffice Calc
        or gnumeric opened it): text unchanged, numbers as number cells,
        no formula cell anywhere.
    spreadsheet.py same CSV CSV
        The two files hold the same fields (as parsed), whatever their
        quoting or line ends.
    spreadsheet.py workbook XLSX SUMMARY_RAW_CSV DETAIL_CSV PEOPLE
        ownit's own workbook read back cell by cell against the CSV
        exports.
    spreadsheet.py quote SRC DST
        Writes SRC with every field quoted that holds , ; tab, a quote or
        a line break (what the shipped content does once its list fields
        are quoted).
"""
import csv
import datetime
import re
import sys
import zipfile

import openpyxl

NUMBER = re.compile(r"^-?[0-9]+(\.[0-9]+)?$")
DAY = re.compile(r"^([0-9]{4})-([0-9]{2})-([0-9]{2})$")
DAY = re.compile(r"^([0-9]{4})-([0-9]{2})-([0-9]{2})$")
UTC = re.compile(r"^([0-9]{4})-([0-9]{2})-([0-9]{2})T([0-9]{2}):([0-9]{2}):([0-9]{2})Z$")
LOCAL = re.compile(r"^([0-9]{4})-([0-9]{2})-([0-9]{2})T([0-9]{2}):([0-9]{2}):([0-9]{2})[+-][0-9]{2}:[0-9]{2}$")
problems = []


def rows_of(path):
    with open(path, newline="", encoding="utf-8-sig") as f:
        return list(csv.reader(f))


def problem(msg):
    problems.append(msg)


def as_time(m):
    return datetime.datetime(*(int(x) for x in m.groups()))


def no_formulas(wb, name):
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for c in row:
                if c.data_type == "f":
                    problem("%s: %s!%s is a formula: %r" % (name, ws.title, c.coordinate, c.value))


def cell_matches(field, cell, app):
    """The cell holds field: text unchanged, a number as a number, a date
    or time as a date cell of the same instant."""
    v = cell.value
    if field == "":
        return v is None or v == ""
    if app == "gnumeric" and field.startswith("'"):
        # gnumeric takes a leading ' as "this is text" and drops it.
        return cell.data_type == "s" and v == field[1:]
    if NUMBER.match(field):
        return cell.data_type == "n" and not isinstance(v, bool) and abs(float(v) - float(field)) < 1e-9
    for rx in (UTC, DAY):
        m = rx.match(field)
        if m and isinstance(v, datetime.datetime):
            return v == as_time(m) if rx is UTC else v == datetime.datetime(*(int(x) for x in m.groups()))
    return cell.data_type == "s" and v == field


def cmd_cells(csv_path, xlsx_path, app):
    rows = rows_of(csv_path)
    wb = openpyxl.load_workbook(xlsx_path)
    no_formulas(wb, xlsx_path)
    ws = wb.worksheets[0]
    width = max(len(r) for r in rows)
    if ws.max_column > width:
        problem("%s: %d columns, the CSV has %d" % (xlsx_path, ws.max_column, width))
    got = list(ws.iter_rows(min_row=1, max_row=len(rows), max_col=width))
    if ws.max_row != len(rows):
        problem("%s: %d rows, the CSV has %d" % (xlsx_path, ws.max_row, len(rows)))
    for i, (fields, cells) in enumerate(zip(rows, got), 1):
        for j, field in enumerate(fields):
            if not cell_matches(field, cells[j], app):
                problem("%s:%d:%d: %r became %r (%s)" % (csv_path, i, j + 1, field, cells[j].value, cells[j].data_type))


def cmd_same(a, b):
    ra, rb = rows_of(a), rows_of(b)
    if len(ra) != len(rb):
        problem("%s has %d rows, %s has %d" % (a, len(ra), b, len(rb)))
    for i, (x, y) in enumerate(zip(ra, rb), 1):
        if x != y:
            problem("%s:%d: %r became %r" % (a, i, x, y))


def cmd_workbook(path, summary_path, detail_path, people):
    wb = openpyxl.load_workbook(path)
    no_formulas(wb, path)
    want = ["Sessions", "Answers", "Ratings", "Commitments", "Notes", "Radar"]
    if wb.sheetnames != want:
        problem("sheets %r" % wb.sheetnames)
        return
    for ws in wb.worksheets:
        if ws.freeze_panes != "A2":
            problem("%s: header row not frozen (%r)" % (ws.title, ws.freeze_panes))
    summary = rows_of(summary_path)
    ws = wb["Sessions"]
    if ws.max_row != len(summary):
        problem("Sessions: %d rows, the summary has %d" % (ws.max_row, len(summary)))
    # The Sessions sheet has every column of the summary CSV, the team's
    # included, in the same order, each cell typed.
    for i, (fields, cells) in enumerate(zip(summary, ws.iter_rows()), 1):
        if len(cells) < len(fields):
            problem("Sessions row %d: %d cells, the summary has %d" % (i, len(cells), len(fields)))
            continue
        for j, field in enumerate(fields):
            c = cells[j]
            m = LOCAL.match(field)
            d = DAY.match(field)
            if i > 1 and m:
                ok = c.is_date and c.value == as_time(m)
            elif i > 1 and d:
                ok = c.is_date and c.value == datetime.datetime(*map(int, d.groups()))
            elif i > 1 and NUMBER.match(field):
                # The CSV rounds to two decimals: half a hundredth at most.
                ok = c.data_type == "n" and abs(c.value - float(field)) <= 0.005 + 1e-9
            else:
                ok = (c.value or "") == field and c.data_type in ("s", "n")
            if not ok:
                problem("Sessions!%s: %r is %r (%s)" % (c.coordinate, field, c.value, c.data_type))
    detail = rows_of(detail_path)
    head = detail[0]
    col = {name: k for k, name in enumerate(head)}

    def unguard(v):
        return v[1:] if v.startswith("'") else v

    sessions = {r[col["uuid"]]: r for r in detail if r[0] == "session"}
    answers = [r for r in detail if r[0] == "answer"]
    notes = [r for r in detail if r[0] == "note"]
    commits = [r for r in detail if r[0] == "commitment"]
    checks = [("Answers", answers, [(2, "item"), (3, "value"), (4, "text"), (5, "note"), (6, "time")]),
              ("Notes", notes, [(2, "text"), (3, "time")]),
              ("Commitments", commits, [(2, "uuid"), (3, "text"), (4, "owner"), (5, "due"), (7, "obstacle"), (8, "time"), (9, "closed")])]
    for sheet, recs, cols in checks:
        ws = wb[sheet]
        got = list(ws.iter_rows(min_row=2))
        if len(got) != len(recs):
            problem("%s: %d rows, the detail export has %d" % (sheet, len(got), len(recs)))
        for r, cells in zip(recs, got):
            if cells[0].value != r[col["session"]]:
                problem("%s!%s: session %r, want %r" % (sheet, cells[0].coordinate, cells[0].value, r[col["session"]]))
            for k, name in cols:
                field = unguard(r[col[name]])
                c = cells[k]
                m, d = UTC.match(field), DAY.match(field)
                if field == "":
                    ok = c.value is None
                elif name == "value":
                    ok = c.data_type == "n" and c.value == int(field)
                elif m:
                    # local time of the UTC instant; the tests run in UTC
                    ok = c.is_date and c.value == as_time(m)
                elif d and name == "due":
                    ok = c.is_date and c.value == datetime.datetime(*(int(x) for x in d.groups()))
                else:
                    ok = c.data_type == "s" and c.value == field
                if not ok:
                    problem("%s!%s: %r is %r (%s)" % (sheet, c.coordinate, field, c.value, c.data_type))
    radar = wb["Radar"]
    if radar.max_row - 1 != int(people):
        problem("Radar: %d people, want %s" % (radar.max_row - 1, people))
    for row in radar.iter_rows(min_row=2, min_col=3):
        for c in row:
            if c.value is not None and (c.data_type != "n" or not 1 <= c.value <= 5):
                problem("Radar!%s: %r is not a rating" % (c.coordinate, c.value))
    with zipfile.ZipFile(path) as z:
        charts = [n for n in z.namelist() if n.startswith("xl/charts/chart")]
        radars = [n for n in charts if b"<c:radarChart>" in z.read(n)]
    if len(radars) != int(people) or len(charts) != len(radars):
        problem("%d charts, %d of them radar charts, want %s radar charts" % (len(charts), len(radars), people))
    if not sessions:
        problem("no session rows in the detail export")


def cmd_quote(src, dst):
    rows = rows_of(src)
    with open(dst, "w", encoding="utf-8", newline="") as f:
        for r in rows:
            out = []
            for v in r:
                if v != v.strip(" ") or any(ch in v for ch in ',;\t"\r\n'):
                    v = '"' + v.replace('"', '""') + '"'
                out.append(v)
            f.write(",".join(out) + "\r\n")


def main():
    cmd, args = sys.argv[1], sys.argv[2:]
    {"cells": cmd_cells, "same": cmd_same, "workbook": cmd_workbook, "quote": cmd_quote}[cmd](*args)
    for p in problems[:30]:
        print(p)
    sys.exit(1 if problems else 0)


main()
