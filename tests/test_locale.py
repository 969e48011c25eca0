"""The interface's translations: complete, current with the code, and correct in form."""

import re
import shutil
import subprocess
import sys
from pathlib import Path

import polib
import pytest
from django.conf import settings

LANGUAGE_CODES = [code for code, _name in settings.LANGUAGES]
LOCALE = Path(settings.BASE_DIR) / "locale"
PLACEHOLDER = re.compile(r"%\(\w+\)[sd]|%[sd]|\{\w*\}")


def catalogue(code):
    return polib.pofile(str(LOCALE / code / "LC_MESSAGES" / "django.po"))


@pytest.mark.parametrize("code", LANGUAGE_CODES)
def test_catalogue_has_no_untranslated_or_fuzzy_entry(code):
    entries = catalogue(code)
    assert [entry.msgid for entry in entries.untranslated_entries()] == []
    assert [entry.msgid for entry in entries.fuzzy_entries()] == []


@pytest.mark.parametrize("code", LANGUAGE_CODES)
def test_translations_keep_the_placeholders(code):
    for entry in catalogue(code).translated_entries():
        expected = sorted(PLACEHOLDER.findall(entry.msgid_plural or entry.msgid))
        translations = entry.msgstr_plural.values() if entry.msgid_plural else [entry.msgstr]
        for translation in translations:
            found = sorted(PLACEHOLDER.findall(translation))
            # A plural form may leave out the number ("one agreement"), never add one.
            assert set(found) <= set(expected) and (entry.msgid_plural or found == expected), (
                code,
                entry.msgid,
                translation,
            )


def test_catalogues_hold_every_string_of_the_code(tmp_path):
    """The catalogues were updated (`make messages`) after the last change to a string."""
    root = Path(settings.BASE_DIR)
    copy = tmp_path / "project"
    packages = [
        path.parent.name
        for path in root.glob("*/__init__.py")
        if path.parent.name not in {"tests", "bench"}
    ]
    for name in (*packages, "templates", "static", "locale"):
        shutil.copytree(root / name, copy / name, ignore=shutil.ignore_patterns("*.mo"))
    shutil.copy(root / "manage.py", copy / "manage.py")
    subprocess.run(
        [sys.executable, "manage.py", "makemessages", "-l", "bg", "--no-obsolete", "-v0"],
        cwd=copy,
        check=True,
    )
    current = {
        (e.msgctxt, e.msgid) for e in polib.pofile(str(copy / "locale/bg/LC_MESSAGES/django.po"))
    }
    committed = {(e.msgctxt, e.msgid) for e in catalogue("bg")}
    assert current - committed == set(), "run `make messages` and translate the new strings"
