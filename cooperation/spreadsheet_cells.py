"""
The one rule for a cell of a spreadsheet file that the site gives out (the public CSV, the
admin's CSV and Excel exports): a text that a spreadsheet program would take for a formula
(`=HYPERLINK(…)`, `+cmd|' /C calc'!A0`, `@SUM(…)`, or one starting with a tab or a carriage
return) is written with an apostrophe in front, which makes it plain text. Importing a file
takes that apostrophe away again, so an exported file imports back unchanged.

Numbers stay numbers: `-12.5` is a value, not a formula, and is written as it is.
"""

import csv
import re

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
TEXT_MARK = "'"
NUMBER = re.compile(r"[+-]?(\d+([.,]\d*)?|[.,]\d+)([eE][+-]?\d+)?")


def _reads_as_formula(text):
    # Apostrophes already in front are looked through, so that a text that starts with one
    # gets one more and loses exactly that one on import.
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
    """A csv.writer whose every cell goes through `safe_cell`."""

    def __init__(self, file, **options):
        self.writer = csv.writer(file, **options)

    def writerow(self, row):
        return self.writer.writerow([safe_cell(value) for value in row])

    def writerows(self, rows):
        for row in rows:
            self.writerow(row)
