"""
Spreadsheet cells the site gives out: a text a spreadsheet program would run as a formula
(`=HYPERLINK(…)`, `@SUM(…)`) gets an apostrophe in front, which an import takes away again.
Numbers such as `-12.5` stay as they are.
"""

import csv
import re

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
TEXT_MARK = "'"
NUMBER = re.compile(r"[+-]?(\d+([.,]\d*)?|[.,]\d+)([eE][+-]?\d+)?")


def _reads_as_formula(text):
    # Looked through, so a text starting with an apostrophe gets one more and loses only that.
    bare = text.lstrip(TEXT_MARK)
    return bare.startswith(FORMULA_STARTS) and not NUMBER.fullmatch(bare)


def safe_cell(value):
    """The value as it goes into a cell: a text that reads as a formula, marked as text."""
    if isinstance(value, str) and _reads_as_formula(value):
        return TEXT_MARK + value
    return value


def imported_cell(value):
    """A cell's value as read from a file: the mark `safe_cell` added, taken away."""
    if isinstance(value, str) and value.startswith(TEXT_MARK) and _reads_as_formula(value):
        return value[len(TEXT_MARK) :]
    return value


class SafeCsvWriter:
    def __init__(self, file, **options):
        self.writer = csv.writer(file, **options)

    def writerow(self, row):
        return self.writer.writerow([safe_cell(value) for value in row])
